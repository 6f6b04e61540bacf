// Policies, their frozen published versions, and citizens' favourites. Every write is a whole-document replacement
// inside a transaction that first checks the version the caller read, and appends its event in the same transaction.
import type { PolicyDoc, PolicyVersionDoc } from '../domain/policies/policy';
import { versionDocId } from '../domain/policies/policy';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { phasedPage, type Phase, type PhasedPage } from './phased-page';
import type { VersionedKind } from './versioned-publish';

/** Token arrays are for the index, never for the answer: leaving them out keeps list pages small. */
export const LIST_OMIT = ['titleTokens', 'searchTokens', 'pending'];

export async function findPolicy(id: string): Promise<PolicyDoc | null> {
  return findById<PolicyDoc>(COLLECTIONS.policies, id);
}

/** Several policies by id (related policies, favourites), without their token arrays; any order. */
export async function findPolicies(ids: readonly string[]): Promise<PolicyDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.policies)
    .where({ _id: _.in(unique) })
    .field(Object.fromEntries(LIST_OMIT.map((f) => [f, false])))
    .limit(unique.length)
    .get();
  return data as PolicyDoc[];
}

export async function findVersion(policyId: string, version: number): Promise<PolicyVersionDoc | null> {
  return findById<PolicyVersionDoc>(COLLECTIONS.policyVersions, versionDocId(policyId, version));
}

export function listPolicyPage(phases: Phase[], limit: number, cursor: string | undefined): Promise<PhasedPage<PolicyDoc & Record<string, unknown>>> {
  return phasedPage<PolicyDoc & Record<string, unknown>>({ collection: COLLECTIONS.policies, phases, limit, cursor, omit: LIST_OMIT });
}

export function policyInTx(tx: Transaction, id: string): Promise<PolicyDoc | null> {
  return txGet<PolicyDoc>(tx, COLLECTIONS.policies, id);
}

export async function putPolicyInTx(tx: Transaction, doc: PolicyDoc): Promise<void> {
  await tx.collection(COLLECTIONS.policies).doc(doc._id).set({ data: withoutId(doc) });
}

export async function putVersionInTx(tx: Transaction, v: PolicyVersionDoc): Promise<void> {
  await tx.collection(COLLECTIONS.policyVersions).doc(v._id).set({ data: withoutId(v) });
}

/** A policy as publishing and unpublishing read and write it (versioned-publish.ts). */
export const POLICIES: VersionedKind<PolicyDoc> = { subject: 'policy', label: '政策', read: policyInTx, write: putPolicyInTx };

// ---- favourites -------------------------------------------------------------------------------------------

export interface FavoriteDoc {
  _id: string;
  openid: string;
  policyId: string;
  at: string;
  /** `${at}|${policyId}`: unique, newest first. */
  favKey: string;
}

/** One document per (citizen, policy), its id derived from both: a double tap or a retry cannot make two. */
export const favoriteId = (openid: string, policyId: string): string => `${policyId}_${openid}`;

export async function isFavorite(openid: string, policyId: string): Promise<boolean> {
  return (await findById(COLLECTIONS.favorites, favoriteId(openid, policyId))) !== null;
}

export async function setFavorite(openid: string, policyId: string, on: boolean, at: string): Promise<void> {
  const ref = db.collection(COLLECTIONS.favorites).doc(favoriteId(openid, policyId));
  if (on) await ref.set({ data: { openid, policyId, at, favKey: `${at}|${policyId}` } });
  else await ref.remove();
}

export function favoritesPage(openid: string, limit: number, cursor: string | undefined): Promise<PhasedPage<FavoriteDoc & Record<string, unknown>>> {
  return phasedPage<FavoriteDoc & Record<string, unknown>>({
    collection: COLLECTIONS.favorites,
    phases: [{ where: { openid }, key: 'favKey', dir: -1 }],
    limit,
    cursor,
  });
}
