// The two native prompts WeChat draws for this product: the subscribe-message authorisation and the privacy
// agreement. Both are bottom dialogs like the client's, and resolve with the user's answer.
import { h, overlayLayer } from './dom';

const APP_NAME = '民声';

function appHeader(): HTMLElement {
  return h('div', { className: 'mp-dialog__app' }, h('span', { className: 'mp-dialog__logo', text: '民' }), APP_NAME);
}

/** Resolves with each template's answer; 取消 rejects them all. Templates start switched on, as in WeChat. */
export function askSubscribe(tmplIds: string[]): Promise<Record<string, 'accept' | 'reject'>> {
  return new Promise((resolve) => {
    const chosen = new Map(tmplIds.map((id) => [id, true]));
    const rows = tmplIds.map((id, i) => {
      const toggle = h('input', { type: 'checkbox', checked: true, 'aria-label': `订阅消息 ${i + 1}`, 'data-tmpl-id': id });
      toggle.addEventListener('change', () => chosen.set(id, toggle.checked));
      return h('label', { className: 'mp-dialog__row' }, h('span', {}, `订阅消息 ${i + 1}`, h('br'), h('code', { text: id })), toggle);
    });
    const root = h('div', { className: 'mp-layer', 'data-testid': 'mp-subscribe' });
    const done = (allow: boolean) => {
      root.remove();
      resolve(Object.fromEntries(tmplIds.map((id) => [id, allow && chosen.get(id) ? 'accept' : 'reject'])));
    };
    root.append(
      h('div', { className: 'mp-sheet-mask' }),
      h(
        'div',
        { className: 'mp-dialog', role: 'dialog' },
        appHeader(),
        h('div', { className: 'mp-dialog__title', text: '申请向你发送以下订阅消息' }),
        h('div', { className: 'mp-dialog__text', text: '预览中列出模板 ID；在微信里这里显示模板标题。' }),
        h('div', { className: 'mp-dialog__list' }, ...rows),
        h(
          'div',
          { className: 'mp-dialog__buttons' },
          h('button', { text: '取消', 'data-testid': 'mp-subscribe-cancel', onclick: () => done(false) }),
          h('button', { className: 'mp-primary', text: '允许', 'data-testid': 'mp-subscribe-allow', onclick: () => done(true) }),
        ),
      ),
    );
    overlayLayer().append(root);
  });
}

/** WeChat's own privacy prompt, shown when a privacy API needs consent and the page registered no handler. */
export function askPrivacy(contractName: string): Promise<boolean> {
  return new Promise((resolve) => {
    const root = h('div', { className: 'mp-layer', 'data-testid': 'mp-privacy' });
    const done = (agree: boolean) => {
      root.remove();
      resolve(agree);
    };
    root.append(
      h('div', { className: 'mp-sheet-mask' }),
      h(
        'div',
        { className: 'mp-dialog', role: 'dialog' },
        appHeader(),
        h('div', { className: 'mp-dialog__title', text: '用户隐私保护提示' }),
        h(
          'div',
          { className: 'mp-dialog__text' },
          '在你使用本小程序服务之前，请仔细阅读',
          h('span', { className: 'mp-dialog__link', text: contractName }),
          '。如你同意，请点击“同意”开始使用。',
        ),
        h(
          'div',
          { className: 'mp-dialog__buttons' },
          h('button', { text: '拒绝', 'data-testid': 'mp-privacy-disagree', onclick: () => done(false) }),
          h('button', { className: 'mp-primary', text: '同意', 'data-testid': 'mp-privacy-agree', onclick: () => done(true) }),
        ),
      ),
    );
    overlayLayer().append(root);
  });
}
