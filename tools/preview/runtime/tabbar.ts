// The tab bar of app.json, drawn under tab pages; tapping an item switches tab. Badges and red dots come from
// wx.setTabBarBadge / showTabBarRedDot.
import type { TabBarConfig } from '../shared/manifest';
import { h } from './ui/dom';

export class TabBar {
  readonly el: HTMLElement;
  private readonly badges = new Map<number, string>();
  private readonly dots = new Set<number>();
  private selected: string | null = null;
  private visible = true;

  constructor(
    private readonly config: TabBarConfig | null,
    private readonly assetUrl: (path: string) => string,
    private readonly onSelect: (route: string) => void,
  ) {
    this.el = h('div', { className: `mp-tabbar mp-tabbar--${config?.borderStyle ?? 'black'}`, role: 'tablist' });
    if (config?.custom) console.error('[预览不支持 / not supported in the preview] tabBar.custom (a custom-tab-bar component)');
  }

  routes(): string[] {
    return (this.config?.list ?? []).map((item) => item.pagePath.replace(/^\/+/, ''));
  }

  isTab(route: string): boolean {
    return this.routes().includes(route);
  }

  show(route: string | null): void {
    this.selected = route;
    this.render();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.render();
  }

  setBadge(index: number, text: string | null): void {
    this.check(index);
    if (text === null) this.badges.delete(index);
    else this.badges.set(index, text);
    this.render();
  }

  setRedDot(index: number, on: boolean): void {
    this.check(index);
    if (on) this.dots.add(index);
    else this.dots.delete(index);
    this.render();
  }

  private check(index: number): void {
    if (!this.config || index < 0 || index >= this.config.list.length) throw new Error(`tabBar item index ${index} is out of range`);
  }

  private render(): void {
    const config = this.config;
    this.el.hidden = !config || !this.visible || this.selected === null || !this.isTab(this.selected);
    if (!config) return;
    this.el.style.backgroundColor = config.backgroundColor;
    this.el.replaceChildren(
      ...config.list.map((item, i) => {
        const route = item.pagePath.replace(/^\/+/, '');
        const active = route === this.selected;
        const iconPath = active ? (item.selectedIconPath ?? item.iconPath) : item.iconPath;
        const icon = iconPath ? h('span', { className: 'mp-tabbar__icon' }, h('img', { src: this.assetUrl(iconPath), alt: '' })) : null;
        const badge = this.badges.get(i);
        return h(
          'button',
          {
            className: `mp-tabbar__item${icon ? '' : ' mp-tabbar__item--text-only'}`,
            role: 'tab',
            'aria-selected': active ? 'true' : 'false',
            'data-testid': `mp-tab-${i}`,
            style: `color:${active ? config.selectedColor : config.color}`,
            onclick: () => this.onSelect(route),
          },
          icon,
          h('span', { text: item.text }),
          badge !== undefined ? h('span', { className: 'mp-tabbar__badge', text: badge }) : null,
          badge === undefined && this.dots.has(i) ? h('span', { className: 'mp-tabbar__reddot' }) : null,
        );
      }),
    );
  }
}
