// Draft consultations and their comments. Drafts and single comments are written whole inside transactions (with
// their events); lists page by unique string keys (`closeKey`, `openKey`, a comment's `key`) on declared indexes.
import type { CommentDoc, DraftDoc } from '../domain/policies/drafts';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { phasedPage, type Phase, type PhasedPage } from './phased-page';

export async function findDraft(id: string): Promise<DraftDoc | null> {
  return findById<DraftDoc>(COLLECTIONS.drafts, id);
}

export const draftInTx = (tx: Transaction, id: string) => txGet<DraftDoc>(tx, COLLECTIONS.drafts, id);

export async function putDraftInTx(tx: Transaction, doc: DraftDoc): Promise<void> {
  await tx.collection(COLLECTIONS.drafts).doc(doc._id).set({ data: withoutId(doc) });
}

export function draftPage(phases: Phase[], limit: number, cursor: string | undefined): Promise<PhasedPage<DraftDoc & Record<string, unknown>>> {
  return phasedPage<DraftDoc & Record<string, unknown>>({ collection: COLLECTIONS.drafts, phases, limit, cursor, omit: ['paragraphs', 'explanation', 'report', 'titleTokens', 'searchTokens'] });
}

// ---- comments ---------------------------------------------------------------------------------------------

export async function findComment(id: string): Promise<CommentDoc | null> {
  return findById<CommentDoc>(COLLECTIONS.draftComments, id);
}

export const commentInTx = (tx: Transaction, id: string) => txGet<CommentDoc>(tx, COLLECTIONS.draftComments, id);

export async function putCommentInTx(tx: Transaction, doc: CommentDoc): Promise<void> {
  await tx.collection(COLLECTIONS.draftComments).doc(doc._id).set({ data: withoutId(doc) });
}

export async function findComments(ids: readonly string[]): Promise<CommentDoc[]> {
  const unique = [...new Set(ids)];
  const { data } = await db
    .collection(COLLECTIONS.draftComments)
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as CommentDoc[];
}

/** A draft's comments oldest first: approved ones (optionally not the caller's own), or all of them for editors. */
export function commentPage(
  draftId: string,
  scope: { approvedOnly: boolean; exceptOpenid?: string | null },
  limit: number,
  cursor: string | undefined,
): Promise<PhasedPage<CommentDoc & Record<string, unknown>>> {
  const where: Record<string, unknown> = { draftId };
  if (scope.approvedOnly) where.status = 'approved';
  if (scope.exceptOpenid) where.openid = _.neq(scope.exceptOpenid);
  return phasedPage<CommentDoc & Record<string, unknown>>({ collection: COLLECTIONS.draftComments, phases: [{ where, key: 'key', dir: 1 }], limit, cursor });
}

/** A citizen's own comments on one draft, oldest first (at most `max`: the daily cap keeps them few). */
export async function myComments(draftId: string, openid: string, max: number): Promise<CommentDoc[]> {
  const { data } = await db.collection(COLLECTIONS.draftComments).where({ openid, draftId }).orderBy('key', 'asc').limit(max).get();
  return data as CommentDoc[];
}

/** Comments a citizen made since `sinceIso`, on any draft (the daily cap). */
export async function countCommentsSince(openid: string, sinceIso: string): Promise<number> {
  const { total } = await db
    .collection(COLLECTIONS.draftComments)
    .where({ openid, key: _.gte(sinceIso) })
    .count();
  return total;
}

export function moderationPage(draftId: string | undefined, limit: number, cursor: string | undefined): Promise<PhasedPage<CommentDoc & Record<string, unknown>>> {
  const where: Record<string, unknown> = draftId ? { draftId, status: 'pending' } : { status: 'pending' };
  return phasedPage<CommentDoc & Record<string, unknown>>({ collection: COLLECTIONS.draftComments, phases: [{ where, key: 'key', dir: 1 }], limit, cursor });
}

export async function countComments(where: { draftId: string; status: CommentDoc['status']; decided?: boolean }): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.draftComments).where(where).count();
  return total;
}

const SCAN_BATCH = 100;

/** Every comment of a draft matching `where`, in batches by key (the report, the commenters to notify). */
export async function eachComment(
  where: Record<string, unknown> & { draftId: string },
  visit: (c: CommentDoc) => void,
  fields?: Record<string, boolean>,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    let q = db
      .collection(COLLECTIONS.draftComments)
      .where(after ? { ...where, key: _.gt(after) } : where)
      .orderBy('key', 'asc')
      .limit(SCAN_BATCH);
    if (fields) q = q.field({ ...fields, key: true });
    const { data } = await q.get();
    for (const c of data as CommentDoc[]) visit(c);
    if (data.length < SCAN_BATCH) return;
    after = (data[data.length - 1] as CommentDoc).key;
  }
}

/** Several drafts by id (titles for the moderation queue), without their texts. */
export async function findDrafts(ids: readonly string[]): Promise<DraftDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.drafts)
    .where({ _id: _.in(unique) })
    .field({ paragraphs: false, explanation: false, report: false, titleTokens: false, searchTokens: false })
    .limit(unique.length)
    .get();
  return data as DraftDoc[];
}
