// The navigation bar and status bar WeChat draws above each page: title and colours from the page's JSON over
// app.json's window, changed at run time by wx.setNavigationBarTitle/Color; a back arrow when there is a page to go
// back to, a home button when a lone page is not the home page (as the client does); and the capsule.
import { h } from './ui/dom';

export interface NavBarState {
  title: string;
  backgroundColor: string;
  textStyle: 'white' | 'black';
  custom: boolean;
  loading: boolean;
}

export interface NavBarButtons {
  back: boolean;
  home: boolean;
}

const BACK_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2"><path d="M15 5l-7 7 7 7"/></svg>';
const HOME_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"><path d="M4 11l8-7 8 7v9a1 1 0 01-1 1h-4v-6H9v6H5a1 1 0 01-1-1z"/></svg>';

export class NavBar {
  readonly el: HTMLElement;
  readonly statusBar: HTMLElement;
  readonly capsule: HTMLElement;
  private readonly title: HTMLElement;
  private readonly left: HTMLElement;
  private readonly clock: HTMLElement;

  constructor(handlers: { back(): void; home(): void; menu(): void; close(): void }) {
    this.clock = h('span');
    this.statusBar = h('div', { className: 'mp-statusbar', 'aria-hidden': 'true' }, this.clock, h('span', { className: 'mp-statusbar__icons', text: '●●●● 100%' }));
    this.title = h('div', { className: 'mp-navbar__title', role: 'heading', 'aria-level': '1', 'data-testid': 'mp-nav-title' });
    const back = h('button', { className: 'mp-navbar__button', 'aria-label': '返回', 'data-testid': 'mp-nav-back', onclick: () => handlers.back() });
    back.innerHTML = BACK_ICON;
    const home = h('button', { className: 'mp-navbar__button', 'aria-label': '返回首页', 'data-testid': 'mp-nav-home', onclick: () => handlers.home() });
    home.innerHTML = HOME_ICON;
    this.left = h('div', { className: 'mp-navbar__left' }, back, home);
    this.el = h('div', { className: 'mp-navbar', role: 'navigation' }, this.left, this.title);
    this.capsule = h(
      'div',
      { className: 'mp-capsule' },
      h('button', { text: '···', 'aria-label': '更多', 'data-testid': 'mp-capsule-menu', onclick: () => handlers.menu() }),
      h('span', { className: 'mp-capsule__sep' }),
      h('button', { text: '◎', 'aria-label': '关闭', 'data-testid': 'mp-capsule-close', onclick: () => handlers.close() }),
    );
    const tick = () => {
      const now = new Date();
      this.clock.textContent = `${now.getHours()}:${String(now.getMinutes()).padStart(2, '0')}`;
    };
    tick();
    window.setInterval(tick, 15_000);
  }

  render(state: NavBarState, buttons: NavBarButtons): void {
    const color = state.textStyle === 'white' ? '#fff' : '#000';
    this.statusBar.style.color = color;
    this.el.hidden = state.custom;
    this.el.style.backgroundColor = state.backgroundColor;
    this.el.style.color = color;
    this.title.replaceChildren(...(state.loading ? [h('span', { className: 'mp-navbar__spinner' })] : []), state.title);
    const [back, home] = [...this.left.children] as HTMLElement[];
    back!.hidden = !buttons.back;
    home!.hidden = buttons.back || !buttons.home;
    this.capsule.classList.toggle('mp-capsule--white', state.textStyle === 'white');
  }
}
