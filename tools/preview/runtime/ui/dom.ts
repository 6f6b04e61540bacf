// A few lines of DOM building for the native-looking UI the preview draws.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | number | boolean | EventListener>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'className') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'style') el.setAttribute('style', String(value));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

let layer: HTMLElement | null = null;

/** The layer above the navigation bar and the pages, where toasts, modals and sheets go (as WeChat's native UI). */
export function overlayLayer(): HTMLElement {
  if (!layer) throw new Error('the preview screen is not mounted yet');
  return layer;
}

export function setOverlayLayer(el: HTMLElement): void {
  layer = el;
}
