// What the draft consultation pages (意见征集) show, from the contract's shapes. No `wx` here: unit-tested in Node.
import type { CommentStatus, Decision, Draft, DraftComment, DraftListItem, DraftStatus, LabelOption } from '../../typings/api';
import type { TagType } from './policy-view';
import { formatFullDate, formatFullDateTime, shanghaiParts } from './time';

export const DRAFT_STATUS_TAG: Record<DraftStatus, TagType> = {
  scheduled: 'default',
  open: 'success',
  closed: 'warning',
  reported: 'primary',
};



export const COMMENT_STATUS_TAG: Record<CommentStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  hidden: 'default',
};


export const DECISION_TAG: Record<Decision, TagType> = {
  adopted: 'success',
  partly: 'primary',
  not_adopted: 'default',
};

/**
 * A deadline as people say it. A window that closes at midnight closes at "24:00" of the day before: "12月26日 00:00"
 * would make a reader think they still have the 26th.
 */
export function formatDeadline(instant: string): string {
  const p = shanghaiParts(instant);
  if (!p) return '';
  if (p.hour === 0 && p.minute === 0) {
    const before = Date.parse(instant) - 1;
    return `${formatFullDate(before)} 24:00`;
  }
  return formatFullDateTime(instant);
}

/** The last calendar day on which comments are taken, for short ranges. */
function lastDay(instant: string): string {
  const p = shanghaiParts(instant);
  if (!p) return '';
  return p.hour === 0 && p.minute === 0 ? formatFullDate(Date.parse(instant) - 1) : formatFullDate(instant);
}

export function windowRangeText(opensAt: string, closesAt: string): string {
  return `${formatFullDate(opensAt)} 至 ${lastDay(closesAt)}`;
}

export interface DraftCardView {
  id: string;
  title: string;
  status: DraftStatus;
  statusLabel: string;
  statusType: TagType;
  open: boolean;
  windowText: string;
  rangeText: string;
  commentText: string;
  ariaLabel: string;
}

export function draftCardView(item: DraftListItem): DraftCardView {
  const statusLabel = item.statusLabel;
  const rangeText = `征求意见时间：${windowRangeText(item.opensAt, item.closesAt)}`;
  const commentText = item.commentCount > 0 ? `${item.commentCount} 条公开意见` : '暂无公开意见';
  const open = item.status === 'open';
  return {
    id: item.id,
    title: item.title,
    status: item.status,
    statusLabel,
    statusType: DRAFT_STATUS_TAG[item.status],
    open,
    windowText: item.windowText,
    rangeText,
    commentText,
    ariaLabel: [item.title, statusLabel, open ? item.windowText : '', rangeText, commentText].filter(Boolean).join('，') + '。点按查看',
  };
}

/** Open consultations first (soonest to close first), then the rest as the server ordered them. */
export function orderForCitizens(items: readonly DraftCardView[], closesAt: Record<string, string>): DraftCardView[] {
  const open = items.filter((d) => d.open).sort((a, b) => Date.parse(closesAt[a.id] ?? '') - Date.parse(closesAt[b.id] ?? ''));
  const rest = items.filter((d) => !d.open);
  return [...open, ...rest];
}

export function whereText(paragraphIndex: number | undefined): string {
  return paragraphIndex === undefined || paragraphIndex < 0 ? '针对全文' : `针对第 ${paragraphIndex + 1} 段`;
}

export interface CommentView {
  id: string;
  content: string;
  where: string;
  atText: string;
  status: CommentStatus;
  statusText: string;
  statusType: TagType;
  /** What the state means for the author, in words. */
  statusHint: string;
  decisionLabel: string;
  decisionType: TagType;
  decisionReason: string;
  hiddenReason: string;
  flagged: boolean;
  ariaLabel: string;
}

const STATUS_HINT: Record<CommentStatus, string> = {
  pending: '审核通过后其他人可以看到',
  approved: '所有人可见',
  hidden: '未公开，仅您本人可见',
};

export function commentView(c: DraftComment): CommentView {
  const statusText = c.statusLabel;
  const where = whereText(c.paragraphIndex);
  const decisionLabel = c.decision ? (c.decisionLabel ?? '') : '';
  return {
    id: c.id,
    content: c.content,
    where,
    atText: formatFullDateTime(c.at),
    status: c.status,
    statusText,
    statusType: COMMENT_STATUS_TAG[c.status],
    statusHint: c.mine ? STATUS_HINT[c.status] : '',
    decisionLabel,
    decisionType: c.decision ? DECISION_TAG[c.decision] : 'default',
    decisionReason: c.decisionReason ?? '',
    hiddenReason: c.hiddenReason ?? '',
    flagged: !!c.flagged,
    ariaLabel: [c.mine ? `我的意见，${statusText}` : '公开意见', where, c.content, decisionLabel ? `处理结果：${decisionLabel}` : '']
      .filter(Boolean)
      .join('，'),
  };
}

export interface ParagraphView {
  index: number;
  number: number;
  text: string;
  count: number;
  badgeText: string;
  ariaLabel: string;
}

export interface ReportGroupView {
  decision: Decision;
  decisionLabel: string;
  decisionType: TagType;
  reason: string;
  countText: string;
  comments: CommentView[];
}

export interface ReportView {
  summary: string;
  publishedText: string;
  counts: Array<{ key: string; label: string; value: number }>;
  groups: ReportGroupView[];
}

export interface DraftDetailView {
  id: string;
  title: string;
  status: DraftStatus;
  statusLabel: string;
  statusType: TagType;
  windowText: string;
  rangeText: string;
  deadlineText: string;
  canComment: boolean;
  /** Why commenting is not possible right now, in words; '' while open. */
  closedNote: string;
  normative: boolean;
  paragraphs: ParagraphView[];
  wholeCount: number;
  mine: CommentView[];
  others: CommentView[];
  report: ReportView | null;
}

const CLOSED_NOTE: Record<DraftStatus, string> = {
  scheduled: '意见征集尚未开始，开始后即可发表意见。',
  open: '',
  closed: '意见征集已截止，正在整理意见，采纳情况将在此公布。',
  reported: '意见征集已结束，采纳情况已公布。',
};

/**
 * The published adoption report; `decisions` are the server's words for them (meta.get vocabulary.decisions), without
 * which only the total is counted.
 */
export function reportView(draft: Draft, decisions: ReadonlyArray<LabelOption<Decision>>): ReportView | null {
  const report = draft.report;
  if (!report) return null;
  const byId = new Map(draft.comments.map((c) => [c.id, c]));
  const perDecision: Record<Decision, number> = { adopted: report.counts.adopted, partly: report.counts.partly, not_adopted: report.counts.notAdopted };
  return {
    summary: report.summary,
    publishedText: `公布于 ${formatFullDate(report.publishedAt)}`,
    counts: [{ key: 'total', label: '收到意见', value: report.counts.total }, ...decisions.map((d) => ({ key: d.key, label: d.label, value: perDecision[d.key] }))],
    groups: report.decisions.map((g) => {
      const comments = g.commentIds.map((id) => byId.get(id)).filter((c): c is DraftComment => !!c).map(commentView);
      return {
        decision: g.decision,
        decisionLabel: g.decisionLabel,
        decisionType: DECISION_TAG[g.decision],
        reason: g.reason,
        countText: `${g.commentIds.length} 条意见`,
        comments,
      };
    }),
  };
}

export function draftDetailView(draft: Draft, decisions: ReadonlyArray<LabelOption<Decision>>): DraftDetailView {
  const counts = draft.commentCounts ?? {};
  const paragraphs = draft.paragraphs.map((text, index) => {
    const count = counts[String(index)] ?? 0;
    const badgeText = count > 0 ? `${count} 条意见` : '';
    const open = draft.status === 'open';
    return {
      index,
      number: index + 1,
      text,
      count,
      badgeText,
      ariaLabel: `${open ? '对本段提意见：' : ''}第 ${index + 1} 段${count ? `，已有 ${count} 条公开意见` : ''}：${text}`,
    };
  });
  const mine = draft.comments.filter((c) => c.mine).map(commentView);
  const others = draft.comments.filter((c) => !c.mine && c.status === 'approved').map(commentView);
  return {
    id: draft.id,
    title: draft.title,
    status: draft.status,
    statusLabel: draft.statusLabel,
    statusType: DRAFT_STATUS_TAG[draft.status],
    windowText: draft.windowText,
    rangeText: windowRangeText(draft.opensAt, draft.closesAt),
    deadlineText: `截止时间：${formatDeadline(draft.closesAt)}`,
    canComment: draft.status === 'open',
    closedNote: CLOSED_NOTE[draft.status],
    normative: draft.normative,
    paragraphs,
    wholeCount: counts['-1'] ?? 0,
    mine,
    others,
    report: reportView(draft, decisions),
  };
}
