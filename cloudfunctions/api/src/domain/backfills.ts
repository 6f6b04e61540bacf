// Data back-fills: what a stored document lacks because it was written before a derived field existed, and the patch
// that supplies it. Pure; jobs/backfills.ts walks each collection and applies them, and the deploy plan names them
// (docs/adr/0151-data-backfills-by-timer.md). A patch is null when the document already has what it needs, so a
// back-fill run again changes nothing.
import { announcementTokens, type AnnouncementDoc } from './announcements/announcement';
import type { LetterDoc } from './case-doc';
import type { GuideDoc } from './guide/item';
import { guideTokensOf } from './guide/item';
import { draftTokens, type DraftDoc } from './policies/drafts';
import { tokensOf, type PolicyDoc } from './policies/policy';
import { letterTokens } from './public-letter';

export type Patch = Record<string, unknown>;

export interface Backfill {
  /** Unique and never reused: the job records its progress under it. */
  name: string;
  collection: string;
  /** What it does, for the deploy plan. */
  note: string;
  patch(doc: Record<string, unknown>, nowIso: string): Patch | null;
}

const hasTokens = (doc: Record<string, unknown>, fields: string[]): boolean => fields.every((f) => Array.isArray(doc[f]));

/** Title and full-text tokens for a record stored without them (the keyword search reads only these). */
function tokensBackfill(collection: string, tokens: (doc: Record<string, unknown>) => Patch, fields = ['titleTokens', 'searchTokens']): Backfill {
  return {
    name: `search-tokens:${collection}`,
    collection,
    note: `${collection} 缺少检索词的记录补上检索词`,
    patch: (doc) => (hasTokens(doc, fields) ? null : tokens(doc)),
  };
}

export const BACKFILLS: readonly Backfill[] = [
  tokensBackfill('drafts', (d) => draftTokens(d as unknown as DraftDoc)),
  tokensBackfill('policies', (d) => tokensOf(d as unknown as PolicyDoc)),
  tokensBackfill('guide_items', (d) => guideTokensOf((d as unknown as GuideDoc).content)),
  tokensBackfill('letters', (d) => letterTokens(d as unknown as LetterDoc), ['searchTokens']),
  tokensBackfill('announcements', (d) => announcementTokens(d as unknown as AnnouncementDoc)),
  {
    // Citizens' lists read `current` (docs/adr/0150-current-announcements-index.md); the tick's sweep removes it again
    // from any that expire later.
    name: 'announcement-current',
    collection: 'announcements',
    note: 'announcements 已发布且未过期的记录补上 current',
    patch: (d, nowIso) => (d.status === 'published' && d.current !== true && typeof d.expiresKey === 'string' && d.expiresKey > nowIso ? { current: true } : null),
  },
];
