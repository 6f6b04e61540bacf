// Announcements, their frozen versions, and who follows which department. Writes are whole-document replacements
// inside a transaction that checks the version the caller read and appends its audit event.
import {
  announcementVersionId,
  type AnnouncementDoc,
  type AnnouncementVersionDoc,
} from '../domain/announcements/announcement';
import { searchTokensFor } from '../domain/policies/search';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { phasedPage, titleThenTextPhases, type Phase, type PhasedPage } from './phased-page';
import type { VersionedKind } from './versioned-publish';

/** Token arrays and pending edits are for the index and editors, never for a list. */
const LIST_OMIT = ['titleTokens', 'searchTokens', 'pending', 'current'];

export type AnnouncementRow = AnnouncementDoc & Record<string, unknown>;

export function findAnnouncement(id: string): Promise<AnnouncementDoc | null> {
  return findById<AnnouncementDoc>(COLLECTIONS.announcements, id);
}

export function findAnnouncementVersion(id: string, version: number): Promise<AnnouncementVersionDoc | null> {
  return findById<AnnouncementVersionDoc>(COLLECTIONS.announcementVersions, announcementVersionId(id, version));
}

export function announcementInTx(tx: Transaction, id: string): Promise<AnnouncementDoc | null> {
  return txGet<AnnouncementDoc>(tx, COLLECTIONS.announcements, id);
}

export function announcementVersionInTx(tx: Transaction, id: string, version: number): Promise<AnnouncementVersionDoc | null> {
  return txGet<AnnouncementVersionDoc>(tx, COLLECTIONS.announcementVersions, announcementVersionId(id, version));
}

export async function putAnnouncementInTx(tx: Transaction, doc: AnnouncementDoc): Promise<void> {
  await tx.collection(COLLECTIONS.announcements).doc(doc._id).set({ data: withoutId(doc) });
}

export async function putAnnouncementVersionInTx(tx: Transaction, v: AnnouncementVersionDoc): Promise<void> {
  await tx.collection(COLLECTIONS.announcementVersions).doc(v._id).set({ data: withoutId(v) });
}

/** An announcement as publishing and withdrawing read and write it (versioned-publish.ts). */
export const ANNOUNCEMENTS: VersionedKind<AnnouncementDoc> = { subject: 'announcement', label: '通知公告', read: announcementInTx, write: putAnnouncementInTx };

export function announcementPage(phases: Phase[], limit: number, cursor: string | undefined): Promise<PhasedPage<AnnouncementRow>> {
  return phasedPage<AnnouncementRow>({ collection: COLLECTIONS.announcements, phases, limit, cursor, omit: LIST_OMIT });
}

/**
 * What citizens see in lists: published and still current at `now`. `current` (domain/announcements/announcement.ts)
 * leads the index, so the expired ones are not read; expiresKey covers those expired since the last sweep.
 */
export function currentAnnouncements(now: Date, departmentId?: string): Record<string, unknown> {
  return { current: true, expiresKey: _.gt(now.toISOString()), ...(departmentId ? { departmentId } : {}) };
}

/**
 * Takes `current` off the announcements expired by `now`, in one update: a republication that moved the expiry
 * forward in between is not matched, and a second run finds nothing. Returns how many were changed.
 */
export async function sweepExpiredAnnouncements(now: Date): Promise<number> {
  const { stats } = await db
    .collection(COLLECTIONS.announcements)
    .where({ current: true, expiresKey: _.lte(now.toISOString()) })
    .update({ data: { current: _.remove() } });
  return stats.updated;
}

/** The module's keyword search: title hits, then text-only hits (repositories/phased-page.ts). */
export const searchPhases = (where: Record<string, unknown>, tokens: string[]): Phase[] => titleThenTextPhases(where, tokens, 'listKey', -1);

/**
 * The current announcements matching `query`, a page at a time: what a unified search (or announcement.list) asks.
 * An empty page when the query has nothing searchable.
 */
export async function searchAnnouncements(query: string, opts: { now: Date; limit: number; cursor?: string; departmentId?: string }): Promise<PhasedPage<AnnouncementRow>> {
  const tokens = searchTokensFor(query);
  if (!tokens) return { docs: [], nextCursor: null };
  return announcementPage(searchPhases(currentAnnouncements(opts.now, opts.departmentId), tokens), opts.limit, opts.cursor);
}

/** Announcements whose followers' messages are still being written, oldest first. */
export async function pendingFanouts(limit: number): Promise<AnnouncementDoc[]> {
  const { data } = await db.collection(COLLECTIONS.announcements).where({ fanoutKey: _.gt('') }).orderBy('fanoutKey', 'asc').field({ titleTokens: false, searchTokens: false, pending: false }).limit(limit).get();
  return data as AnnouncementDoc[];
}

/** Records progress of a fan-out: the last follower done, or (done) that none is left. */
export async function markFanout(id: string, after: string | null): Promise<void> {
  await db
    .collection(COLLECTIONS.announcements)
    .doc(id)
    .update({ data: after === null ? { fanoutKey: _.remove(), fanoutAfter: _.remove() } : { fanoutAfter: after } });
}

// ---- follows ----------------------------------------------------------------------------------------------------

export interface FollowDoc {
  _id: string;
  openid: string;
  departmentId: string;
  at: string;
}

/** One document per (department, citizen), its id derived from both: a retry or a double tap cannot make two. */
export const followId = (departmentId: string, openid: string): string => `${departmentId}_${openid}`;

export async function isFollowing(openid: string, departmentId: string): Promise<boolean> {
  return (await findById(COLLECTIONS.follows, followId(departmentId, openid))) !== null;
}

export async function setFollowing(openid: string, departmentId: string, on: boolean, at: string): Promise<void> {
  const ref = db.collection(COLLECTIONS.follows).doc(followId(departmentId, openid));
  if (on) await ref.set({ data: { openid, departmentId, at } });
  else await ref.remove();
}

/** A department's followers after `after` (openid order), a batch at a time. */
export async function followersOf(departmentId: string, after: string | undefined, limit: number): Promise<FollowDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.follows)
    .where(after === undefined ? { departmentId } : { departmentId, openid: _.gt(after) })
    .orderBy('openid', 'asc')
    .limit(limit)
    .get();
  return data as FollowDoc[];
}
