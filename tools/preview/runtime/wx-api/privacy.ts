// WeChat's privacy agreement flow (base library 2.32.3+): a privacy-protected API, or wx.requirePrivacyAuthorize,
// asks the page's onNeedPrivacyAuthorization handler (which shows the page's own agreement UI and calls resolve), or
// WeChat's own prompt when the page registered none. The answer is remembered per WeChat user.
import type { AnyObject } from '../env';
import { askPrivacy } from '../ui/dialogs';
import { showModal } from '../ui/modal';
import { asyncApi, WxFail } from './promisify';

type Resolve = (result: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type Listener = (resolve: Resolve, eventInfo: { referrer: string }) => void;

export const PRIVACY_CONTRACT = '《民声小程序隐私保护指引》';

export class Privacy {
  private listener: Listener | null = null;
  private readonly key: string;

  constructor(openid: string) {
    this.key = `preview:${openid}:privacyAgreed`;
  }

  get agreed(): boolean {
    return localStorage.getItem(this.key) === '1';
  }

  /** The agreePrivacyAuthorization button records consent, as in WeChat. */
  agree(): void {
    localStorage.setItem(this.key, '1');
  }

  private ask(referrer: string): Promise<boolean> {
    const listener = this.listener;
    if (!listener) {
      return askPrivacy(PRIVACY_CONTRACT).then((agree) => {
        if (agree) this.agree();
        return agree;
      });
    }
    return new Promise((resolve) => {
      let settled = false;
      listener(
        (result) => {
          if (settled || !result || result.event === 'exposureAuthorization') return;
          settled = true;
          if (result.event === 'agree') this.agree();
          resolve(result.event === 'agree');
        },
        { referrer },
      );
    });
  }

  async ensure(api: string): Promise<void> {
    if (this.agreed) return;
    if (!(await this.ask(api))) throw new WxFail(`${api}:fail privacy permission is not authorized`, { errno: 104 });
  }

  api(): AnyObject {
    return {
      onNeedPrivacyAuthorization: (listener: Listener) => {
        if (typeof listener !== 'function') throw new TypeError('onNeedPrivacyAuthorization needs a function');
        this.listener = listener;
      },
      getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: !this.agreed, privacyContractName: PRIVACY_CONTRACT })),
      requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => this.ensure('requirePrivacyAuthorize')),
      openPrivacyContract: asyncApi('openPrivacyContract', async () => {
        await showModal({ title: PRIVACY_CONTRACT, content: '预览中展示占位内容；在微信里这里打开你在公众平台填写的隐私保护指引。', showCancel: false });
      }),
    };
  }
}
