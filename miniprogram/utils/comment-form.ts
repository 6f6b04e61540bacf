// The comment form of a draft consultation: checked on the phone before sending, so an elderly citizen learns what
// is missing at once, in words, instead of after a round trip. The server checks again (and runs the content check).

export const COMMENT_MIN = 5;
export const COMMENT_MAX = 1000;

export interface CommentCheck {
  ok: boolean;
  /** The text that will be sent (trimmed). */
  content: string;
  /** Why it cannot be sent, in Chinese; '' when ok. */
  message: string;
}

/** Characters as a reader counts them (an emoji or a rare character is one, not two UTF-16 units). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export function checkComment(text: string, max = COMMENT_MAX): CommentCheck {
  const content = text.trim();
  const n = charCount(content);
  if (n === 0) return { ok: false, content, message: '请先写下您的意见。' };
  if (n < COMMENT_MIN) return { ok: false, content, message: `意见至少 ${COMMENT_MIN} 个字，请写得具体一些。` };
  if (n > max) return { ok: false, content, message: `意见不能超过 ${max} 个字，现在是 ${n} 个字。` };
  return { ok: true, content, message: '' };
}

/** "12/1000", the counter under the text box. */
export function counterText(text: string, max = COMMENT_MAX): string {
  return `${charCount(text.trim())}/${max}`;
}

/** The popup's heading: what the comment is about, and the start of that paragraph so the citizen can check. */
export function commentTargetText(paragraphIndex: number | null, paragraphs: readonly string[]): { title: string; quote: string } {
  if (paragraphIndex === null || paragraphIndex < 0 || paragraphIndex >= paragraphs.length) {
    return { title: '对全文发表意见', quote: '' };
  }
  const text = paragraphs[paragraphIndex];
  const chars = Array.from(text);
  const quote = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
  return { title: `对第 ${paragraphIndex + 1} 段发表意见`, quote };
}
