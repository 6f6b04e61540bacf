// Own components are declared through defineComponent(), a small wrapper around Component() in the spirit of Vant's
// VantComponent: `props` becomes `properties`, and every component gets addGlobalClass (so app.wxss classes such as
// .muted apply inside it) and multipleSlots. Keeping one entry point means a later change (a shared behaviour, an
// option the base library adds) is one edit, not one per component.

type DataOption = WechatMiniprogram.Component.DataOption;
type PropertyOption = WechatMiniprogram.Component.PropertyOption;
type MethodOption = WechatMiniprogram.Component.MethodOption;
type BehaviorOption = WechatMiniprogram.Component.BehaviorOption;

export type ComponentInstance<
  TData extends DataOption,
  TProps extends PropertyOption,
  TMethods extends MethodOption,
  TBehaviors extends BehaviorOption = [],
> = WechatMiniprogram.Component.Instance<TData, TProps, TMethods, TBehaviors>;

export interface ComponentOptions<TData extends DataOption, TProps extends PropertyOption, TMethods extends MethodOption, TBehaviors extends BehaviorOption = []> {
  props?: TProps;
  data?: TData;
  methods?: TMethods;
  /** Behavior()s whose data and methods the component takes on (behaviors/paged-list.ts), typed on `this`. */
  behaviors?: TBehaviors;
  /** Same as Component()'s observers: "a, b" -> fn(a, b). */
  observers?: Record<string, (...args: never[]) => void>;
  externalClasses?: string[];
  attached?(): void;
  detached?(): void;
}

export function defineComponent<
  TData extends DataOption,
  TProps extends PropertyOption,
  TMethods extends MethodOption,
  TBehaviors extends BehaviorOption = [],
>(options: ComponentOptions<TData, TProps, TMethods, TBehaviors> & ThisType<ComponentInstance<TData, TProps, TMethods, TBehaviors>>): string {
  const lifetimes: Record<string, () => void> = {};
  if (options.attached) lifetimes.attached = options.attached;
  if (options.detached) lifetimes.detached = options.detached;
  const definition = {
    options: { addGlobalClass: true, multipleSlots: true },
    behaviors: options.behaviors ?? [],
    properties: options.props ?? {},
    data: options.data ?? {},
    methods: options.methods ?? {},
    observers: options.observers ?? {},
    externalClasses: options.externalClasses ?? [],
    lifetimes,
  };
  return Component(definition);
}

/**
 * A list card (case-card, policy-card, draft-card): `item` is the row's view, drawn by the card's WXML, and a tap opens
 * `base?id=<item.id>`. `base` is the citizen's page unless the list says otherwise (staff lists open their editor).
 */
export function defineCard(defaultBase: string): string {
  return defineComponent({
    props: {
      item: { type: Object, value: {} as { id?: string } },
      base: { type: String, value: defaultBase },
    },
    methods: {
      onOpen() {
        const id = (this.data.item as { id?: string }).id;
        if (id) void wx.navigateTo({ url: `${this.data.base}?id=${encodeURIComponent(id)}` });
      },
    },
  });
}
