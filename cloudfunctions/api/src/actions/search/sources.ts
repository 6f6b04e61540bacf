// The registry of what the citizens' search looks through, in the order the groups are shown. Each source names its
// index query and how a hit is shown; the search action knows nothing else about them.
import type { SearchHit } from '../../../../../typings/api';
import type { AnnouncementDoc } from '../../domain/announcements/announcement';
import type { LetterDoc } from '../../domain/case-doc';
import { toGuideListItem, type GuideDoc } from '../../domain/guide/item';
import { draftStatus, toDraftListItem, type DraftDoc } from '../../domain/policies/drafts';
import { effectiveStatus, toListItem, type PolicyDoc } from '../../domain/policies/policy';
import { snippet } from '../../domain/policies/search';
import type { ParsedQuery } from '../../domain/search/query';
import { highlight } from '../../domain/search-tokens';
import { _, COLLECTIONS } from '../../lib/db';
import { announcementPage, currentAnnouncements } from '../../repositories/announcements';
import { guidePage } from '../../repositories/guide';
import { phasedPage } from '../../repositories/phased-page';
import { listPolicyPage } from '../../repositories/policies';
import { caseEnv, typeLabel } from '../cases/env';
import { defineSource, tokenPhases, type SearchSource } from './source';

/** The words searched, as the highlighter reads a query (runs split by spaces). */
const marks = (q: ParsedQuery): string => q.needles.join(' ');

const page = (path: string, id: string): string => `${path}?id=${encodeURIComponent(id)}`;

/** The title marked, and an excerpt of the text where the words occur; none when only the title holds them. */
function marked(title: string, text: readonly string[], q: ParsedQuery): Pick<SearchHit, 'titleParts' | 'snippet'> {
  const titleParts = highlight(title, marks(q));
  const excerpt = snippet(text, marks(q));
  const inText = excerpt.some((p) => p.hit);
  return inText || !titleParts.some((p) => p.hit) ? { titleParts, snippet: excerpt } : { titleParts };
}

/** Published policies, in force or expired (marked), as the policy tab lists them for citizens. */
const policies = defineSource<PolicyDoc>({
  kind: 'policy',
  label: '政策文件',
  find: (q, { limit, cursor }) => listPolicyPage(tokenPhases(q, { status: 'published' }, 'listKey', -1), limit, cursor),
  render: (docs, q, { now }) =>
    docs.map((d): SearchHit => {
      const item = toListItem(d, now);
      const hit: SearchHit = {
        kind: 'policy',
        id: d._id,
        ...marked(d.title, d.paragraphs, q),
        meta: [d.docNo, d.issuer].filter(Boolean).join(' · '),
        path: page('/pages/policy/index', d._id),
      };
      if (effectiveStatus(d, now) !== 'published') hit.badge = item.statusLabel;
      return hit;
    }),
});

/** Consultations that have opened (open, closed, reported), latest closing first: the open ones lead. */
const drafts = defineSource<DraftDoc>({
  kind: 'draft',
  label: '意见征集',
  find: (q, { limit, cursor }, { now }) =>
    phasedPage<DraftDoc & Record<string, unknown>>({
      collection: COLLECTIONS.drafts,
      phases: tokenPhases(q, { opensAt: _.lte(now.toISOString()) }, 'closeKey', -1),
      limit,
      ...(cursor ? { cursor } : {}),
      omit: ['explanation', 'report', 'titleTokens', 'searchTokens'],
    }),
  render: (docs, q, { now }) =>
    docs.map((d): SearchHit => {
      const item = toDraftListItem(d, now);
      return {
        kind: 'draft',
        id: d._id,
        ...marked(d.title, d.paragraphs, q),
        meta: draftStatus(d, now) === 'open' ? `${item.windowText}截止，欢迎提出意见` : `${item.commentCount} 条公开意见`,
        badge: item.statusLabel,
        path: page('/pages/draft/index', d._id),
      };
    }),
});

/** Public letters: the scrubbed copies only, never the cases. */
const letters = defineSource<LetterDoc>({
  kind: 'letter',
  label: '公开信件',
  find: (q, { limit, cursor }) =>
    phasedPage<LetterDoc & Record<string, unknown>>({
      collection: COLLECTIONS.letters,
      phases: tokenPhases(q, { visible: true }, 'listKey', -1, { text: 'searchTokens' }),
      limit,
      ...(cursor ? { cursor } : {}),
      omit: ['searchTokens', 'reply'],
    }),
  async render(docs, q, { now }) {
    const env = await caseEnv(now);
    return docs.map(
      (d): SearchHit => ({
        kind: 'letter',
        id: d._id,
        ...marked(d.title, [d.content], q),
        meta: [typeLabel(env, d.type), env.catalog.categories.get(d.categoryId)?.name].filter(Boolean).join(' · '),
        path: page('/pages/letter/index', d._id),
      }),
    );
  },
});

/** Published service items (办事指南): name and keywords first, then materials, conditions and questions. */
const guide = defineSource<GuideDoc>({
  kind: 'guide',
  label: '办事指南',
  find: (q, { limit, cursor }) => guidePage(tokenPhases(q, { status: 'published' }, 'listKey', 1), limit, cursor),
  render: (docs, q) =>
    docs.map((d): SearchHit => {
      const item = toGuideListItem(d);
      return {
        kind: 'guide',
        id: d._id,
        titleParts: highlight(d.content.name, marks(q)),
        meta: [item.categoryName, item.authority, item.timeLimitText].filter(Boolean).join(' · '),
        path: page('/pages/guide-item/index', d._id),
      };
    }),
});

/** Current announcements (通知公告), newest first; expired ones stay reachable by link but leave the search. */
const announcements = defineSource<AnnouncementDoc>({
  kind: 'announcement',
  label: '通知公告',
  find: (q, { limit, cursor }, { now }) => announcementPage(tokenPhases(q, currentAnnouncements(now), 'listKey', -1), limit, cursor),
  async render(docs, q, { now }) {
    const env = await caseEnv(now);
    return docs.map(
      (d): SearchHit => ({
        kind: 'announcement',
        id: d._id,
        ...marked(d.title, d.paragraphs, q),
        meta: [env.catalog.departments.get(d.departmentId)?.name, d.date].filter(Boolean).join(' · '),
        path: page('/pages/announcement/index', d._id),
      }),
    );
  },
});

export const SEARCH_SOURCES: readonly SearchSource[] = [policies, guide, drafts, announcements, letters];
