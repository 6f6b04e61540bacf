// Timer triggers from config.json arrive as { Type: 'Timer', TriggerName, Time } with no user identity.
import { runCaseTimers } from './jobs/case-timers';
import { now } from './lib/clock';
import { deliverDue } from './services/notifier';

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return (event as { Type?: unknown } | null)?.Type === 'Timer';
}

export type TimerJob = () => Promise<Record<string, number>>;

/** Jobs per trigger; each is batched, idempotent and safe if two runs overlap. Features register theirs here. */
const JOBS: Record<string, Record<string, TimerJob>> = {
  tick: {
    // Case deadlines first: what they queue in the outbox goes out in the same tick.
    cases: async () => ({ ...(await runCaseTimers(now())) }),
    notifications: async () => ({ ...(await deliverDue(now())) }),
  },
};

export async function runTimer(event: TimerEvent): Promise<{ trigger: string; jobs: Record<string, Record<string, number>> }> {
  const jobs = JOBS[event.TriggerName];
  if (!jobs) throw new Error(`unknown timer trigger: ${event.TriggerName}`);
  const results: Record<string, Record<string, number>> = {};
  for (const [name, job] of Object.entries(jobs)) results[name] = await job();
  return { trigger: event.TriggerName, jobs: results };
}
