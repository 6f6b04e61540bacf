// Service-guide items, their frozen published versions, and the home page's hot questions. Writes replace whole
// documents inside a transaction that first checks the version the caller read and appends its event in the same
// transaction. `searchGuideItems` is the guide's source for a unified search.
import type { GuideListItem } from '../../../../typings/api';
import type { GuideDoc, GuideVersionDoc } from '../domain/guide/item';
import { toGuideListItem } from '../domain/guide/item';
import { searchTokensFor, titleParts } from '../domain/policies/search';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { phasedPage, titleThenTextPhases, type Phase, type PhasedPage } from './phased-page';
import type { VersionedKind } from './versioned-publish';

/** A list row needs the face's name, authority and time limit only; tokens, pending words and long lists stay behind. */
const LIST_OMIT = ['titleTokens', 'searchTokens', 'pending', 'versions', 'content.materials', 'content.offices', 'content.faq', 'content.basis', 'content.conditions', 'content.onlineSteps'];

type Row = GuideDoc & Record<string, unknown>;

export function findGuideItem(id: string): Promise<GuideDoc | null> {
  return findById<GuideDoc>(COLLECTIONS.guideItems, id);
}

export function guideInTx(tx: Transaction, id: string): Promise<GuideDoc | null> {
  return txGet<GuideDoc>(tx, COLLECTIONS.guideItems, id);
}

export async function putGuideInTx(tx: Transaction, doc: GuideDoc): Promise<void> {
  await tx.collection(COLLECTIONS.guideItems).doc(doc._id).set({ data: withoutId(doc) });
}

export async function putGuideVersionInTx(tx: Transaction, v: GuideVersionDoc): Promise<void> {
  await tx.collection(COLLECTIONS.guideVersions).doc(v._id).set({ data: withoutId(v) });
}

/** A service-guide item as publishing and withdrawing read and write it (versioned-publish.ts). */
export const GUIDE_ITEMS: VersionedKind<GuideDoc> = { subject: 'guide', label: '事项', read: guideInTx, write: putGuideInTx };

export function guidePage(phases: Phase[], limit: number, cursor: string | undefined): Promise<PhasedPage<Row>> {
  return phasedPage<Row>({ collection: COLLECTIONS.guideItems, phases, limit, cursor, omit: LIST_OMIT });
}

/** The module's keyword search: title hits, then text-only hits (repositories/phased-page.ts). */
export const searchPhases = (where: Record<string, unknown>, tokens: string[]): Phase[] => titleThenTextPhases(where, tokens, 'listKey', 1);

export interface GuideSearchPage {
  items: GuideListItem[];
  nextCursor: string | null;
}

/**
 * Published items matching `query`, best first, paged by the cursor the previous page gave: the service guide as a
 * source of a unified search. An empty page when the query has nothing searchable.
 */
export async function searchGuideItems(query: string, opts: { limit: number; cursor?: string; where?: Record<string, unknown> }): Promise<GuideSearchPage> {
  const tokens = searchTokensFor(query);
  if (!tokens) return { items: [], nextCursor: null };
  const page = await guidePage(searchPhases(opts.where ?? { status: 'published' }, tokens), opts.limit, opts.cursor);
  return { items: page.docs.map((d) => ({ ...toGuideListItem(d), nameParts: titleParts(d.content.name, query) })), nextCursor: page.nextCursor };
}

/** The published items that name a policy among their related policies: a policy page links back to them. */
export async function itemsRelatedToPolicy(policyId: string, limit = 20): Promise<Array<{ id: string; name: string }>> {
  const { data } = await db
    .collection(COLLECTIONS.guideItems)
    .where({ relatedPolicyIds: policyId, status: 'published' })
    .field({ name: true })
    .limit(limit)
    .get();
  return (data as Array<{ _id: string; name: string }>).map((d) => ({ id: d._id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

// ---- hot questions ----------------------------------------------------------------------------------------------

export interface HotQuestionDoc {
  /** The letter's id. */
  _id: string;
  order: number;
  /** `<order, 3 digits>|<letterId>`: unique, ascending. */
  orderKey: string;
  version: number;
  pinnedAt: string;
}

export const hotOrderKey = (order: number, letterId: string): string => `${String(order).padStart(3, '0')}|${letterId}`;

export function hotInTx(tx: Transaction, letterId: string): Promise<HotQuestionDoc | null> {
  return txGet<HotQuestionDoc>(tx, COLLECTIONS.hotQuestions, letterId);
}

export async function putHotInTx(tx: Transaction, doc: HotQuestionDoc): Promise<void> {
  await tx.collection(COLLECTIONS.hotQuestions).doc(doc._id).set({ data: withoutId(doc) });
}

export async function removeHotInTx(tx: Transaction, letterId: string): Promise<void> {
  await tx.collection(COLLECTIONS.hotQuestions).doc(letterId).remove();
}

/** The pinned letters, in the editor's order. */
export async function listHotQuestions(limit: number): Promise<HotQuestionDoc[]> {
  const { data } = await db.collection(COLLECTIONS.hotQuestions).where({ orderKey: _.gte('') }).orderBy('orderKey', 'asc').limit(limit).get();
  return data as HotQuestionDoc[];
}
