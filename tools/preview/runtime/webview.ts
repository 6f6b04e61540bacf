// One page's "webview": the area between the navigation bar and the tab bar where the page scrolls. It is a containing
// block for position:fixed (transform), so a page's fixed elements sit under the navigation bar and above the tab bar
// as in WeChat. It reports scrolling (onPageScroll, onReachBottom) and runs the pull-down refresh gesture.
import type { WindowConfig } from '../shared/manifest';
import { h } from './ui/dom';

export interface WebviewHooks {
  onScroll(scrollTop: number): void;
  onReachBottom(): void;
  onPullDownRefresh(): void;
}

const PULL_THRESHOLD = 50;
const REFRESH_HEIGHT = 60;

export class Webview {
  readonly el: HTMLElement;
  readonly scroller: HTMLElement;
  private readonly refresh: HTMLElement;
  private atBottom = false;
  private pull: { startY: number; distance: number } | null = null;
  private refreshing = false;

  constructor(
    readonly route: string,
    private readonly window: WindowConfig,
    opts: { tab: boolean; customNav: boolean },
    private readonly hooks: WebviewHooks,
  ) {
    this.refresh = h('div', { className: 'mp-webview__refresh', 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
    this.refresh.style.color = window.backgroundTextStyle === 'light' ? '#fff' : '#000';
    this.scroller = h('div', { className: 'mp-webview__scroller' });
    this.el = h(
      'div',
      {
        className: `mp-webview${opts.tab ? ' mp-webview--tab' : ''}${opts.customNav ? ' mp-webview--custom-nav' : ''}${window.disableScroll ? ' mp-webview--no-scroll' : ''}`,
        'data-route': route,
      },
      this.refresh,
      this.scroller,
    );
    this.el.style.backgroundColor = window.backgroundColor ?? '#ffffff';
    this.scroller.addEventListener('scroll', () => this.scrolled(), { passive: true });
    if (window.enablePullDownRefresh) this.listenForPull();
  }

  private scrolled(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    this.hooks.onScroll(scrollTop);
    // Pages' IntersectionObservers and tap-vs-scroll logic listen for scroll on the page root (simulate's design).
    this.scroller.firstElementChild?.dispatchEvent(new Event('scroll'));
    const distance = this.window.onReachBottomDistance ?? 50;
    const bottom = scrollTop + clientHeight >= scrollHeight - distance;
    if (bottom && !this.atBottom && scrollHeight > clientHeight) this.hooks.onReachBottom();
    this.atBottom = bottom;
  }

  private listenForPull(): void {
    this.el.addEventListener('touchstart', (e) => {
      if (this.refreshing || this.scroller.scrollTop > 0 || e.touches.length !== 1) return;
      this.pull = { startY: e.touches[0]!.clientY, distance: 0 };
      this.scroller.style.transition = 'none';
    });
    this.el.addEventListener('touchmove', (e) => {
      if (!this.pull) return;
      const distance = Math.max(0, (e.touches[0]?.clientY ?? 0) - this.pull.startY);
      this.pull.distance = distance;
      this.scroller.style.transform = `translateY(${Math.min(distance * 0.6, REFRESH_HEIGHT * 1.5)}px)`;
    });
    const end = () => {
      if (!this.pull) return;
      const pulled = this.pull.distance * 0.6 >= PULL_THRESHOLD;
      this.pull = null;
      this.scroller.style.transition = '';
      if (pulled) this.startRefresh();
      else this.scroller.style.transform = '';
    };
    this.el.addEventListener('touchend', end);
    this.el.addEventListener('touchcancel', end);
  }

  /** Shows the refresh indicator and calls onPullDownRefresh (the gesture, or wx.startPullDownRefresh). */
  startRefresh(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.el.classList.add('mp-webview--refreshing');
    this.scroller.style.transform = `translateY(${REFRESH_HEIGHT}px)`;
    this.hooks.onPullDownRefresh();
  }

  stopRefresh(): void {
    this.refreshing = false;
    this.el.classList.remove('mp-webview--refreshing');
    this.scroller.style.transform = '';
  }

  get isRefreshing(): boolean {
    return this.refreshing;
  }

  setHidden(hidden: boolean): void {
    this.el.classList.toggle('mp-webview--hidden', hidden);
  }

  setBackgroundColor(color: string): void {
    this.el.style.backgroundColor = color;
  }

  showError(title: string, error: unknown): void {
    const text = error instanceof Error ? `${error.message}\n\n${error.stack ?? ''}` : String(error);
    this.scroller.replaceChildren(h('div', { className: 'mp-webview__error', role: 'alert', 'data-testid': 'mp-page-error', text: `${title}\n${text}` }));
  }
}
