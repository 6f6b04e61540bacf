// <page-meta page-style="...">: the style of the page's root node, which a page cannot reach otherwise (WeChat's
// `page` is not in the WXML). The preview writes it onto the page root, inline, so it wins over app.wxss and the
// page's `page {}` rules as in WeChat. Its other properties (window background colours, scroll-top) are not drawn.
import { rpxToPx } from '../device';
import { defineBuiltin } from './define';

export function definePageMeta(): void {
  defineBuiltin('page-meta', {
    properties: {
      pageStyle: { type: String, value: '' },
      pageFontSize: { type: String, value: '' },
      rootFontSize: { type: String, value: '' },
      backgroundTextStyle: null,
      backgroundColor: null,
      backgroundColorTop: null,
      backgroundColorBottom: null,
      rootBackgroundColor: null,
      scrollTop: null,
      scrollDuration: null,
      pageOrientation: null,
    },
    attached(host) {
      host.style.display = 'none';
    },
    render(host) {
      const root = host.closest('[data-mp-page]') as HTMLElement | null;
      if (!root) return;
      const fontSize = String(this.data.pageFontSize || '');
      const style = [String(this.data.pageStyle || ''), fontSize && fontSize !== 'system' ? `font-size:${fontSize}` : ''].filter(Boolean).join(';');
      root.setAttribute('style', rpxToPx(style));
    },
  });
}
