// Checks the phone makes before anything is sent, with the limits from meta.get, so a citizen learns what to fix at
// once and in words. The server checks everything again; these only spare a round trip.

/** Mainland mobile: 11 digits starting with 1 and a second digit 3-9. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with its area code (0 + 2-3 digits), optional dash, 7-8 digits, optional extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** Spaces people type inside numbers ("138 0013 8000") are not part of them. */
export function normalizePhone(value: string): string {
  return value.replace(/\s+/g, '');
}

export function isPhone(value: string): boolean {
  const v = normalizePhone(value);
  return MOBILE.test(v) || LANDLINE.test(v);
}

/** Characters as the server counts them (UTF-16 code units, as JavaScript's length). */
export function charCount(value: string): number {
  return value.length;
}

/** A required text between `min` and `max` characters after trimming; the message names the field. */
export function checkText(value: string, name: string, max: number, min = 1): string {
  const n = charCount(value.trim());
  if (n === 0) return `请填写${name}`;
  if (n < min) return `${name}至少 ${min} 个字，请写得具体一些`;
  if (n > max) return `${name}最多 ${max} 个字，已超出 ${n - max} 个字`;
  return '';
}
