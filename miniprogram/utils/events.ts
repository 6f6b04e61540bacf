// Event shapes the pages receive. Vant's change events carry a bare value as `detail` (a string, a boolean), which
// WechatMiniprogram.CustomEvent (detail must be an object) cannot describe.

export type DetailEvent<T> = WechatMiniprogram.BaseEvent & { detail: T };

/** The value of a van-field change (a string) or of a native input/picker event ({ value }). */
export function valueOf(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'number') return String(detail);
  const value = (detail as { value?: unknown } | null)?.value;
  return value === undefined || value === null ? '' : String(value);
}

/** A `data-*` attribute of the element the handler is bound on, as a string. */
export function dataOf(e: WechatMiniprogram.BaseEvent, key: string): string {
  const value = (e.currentTarget.dataset as Record<string, unknown>)[key];
  return value === undefined || value === null ? '' : String(value);
}
