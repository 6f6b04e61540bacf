// A service-guide item (办事指南事项): what an editor writes, what a citizen reads, and how it changes. Pure: no
// database, no clock. The editor's words live in one nested `content` (the public face) and, while the face is public,
// the next words wait in `pending`; the fields queries need (status, category, sort key, search tokens, the policies it
// names) are derived at the top level. docs/adr/0111-service-guide.md.
import type { GuideCategory, GuideItem, GuideItemInput, GuideListItem, GuideStatus } from '../../../../../typings/api';
import type { Instant } from '../../../../../typings/domain';
import { indexTokens } from '../search-tokens';

export type GuideContent = GuideItemInput;

export const GUIDE_CATEGORY_LABELS: Record<GuideCategory, string> = {
  identity: '户籍证件',
  social: '社会保障',
  housing: '住房公积金',
  transport: '交通出行',
  family: '婚育家庭',
  assistance: '社会救助',
  business: '企业开办',
  health: '医疗卫生',
};

export const GUIDE_CATEGORIES = Object.keys(GUIDE_CATEGORY_LABELS) as [GuideCategory, ...GuideCategory[]];

export const GUIDE_STATUS_LABELS: Record<GuideStatus, string> = { draft: '未发布', published: '已发布', withdrawn: '已撤回' };

export interface GuideVersionEntry {
  version: number;
  publishedAt: Instant;
  note?: string;
}

export interface GuideDoc {
  _id: string;
  /** Write counter for optimistic concurrency: every write bumps it; a write based on an older one gets CONFLICT. */
  version: number;
  status: GuideStatus;
  content: GuideContent;
  pending: GuideContent | null;
  pendingNote?: string;
  createdAt: Instant;
  updatedAt: Instant;
  publishedAt?: Instant;
  pubVersion: number;
  versions: GuideVersionEntry[];
  withdrawReason?: string;
  // Derived from `content`, for the indexes.
  name: string;
  categoryId: GuideCategory;
  relatedPolicyIds: string[];
  /** `<name length, 3 digits>|<name>|<id>`, ascending: unique, and the closest (shortest) name first among hits. */
  listKey: string;
  /** Name and keywords: a hit here ranks first. */
  titleTokens: string[];
  /** Everything a citizen might search an item by. */
  searchTokens: string[];
}

/** A frozen published version in `guide_versions`; `_id` is guideVersionId(itemId, version). */
export interface GuideVersionDoc {
  _id: string;
  itemId: string;
  version: number;
  publishedAt: Instant;
  note?: string;
  content: GuideContent;
}

export const guideVersionId = (itemId: string, version: number): string => `${itemId}_v${version}`;

/** The stored form of an editor's input: fixed key order, empty optional parts dropped, so equal contents compare equal. */
export function guideContentOf(c: GuideContent): GuideContent {
  const out: GuideContent = {
    name: c.name,
    itemType: c.itemType,
    categoryId: c.categoryId,
    authority: c.authority,
    basis: [...c.basis],
    applicants: c.applicants,
    conditions: [...c.conditions],
    materials: c.materials.map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      ...(m.source ? { source: m.source } : {}),
      ...(m.note ? { note: m.note } : {}),
    })),
    fee: c.fee,
    promisedDays: c.promisedDays,
    visits: c.visits,
    offices: c.offices.map((o) => ({ name: o.name, address: o.address, hours: o.hours, phone: o.phone, latitude: o.latitude, longitude: o.longitude })),
    onlineSteps: [...c.onlineSteps],
    faq: c.faq.map((f) => ({ q: f.q, a: f.a })),
  };
  if (c.code) out.code = c.code;
  if (c.legalDays !== undefined) out.legalDays = c.legalDays;
  if (c.relatedPolicyIds?.length) out.relatedPolicyIds = [...new Set(c.relatedPolicyIds)];
  if (c.keywords?.length) out.keywords = [...new Set(c.keywords)];
  if (c.caseCategoryId) out.caseCategoryId = c.caseCategoryId;
  return out;
}

export function sameGuideContent(a: GuideContent, b: GuideContent): boolean {
  return JSON.stringify(guideContentOf(a)) === JSON.stringify(guideContentOf(b));
}

export function guideTokensOf(c: GuideContent): { titleTokens: string[]; searchTokens: string[] } {
  const title = [c.name, ...(c.keywords ?? [])];
  return {
    titleTokens: indexTokens(...title),
    searchTokens: indexTokens(...title, c.code, c.authority, c.applicants, ...c.conditions, ...c.materials.map((m) => m.name), ...c.faq.map((f) => f.q)),
  };
}

export function guideListKey(name: string, id: string): string {
  return `${String([...name].length).padStart(3, '0')}|${name}|${id}`;
}

/** The document with its public face set to `content`, and everything derived from it. */
function withFace(doc: GuideDoc, content: GuideContent): GuideDoc {
  const face = guideContentOf(content);
  return {
    ...doc,
    content: face,
    name: face.name,
    categoryId: face.categoryId,
    relatedPolicyIds: face.relatedPolicyIds ?? [],
    listKey: guideListKey(face.name, doc._id),
    ...guideTokensOf(face),
  };
}

export function newGuideDoc(id: string, content: GuideContent, nowIso: Instant): GuideDoc {
  const blank = { _id: id, version: 1, status: 'draft', pending: null, createdAt: nowIso, updatedAt: nowIso, pubVersion: 0, versions: [] } as Omit<
    GuideDoc,
    'content' | 'name' | 'categoryId' | 'relatedPolicyIds' | 'listKey' | 'titleTokens' | 'searchTokens'
  >;
  return withFace(blank as GuideDoc, content);
}

/** The words an editor edits: pending edits if any, else the face. */
export function workingGuideContent(doc: GuideDoc): GuideContent {
  return doc.pending ?? doc.content;
}

/** An edit: a draft changes itself; a published or withdrawn item keeps its face and holds the edit in `pending`. */
export function applyGuideEdit(doc: GuideDoc, content: GuideContent, nowIso: Instant, note: string | undefined): GuideDoc {
  const { pendingNote, ...rest } = doc;
  const bump = { version: doc.version + 1, updatedAt: nowIso };
  if (doc.status === 'draft' && doc.pubVersion === 0) return { ...withFace(rest, content), ...bump, pending: null };
  if (sameGuideContent(content, doc.content)) return { ...rest, ...bump, pending: null };
  const keptNote = note ?? pendingNote;
  return { ...rest, ...bump, pending: guideContentOf(content), ...(keptNote ? { pendingNote: keptNote } : {}) };
}

/** Published with nothing pending: publishing again changes nothing (a retry, a double tap). */
export function isGuidePublishedAsIs(doc: GuideDoc): boolean {
  return doc.status === 'published' && !doc.pending;
}

/** Publishes the working words; words that differ from the last published version become version n+1. */
export function applyGuidePublish(doc: GuideDoc, nowIso: Instant, note: string | undefined): { doc: GuideDoc; snapshot: GuideVersionDoc | null } {
  const content = workingGuideContent(doc);
  const changed = doc.pubVersion === 0 || !!doc.pending;
  const noteOf = note ?? doc.pendingNote;
  const { pendingNote: _n, withdrawReason: _w, ...rest } = doc;
  let next: GuideDoc = { ...rest, status: 'published', pending: null, version: doc.version + 1, updatedAt: nowIso };
  if (!changed) return { doc: withFace(next, content), snapshot: null };
  const n = doc.pubVersion + 1;
  const entry: GuideVersionEntry = noteOf ? { version: n, publishedAt: nowIso, note: noteOf } : { version: n, publishedAt: nowIso };
  next = { ...next, pubVersion: n, publishedAt: nowIso, versions: [...doc.versions, entry] };
  const snapshot: GuideVersionDoc = { _id: guideVersionId(doc._id, n), itemId: doc._id, version: n, publishedAt: nowIso, content: guideContentOf(content), ...(noteOf ? { note: noteOf } : {}) };
  return { doc: withFace(next, content), snapshot };
}

export type WithdrawOutcome = { kind: 'unchanged' } | { kind: 'refused'; message: string } | { kind: 'changed'; doc: GuideDoc };

/** Takes a published item off the guide, with the reason; it can be published again. */
export function applyGuideWithdraw(doc: GuideDoc, nowIso: Instant, reason: string): WithdrawOutcome {
  if (doc.status === 'withdrawn') return { kind: 'unchanged' };
  if (doc.status === 'draft') return { kind: 'refused', message: '这个事项尚未发布，无需撤回' };
  return { kind: 'changed', doc: { ...doc, status: 'withdrawn', withdrawReason: reason, version: doc.version + 1, updatedAt: nowIso } };
}

/** "承诺 5 个工作日（法定 20 个工作日）"; 即办 when done on the spot. */
export function timeLimitText(c: Pick<GuideContent, 'promisedDays' | 'legalDays'>): string {
  const promised = c.promisedDays === 0 ? '即办' : `承诺 ${c.promisedDays} 个工作日`;
  return c.legalDays !== undefined && c.legalDays !== c.promisedDays ? `${promised}（法定 ${c.legalDays} 个工作日）` : promised;
}

export function visitsText(visits: number): string {
  return visits === 0 ? '零跑动（全程网办）' : visits === 1 ? '最多跑一次' : `到现场 ${visits} 次`;
}

export function guideStatusLabel(status: GuideStatus): string {
  return GUIDE_STATUS_LABELS[status];
}

export interface GuideViewExtras {
  staff: boolean;
  relatedPolicies: GuideItem['relatedPolicies'];
}

/** `guide.get`'s answer: editors read the working words, citizens the published face. */
export function toGuideItem(doc: GuideDoc, x: GuideViewExtras): GuideItem {
  const content = x.staff ? workingGuideContent(doc) : doc.content;
  const out: GuideItem = {
    ...content,
    id: doc._id,
    status: doc.status,
    statusLabel: GUIDE_STATUS_LABELS[doc.status],
    categoryName: GUIDE_CATEGORY_LABELS[content.categoryId],
    timeLimitText: timeLimitText(content),
    visitsText: visitsText(content.visits),
    version: doc.version,
    relatedPolicies: x.relatedPolicies,
    updatedAt: x.staff ? doc.updatedAt : (doc.publishedAt ?? doc.updatedAt),
    versions: [...doc.versions].reverse().map((v) => ({ ...v })),
  };
  if (doc.publishedAt) out.publishedAt = doc.publishedAt;
  if (doc.withdrawReason && doc.status === 'withdrawn') out.withdrawReason = doc.withdrawReason;
  if (x.staff) {
    out.hasDraftChanges = !!doc.pending;
    if (doc.pending && doc.pendingNote) out.pendingNote = doc.pendingNote;
  }
  return out;
}

/** A row of `guide.list`, from the face (list pages read the face only: token arrays and pending words are left out). */
export function toGuideListItem(doc: Pick<GuideDoc, '_id' | 'status' | 'content'>): GuideListItem {
  const c = doc.content;
  return {
    id: doc._id,
    name: c.name,
    categoryId: c.categoryId,
    categoryName: GUIDE_CATEGORY_LABELS[c.categoryId],
    authority: c.authority,
    timeLimitText: timeLimitText(c),
    status: doc.status,
    statusLabel: GUIDE_STATUS_LABELS[doc.status],
  };
}
