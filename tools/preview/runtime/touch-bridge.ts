// WeChat pages react to touch (tap is derived from touchstart/touchend). On a desktop browser the mouse becomes a
// finger: each mouse press is replayed as touch events on the same target. Mouse events that a real touch already
// produced (compatibility events) are skipped, so Playwright's tap and a phone's finger are not counted twice.

interface MouseWithSource extends MouseEvent {
  sourceCapabilities?: { firesTouchEvents?: boolean } | null;
}

export function installTouchBridge(root: HTMLElement): void {
  let target: EventTarget | null = null;
  const touch = (e: MouseEvent) =>
    new Touch({ identifier: 1, target: target!, clientX: e.clientX, clientY: e.clientY, pageX: e.pageX, pageY: e.pageY, screenX: e.screenX, screenY: e.screenY });
  const fire = (type: string, e: MouseEvent, active: boolean) => {
    if (!target) return;
    const t = touch(e);
    target.dispatchEvent(
      new TouchEvent(type, { bubbles: true, cancelable: true, composed: true, touches: active ? [t] : [], targetTouches: active ? [t] : [], changedTouches: [t] }),
    );
  };
  const fromTouch = (e: MouseEvent) => Boolean((e as MouseWithSource).sourceCapabilities?.firesTouchEvents);
  root.addEventListener(
    'mousedown',
    (e) => {
      if (e.button !== 0 || fromTouch(e)) return;
      target = e.target;
      fire('touchstart', e, true);
    },
    true,
  );
  window.addEventListener(
    'mousemove',
    (e) => {
      if (target && !fromTouch(e)) fire('touchmove', e, true);
    },
    true,
  );
  window.addEventListener(
    'mouseup',
    (e) => {
      if (!target || fromTouch(e)) return;
      fire('touchend', e, false);
      target = null;
    },
    true,
  );
}
