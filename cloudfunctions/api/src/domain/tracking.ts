// Tracking numbers: "MS" + the Shanghai date of submission + a per-day sequence, e.g. MS20261125-0042. The sequence
// comes from a counter document per day incremented in the submit transaction, so numbers are unique under
// concurrency; past 9999 a day simply gets five digits.
import { shanghaiDay } from './calendar';

/** "20261125" */
export function trackingDay(instant: Date | string): string {
  return shanghaiDay(instant).replace(/-/g, '');
}

export function formatTrackingNo(day: string, seq: number): string {
  if (!/^\d{8}$/.test(day) || !Number.isInteger(seq) || seq < 1) throw new Error(`bad tracking number parts: ${day}, ${seq}`);
  return `MS${day}-${String(seq).padStart(4, '0')}`;
}

export const TRACKING_NO_RE = /^MS(\d{8})-(\d{4,})$/;

/**
 * A tracking number as people type or paste it ("ms20261125-0042", "MS 20261125 0042", "20261125-0042", full-width
 * digits) in its stored form, or null when it cannot be one.
 */
export function normalizeTrackingNo(input: string): string | null {
  const half = input.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(?:MS)?(\d{8})(\d{4,})$/.exec(half.toUpperCase().replace(/[\s\-－—_]/g, ''));
  return m ? `MS${m[1]}-${m[2]}` : null;
}

export function parseTrackingNo(no: string): { day: string; seq: number } | null {
  const m = TRACKING_NO_RE.exec(no);
  return m ? { day: m[1]!, seq: Number(m[2]) } : null;
}
