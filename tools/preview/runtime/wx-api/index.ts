// The `wx` object of the preview. simulate's own `wx` answers ~400 APIs with canned data (wx.request resolves {}),
// which would let a page look fine while doing nothing; here every API is either implemented for real (against the
// local cloud, the page stack, the native UI drawn by the preview) or fails loudly: a console.error naming it and a
// thrown error (sync APIs) or rejected promise / fail callback (async ones).
import type { AnyObject } from '../env';
import { reportUnsupported } from '../loud';
import type { Router } from '../router';
import type { TabBar } from '../tabbar';
import { cloudApi } from './cloud';
import { interfaceApi } from './interface';
import { mediaApi } from './media';
import { miscApi, type AppEvents } from './misc';
import type { Privacy } from './privacy';
import { storageApi } from './storage';
import { systemApi } from './system';

export interface WxDeps {
  gatewayUrl: string;
  openid: string;
  fontSizeSetting: number;
  router: Router;
  tabbar: TabBar;
  privacy: Privacy;
  appEvents: AppEvents;
  /** Names the real `wx` has (simulate's mock list): asked-for but missing ones fail loudly instead of being undefined. */
  knownNames: string[];
  resolveSrc(src: string): string;
  windowHeight(): number;
  launchOptions(): AnyObject;
  onSubscribeAnswer(answer: Record<string, string>): void;
}

const SYNC_SHAPED = /Sync$|^(create|on|off)[A-Z]|^get\w*(Manager|Context)$/;

function unsupported(name: string): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const error = reportUnsupported(`wx.${name}`);
    if (SYNC_SHAPED.test(name)) throw error;
    const opts = (args[0] ?? {}) as AnyObject;
    if (typeof opts.fail === 'function' || typeof opts.complete === 'function' || typeof opts.success === 'function') {
      const res = { errMsg: `${name}:fail not supported in the preview` };
      opts.fail?.(res);
      opts.complete?.(res);
      return undefined;
    }
    return Promise.reject(error);
  };
}

export function createWx(deps: WxDeps): AnyObject {
  const ensurePrivacy = (api: string) => deps.privacy.ensure(api);
  const impl: AnyObject = {
    ...systemApi({ fontSizeSetting: deps.fontSizeSetting, windowHeight: deps.windowHeight, launchOptions: deps.launchOptions }),
    ...storageApi(deps.openid),
    ...interfaceApi(deps.router, deps.tabbar),
    ...mediaApi({ ensurePrivacy, resolveSrc: deps.resolveSrc }),
    ...miscApi({ ensurePrivacy, onSubscribeAnswer: deps.onSubscribeAnswer }),
    ...deps.privacy.api(),
    ...deps.appEvents.api(),
    cloud: cloudApi({ gatewayUrl: deps.gatewayUrl, openid: deps.openid }),
    // Scoped to the current page unless .in(component) is called; Vant calls .in() during a page's first render,
    // before that page is on the stack, so the page's query is only made when a select() needs it.
    createSelectorQuery: () => {
      let real: AnyObject | null = null;
      const query = () => {
        const page = deps.router.top?.instance;
        if (!page) throw new Error('wx.createSelectorQuery: no page is open');
        return (real ??= page.createSelectorQuery() as AnyObject);
      };
      return {
        in: (component: AnyObject) => (real = component.createSelectorQuery() as AnyObject),
        select: (selector: string) => query().select(selector),
        selectAll: (selector: string) => query().selectAll(selector),
        selectViewport: () => query().selectViewport(),
        exec: (cb?: (res: unknown[]) => void) => query().exec(cb),
      };
    },
    createIntersectionObserver: (component: AnyObject, options?: AnyObject) => component.createIntersectionObserver(options),
    canIUse: (schema: string) => typeof schema === 'string' && schema.split('.')[0]! in impl,
  };
  const known = new Set(deps.knownNames);
  return new Proxy(impl, {
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key);
      if (key in target) return target[key];
      if (known.has(key)) return unsupported(key);
      return undefined;
    },
  });
}
