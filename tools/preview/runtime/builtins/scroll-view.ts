// <scroll-view>: the host scrolls (scroll-x / scroll-y) and reports scroll, scrolltoupper and scrolltolower at their
// thresholds; scroll-top / scroll-left / scroll-into-view move it; refresher-enabled adds WeChat's pull-to-refresh
// (refresherpulling, refresherrefresh, refresherrestore, refresherabort), driven by refresher-triggered.
import { defineBuiltin, ownerNodeById, type Builtin, type BuiltinHost } from './define';

function edges(self: Builtin, host: BuiltinHost): void {
  const d = self.data;
  const vertical = Boolean(d.scrollY) || !d.scrollX;
  const pos = vertical ? host.scrollTop : host.scrollLeft;
  const size = vertical ? host.scrollHeight - host.clientHeight : host.scrollWidth - host.clientWidth;
  const upper = pos <= Number(d.upperThreshold ?? 50);
  const lower = size > 0 && size - pos <= Number(d.lowerThreshold ?? 50);
  if (upper && !self.__mpUpper) self.triggerEvent('scrolltoupper', { direction: vertical ? 'top' : 'left' });
  if (lower && !self.__mpLower) self.triggerEvent('scrolltolower', { direction: vertical ? 'bottom' : 'right' });
  self.__mpUpper = upper;
  self.__mpLower = lower;
}

function setRefresher(self: Builtin, height: number, animate: boolean): void {
  const el = self.__mpRefresher as HTMLElement | undefined;
  if (!el) return;
  el.style.transition = animate ? '' : 'none';
  el.style.height = `${height}px`;
}

function listenForPull(self: Builtin, host: BuiltinHost): void {
  let pull: { y: number; dy: number } | null = null;
  host.addEventListener('touchstart', (e) => {
    if (!self.data.refresherEnabled || self.__mpTriggered || host.scrollTop > 0) return;
    pull = { y: e.touches[0]?.clientY ?? 0, dy: 0 };
  });
  host.addEventListener('touchmove', (e) => {
    if (!pull) return;
    pull.dy = Math.max(0, (e.touches[0]?.clientY ?? 0) - pull.y);
    setRefresher(self, Math.min(pull.dy * 0.5, Number(self.data.refresherThreshold) * 1.5), false);
    self.triggerEvent('refresherpulling', { dy: pull.dy * 0.5 });
  });
  const end = () => {
    if (!pull) return;
    const reached = pull.dy * 0.5 >= Number(self.data.refresherThreshold);
    pull = null;
    if (reached) {
      self.__mpTriggered = true;
      setRefresher(self, Number(self.data.refresherThreshold), true);
      self.triggerEvent('refresherrefresh', {});
    } else {
      setRefresher(self, 0, true);
      self.triggerEvent('refresherabort', {});
    }
  };
  host.addEventListener('touchend', end);
  host.addEventListener('touchcancel', end);
}

export function defineScrollView(): void {
  defineBuiltin('scroll-view', {
    properties: {
      scrollX: { type: Boolean, value: false },
      scrollY: { type: Boolean, value: false },
      upperThreshold: { type: Number, value: 50 },
      lowerThreshold: { type: Number, value: 50 },
      scrollTop: { type: null, value: null },
      scrollLeft: { type: null, value: null },
      scrollIntoView: { type: String, value: '' },
      scrollWithAnimation: { type: Boolean, value: false },
      enableBackToTop: null,
      enableFlex: { type: Boolean, value: false },
      refresherEnabled: { type: Boolean, value: false },
      refresherThreshold: { type: Number, value: 45 },
      refresherDefaultStyle: { type: String, value: 'black' },
      refresherBackground: { type: String, value: '#FFF' },
      refresherTriggered: { type: Boolean, value: false },
      enhanced: null,
      bounces: null,
      showScrollbar: null,
      pagingEnabled: null,
      fastDeceleration: null,
      scrollAnchoring: null,
      type: null,
    },
    attached(host) {
      let last = { top: 0, left: 0 };
      host.addEventListener('scroll', () => {
        this.triggerEvent('scroll', {
          scrollLeft: host.scrollLeft,
          scrollTop: host.scrollTop,
          scrollHeight: host.scrollHeight,
          scrollWidth: host.scrollWidth,
          deltaX: host.scrollLeft - last.left,
          deltaY: host.scrollTop - last.top,
        });
        last = { top: host.scrollTop, left: host.scrollLeft };
        edges(this, host);
      });
      listenForPull(this, host);
    },
    render(host) {
      const d = this.data;
      host.style.overflowX = d.scrollX ? 'auto' : 'hidden';
      host.style.overflowY = d.scrollY ? 'auto' : 'hidden';
      if (d.enableFlex) host.style.display = 'flex';
      if (d.refresherEnabled && !this.__mpRefresher) {
        const el = document.createElement('div');
        el.className = 'mp-refresher';
        el.append(document.createElement('i'), document.createElement('i'), document.createElement('i'));
        this.__mpRefresher = el;
        host.prepend(el);
      }
      if (this.__mpRefresher) (this.__mpRefresher as HTMLElement).style.background = String(d.refresherBackground);
      const triggered = Boolean(d.refresherTriggered);
      if (triggered && !this.__mpTriggered) {
        this.__mpTriggered = true;
        setRefresher(this, Number(d.refresherThreshold), true);
      } else if (!triggered && this.__mpTriggered) {
        this.__mpTriggered = false;
        setRefresher(this, 0, true);
        this.triggerEvent('refresherrestore', {});
      }
      const behavior: ScrollBehavior = d.scrollWithAnimation ? 'smooth' : 'auto';
      const top = d.scrollTop === null || d.scrollTop === '' ? null : parseFloat(String(d.scrollTop));
      const left = d.scrollLeft === null || d.scrollLeft === '' ? null : parseFloat(String(d.scrollLeft));
      if (top !== null && top !== this.__mpTop) host.scrollTo({ top, behavior });
      if (left !== null && left !== this.__mpLeft) host.scrollTo({ left, behavior });
      this.__mpTop = top;
      this.__mpLeft = left;
      const into = String(d.scrollIntoView || '');
      if (into && into !== this.__mpInto) {
        const target = ownerNodeById(this, into);
        if (target) {
          const hostRect = host.getBoundingClientRect();
          const rect = target.getBoundingClientRect();
          host.scrollTo({ top: host.scrollTop + rect.top - hostRect.top, left: host.scrollLeft + rect.left - hostRect.left, behavior });
        }
      }
      this.__mpInto = into;
      window.setTimeout(() => edges(this, host), 0);
    },
  });
}
