// The comment form of a draft consultation: checked on the phone before sending, so an elderly citizen learns what
// is missing at once, in words, instead of after a round trip, with the server's limits (meta.get
// formLimits.policy); without them only an empty comment is caught here. The server checks again (and runs the
// content check).
import type { PolicyFormLimits } from '../../typings/api';

export type CommentLimits = Pick<PolicyFormLimits, 'commentMin' | 'commentMax'> | null;

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

export function checkComment(text: string, limits: CommentLimits): CommentCheck {
  const content = text.trim();
  const n = charCount(content);
  if (n === 0) return { ok: false, content, message: '请先写下您的意见。' };
  if (limits && n < limits.commentMin) return { ok: false, content, message: `意见至少 ${limits.commentMin} 个字，请写得具体一些。` };
  if (limits && n > limits.commentMax) return { ok: false, content, message: `意见不能超过 ${limits.commentMax} 个字，现在是 ${n} 个字。` };
  return { ok: true, content, message: '' };
}

/** "12/1000", the counter under the text box ("12" until the limit is known). */
export function counterText(text: string, limits: CommentLimits): string {
  const n = charCount(text.trim());
  return limits ? `${n}/${limits.commentMax}` : `${n}`;
}

/** Whether the text is over the limit (the counter turns red). */
export function commentOver(text: string, limits: CommentLimits): boolean {
  return !!limits && charCount(text.trim()) > limits.commentMax;
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
