// What miniprogram-simulate lacks compared with the WeChat base library, shared by the page tests (jsdom) and the
// browser preview. Each gap was found by running Vant under simulate (see knowledge/feasibility-frontend.md):
// - App()/getApp()/getCurrentPages() do not exist;
// - Vant's tabs call this.groupSetData (absent);
// - getRelationNodes returns null where the base library returns [] (Vant's checkbox without a group crashes).

/* eslint-disable @typescript-eslint/no-explicit-any -- this file patches untyped framework globals */
type AnyFn = (...args: any[]) => any;

export interface ShimGlobals {
  Component: AnyFn;
  Behavior: AnyFn;
  App?: AnyFn;
  getApp?: AnyFn;
  getCurrentPages?: () => unknown[];
}

export interface ShimHandle {
  /** The page stack getCurrentPages() answers; the host (test helper or preview router) keeps it current. */
  pages: unknown[];
  app(): Record<string, any>;
}

export interface ShimOptions {
  /**
   * simulate fires `ready` only for the components of the first render (RootComponent.attach walks the tree once);
   * the base library fires it for every component after its first render, including those a later setData creates
   * (Vant's grid-item, tabs, sticky... initialise in `ready`). With this, a late component gets `ready` one microtask
   * after it is attached, once. Off by default (the page tests' behaviour is unchanged); the browser preview turns it on.
   */
  readyForLateComponents?: boolean;
}

export function installMiniprogramShims(g: ShimGlobals, options: ShimOptions = {}): ShimHandle {
  const pages: unknown[] = [];
  let appInstance: Record<string, any> = { globalData: {} };
  g.App = (def: Record<string, any>) => {
    appInstance = Object.assign({ globalData: {} }, def);
    return appInstance;
  };
  g.getApp = () => appInstance;
  g.getCurrentPages = () => pages.slice();

  const original = g.Component;
  const polyfill = g.Behavior({
    methods: {
      groupSetData(this: unknown, cb?: AnyFn) {
        if (cb) cb.call(this);
      },
    },
    lifetimes: {
      created(this: { getRelationNodes?: AnyFn }) {
        const orig = this.getRelationNodes;
        if (typeof orig === 'function') this.getRelationNodes = (p: string) => orig.call(this, p) || [];
      },
      ...(options.readyForLateComponents
        ? {
            attached(this: { __mpReady?: boolean; _exparserNode?: { __attached?: boolean; triggerLifeTime(name: string): void } }) {
              void Promise.resolve().then(() => {
                const node = this._exparserNode;
                if (!this.__mpReady && node?.__attached) node.triggerLifeTime('ready');
              });
            },
            ready(this: { __mpReady?: boolean }) {
              this.__mpReady = true;
            },
          }
        : {}),
    },
  });
  g.Component = (def: Record<string, any> = {}) => original({ ...def, behaviors: [polyfill, ...(def.behaviors ?? [])] });
  return { pages, app: () => appInstance };
}
