// Derived fields that make every list and timer query one indexed range (docs/adr/0013-case-queries-and-counters.md).
// Each key ends with the case id, so it is unique and a cursor is simply "the last key seen".
//   queueKey  "<lane digit>|<instant>|<id>": 0 = clock running (by deadline), 1 = waiting for the citizen (by deadline),
//             2 = replied (by auto-close time), 3 = done (by end time). The staff queue is the range "0".."2".
//   mineKey   "<submittedAt>|<id>": a citizen's cases, newest first.
//   timerKey  "<instant>|<id>": when the timer must next look at the case (reminder, overdue, rating reminder,
//             auto-close, retention); absent when nothing is scheduled.
// statKeys lists the counters a case contributes to; the repository moves them by ±1 in the same transaction.
import type { WorkCalendar } from './calendar';
import type { CaseDoc, Lane } from './case-doc';
import { DONE_STATUSES, RUNNING_STATUSES } from './case-machine';
import { plusDays, reminderAt, runningDue, type CaseRules } from './deadlines';
import { shanghaiDay } from './calendar';

type Derived = 'lane' | 'queueKey' | 'mineKey' | 'timerKey';
export type CaseCore = Omit<CaseDoc, Derived> & Partial<Pick<CaseDoc, Derived>>;

export const QUEUE_RUNNING = '0';
export const QUEUE_WAITING = '1';
export const QUEUE_REPLIED = '2';
export const QUEUE_DONE = '3';

export function laneOf(status: CaseDoc['status']): Lane {
  if (status === 'replied') return 'replied';
  return DONE_STATUSES.includes(status) ? 'done' : 'open';
}

function autoCloseAt(doc: CaseCore, rules: CaseRules): string | undefined {
  return doc.reply ? plusDays(doc.reply.at, rules.autoCloseDays) : undefined;
}

export function queueKeyOf(doc: CaseCore, rules: CaseRules): string {
  const due = runningDue(doc);
  if (due) return `${QUEUE_RUNNING}|${due}|${doc._id}`;
  if (doc.status === 'needs_info') return `${QUEUE_WAITING}|${doc.answerDueAt ?? doc.acceptDueAt}|${doc._id}`;
  if (doc.status === 'replied') return `${QUEUE_REPLIED}|${autoCloseAt(doc, rules) ?? doc.updatedAt}|${doc._id}`;
  return `${QUEUE_DONE}|${doc.endedAt ?? doc.updatedAt}|${doc._id}`;
}

export function hasPersonalData(doc: Pick<CaseDoc, 'contactName' | 'contactPhone' | 'images'>): boolean {
  return Boolean(doc.contactName || doc.contactPhone || doc.images.length > 0);
}

/** The instants at which a timer job has something to do with this case, by job. */
export function scheduledJobs(doc: CaseCore, rules: CaseRules, cal: WorkCalendar): Partial<Record<TimerJobName, string>> {
  const jobs: Partial<Record<TimerJobName, string>> = {};
  const due = runningDue(doc);
  if (doc.status === 'processing' && doc.answerDueAt && doc.remindedFor !== doc.answerDueAt) jobs.remind = reminderAt(doc.answerDueAt, cal);
  if (due && doc.overdueFor !== due) jobs.overdue = new Date(Date.parse(due) + 1).toISOString();
  if (doc.status === 'replied' && doc.reply) {
    if (doc.ratingRemindedFor !== doc.reply.at) jobs.remindRating = plusDays(doc.reply.at, rules.ratingReminderDays);
    jobs.autoClose = plusDays(doc.reply.at, rules.autoCloseDays);
  }
  if (DONE_STATUSES.includes(doc.status) && !doc.purgedAt && hasPersonalData(doc)) {
    jobs.purge = plusDays(doc.endedAt ?? doc.updatedAt, rules.retentionDays);
  }
  return jobs;
}

export type TimerJobName = 'remind' | 'overdue' | 'remindRating' | 'autoClose' | 'purge';

function timerKeyOf(doc: CaseCore, rules: CaseRules, cal: WorkCalendar): string | undefined {
  const times = Object.values(scheduledJobs(doc, rules, cal));
  if (times.length === 0) return undefined;
  return `${times.sort()[0]}|${doc._id}`;
}

/** The document with its derived keys recomputed; a key with nothing to say is removed, never stored as null. */
export function withKeys(doc: CaseCore, rules: CaseRules, cal: WorkCalendar): CaseDoc {
  const timerKey = timerKeyOf(doc, rules, cal);
  const out: CaseDoc = { ...doc, lane: laneOf(doc.status), queueKey: queueKeyOf(doc, rules), mineKey: `${doc.submittedAt}|${doc._id}` };
  if (timerKey) out.timerKey = timerKey;
  else if (out.timerKey !== undefined) delete out.timerKey;
  return out;
}

/** "20261125": the day bucket of a deadline. */
export function dueBucket(due: string): string {
  return `d${shanghaiDay(due).replace(/-/g, '')}`;
}

/** The counters (case_stats) a case adds one to: its open status, review and flag state, its running deadline's day. */
export function statKeys(doc: Pick<CaseDoc, 'status' | 'awaitingReview' | 'flagged' | 'acceptDueAt' | 'answerDueAt' | 'cosignAwaiting'>): string[] {
  const keys: string[] = [];
  if (laneOf(doc.status) !== 'done') keys.push(doc.status);
  if (doc.awaitingReview) keys.push('awaitingReview');
  if (doc.flagged) keys.push('flagged');
  if (doc.cosignAwaiting) keys.push('cosignAwaiting');
  const due = RUNNING_STATUSES.includes(doc.status) ? runningDue(doc) : undefined;
  if (due) keys.push(dueBucket(due));
  return keys;
}

/** The counter documents a case belongs to: the agency, and its assigned department. */
export function statScopes(doc: Pick<CaseDoc, 'departmentId'>): string[] {
  return doc.departmentId ? ['all', `dept:${doc.departmentId}`] : ['all'];
}

/** Per scope, key -> change, to move a case's counters from `before` (absent: new case) to `after`. */
export function statDelta(before: CaseDoc | null, after: CaseDoc): Map<string, Map<string, number>> {
  const delta = new Map<string, Map<string, number>>();
  const add = (doc: CaseDoc, sign: number): void => {
    for (const scope of statScopes(doc)) {
      const m = delta.get(scope) ?? new Map<string, number>();
      for (const k of statKeys(doc)) m.set(k, (m.get(k) ?? 0) + sign);
      delta.set(scope, m);
    }
  };
  if (before) add(before, -1);
  add(after, +1);
  for (const [scope, m] of delta) {
    for (const [k, v] of m) if (v === 0) m.delete(k);
    if (m.size === 0) delta.delete(scope);
  }
  return delta;
}
