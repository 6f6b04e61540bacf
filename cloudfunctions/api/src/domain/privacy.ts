// Personal details: masked in every answer except to the staff handling the case, and removed from public letters.

/** "张三" -> "张*", "欧阳娜娜" -> "欧***": the family name stays so a handler's colleague can still address them. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** "13812345678" -> "138****5678"; a shorter number keeps its last four digits ("****1234"), a very short one none. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 11) return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
  if (p.length >= 7) return '*'.repeat(p.length - 4) + p.slice(-4);
  return '*'.repeat(p.length);
}

/** What replaces a removed detail in a public letter, as Chinese public notices write it. */
export const REDACTED = '×××';

// Digits not glued to other digits, so a long number is never half-removed.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;
const ID_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const TRACKING_NO = /MS\d{8}-\d{4,}/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ScrubInput {
  contactName?: string;
  contactPhone?: string;
  trackingNo?: string;
  /** Phrases a dispatcher chose to remove (an address, a company, a neighbour's name). */
  redactions?: readonly string[];
}

/**
 * The text a public letter may show: the dispatcher's redactions, the citizen's name, phone and tracking number, and
 * anything shaped like a phone or ID number are replaced by ×××. Longest phrases go first so a redaction that
 * contains the name is removed whole.
 */
export function scrubPublicText(text: string, input: ScrubInput): string {
  const phrases = [
    ...(input.redactions ?? []),
    ...(input.contactName && [...input.contactName.trim()].length >= 2 ? [input.contactName.trim()] : []),
    ...(input.contactPhone ? [input.contactPhone.trim()] : []),
    ...(input.trackingNo ? [input.trackingNo] : []),
  ]
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const p of phrases) out = out.replace(new RegExp(escapeRegExp(p), 'gi'), REDACTED);
  return out.replace(TRACKING_NO, REDACTED).replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED);
}
