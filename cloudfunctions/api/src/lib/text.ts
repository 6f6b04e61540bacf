// The one rule for free text from people (docs/adr/0051-one-rule-for-free-text.md): normalised (line breaks, NFC,
// trimmed), no control characters (line breaks and tabs only where a field has several lines), no bidi overrides or
// isolates (they make stored text read differently from what it is), no unpaired surrogates (not text at all), and
// minimum lengths counted in visible characters, so text made of zero-width characters is empty.

/** Zero-width space, non-joiner, joiner, word joiner, byte order mark: invisible, never counted as content. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** C0, DEL and C1 controls; multi-line fields keep tab and line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextFlaw = 'control' | 'bidi' | 'surrogate';

/** Length as a person counts it: by code point, so an emoji is one character. */
export const charCount = (s: string): number => [...s].length;

/** Characters a reader sees: zero-width ones left out. */
export const visibleLength = (s: string): number => charCount(s.replace(ZERO_WIDTH, ''));

/**
 * Windows and old Mac line ends become \n in multi-line fields (a pasted letter is not refused for them); text with
 * nothing visible becomes '' (so an optional note of zero-width characters is no note).
 */
export function normalizeText(s: string, multiline: boolean): string {
  const lines = multiline ? s.replace(/\r\n?/g, '\n') : s;
  const t = lines.normalize('NFC').trim();
  return visibleLength(t) === 0 ? '' : t;
}

export function textFlaw(s: string, multiline: boolean): TextFlaw | null {
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(s)) return 'control';
  if (BIDI_CONTROL.test(s)) return 'bidi';
  return null;
}

export function textFlawMessage(label: string, flaw: TextFlaw, multiline: boolean): string {
  switch (flaw) {
    case 'control':
      return multiline ? `${label}包含不允许的控制字符` : `${label}不能包含换行、制表符或其他控制字符`;
    case 'bidi':
      return `${label}包含改变文字方向的控制字符，请删除后重新输入`;
    case 'surrogate':
      return `${label}包含无法识别的字符，请删除后重新输入`;
  }
}
