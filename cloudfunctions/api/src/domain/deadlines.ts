// Deadline rules of a case on the working-day calendar (domain/calendar.ts). Every deadline is the end of a Shanghai
// working day, so "due today" and "overdue" are questions about days, and the queue's counters can bucket by day.
import type { CaseStatus, CaseType } from '../../../../typings/domain';
import {
  addWorkingDays,
  atHour,
  dayLabel,
  endOfDay,
  monthDayLabel,
  previousWorkingDay,
  shanghaiDay,
  workingDaysBetween,
  workingDaysSince,
  type WorkCalendar,
} from './calendar';
import type { CaseDoc } from './case-doc';

const DAY_MS = 86_400_000;
/** Reminders go out at the start of the working day before the deadline. */
const REMINDER_HOUR = 9;

export interface CaseRules {
  acceptDays: number;
  extensionMaxDays: number;
  ratingReminderDays: number;
  autoCloseDays: number;
  retentionDays: number;
  reviewReplies: boolean;
  answerDays: Record<CaseType, number>;
}

const iso = (d: Date): string => d.toISOString();

/** End of the n-th working day after the day of `from`: 12345 counts from the day after receipt. */
export function dueAfter(from: string, workingDays: number, cal: WorkCalendar): string {
  return iso(endOfDay(addWorkingDays(shanghaiDay(from), workingDays, cal)));
}

/** Moves a deadline by whole working days (a pause, an extension); it stays at the end of a working day. */
export function shiftDue(due: string, workingDays: number, cal: WorkCalendar): string {
  return workingDays <= 0 ? due : dueAfter(due, workingDays, cal);
}

/**
 * Working days the answer clock stood still: those from the day the question was asked up to, not including, the day
 * the citizen answered. An answer the same day costs nothing; overnight, one working day.
 */
export function pauseDays(pausedAt: string, resumedAt: string, cal: WorkCalendar): number {
  return workingDaysBetween(shanghaiDay(pausedAt), shanghaiDay(resumedAt), cal);
}

export function reminderAt(answerDueAt: string, cal: WorkCalendar): string {
  return iso(atHour(previousWorkingDay(shanghaiDay(answerDueAt), cal), REMINDER_HOUR));
}

export function plusDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

/** The deadline the case is running against now, if its clock runs. */
export function runningDue(doc: Pick<CaseDoc, 'status' | 'acceptDueAt' | 'answerDueAt'>): string | undefined {
  if (doc.status === 'submitted') return doc.acceptDueAt;
  if (doc.status === 'accepted' || doc.status === 'processing') return doc.answerDueAt;
  return undefined;
}

/** Working days a deadline has passed by, counting the days after the due day up to today. */
export function workingDaysLate(due: string, now: string, cal: WorkCalendar): number {
  return workingDaysSince(due, now, cal);
}

type DueFacts = Pick<CaseDoc, 'status' | 'acceptDueAt' | 'answerDueAt' | 'reply'>;

/** Late now (a running deadline has passed), or answered late (a replied or closed case keeps the mark). */
export function isLate(doc: DueFacts, now: string): boolean {
  const due = runningDue(doc);
  if (due) return now > due;
  if ((doc.status === 'replied' || doc.status === 'closed') && doc.reply && doc.answerDueAt) return doc.reply.at > doc.answerDueAt;
  return false;
}

function lateText(due: string, now: string, cal: WorkCalendar): string {
  const n = workingDaysLate(due, now, cal);
  return n > 0 ? `已超期 ${n} 个工作日` : '已超期';
}

const DONE_TEXT: Partial<Record<CaseStatus, string>> = { closed: '已办结', rejected: '不予受理', withdrawn: '已撤回' };

/** What the citizen and staff read under the status: the promise, or how late it is. */
export function dueText(doc: DueFacts, now: string, cal: WorkCalendar): string {
  switch (doc.status) {
    case 'submitted':
      return now > doc.acceptDueAt ? `受理${lateText(doc.acceptDueAt, now, cal)}` : `承诺 ${dayLabel(shanghaiDay(doc.acceptDueAt))}前受理`;
    case 'accepted':
    case 'processing':
      if (!doc.answerDueAt) return '办理中';
      return now > doc.answerDueAt ? lateText(doc.answerDueAt, now, cal) : `承诺 ${dayLabel(shanghaiDay(doc.answerDueAt))}前答复`;
    case 'needs_info':
      return '待补充材料，补充后继续办理（等待期间不计时）';
    case 'replied':
    case 'closed': {
      if (!doc.reply) return DONE_TEXT[doc.status] ?? '';
      const late = doc.answerDueAt && doc.reply.at > doc.answerDueAt ? `（超期 ${Math.max(1, workingDaysLate(doc.answerDueAt, doc.reply.at, cal))} 个工作日）` : '';
      return `${doc.status === 'closed' ? '已办结，' : ''}已于 ${monthDayLabel(shanghaiDay(doc.reply.at))} 答复${late}`;
    }
    default:
      return DONE_TEXT[doc.status] ?? '';
  }
}

/**
 * The latest answer a case can get before it is accepted: its answer period counted from the last day to accept
 * (accepting earlier only brings the answer forward). A date people can hold the agency to, not "受理后 3 个工作日内".
 */
export function answerPromisedBy(acceptDueAt: string, answerDays: number, cal: WorkCalendar): string {
  return dueAfter(acceptDueAt, answerDays, cal);
}

/** The promise made at submission: "我们将在 11月26日（周四）前受理，最迟 12月1日（周二）前答复". */
export function promiseText(acceptDueAt: string, answerDays: number, cal: WorkCalendar): string {
  return `我们将在 ${dayLabel(shanghaiDay(acceptDueAt))}前受理，最迟 ${dayLabel(shanghaiDay(answerPromisedBy(acceptDueAt, answerDays, cal)))}前答复`;
}
