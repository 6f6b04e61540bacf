// Draft consultations (意见征集): the comment window and its rules, comments and their moderation, the adoption report.
// Pure: the instant and the working-day calendar are passed in. docs/adr/0032-draft-comment-window.md.
import type {
  CommentStatus,
  Decision,
  Draft,
  DraftComment,
  DraftListItem,
  DraftReport,
  DraftStatus,
  PolicyExplanation,
} from '../../../../../typings/api';
import type { Instant } from '../../../../../typings/domain';
import { addDays, addWorkingDays, shanghaiDay, type WorkCalendar } from '../calendar';
import { indexTokens } from '../search-tokens';
import { startOfDay } from './policy';

export interface DraftContent {
  title: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  opensAt: Instant;
  closesAt: Instant;
  normative: boolean;
  policyId?: string;
}

export interface DraftDoc extends DraftContent {
  _id: string;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
  /** `${opensAt}|${_id}` and `${closesAt}|${_id}`: unique sort keys for the list's phases. */
  openKey: string;
  closeKey: string;
  reported: boolean;
  report?: DraftReport;
  /** Approved comments by target: 'w' the whole draft, 'p<i>' paragraph i. */
  approvedCounts: Record<string, number>;
  approvedTotal: number;
  /** Bumped by every decision: a report built from comments read before a later decision is refused, not published. */
  decisionsRev: number;
  /** Tokens of the title (a hit ranks first), and of title, text and background: the search's indexes. */
  titleTokens: string[];
  searchTokens: string[];
}

/** A draft's search tokens, as a policy's (domain/search-tokens.ts); the list and the page never return them. */
export function draftTokens(content: Pick<DraftContent, 'title' | 'paragraphs' | 'explanation'>): { titleTokens: string[]; searchTokens: string[] } {
  return {
    titleTokens: indexTokens(content.title),
    searchTokens: indexTokens(content.title, ...content.paragraphs, content.explanation?.background),
  };
}

/** paragraphIndex -1: the comment is on the whole draft. */
export const WHOLE_DRAFT = -1;

export interface CommentDoc {
  _id: string;
  draftId: string;
  openid: string;
  paragraphIndex: number;
  content: string;
  status: CommentStatus;
  /** The content check asked for a human look ('review'): held until an editor decides, like every comment. */
  flagged: boolean;
  at: Instant;
  /** `${at}|${_id}`: unique sort key, oldest first. */
  key: string;
  moderatedAt?: Instant;
  hiddenReason?: string;
  decided: boolean;
  decision?: Decision;
  decisionReason?: string;
  decidedAt?: Instant;
}

export const COMMENT_LIMITS = { min: 5, max: 1000, perDay: 20 } as const;

export const DRAFT_STATUS_LABEL: Record<DraftStatus, string> = {
  scheduled: '未开始',
  open: '征求意见中',
  closed: '已截止',
  reported: '已公布采纳情况',
};

export const COMMENT_STATUS_LABEL: Record<CommentStatus, string> = { pending: '待审核', approved: '已公开', hidden: '未公开' };

export const DECISION_LABEL: Record<Decision, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '不予采纳' };

/**
 * Sorts after `${instant}|<any id>` for the same instant: ids are [A-Za-z0-9_-], all below '~'. So
 * `closeKey > boundary(now)` is "closes after now" on the unique key the list sorts by.
 */
export const keyBoundary = (instant: Instant): string => `${instant}|~`;

export function draftStatus(doc: Pick<DraftDoc, 'opensAt' | 'closesAt' | 'reported'>, now: Date): DraftStatus {
  if (doc.reported) return 'reported';
  const t = now.toISOString();
  if (t < doc.opensAt) return 'scheduled';
  if (t < doc.closesAt) return 'open';
  return 'closed';
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function dayText(instant: Instant): string {
  const [, m, d] = shanghaiDay(instant).split('-').map(Number);
  return `${m}月${d}日`;
}

/** "还剩 12 天", "还剩 5 小时", "将于 12月1日 开始", "已截止". */
export function windowText(doc: Pick<DraftDoc, 'opensAt' | 'closesAt' | 'reported'>, now: Date): string {
  const status = draftStatus(doc, now);
  if (status === 'scheduled') return `将于 ${dayText(doc.opensAt)} 开始`;
  if (status === 'reported') return '已公布采纳情况';
  if (status === 'closed') return '已截止';
  const left = Date.parse(doc.closesAt) - now.getTime();
  return left < DAY_MS ? `还剩 ${Math.max(1, Math.ceil(left / HOUR_MS))} 小时` : `还剩 ${Math.ceil(left / DAY_MS)} 天`;
}

/**
 * "2026年1月31日 23:59" (Shanghai). Midnight is "24:00" of the day before, as the mini program writes deadlines:
 * "4月2日 00:00" would make a reader think they still have the 2nd.
 */
export function dateTimeText(instant: Instant): string {
  const ms = Date.parse(instant) + 8 * HOUR_MS;
  const midnight = new Date(ms).toISOString().slice(11, 16) === '00:00';
  const local = new Date(midnight ? ms - 1 : ms).toISOString();
  return `${Number(local.slice(0, 4))}年${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${midnight ? '24:00' : local.slice(11, 16)}`;
}

export const MIN_WINDOW = { days: 30, workingDays: 7 } as const;

/** The window's minimum as meta.get serves it to the draft editor (formLimits.policy), which checks it before saving. */
export const DRAFT_WINDOW_LIMITS = { windowMinDays: MIN_WINDOW.days, windowMinWorkingDays: MIN_WINDOW.workingDays } as const;

/**
 * The earliest a window opening at `opensAt` may close. As for any period in Chinese administrative law, the day it
 * opens is not counted (期间开始的当日不计入); a day counts when the window is still open at its end, 23:59 Shanghai.
 * So: 23:59 of the 30th day after the opening day, or of the 7th working day after it for a normative document.
 */
export function earliestClose(opensAt: Instant, normative: boolean, cal: WorkCalendar): Instant {
  const day = shanghaiDay(opensAt);
  const last = normative ? addWorkingDays(day, MIN_WINDOW.workingDays, cal) : addDays(day, MIN_WINDOW.days);
  return new Date(Date.parse(startOfDay(last)) + DAY_MS - 60_000).toISOString();
}

export function windowRuleText(normative: boolean): string {
  return normative ? `规范性文件的意见征集期不得少于 ${MIN_WINDOW.workingDays} 个工作日` : `意见征集期不得少于 ${MIN_WINDOW.days} 日`;
}

export type RuleViolation = { kind: 'invalid'; message: string; fields: Record<string, string> } | { kind: 'precondition'; message: string };

/**
 * What a save may change, by the window's state: a scheduled draft anything (its window counted from when it will
 * really open, never from the past); an open one its explanation and a later or still-legal close, never its text,
 * opening or kind (comments point at paragraphs; a shorter minimum must not shorten a running window); an ended one
 * nothing. Answers the opening to store (a past opening becomes now) or the violation.
 */
export function checkDraftSave(
  prev: DraftDoc | null,
  next: DraftContent,
  now: Date,
  cal: WorkCalendar,
): { opensAt: Instant } | RuleViolation {
  const nowIso = now.toISOString();
  const status = prev ? draftStatus(prev, now) : 'scheduled';
  if (status === 'closed' || status === 'reported') {
    return { kind: 'precondition', message: `意见征集已于${dateTimeText(prev!.closesAt)}截止，不能再修改` };
  }
  let opensAt = next.opensAt < nowIso ? nowIso : next.opensAt;
  if (status === 'open') {
    const p = prev!;
    if (next.opensAt !== p.opensAt) return { kind: 'precondition', message: '意见征集已开始，开始时间不能修改' };
    if (next.normative !== p.normative) return { kind: 'precondition', message: '意见征集已开始，文件类型不能修改' };
    if (next.title !== p.title || JSON.stringify(next.paragraphs) !== JSON.stringify(p.paragraphs)) {
      return { kind: 'precondition', message: '意见征集已开始，草案标题和正文不能修改（已有意见对应原段落）' };
    }
    opensAt = p.opensAt;
  }
  if (next.closesAt <= opensAt) {
    return { kind: 'invalid', message: '截止时间应晚于开始时间', fields: { closesAt: '截止时间应晚于开始时间' } };
  }
  const earliest = earliestClose(opensAt, next.normative, cal);
  if (next.closesAt < earliest) {
    const message = `${windowRuleText(next.normative)}（开始当日不计入），截止时间不能早于${dateTimeText(earliest)}`;
    return { kind: 'invalid', message, fields: { closesAt: message } };
  }
  return { opensAt };
}

export function toDraftListItem(doc: DraftDoc, now: Date): DraftListItem {
  const status = draftStatus(doc, now);
  return {
    id: doc._id,
    title: doc.title,
    status,
    statusLabel: DRAFT_STATUS_LABEL[status],
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    windowText: windowText(doc, now),
    commentCount: doc.approvedTotal,
  };
}

export interface CommentViewer {
  openid: string | null;
  staff: boolean;
}

export function countKey(paragraphIndex: number): string {
  return paragraphIndex === WHOLE_DRAFT ? 'w' : `p${paragraphIndex}`;
}

/** A comment as its reader may see it: decisions once the report is out (editors always), flags and reasons to editors. */
export function toDraftComment(c: CommentDoc, viewer: CommentViewer, reported: boolean): DraftComment {
  const out: DraftComment = {
    id: c._id,
    content: c.content,
    status: c.status,
    statusLabel: COMMENT_STATUS_LABEL[c.status],
    mine: viewer.openid !== null && c.openid === viewer.openid,
    at: c.at,
  };
  if (c.paragraphIndex !== WHOLE_DRAFT) out.paragraphIndex = c.paragraphIndex;
  if (c.decision && (viewer.staff || reported)) {
    out.decision = c.decision;
    out.decisionLabel = DECISION_LABEL[c.decision];
    if (c.decisionReason) out.decisionReason = c.decisionReason;
  }
  if (viewer.staff) {
    out.flagged = c.flagged;
    if (c.hiddenReason) out.hiddenReason = c.hiddenReason;
  }
  return out;
}

/** Contract form of the per-target counts: paragraph index, and -1 for the whole draft. */
export function commentCounts(doc: DraftDoc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(doc.approvedCounts ?? {})) {
    if (n > 0) out[k === 'w' ? String(WHOLE_DRAFT) : k.slice(1)] = n;
  }
  return out;
}

export function toDraft(doc: DraftDoc, now: Date, comments: DraftComment[], commentsNextCursor: string | null): Draft {
  const status = draftStatus(doc, now);
  const out: Draft = {
    id: doc._id,
    title: doc.title,
    paragraphs: doc.paragraphs,
    status,
    statusLabel: DRAFT_STATUS_LABEL[status],
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    normative: doc.normative,
    version: doc.version,
    windowText: windowText(doc, now),
    comments,
    commentsNextCursor,
    commentCounts: commentCounts(doc),
  };
  if (doc.explanation) out.explanation = doc.explanation;
  if (doc.report) out.report = doc.report;
  if (doc.policyId) out.policyId = doc.policyId;
  return out;
}

/**
 * The adoption report (采纳情况) from the decided approved comments: one group per decision and reason, in the order
 * the decisions were made, so a group decision reads as one line with the comments it answers.
 */
export function buildReport(approved: readonly CommentDoc[], summary: string, now: Date): DraftReport {
  const groups = new Map<string, { decision: Decision; reason: string; commentIds: string[]; first: string }>();
  const counts = { total: approved.length, adopted: 0, partly: 0, notAdopted: 0 };
  for (const c of approved) {
    if (!c.decision) continue;
    if (c.decision === 'adopted') counts.adopted++;
    else if (c.decision === 'partly') counts.partly++;
    else counts.notAdopted++;
    const reason = c.decisionReason ?? '';
    const key = `${c.decision}\u0000${reason}`;
    const g = groups.get(key);
    const when = `${c.decidedAt ?? ''}|${c.key}`;
    if (g) {
      g.commentIds.push(c._id);
      if (when < g.first) g.first = when;
    } else groups.set(key, { decision: c.decision, reason, commentIds: [c._id], first: when });
  }
  const decisions = [...groups.values()]
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))
    .map((g) => ({ decision: g.decision, decisionLabel: DECISION_LABEL[g.decision], reason: g.reason, commentIds: g.commentIds }));
  return { summary, publishedAt: now.toISOString(), counts, decisions };
}
