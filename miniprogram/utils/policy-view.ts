// What the policy pages show, computed from the contract's shapes. Kept free of `wx` so it is unit-tested in Node;
// pages only call these and setData the result.
import type { Policy, PolicyExplanation, PolicyListItem, PolicyStatus } from '../../typings/api';
import { formatCalendarDate, formatFullDate } from './time';

export interface Run {
  text: string;
  hit: boolean;
}

/** Vant tag types; each status also carries its text, so colour is never the only signal. */
export type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const POLICY_STATUS_TAG: Record<PolicyStatus, TagType> = {
  draft: 'default',
  published: 'success',
  expired: 'warning',
  repealed: 'danger',
};

/** The category names a policy card shows, by id (meta.get categories). */
export function categoryNamesOf(categories: ReadonlyArray<{ id: string; name: string }>): Record<string, string> {
  return Object.fromEntries(categories.map((c) => [c.id, c.name]));
}

export function isInactive(status: PolicyStatus): boolean {
  return status === 'expired' || status === 'repealed';
}

/** Highlight runs, cleaned: empty runs dropped, neighbours with the same mark merged; the plain text when absent. */
export function normalizeRuns(runs: readonly Run[] | undefined, fallback: string): Run[] {
  const source = runs && runs.length ? runs : [{ text: fallback, hit: false }];
  const out: Run[] = [];
  for (const run of source) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && last.hit === run.hit) last.text += run.text;
    else out.push({ text: run.text, hit: !!run.hit });
  }
  return out;
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * One card's data, each fact once (a page of 20 goes in one setData, goal <= 16 KB): the title only as runs, and no
 * aria-label text: a screen reader reads the card by its visible text (docs/adr/0095).
 */
export interface PolicyCardView {
  id: string;
  /** The title, with the keyword marked when searching (one plain run otherwise). */
  titleParts: Run[];
  /** Body excerpt around the first hit when searching; empty otherwise. */
  snippet: Run[];
  meta: string;
  dateText: string;
  category: string;
  statusLabel: string;
  statusType: TagType;
  /** Citizens see the tag only when it matters (expired, repealed); staff lists always show it. */
  showStatus: boolean;
  inactive: boolean;
}

export interface CardOptions {
  categoryNames?: Record<string, string>;
  alwaysShowStatus?: boolean;
}

export function policyCardView(item: PolicyListItem, opts: CardOptions = {}): PolicyCardView {
  const statusLabel = item.statusLabel;
  const inactive = isInactive(item.status);
  const meta = [item.docNo, item.issuer].filter(Boolean).join(' · ');
  const dateText = item.publishedAt ? `发布于 ${formatFullDate(item.publishedAt)}` : '未发布';
  const category = opts.categoryNames?.[item.categoryId] ?? '';
  const titleParts = normalizeRuns(item.titleParts, item.title);
  const snippet = item.snippet && item.snippet.length ? normalizeRuns(item.snippet, '') : [];
  const showStatus = !!opts.alwaysShowStatus || inactive;
  return {
    id: item.id,
    titleParts,
    snippet,
    meta,
    dateText,
    category,
    statusLabel,
    statusType: POLICY_STATUS_TAG[item.status],
    showStatus,
    inactive,
  };
}

export interface ExplanationSection {
  key: 'background' | 'keyPoints' | 'changes' | 'faq';
  title: string;
  text?: string;
  items?: string[];
  faq?: Array<{ q: string; a: string }>;
}

/** The explanation's sections in reading order (背景, 要点, 变化, 问答), leaving out the empty ones. */
export function explanationSections(explanation: PolicyExplanation | undefined | null): ExplanationSection[] {
  if (!explanation) return [];
  const out: ExplanationSection[] = [];
  const background = explanation.background?.trim();
  if (background) out.push({ key: 'background', title: '背景', text: background });
  const points = (explanation.keyPoints ?? []).map((p) => p.trim()).filter(Boolean);
  if (points.length) out.push({ key: 'keyPoints', title: '要点', items: points });
  const changes = explanation.changes?.trim();
  if (changes) out.push({ key: 'changes', title: '变化', text: changes });
  const faq = (explanation.faq ?? []).map((f) => ({ q: f.q.trim(), a: f.a.trim() })).filter((f) => f.q && f.a);
  if (faq.length) out.push({ key: 'faq', title: '问答', faq });
  return out;
}

export function fileSizeText(size: number | undefined): string {
  if (size === undefined || !Number.isFinite(size) || size < 0) return '';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

export interface AttachmentView {
  fileID: string;
  name: string;
  url: string;
  sizeText: string;
  ariaLabel: string;
}

export interface VersionView {
  version: number;
  text: string;
  note: string;
  /** The newest published version. */
  latest: boolean;
  /** The version on screen. */
  reading: boolean;
  ariaLabel: string;
}

export interface PolicyDetailView {
  id: string;
  title: string;
  docNo: string;
  issuer: string;
  category: string;
  status: PolicyStatus;
  statusLabel: string;
  statusType: TagType;
  inactive: boolean;
  /** Why this policy no longer applies, in words (expired or repealed); '' when it applies. */
  inactiveNotice: string;
  dates: Array<{ label: string; value: string }>;
  paragraphs: string[];
  explanation: ExplanationSection[];
  attachments: AttachmentView[];
  related: Array<{ id: string; title: string; docNo: string }>;
  /** Service-guide items that name this policy (办事指南). */
  guideItems: Array<{ id: string; name: string }>;
  updatedNote: string;
  versions: VersionView[];
  /** Set when an earlier version is on screen: what it is, and that it is not the current text. */
  oldVersionNotice: string;
  favorited: boolean;
}

export function policyDetailView(policy: Policy, requestedVersion?: number, categoryNames: Record<string, string> = {}): PolicyDetailView {
  const statusLabel = policy.statusLabel;
  const inactive = isInactive(policy.status);
  let inactiveNotice = '';
  if (policy.status === 'expired') {
    const when = formatCalendarDate(policy.expiresAt);
    inactiveNotice = when ? `本政策已于${when}失效，内容仅供查阅。` : '本政策已失效，内容仅供查阅。';
  } else if (policy.status === 'repealed') {
    inactiveNotice = policy.unpublishReason ? `本政策已废止：${policy.unpublishReason}` : '本政策已废止，内容仅供查阅。';
  }
  const dates = [
    { label: '成文日期', value: formatCalendarDate(policy.issuedAt) },
    { label: '施行日期', value: formatCalendarDate(policy.effectiveFrom) },
    { label: '失效日期', value: formatCalendarDate(policy.expiresAt) },
    { label: '发布日期', value: formatFullDate(policy.publishedAt) },
  ].filter((d) => d.value);

  const latestVersion = policy.versions.length ? policy.versions[0].version : undefined;
  const readingVersion = requestedVersion ?? latestVersion;
  const versions = policy.versions.map((v) => {
    const when = formatFullDate(v.publishedAt);
    const latest = v.version === latestVersion;
    const text = `第 ${v.version} 版 · ${when}发布${latest ? '（现行）' : ''}`;
    return {
      version: v.version,
      text,
      note: v.note ?? '',
      latest,
      reading: v.version === readingVersion,
      ariaLabel: v.version === readingVersion ? `${text}，正在查看` : `${text}，点按查看此版本`,
    };
  });
  const reading = versions.find((v) => v.reading);
  const oldVersionNotice =
    reading && !reading.latest ? `您正在查看第 ${reading.version} 版（${formatFullDate(policy.versions.find((v) => v.version === reading.version)?.publishedAt)}发布），不是现行版本。` : '';

  return {
    id: policy.id,
    title: policy.title,
    docNo: policy.docNo ?? '',
    issuer: policy.issuer,
    category: policy.categoryName ?? categoryNames[policy.categoryId] ?? '',
    status: policy.status,
    statusLabel,
    statusType: POLICY_STATUS_TAG[policy.status],
    inactive,
    inactiveNotice,
    dates,
    paragraphs: policy.paragraphs.filter((p) => p.trim()),
    explanation: explanationSections(policy.explanation),
    attachments: (policy.attachments ?? []).map((a) => {
      const sizeText = fileSizeText(a.size);
      return {
        fileID: a.fileID,
        name: a.name,
        url: a.url ?? '',
        sizeText,
        ariaLabel: `附件：${a.name}${sizeText ? `，${sizeText}` : ''}，点按打开`,
      };
    }),
    related: (policy.related ?? []).map((r) => ({ id: r.id, title: r.title, docNo: r.docNo ?? '' })),
    guideItems: policy.relatedGuideItems ?? [],
    updatedNote: policy.updatedNote ?? '',
    versions,
    oldVersionNotice,
    favorited: policy.favorited,
  };
}

/** The star's label says what a tap will do, so a screen reader user hears the state and the action. */
export function favoriteAria(favorited: boolean): string {
  return favorited ? '已收藏，点按取消收藏' : '收藏此政策';
}

/**
 * The prefilled inquiry about a policy (the submit page links the case to it through policyId), its title cut to the
 * server's `titleMax` (meta.get limits) when known.
 */
export function inquiryUrl(policy: { id: string; title: string }, titleMax: number | undefined): string {
  const title = `咨询：${policy.title}`;
  const short = titleMax !== undefined && title.length > titleMax ? `${title.slice(0, titleMax - 1)}…` : title;
  return `/pages/submit/index?type=inquiry&policyId=${encodeURIComponent(policy.id)}&title=${encodeURIComponent(short)}`;
}

export function sharePath(policyId: string): string {
  return `/pages/policy/index?id=${encodeURIComponent(policyId)}`;
}
