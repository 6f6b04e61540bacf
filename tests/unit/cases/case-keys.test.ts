import { makeCalendar } from '../../../cloudfunctions/api/src/domain/calendar';
import type { CaseDoc } from '../../../cloudfunctions/api/src/domain/case-doc';
import { scheduledJobs, statDelta, statKeys, withKeys, type CaseCore } from '../../../cloudfunctions/api/src/domain/case-keys';
import type { CaseRules } from '../../../cloudfunctions/api/src/domain/deadlines';
import { DEFAULT_CALENDAR, DEFAULT_RULES } from '../../../cloudfunctions/api/src/domain/defaults';
import { formatTrackingNo, parseTrackingNo, trackingDay } from '../../../cloudfunctions/api/src/domain/tracking';

const cal = makeCalendar(DEFAULT_CALENDAR);
const rules: CaseRules = DEFAULT_RULES;

const core = (over: Partial<CaseCore> = {}): CaseCore => ({
  _id: 'c1',
  openid: 'o1',
  trackingNo: 'MS20261125-0001',
  type: 'inquiry',
  categoryId: 'cat',
  title: 't',
  content: 'c',
  images: [],
  publishConsent: false,
  status: 'submitted',
  version: 1,
  submittedAt: '2026-11-25T02:00:00.000Z',
  acceptDueAt: '2026-11-26T15:59:59.999Z',
  reopenCount: 0,
  flagged: false,
  escalated: false,
  awaitingReview: false,
  publishable: false,
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...over,
});

describe('tracking numbers', () => {
  test('MS + Shanghai date + four-digit sequence, growing past 9999', () => {
    expect(trackingDay('2026-11-24T16:30:00.000Z')).toBe('20261125');
    expect(formatTrackingNo('20261125', 42)).toBe('MS20261125-0042');
    expect(formatTrackingNo('20261125', 12345)).toBe('MS20261125-12345');
    expect(parseTrackingNo('MS20261125-0042')).toEqual({ day: '20261125', seq: 42 });
    expect(parseTrackingNo('MS2026112-0042')).toBeNull();
    expect(() => formatTrackingNo('20261125', 0)).toThrow();
  });
});

describe('derived keys', () => {
  test('the queue key sorts running work by deadline, then waiting, replied, done', () => {
    expect(withKeys(core(), rules, cal).queueKey).toBe('0|2026-11-26T15:59:59.999Z|c1');
    const processing = core({ status: 'processing', answerDueAt: '2026-12-03T15:59:59.999Z', departmentId: 'd1' });
    expect(withKeys(processing, rules, cal).queueKey).toBe('0|2026-12-03T15:59:59.999Z|c1');
    expect(withKeys({ ...processing, status: 'needs_info' }, rules, cal).queueKey).toBe('1|2026-12-03T15:59:59.999Z|c1');
    const reply = { content: 'r', at: '2026-12-01T02:00:00.000Z', fromTemplate: false };
    expect(withKeys({ ...processing, status: 'replied', reply }, rules, cal).queueKey).toBe('2|2026-12-08T02:00:00.000Z|c1');
    expect(withKeys({ ...processing, status: 'closed', reply, endedAt: '2026-12-02T00:00:00.000Z' }, rules, cal).queueKey).toBe('3|2026-12-02T00:00:00.000Z|c1');
    expect(withKeys(core(), rules, cal)).toMatchObject({ lane: 'open', mineKey: '2026-11-25T02:00:00.000Z|c1' });
  });

  test('the timer key is the earliest job: reminder, then overdue; nothing once done without personal data', () => {
    const processing = core({ status: 'processing', answerDueAt: '2026-12-03T15:59:59.999Z' });
    expect(scheduledJobs(processing, rules, cal)).toEqual({ remind: '2026-12-02T01:00:00.000Z', overdue: '2026-12-03T16:00:00.000Z' });
    expect(withKeys(processing, rules, cal).timerKey).toBe('2026-12-02T01:00:00.000Z|c1');
    const reminded = { ...processing, remindedFor: processing.answerDueAt };
    expect(withKeys(reminded, rules, cal).timerKey).toBe('2026-12-03T16:00:00.000Z|c1');
    expect(withKeys({ ...reminded, overdueFor: processing.answerDueAt }, rules, cal).timerKey).toBeUndefined();
    expect(withKeys(core({ status: 'closed', endedAt: '2026-12-01T00:00:00.000Z' }), rules, cal).timerKey).toBeUndefined();
    expect(withKeys(core({ status: 'closed', endedAt: '2026-12-01T00:00:00.000Z', contactPhone: '1' }), rules, cal).timerKey).toBe('2027-12-01T00:00:00.000Z|c1');
  });

  test('a replied case: rating reminder after 3 days, auto-close after 7', () => {
    const reply = { content: 'r', at: '2026-12-01T02:00:00.000Z', fromTemplate: false };
    const replied = core({ status: 'replied', reply });
    expect(scheduledJobs(replied, rules, cal)).toEqual({ remindRating: '2026-12-04T02:00:00.000Z', autoClose: '2026-12-08T02:00:00.000Z' });
    expect(scheduledJobs({ ...replied, ratingRemindedFor: reply.at }, rules, cal)).toEqual({ autoClose: '2026-12-08T02:00:00.000Z' });
  });

  test('a removed key is absent, never null (a null would break the index order)', () => {
    const withTimer = withKeys(core(), rules, cal);
    const done = withKeys({ ...withTimer, status: 'withdrawn', endedAt: '2026-11-25T03:00:00.000Z' }, rules, cal);
    expect('timerKey' in done).toBe(false);
  });
});

describe('counters', () => {
  test('a case counts in its status, review and flag state, and its running deadline day', () => {
    expect(statKeys(core())).toEqual(['submitted', 'd20261126']);
    expect(statKeys(core({ status: 'processing', answerDueAt: '2026-12-03T15:59:59.999Z', awaitingReview: true, flagged: true }))).toEqual([
      'processing',
      'awaitingReview',
      'flagged',
      'd20261203',
    ]);
    expect(statKeys(core({ status: 'needs_info', answerDueAt: '2026-12-03T15:59:59.999Z' }))).toEqual(['needs_info']);
    expect(statKeys(core({ status: 'closed' }))).toEqual([]);
  });

  test('the delta moves a case between scopes and keys; what does not change is left out', () => {
    const before = withKeys(core(), rules, cal) as CaseDoc;
    const after = withKeys(core({ status: 'processing', departmentId: 'd1', answerDueAt: '2026-12-03T15:59:59.999Z' }), rules, cal) as CaseDoc;
    const delta = statDelta(before, after);
    expect(Object.fromEntries([...delta].map(([s, m]) => [s, Object.fromEntries(m)]))).toEqual({
      all: { submitted: -1, d20261126: -1, processing: 1, d20261203: 1 },
      'dept:d1': { processing: 1, d20261203: 1 },
    });
    expect(statDelta(after, { ...after, version: 3 } as CaseDoc).size).toBe(0);
    expect(Object.fromEntries(statDelta(null, before).get('all')!)).toEqual({ submitted: 1, d20261126: 1 });
  });
});
