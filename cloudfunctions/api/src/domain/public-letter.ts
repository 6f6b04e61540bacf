// A published case as the public reads it: title, content and reply with the citizen's name, phone and tracking
// number, anything shaped like a phone or ID number, and the dispatcher's redactions removed.
import type { CaseDoc, LetterDoc } from './case-doc';
import { scrubPublicText } from './privacy';
import { indexTokens } from './search-tokens';

export function buildLetter(doc: CaseDoc, opts: { redactions: readonly string[]; publicTitle?: string; now: string }): LetterDoc {
  if (!doc.reply) throw new Error(`case ${doc._id} has no reply to publish`);
  const scrub = (text: string) =>
    scrubPublicText(text, { contactName: doc.contactName, contactPhone: doc.contactPhone, trackingNo: doc.trackingNo, redactions: opts.redactions });
  const title = scrub(opts.publicTitle ?? doc.title);
  const content = scrub(doc.content);
  const reply = scrub(doc.reply.content);
  const letter: LetterDoc = {
    _id: doc._id,
    title,
    content,
    reply,
    type: doc.type,
    categoryId: doc.categoryId,
    submittedAt: doc.submittedAt,
    repliedAt: doc.reply.at,
    visible: !doc.flagged,
    listKey: `${doc.reply.at}|${doc._id}`,
    ...letterTokens({ title, content }),
    publishedAt: opts.now,
  };
  if (doc.departmentId) letter.departmentId = doc.departmentId;
  return letter;
}

/** The keyword search's tokens of a public letter: its (scrubbed) title and content. */
export function letterTokens(letter: Pick<LetterDoc, 'title' | 'content'>): { searchTokens: string[] } {
  return { searchTokens: indexTokens(letter.title, letter.content) };
}
