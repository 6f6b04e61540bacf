// The page stack: navigateTo, redirectTo, navigateBack, switchTab, reLaunch with WeChat's rules (tab pages only by
// switchTab, ten pages at most, relative urls resolved against the current page, query strings passed to onLoad
// undecoded), and the page lifecycles in WeChat's order. Pages are Component()-built, loaded by simulate once per
// route and rendered once per stack entry; tab pages stay alive until reLaunch, as in the client.
import type { Manifest, PageEntry } from '../shared/manifest';
import type { ShimHandle } from '../../mp-shims';
import { win, type AnyObject, type RootComponent } from './env';
import { EventChannel } from './event-channel';
import { reportError } from './loud';
import type { NavBar, NavBarState } from './navbar';
import type { TabBar } from './tabbar';
import { Webview } from './webview';

export type Query = Record<string, string>;

export interface PageRecord {
  id: number;
  route: string;
  query: Query;
  entry: PageEntry;
  webview: Webview;
  comp: RootComponent | null;
  instance: AnyObject | null;
  nav: NavBarState;
  eventChannel: EventChannel;
  /** wx.enableAlertBeforeUnload's message for this page, asked before the user's own back (not before wx.navigateBack). */
  alertBeforeUnload: string | null;
}

/** A failed route call, with WeChat's errMsg. */
export class RouteError extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
  }
}

const MAX_STACK = 10;
let nextId = 1;

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * A route API's query string as the base library reads it: values are NOT decoded (pages decodeURIComponent what
 * they encoded), a key without "=" gets the string "undefined", a value ends at its next "=", and a second "?" ends
 * the query. All four are WeChat's documented or maintainer-confirmed behaviour, kept so pages meet them here first.
 */
export function parseQuery(qs: string): Query {
  const query: Query = {};
  const q = qs.indexOf('?');
  for (const pair of (q < 0 ? qs : qs.slice(0, q)).split('&')) {
    if (!pair) continue;
    const parts = pair.split('=');
    query[parts[0]!] = parts.length > 1 ? parts[1]! : 'undefined';
  }
  return query;
}

export interface RouterDeps {
  manifest: Manifest;
  container: HTMLElement;
  navbar: NavBar;
  tabbar: TabBar;
  shims: ShimHandle;
  /** Called whenever the top page changes (the console shows the route). */
  onChange?: (top: PageRecord | null) => void;
}

export class Router {
  readonly stack: PageRecord[] = [];
  private readonly tabPages = new Map<string, PageRecord>();
  private readonly componentIds = new Map<string, string>();
  private readonly pages: Map<string, PageEntry>;

  constructor(private readonly deps: RouterDeps) {
    this.pages = new Map(deps.manifest.pages.map((p) => [p.route, p]));
  }

  get top(): PageRecord | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** "/pages/a/index?x=1" or "../a/index?x=1" (relative to the current page) -> route and query. */
  parseUrl(url: string, api: string): { route: string; query: Query } {
    if (typeof url !== 'string' || !url) throw new RouteError(`${api}:fail parameter error: parameter.url should be String instead of ${typeof url}`);
    const q = url.indexOf('?');
    const pathPart = q < 0 ? url : url.slice(0, q);
    const qs = q < 0 ? '' : url.slice(q + 1);
    const from = this.top ? this.top.route.split('/').slice(0, -1).join('/') : '';
    const route = normalize(pathPart.startsWith('/') ? pathPart : `${from}/${pathPart}`);
    if (!this.pages.has(route)) throw new RouteError(`${api}:fail page "${route}" is not found`);
    return { route, query: parseQuery(qs) };
  }

  isTab(route: string): boolean {
    return this.deps.tabbar.isTab(route);
  }

  async navigateTo(url: string, events?: Record<string, (...args: unknown[]) => void>): Promise<{ eventChannel: EventChannel }> {
    const { route, query } = this.parseUrl(url, 'navigateTo');
    if (this.isTab(route)) throw new RouteError('navigateTo:fail can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_STACK) throw new RouteError('navigateTo:fail webview count limit exceed');
    const previous = this.top;
    const channel = new EventChannel(events);
    if (previous) this.hide(previous);
    this.open(route, query, channel);
    return { eventChannel: channel };
  }

  async redirectTo(url: string): Promise<void> {
    const { route, query } = this.parseUrl(url, 'redirectTo');
    if (this.isTab(route)) throw new RouteError('redirectTo:fail can not redirectTo a tabbar page');
    const previous = this.stack.pop();
    if (previous) this.unload(previous);
    this.open(route, query, new EventChannel());
  }

  async navigateBack(delta = 1): Promise<void> {
    if (this.stack.length <= 1) throw new RouteError('navigateBack:fail cannot navigate back at first page.');
    const count = Math.min(Math.max(1, Math.floor(delta) || 1), this.stack.length - 1);
    for (let i = 0; i < count; i++) this.unload(this.stack.pop()!);
    this.show(this.top!);
  }

  /**
   * The back the user presses (navigation bar arrow, Android back key). WeChat asks first when the page enabled
   * wx.enableAlertBeforeUnload and is not the lowest page; route APIs called by the page are never held up.
   */
  async userBack(ask: (message: string) => Promise<boolean>): Promise<void> {
    const top = this.top;
    if (top?.alertBeforeUnload && this.stack.length > 1 && !(await ask(top.alertBeforeUnload))) return;
    if (this.top !== top) return;
    await this.navigateBack(1);
  }

  async switchTab(url: string): Promise<void> {
    const { route, query } = this.parseUrl(url, 'switchTab');
    if (!this.isTab(route)) throw new RouteError('switchTab:fail can not switch to no-tabBar page');
    if (Object.keys(query).length) console.warn(`[preview] switchTab drops the query string of ${url}, as WeChat does`);
    const top = this.top;
    if (top?.route === route && this.stack.length === 1) return;
    while (this.stack.length) {
      const rec = this.stack.pop()!;
      if (this.tabPages.get(rec.route) === rec) this.hide(rec);
      else this.unload(rec);
    }
    const existing = this.tabPages.get(route);
    if (existing) {
      this.stack.push(existing);
      this.show(existing);
    } else {
      this.open(route, {}, new EventChannel());
    }
  }

  async reLaunch(url: string): Promise<void> {
    const { route, query } = this.parseUrl(url, 'reLaunch');
    if (this.isTab(route) && Object.keys(query).length) console.warn(`[preview] reLaunch to a tab page keeps no query string: ${url}`);
    while (this.stack.length) {
      const rec = this.stack.pop()!;
      if (this.tabPages.get(rec.route) !== rec) this.unload(rec);
    }
    for (const rec of this.tabPages.values()) this.unload(rec);
    this.tabPages.clear();
    this.open(route, query, new EventChannel());
  }

  /** Re-renders the chrome for the top page (after setNavigationBarTitle and the like). */
  refreshChrome(): void {
    const top = this.top;
    this.deps.shims.pages.splice(0, this.deps.shims.pages.length, ...this.stack.map((r) => r.instance));
    if (!top) return;
    const home = this.stack.length === 1 && top.route !== this.deps.manifest.entryPage && !this.isTab(top.route);
    this.deps.navbar.render(top.nav, { back: this.stack.length > 1, home });
    this.deps.tabbar.show(top.route);
    this.deps.onChange?.(top);
  }

  private componentId(entry: PageEntry): string {
    let id = this.componentIds.get(entry.route);
    if (!id) {
      id = win.simulate.load(`/${entry.route}`, entry.tagName, {
        rootPath: '/',
        compiler: 'official',
        usingComponents: this.deps.manifest.usingComponents,
      });
      this.componentIds.set(entry.route, id);
    }
    return id;
  }

  private navState(entry: PageEntry): NavBarState {
    const w = { ...this.deps.manifest.window, ...entry.window };
    return {
      title: w.navigationBarTitleText ?? '',
      backgroundColor: w.navigationBarBackgroundColor ?? '#000000',
      textStyle: w.navigationBarTextStyle === 'black' ? 'black' : 'white',
      custom: w.navigationStyle === 'custom',
      loading: false,
    };
  }

  private open(route: string, query: Query, eventChannel: EventChannel): PageRecord {
    const entry = this.pages.get(route)!;
    const windowConfig = { ...this.deps.manifest.window, ...entry.window };
    const nav = this.navState(entry);
    const tab = this.isTab(route);
    // The webview's hooks need the record, which needs the webview: they read it lazily.
    // eslint-disable-next-line prefer-const
    let rec!: PageRecord;
    const webview = new Webview(route, windowConfig, { tab, customNav: nav.custom }, {
      onScroll: (scrollTop) => this.call(rec, 'onPageScroll', { scrollTop }),
      onReachBottom: () => this.call(rec, 'onReachBottom'),
      onPullDownRefresh: () => this.call(rec, 'onPullDownRefresh'),
    });
    rec = { id: nextId++, route, query, entry, webview, comp: null, instance: null, nav, eventChannel, alertBeforeUnload: null };
    this.deps.container.append(webview.el);
    this.stack.push(rec);
    if (tab) this.tabPages.set(route, rec);
    this.refreshChrome();
    try {
      if (entry.missing) throw new Error(`app.json lists ${route}, but miniprogram/${route}.wxml or .json does not exist`);
      const comp = win.simulate.render(this.componentId(entry));
      comp.dom.setAttribute('data-mp-page', route);
      comp.attach(webview.scroller);
      rec.comp = comp;
      rec.instance = comp.instance;
      Object.assign(rec.instance, { route, __route__: route, options: { ...query }, getOpenerEventChannel: () => eventChannel });
    } catch (error) {
      console.error(`[preview] page ${route} failed to load:`, error);
      webview.showError(`页面 ${route} 加载失败`, error);
      return rec;
    }
    this.refreshChrome();
    this.call(rec, 'onLoad', { ...query });
    this.call(rec, 'onShow');
    rec.comp.triggerPageLifeTime('show');
    window.setTimeout(() => this.call(rec, 'onReady'), 0);
    return rec;
  }

  private hide(rec: PageRecord): void {
    rec.webview.setHidden(true);
    this.call(rec, 'onHide');
    rec.comp?.triggerPageLifeTime('hide');
  }

  private show(rec: PageRecord): void {
    rec.webview.setHidden(false);
    this.refreshChrome();
    this.call(rec, 'onShow');
    rec.comp?.triggerPageLifeTime('show');
  }

  private unload(rec: PageRecord): void {
    this.call(rec, 'onUnload');
    try {
      rec.comp?.detach();
    } catch (error) {
      reportError(`${rec.route} detach`, error);
    }
    rec.webview.el.remove();
    if (this.tabPages.get(rec.route) === rec) this.tabPages.delete(rec.route);
  }

  /** Calls a page lifecycle or handler; errors (sync or in its promise) reach the console as in WeChat. */
  call(rec: PageRecord, name: string, ...args: unknown[]): unknown {
    const fn = rec.instance?.[name];
    if (typeof fn !== 'function') return undefined;
    try {
      const result = fn.apply(rec.instance, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, (error: unknown) => reportError(`${rec.route} ${name}`, error));
      }
      return result;
    } catch (error) {
      reportError(`${rec.route} ${name}`, error);
      return undefined;
    }
  }
}
