// Timer triggers from config.json arrive as { Type: 'Timer', TriggerName, Time } with no user identity and SOURCE
// `wx_trigger`. Only such an invocation may run a job: anyone can send a body shaped like a timer event
// (docs/adr/0050-timer-events-trusted-by-source.md).
import { runBackfills } from './jobs/backfills';
import { runCaseTimers } from './jobs/case-timers';
import { runExportJobs } from './jobs/exports';
import { now } from './lib/clock';
import { sweepExpiredAnnouncements } from './repositories/announcements';
import { resumeFanouts } from './services/announcement-fanout';
import { deliverDue } from './services/notifier';

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

/** What the platform says about the invocation (cloud.getWXContext()). */
export interface InvocationSource {
  OPENID?: string | undefined;
  SOURCE?: string | undefined;
}

/** The platform's SOURCE for a timer trigger; a function called by another one would read `wx_trigger,scf`. */
export const TRIGGER_SOURCE = 'wx_trigger';

export type TimerJob = () => Promise<Record<string, number>>;

/** Jobs per trigger; each is batched, idempotent and safe if two runs overlap. Features register theirs here. */
const JOBS: Record<string, Record<string, TimerJob>> = {
  tick: {
    // Derived fields older documents lack (search tokens, `current`), until each back-fill is done (docs/adr/0151).
    backfills: async () => runBackfills(now()),
    // Case deadlines first: what they queue in the outbox goes out in the same tick.
    cases: async () => ({ ...(await runCaseTimers(now())) }),
    notifications: async () => ({ ...(await deliverDue(now())) }),
    // Followers' messages of an announcement whose publication could not write them all.
    announcements: async () => ({ ...(await resumeFanouts()) }),
    // Expired announcements leave the citizens' list index (docs/adr/0150-current-announcements-index.md).
    announcementExpiry: async () => ({ expired: await sweepExpiredAnnouncements(now()) }),
  },
  // Every minute, so a large export finishes in minutes, not hours (docs/adr/0120-exports-as-batched-jobs.md).
  exports: {
    exports: async () => ({ ...(await runExportJobs(now())) }),
  },
};

export const TRIGGER_NAMES: readonly string[] = Object.keys(JOBS);

function isKnownTrigger(name: unknown): name is string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(JOBS, name);
}

/**
 * The event, when it is a real timer trigger's: fired by the platform (SOURCE exactly `wx_trigger`, no caller
 * identity) and shaped like one (a known trigger name, a time). Anything else is null and goes to the router.
 */
export function trustedTimerEvent(event: unknown, source: InvocationSource): TimerEvent | null {
  if (source.OPENID || source.SOURCE !== TRIGGER_SOURCE) return null;
  if (!event || typeof event !== 'object') return null;
  const e = event as Record<string, unknown>;
  if (e.Type !== 'Timer' || !isKnownTrigger(e.TriggerName) || typeof e.Time !== 'string') return null;
  return { Type: 'Timer', TriggerName: e.TriggerName, Time: e.Time };
}

export async function runTimer(event: TimerEvent): Promise<{ trigger: string; jobs: Record<string, Record<string, number>> }> {
  const jobs = JOBS[event.TriggerName]!;
  const results: Record<string, Record<string, number>> = {};
  for (const [name, job] of Object.entries(jobs)) results[name] = await job();
  return { trigger: event.TriggerName, jobs: results };
}
