// <swiper> / <swiper-item>: items side by side, moved by dragging, autoplay or the current property; indicator dots;
// change (with source) and animationfinish events. circular wraps the index (without the seamless loop animation).
import { defineBuiltin, type Builtin, type BuiltinHost } from './define';

function items(host: BuiltinHost): HTMLElement[] {
  return Array.from(host.children).filter((el): el is HTMLElement => el.tagName === 'WX-SWIPER-ITEM');
}

function layout(self: Builtin, host: BuiltinHost, drag = 0): void {
  const d = self.data;
  const list = items(host);
  const current = Math.min(Number(self.__mpCurrent ?? 0), Math.max(0, list.length - 1));
  const axis = d.vertical ? 'Y' : 'X';
  list.forEach((el, i) => {
    el.style.transitionDuration = drag ? '0ms' : `${Number(d.duration)}ms`;
    el.style.transform = `translate${axis}(calc(${(i - current) * 100}% + ${drag}px))`;
  });
  let dots = host.querySelector<HTMLElement>(':scope > .mp-swiper-dots');
  if (d.indicatorDots) {
    if (!dots) {
      dots = document.createElement('div');
      dots.className = 'mp-swiper-dots';
      host.append(dots);
    }
    dots.replaceChildren(
      ...list.map((_, i) => {
        const dot = document.createElement('i');
        dot.style.background = String(i === current ? d.indicatorActiveColor : d.indicatorColor);
        return dot;
      }),
    );
  } else dots?.remove();
}

function go(self: Builtin, host: BuiltinHost, next: number, source: 'touch' | 'autoplay'): void {
  const count = items(host).length;
  if (!count) return;
  const target = self.data.circular ? (next + count) % count : Math.min(Math.max(0, next), count - 1);
  const changed = target !== self.__mpCurrent;
  self.__mpCurrent = target;
  layout(self, host);
  if (!changed) return;
  const itemId = items(host)[target]?.getAttribute('data-item-id') ?? '';
  self.triggerEvent('change', { current: target, currentItemId: itemId, source });
  window.setTimeout(() => self.triggerEvent('animationfinish', { current: target, currentItemId: itemId, source }), Number(self.data.duration));
}

function restartAutoplay(self: Builtin, host: BuiltinHost): void {
  window.clearInterval(self.__mpTimer);
  self.__mpTimer = 0;
  if (self.data.autoplay) self.__mpTimer = window.setInterval(() => go(self, host, Number(self.__mpCurrent) + 1, 'autoplay'), Number(self.data.interval));
}

export function defineSwiper(): void {
  defineBuiltin('swiper', {
    properties: {
      indicatorDots: { type: Boolean, value: false },
      indicatorColor: { type: String, value: 'rgba(0, 0, 0, .3)' },
      indicatorActiveColor: { type: String, value: '#000000' },
      autoplay: { type: Boolean, value: false },
      current: { type: Number, value: 0 },
      interval: { type: Number, value: 5000 },
      duration: { type: Number, value: 500 },
      circular: { type: Boolean, value: false },
      vertical: { type: Boolean, value: false },
      previousMargin: null,
      nextMargin: null,
      displayMultipleItems: null,
      easingFunction: null,
      snapToEdge: null,
    },
    attached(host) {
      this.__mpCurrent = Number(this.data.current) || 0;
      this.__mpObserver = new MutationObserver(() => layout(this, host));
      this.__mpObserver.observe(host, { childList: true });
      let start: { x: number; y: number; t: number } | null = null;
      const size = () => (this.data.vertical ? host.clientHeight : host.clientWidth) || 1;
      host.addEventListener('touchstart', (e) => {
        const t = e.touches[0];
        if (t) start = { x: t.clientX, y: t.clientY, t: Date.now() };
        window.clearInterval(this.__mpTimer);
      });
      host.addEventListener('touchmove', (e) => {
        const t = e.touches[0];
        if (!start || !t) return;
        const delta = this.data.vertical ? t.clientY - start.y : t.clientX - start.x;
        layout(this, host, delta);
        this.triggerEvent('transition', { dx: this.data.vertical ? 0 : -delta, dy: this.data.vertical ? -delta : 0 });
      });
      host.addEventListener('touchend', (e) => {
        const t = e.changedTouches[0];
        if (!start || !t) return;
        const delta = this.data.vertical ? t.clientY - start.y : t.clientX - start.x;
        const fast = Math.abs(delta) > 20 && Date.now() - start.t < 300;
        start = null;
        if (Math.abs(delta) > size() / 4 || fast) go(this, host, Number(this.__mpCurrent) + (delta < 0 ? 1 : -1), 'touch');
        else layout(this, host);
        restartAutoplay(this, host);
      });
    },
    detached() {
      window.clearInterval(this.__mpTimer);
      (this.__mpObserver as MutationObserver | undefined)?.disconnect();
    },
    render(host) {
      const current = Number(this.data.current) || 0;
      if (current !== this.__mpCurrentProp) {
        this.__mpCurrentProp = current;
        this.__mpCurrent = current;
      }
      layout(this, host);
      restartAutoplay(this, host);
    },
  });
  defineBuiltin('swiper-item', {
    properties: { itemId: { type: String, value: '' }, skipHiddenItemLayout: null },
    render(host) {
      host.setAttribute('data-item-id', String(this.data.itemId || ''));
    },
  });
}
