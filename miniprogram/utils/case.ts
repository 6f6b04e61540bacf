// How a case looks on any page: the colour of its status (never the only signal: the label is always written), the
// deadline line with its countdown, the timeline entries, list cards, what both detail pages show alike and the
// all as plain data for setData (the rating levels and every label come from the server).
import type { CaseListItem, CaseView, QueueItem, TimelineEntry } from '../../typings/api';
import type { CaseStatus, Instant } from '../../typings/domain';
import { countdown, formatDateTime } from './time';

/** Solid tag colours with white text; each has a contrast ratio of at least 4.5 against white. */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  submitted: '#b54708',
  accepted: '#0b5cad',
  processing: '#0b5cad',
  needs_info: '#b42318',
  replied: '#1a7f37',
  closed: '#5f6368',
  rejected: '#5f6368',
  withdrawn: '#5f6368',
};

export function statusColor(status: string): string {
  return STATUS_COLORS[status as CaseStatus] ?? '#5f6368';
}

export interface DueSource {
  status: CaseStatus;
  acceptDueAt: Instant;
  answerDueAt?: Instant;
  late: boolean;
  dueText: string;
}

export interface DueView {
  show: boolean;
  /** "受理期限" or "答复期限". */
  label: string;
  /** "11月30日 18:00". */
  date: string;
  /** "还剩 2 天 3 小时" / "已超期 1 天"; empty when the clock is paused or the server's text says how late. */
  countdown: string;
  late: boolean;
  /** The server's own sentence ("承诺 11月30日 前答复", "已超期 2 个工作日"). */
  text: string;
  /** needs_info: the time waiting for the citizen does not count. */
  paused: boolean;
}

const HIDDEN: DueView = { show: false, label: '', date: '', countdown: '', late: false, text: '', paused: false };

/** The deadline that applies now: acceptance while submitted, the answer while accepted or in progress. */
export function dueView(c: DueSource, now: number = Date.now()): DueView {
  if (c.status === 'needs_info') {
    return { ...HIDDEN, show: true, label: '答复期限', text: c.dueText || '等待补充材料，期限暂停计算', paused: true };
  }
  let label: string;
  let due: Instant | undefined;
  if (c.status === 'submitted') {
    label = '受理期限';
    due = c.acceptDueAt;
  } else if (c.status === 'accepted' || c.status === 'processing') {
    label = '答复期限';
    due = c.answerDueAt ?? c.acceptDueAt;
  } else {
    return { ...HIDDEN, text: c.dueText };
  }
  if (!due) return { ...HIDDEN, text: c.dueText };
  const left = countdown(due, now);
  // Once the server says the case is late, its dueText counts the delay in working days, the measure the deadline is
  // set in; a calendar countdown beside it ("已超期 4 天 4 小时" next to "已超期 3 个工作日") would be a second,
  // different figure. Before that, the countdown says how long is left.
  const serverLate = c.late && Boolean(c.dueText);
  return { show: true, label, date: formatDateTime(due, now), countdown: serverLate ? '' : left.text, late: c.late || left.late, text: c.dueText, paused: false };
}

export interface TimelineView {
  id: string;
  time: string;
  title: string;
  /** "受理员 · 住房和城乡建设局"; a role and a department, never a person's name. */
  actor: string;
  note: string;
  internal: boolean;
}

export function timelineView(entries: readonly TimelineEntry[], now: number = Date.now()): TimelineView[] {
  return entries.map((e) => ({
    id: e.id,
    time: formatDateTime(e.at, now),
    title: e.kindLabel,
    actor: [e.actor.roleLabel, e.actor.departmentName].filter(Boolean).join(' · '),
    note: e.note ?? '',
    internal: e.visibility === 'internal',
  }));
}

/** What both detail pages (the citizen's pages/case, staff/case) show alike; each view adds its own. */
export interface CaseBasics {
  id: string;
  trackingNo: string;
  title: string;
  content: string;
  typeLabel: string;
  categoryName: string;
  status: string;
  statusLabel: string;
  acceptDueAt: string;
  answerDueAt: string;
  late: boolean;
  dueText: string;
  submittedAt: string;
  /** The images that have a URL to show. */
  images: string[];
  /** The open question, only while the case waits for the citizen's answer. */
  question: string;
}

export function caseBasics(c: CaseView, now: number = Date.now()): CaseBasics {
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    title: c.title,
    content: c.content,
    typeLabel: c.typeLabel,
    categoryName: c.categoryName,
    status: c.status,
    statusLabel: c.statusLabel,
    acceptDueAt: c.acceptDueAt,
    answerDueAt: c.answerDueAt ?? '',
    late: c.late,
    dueText: c.dueText,
    submittedAt: formatDateTime(c.submittedAt, now),
    images: c.images.map((i) => i.url).filter((u): u is string => Boolean(u)),
    question: c.status === 'needs_info' ? (c.question ?? '') : '',
  };
}

/** One row of 我的留言: only what the card renders, so a page of 20 stays far below the setData budget. */
export interface CaseCardView {
  id: string;
  title: string;
  trackingNo: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  dueText: string;
  late: boolean;
  time: string;
}

export function caseCard(item: CaseListItem, now: number = Date.now()): CaseCardView {
  return {
    id: item.id,
    title: item.title,
    trackingNo: item.trackingNo,
    typeLabel: item.typeLabel,
    status: item.status,
    statusLabel: item.statusLabel,
    dueText: item.dueText,
    late: item.late,
    time: formatDateTime(item.submittedAt, now),
  };
}

export interface QueueCardView extends CaseCardView {
  category: string;
  department: string;
  /** Short written flags ("已超期", "一天内到期", ...): what needs attention, in words. */
  flags: string[];
}

export function queueCard(item: QueueItem, now: number = Date.now()): QueueCardView {
  const flags: string[] = [];
  if (item.overdue) flags.push('已超期');
  else if (item.dueSoon) flags.push('一天内到期');
  if (item.awaitingReview) flags.push('答复待审核');
  if (item.extensionPending) flags.push('延期待审批');
  if (item.flagged) flags.push('内容待复核');
  if (item.escalated) flags.push('已督办');
  if (item.cosignAwaiting) flags.push(`附议 ${item.cosignAwaiting.count} 人待回应`);
  return {
    ...caseCard(item, now),
    late: item.late || item.overdue,
    category: item.categoryName,
    department: item.departmentName ?? '未分派',
    flags,
  };
}
