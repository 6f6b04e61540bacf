// Built-in components (input, picker, swiper, ...) are registered with simulate as components named like the
// built-in (tag wx-<name>), each a small real DOM implementation inside its host element. The host keeps a pointer
// to its instance so forms, labels and groups can find their controls through the DOM.
import { win, type AnyObject } from '../env';
import { reportUnsupported } from '../loud';

/** The `this` of a built-in: simulate's component caller plus the DOM the implementation keeps. */
export interface Builtin extends AnyObject {
  data: AnyObject;
  setData(data: AnyObject): void;
  triggerEvent(name: string, detail?: AnyObject, options?: AnyObject): void;
}

export interface BuiltinHost extends HTMLElement {
  __mpBuiltin?: Builtin;
}

export function hostOf(self: Builtin): BuiltinHost {
  return (self as AnyObject)._exparserNode.$$ as BuiltinHost;
}

/** The instance of a built-in from its host element, when the element is one. */
export function builtinOf(el: Element | null): Builtin | undefined {
  return (el as BuiltinHost | null)?.__mpBuiltin;
}

/** The class prefix of the component whose template holds this node (page or component), as simulate applies it. */
export function ownerClassPrefix(self: Builtin): string {
  const prefix = (self as AnyObject)._exparserNode.classList?.getPrefix?.() as string | undefined;
  return prefix ? `${prefix}--` : '';
}

/** A node of the owner's template by its WXML id (ids are not written to the DOM). */
export function ownerNodeById(self: Builtin, id: string): HTMLElement | null {
  const node = (self as AnyObject)._exparserNode.ownerShadowRoot?.getElementById?.(id);
  return (node?.$$ as HTMLElement | undefined) ?? null;
}

export interface BuiltinDefinition {
  template?: string;
  properties?: AnyObject;
  methods?: Record<string, (this: Builtin, ...args: never[]) => unknown>;
  /** Builds the DOM once the host exists and properties are set. */
  attached?: (this: Builtin, host: BuiltinHost) => void;
  detached?: (this: Builtin, host: BuiltinHost) => void;
  /** Brings the DOM in line with the properties (called after attached and on every property change). */
  render?: (this: Builtin, host: BuiltinHost) => void;
}

export function defineBuiltin(name: string, def: BuiltinDefinition): void {
  const properties: AnyObject = {};
  for (const [key, spec] of Object.entries(def.properties ?? {})) {
    const full = typeof spec === 'function' || spec === null ? { type: spec } : { ...(spec as AnyObject) };
    properties[key] = { ...full, observer: '__mpRender' };
  }
  win.simulate.load({
    id: name,
    tagName: `wx-${name}`,
    template: def.template ?? '<slot/>',
    properties,
    methods: {
      ...(def.methods ?? {}),
      __mpRender(this: Builtin) {
        if (this.__mpAttached && def.render) def.render.call(this, hostOf(this));
      },
    },
    lifetimes: {
      attached(this: Builtin) {
        const host = hostOf(this);
        host.__mpBuiltin = this;
        this.__mpAttached = true;
        def.attached?.call(this, host);
        def.render?.call(this, host);
      },
      detached(this: Builtin) {
        this.__mpAttached = false;
        def.detached?.call(this, hostOf(this));
      },
    },
  });
}

/** A built-in the preview does not implement: it renders its children but says so loudly when used. */
export function defineUnsupported(name: string, why = ''): void {
  win.simulate.load({
    id: name,
    tagName: `wx-${name}`,
    template: '<slot/>',
    lifetimes: {
      attached() {
        reportUnsupported(`<${name}>${why ? ` (${why})` : ''}`);
      },
    },
  });
}

/** A built-in that renders as a plain container here (its native behaviour does not change the layout). */
export function definePassthrough(name: string): void {
  win.simulate.load({ id: name, tagName: `wx-${name}`, template: '<slot/>' });
}
