// Pages are built with Component() (officially supported for pages), so miniprogram-simulate and the browser
// preview load them as they are. definePage() removes the boilerplate: page lifecycles may be written at the top
// level, and they land in `methods`, where Component() looks for them. A page may take on Behavior()s (behaviors/):
// their data and methods join the page's, and its own win on a name clash, as in WeChat.
// Every page gets `pageStyle` (its <page-meta page-style>) and `careMode` from utils/care.ts, so 长辈模式 reaches
// every page from one place.
import { careModeOn, carePageStyle } from './care';

type Query = Record<string, string | undefined>;
type BehaviorOption = WechatMiniprogram.Component.BehaviorOption;

export interface PageLifecycles {
  onLoad?(query: Query): void | Promise<void>;
  onShow?(): void | Promise<void>;
  onReady?(): void;
  onHide?(): void;
  onUnload?(): void;
  onPullDownRefresh?(): void | Promise<void>;
  onReachBottom?(): void | Promise<void>;
  onShareAppMessage?(options?: WechatMiniprogram.Page.IShareAppMessageOption): WechatMiniprogram.Page.ICustomShareContent;
}

const LIFECYCLES = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onPullDownRefresh', 'onReachBottom', 'onShareAppMessage'] as const;

export type PageInstance<
  TData extends WechatMiniprogram.IAnyObject,
  TMethods extends WechatMiniprogram.Component.MethodOption,
  TBehaviors extends BehaviorOption = [],
> = WechatMiniprogram.Component.Instance<TData, WechatMiniprogram.Component.PropertyOption, TMethods, TBehaviors> & PageLifecycles;

export interface PageOptions<
  TData extends WechatMiniprogram.IAnyObject,
  TMethods extends WechatMiniprogram.Component.MethodOption,
  TBehaviors extends BehaviorOption = [],
> extends PageLifecycles {
  data: TData;
  methods?: TMethods;
  /** Behavior()s whose data and methods the page takes on (a typed Behavior() result keeps them typed on `this`). */
  behaviors?: TBehaviors;
  /** Keys matching this are kept off the render layer (setData sends less). */
  pureDataPattern?: RegExp;
}

export function definePage<
  TData extends WechatMiniprogram.IAnyObject,
  TMethods extends WechatMiniprogram.Component.MethodOption,
  TBehaviors extends BehaviorOption = [],
>(options: PageOptions<TData, TMethods, TBehaviors> & ThisType<PageInstance<TData, TMethods, TBehaviors>>): string {
  const methods: Record<string, unknown> = { ...(options.methods ?? {}) };
  for (const name of LIFECYCLES) {
    const fn = options[name];
    if (fn) methods[name] = fn;
  }
  return Component({
    options: { addGlobalClass: true, multipleSlots: true, ...(options.pureDataPattern ? { pureDataPattern: options.pureDataPattern } : {}) },
    behaviors: options.behaviors ?? [],
    data: { ...options.data, pageStyle: '', careMode: false },
    methods: methods as TMethods,
    lifetimes: {
      attached(this: WechatMiniprogram.Component.TrivialInstance) {
        this.setData({ pageStyle: carePageStyle(), careMode: careModeOn() });
      },
    },
  });
}

/**
 * What a page keeps for itself off `data` (ids, versions, cursors, busy flags, idempotency keys: nothing rendered, so
 * nothing for setData to carry), one per page instance, made by `init` on first use.
 */
export function pageState<T>(init: () => T): (page: object) => T {
  const states = new WeakMap<object, T>();
  return (page) => {
    let state = states.get(page);
    if (state === undefined) {
      state = init();
      states.set(page, state);
    }
    return state;
  };
}
