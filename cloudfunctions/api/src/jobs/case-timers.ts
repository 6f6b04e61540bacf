// The case timer, run by the `tick` trigger every 10 minutes. Every case carries timerKey, the next instant something
// is due for it (domain/case-keys.ts); the job walks the due ones in key order, in batches, and for each decides
// again inside the case's transaction what is due: a reminder the day before the deadline, the overdue flag with
// escalation, a rating reminder, the auto-close of an unrated reply, the removal of personal data after retention.
// Each writes a marker (remindedFor, overdueFor, ratingRemindedFor, purgedAt) or changes the status, so a second run
// finds nothing to do: overlapping runs do each thing once. Like the handlers, each job is a command of the state
// machine run as `system`: the write leaves the status the machine grants (`pass.to`), never one named here.
import * as cloud from 'wx-server-sdk';
import { dayLabel, shanghaiDay } from '../domain/calendar';
import type { CaseDoc } from '../domain/case-doc';
import { buildAsSystem } from '../domain/case-machine';
import { scheduledJobs, withKeys, type CaseCore, type TimerJobName } from '../domain/case-keys';
import { runningDue } from '../domain/deadlines';
import { dueForTimer, updateCase, type CaseChange } from '../repositories/cases';
import { departmentHandlers, staffWithRole } from '../repositories/users';
import { deliverNow } from '../services/notifier';
import { caseEnv, citizenNotice, event, staffNotices, type CaseEnv } from '../actions/cases/env';

const BATCH = 50;
const SYSTEM = { role: 'system' as const };

export type CaseTimerCounts = Record<TimerJobName, number> & { rescheduled: number };

interface Recipients {
  supervisors: string[];
  handlers: string[];
}

/** What is due for this case now, most consequential first; the others it makes moot are marked done with it. */
export function timerChange(doc: CaseDoc, env: CaseEnv, to: Recipients): { change: CaseChange; job: TimerJobName | 'rescheduled' } | null {
  const due = Object.entries(scheduledJobs(doc, env.rules, env.cal)).filter(([, at]) => at <= env.now).map(([job]) => job as TimerJobName);
  const is = (job: TimerJobName) => due.includes(job);

  if (is('purge')) {
    const change = buildAsSystem(doc.status, 'purge', (pass) => {
      const next: CaseCore = { ...doc, status: pass.to, images: [], purgedAt: env.now };
      delete next.contactName;
      delete next.contactPhone;
      delete next.phoneTailHash;
      const note = `办结满 ${env.rules.retentionDays} 天，已按规定删除联系人、联系电话和图片`;
      return { next, events: [event(env, 'purged', SYSTEM, 'citizen', { note })] };
    });
    return { job: 'purge', change };
  }
  if (is('autoClose')) {
    const change = buildAsSystem(doc.status, 'autoClose', (pass) => {
      const next: CaseCore = { ...doc, status: pass.to, endedAt: env.now };
      const note = `答复后 ${env.rules.autoCloseDays} 天未评价，系统自动办结`;
      return {
        next,
        events: [event(env, 'closed', SYSTEM, 'public', { from: doc.status, to: pass.to, note })],
        notifications: [citizenNotice(env, doc, pass.to, note)],
      };
    });
    return { job: 'autoClose', change };
  }
  if (is('remindRating')) {
    const change = buildAsSystem(doc.status, 'remindRating', (pass): CaseChange => ({
      next: { ...doc, status: pass.to, ratingRemindedFor: doc.reply!.at },
      events: [event(env, 'reminded', SYSTEM, 'internal', { note: '已提醒市民评价' })],
      notifications: [{ ...citizenNotice(env, doc, '待评价', '请对本次答复进行评价'), kind: 'rating_reminder' }],
    }));
    return { job: 'remindRating', change };
  }
  if (is('overdue')) {
    const dueAt = runningDue(doc)!;
    const change = buildAsSystem(doc.status, 'markOverdue', (pass) => {
      // Marked overdue, then escalated in the same write: the second command is decided from the first one's status.
      const next: CaseCore = { ...doc, status: pass.then('escalate'), overdueFor: dueAt, escalated: true };
      // Past the deadline a reminder that it is near would be noise.
      if (doc.answerDueAt) next.remindedFor = doc.answerDueAt;
      const what = doc.status === 'submitted' ? '受理' : '答复';
      const note = `已超过${what}期限（${dayLabel(shanghaiDay(dueAt))}），自动转督办`;
      return {
        next,
        events: [event(env, 'overdue', SYSTEM, 'internal', { note }), event(env, 'escalated', SYSTEM, 'internal', { note: '超期自动督办' })],
        notifications: staffNotices(env, to.supervisors, 'staff_overdue', doc, '已超期', note, dueAt),
      };
    });
    return { job: 'overdue', change };
  }
  if (is('remind')) {
    const note = `${dayLabel(shanghaiDay(doc.answerDueAt!))}到期，请及时答复`;
    const change = buildAsSystem(doc.status, 'remind', (pass) => ({
      next: { ...doc, status: pass.to, remindedFor: doc.answerDueAt! },
      events: [event(env, 'reminded', SYSTEM, 'internal', { note })],
      notifications: staffNotices(env, to.handlers, 'staff_due', doc, '即将到期', note, doc.answerDueAt),
    }));
    return { job: 'remind', change };
  }
  // Woken for nothing (settings changed since the key was computed): only the key moves.
  const rekeyed = withKeys(doc, env.rules, env.cal);
  if (rekeyed.timerKey === doc.timerKey) return null;
  return { job: 'rescheduled', change: { next: doc, events: [] } };
}

export async function runCaseTimers(now: Date): Promise<CaseTimerCounts> {
  const env = await caseEnv(now);
  const counts: CaseTimerCounts = { remind: 0, overdue: 0, remindRating: 0, autoClose: 0, purge: 0, rescheduled: 0 };
  const supervisors = staffWithRole('supervisor');
  const handlersByDept = new Map<string, Promise<string[]>>();
  const handlersOf = (dept: string | undefined) => {
    if (!dept) return Promise.resolve([]);
    if (!handlersByDept.has(dept)) handlersByDept.set(dept, departmentHandlers(dept));
    return handlersByDept.get(dept)!;
  };
  let cursor: string | undefined;
  for (;;) {
    const batch = await dueForTimer(env.now, cursor, BATCH);
    for (const found of batch) {
      try {
        const to = { supervisors: await supervisors, handlers: await handlersOf(found.departmentId) };
        let job: TimerJobName | 'rescheduled' | null = null;
        const result = await updateCase(found._id, env, (doc) => {
          const t = timerChange(doc, env, to);
          job = t?.job ?? null;
          return t?.change ?? null;
        });
        if (result && job) {
          counts[job as keyof CaseTimerCounts]++;
          await deliverNow(result.notificationIds, now, env.settings);
          if (job === 'purge') await deleteImages(found);
        }
      } catch (error) {
        // One case failing must not stop the others; its key is unchanged, so the next tick tries again.
        console.error('[timers] case timer failed', found._id, error);
      }
    }
    if (batch.length < BATCH) return counts;
    cursor = batch[batch.length - 1]!.timerKey;
  }
}

async function deleteImages(doc: CaseDoc): Promise<void> {
  if (doc.images.length === 0) return;
  try {
    await cloud.deleteFile({ fileList: doc.images });
  } catch (error) {
    console.warn('[timers] could not delete the images of a purged case', doc._id, error);
  }
}
