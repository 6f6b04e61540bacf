// Pages are built with Component() (officially supported for pages), so miniprogram-simulate and the browser
// preview load them as they are. definePage() removes the boilerplate: page lifecycles may be written at the top
// level, and they land in `methods`, where Component() looks for them.

type Query = Record<string, string | undefined>;

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

export type PageInstance<TData extends WechatMiniprogram.IAnyObject, TMethods extends WechatMiniprogram.Component.MethodOption> =
  WechatMiniprogram.Component.Instance<TData, WechatMiniprogram.Component.PropertyOption, TMethods, WechatMiniprogram.Component.BehaviorOption> &
    PageLifecycles;

export interface PageOptions<TData extends WechatMiniprogram.IAnyObject, TMethods extends WechatMiniprogram.Component.MethodOption>
  extends PageLifecycles {
  data: TData;
  methods?: TMethods;
  /** Keys matching this are kept off the render layer (setData sends less). */
  pureDataPattern?: RegExp;
}

export function definePage<
  TData extends WechatMiniprogram.IAnyObject,
  TMethods extends WechatMiniprogram.Component.MethodOption,
>(options: PageOptions<TData, TMethods> & ThisType<PageInstance<TData, TMethods>>): string {
  const methods: Record<string, unknown> = { ...(options.methods ?? {}) };
  for (const name of LIFECYCLES) {
    const fn = options[name];
    if (fn) methods[name] = fn;
  }
  return Component({
    options: { addGlobalClass: true, multipleSlots: true, ...(options.pureDataPattern ? { pureDataPattern: options.pureDataPattern } : {}) },
    data: options.data,
    methods: methods as TMethods,
  });
}
