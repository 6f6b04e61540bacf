// Races a crowd of taps or retries produces: concurrent commands on one case, identical submits, comments at the daily
// cap. Each fires the calls at the same instant through the real function; exactly the allowed number may win, and
// every state change leaves exactly one event (issue 9 item 5).
import type { ApiResponse } from '../../typings/api';
import { localCloud } from '../../tools/local-cloud';
import { callAs, ok } from '../helpers/cloud';
import { CITIZEN, DISPATCHER, HANDLER, TEMPLATE, count, docs, grant, processingCase, repliedCase, setUpAgency, submission, submit, tick } from './cases/helpers';
import { EDITOR, T0, at } from './policies/helpers';
import { seedStaff } from '../helpers/cloud';

const TIMES = 6;

function outcomes(results: Array<ApiResponse<unknown>>): { won: number; codes: string[] } {
  return { won: results.filter((r) => r.ok).length, codes: results.flatMap((r) => (r.ok ? [] : [r.error.code])).sort() };
}

/** A loser is told the case moved on: CONFLICT (it read the old version) or FAILED_PRECONDITION (it read the new one). */
function oneWinner(results: Array<ApiResponse<unknown>>): void {
  const { won, codes } = outcomes(results);
  expect(won).toBe(1);
  expect(codes).toHaveLength(results.length - 1);
  for (const code of codes) expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(code);
}

async function eventKinds(caseId: string): Promise<string[]> {
  return (await docs<{ kind: string; seq: number }>('case_events', { caseId })).sort((a, b) => a.seq - b.seq).map((e) => e.kind);
}

describe('one case, many hands at once', () => {
  beforeEach(() => setUpAgency());

  test('concurrent accepts: exactly one wins, the others are told it changed; one event', async () => {
    const c = await submit();
    const results = await Promise.all(Array.from({ length: TIMES }, () => callAs(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' })));
    oneWinner(results);
    expect(await eventKinds(c.id)).toEqual(['submitted', 'accepted', 'assigned']);
  });

  test('concurrent replies: exactly one wins; one reply event', async () => {
    const c = await processingCase();
    const before = (await eventKinds(c.id)).length;
    const results = await Promise.all(
      Array.from({ length: TIMES }, (_, i) => callAs(HANDLER, 'case.reply', { id: c.id, version: c.version, content: `经核查，物业已更换电梯主板，电梯恢复运行。第${i}稿` })),
    );
    oneWinner(results);
    expect((await eventKinds(c.id)).slice(before)).toEqual(['replied']);
  });

  test('concurrent ratings: exactly one wins; the events of one rating', async () => {
    const c = await repliedCase();
    const before = (await eventKinds(c.id)).length;
    const results = await Promise.all(Array.from({ length: TIMES }, (_, i) => callAs(CITIZEN, 'case.rate', { id: c.id, version: c.version, score: 5, solved: true, comment: `第${i}次` })));
    oneWinner(results);
    expect((await eventKinds(c.id)).slice(before)).toEqual(['rated', 'closed']);
  });

  test('identical submits at the same instant make one case with one event, and every answer names it', async () => {
    const payload = submission();
    const results = await Promise.all(Array.from({ length: TIMES }, () => callAs(CITIZEN, 'case.submit', payload)));
    expect(outcomes(results).won).toBe(TIMES);
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : null)));
    expect(ids.size).toBe(1);
    expect(count('cases')).toBe(1);
    expect(await eventKinds([...ids][0]!)).toEqual(['submitted']);
  });
});

describe('draft comments at the daily cap', () => {
  const CAP = 20;
  const COMMENTER = 'o_race_commenter';

  beforeEach(async () => {
    await setUpAgency();
    at(T0);
    await seedStaff(EDITOR, ['editor']);
  });

  async function openDraftId(): Promise<string> {
    const d = await ok(EDITOR, 'draft.save', {
      title: '住宅小区电动自行车停放充电管理办法（征求意见稿）',
      paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，制定本办法。', '第二条 禁止在楼道停放电动自行车或者为其充电。'],
      explanation: { background: '近年来电动自行车火灾多发。', keyPoints: ['禁止楼道充电'] },
      opensAt: T0,
      closesAt: '2026-04-01T16:00:00.000Z',
    });
    return d.id;
  }

  const commentOn = (id: string, i: number) => callAs(COMMENTER, 'draft.comment', { id, content: `第 ${i + 1} 条意见：建议细化充电场所的消防要求。` });

  test('one comment short of the cap, several at once: exactly one more is stored', async () => {
    const id = await openDraftId();
    for (let i = 0; i < CAP - 1; i++) expect((await commentOn(id, i)).ok).toBe(true);
    const results = await Promise.all(Array.from({ length: TIMES }, (_, i) => commentOn(id, CAP + i)));
    expect(outcomes(results)).toEqual({ won: 1, codes: Array(TIMES - 1).fill('RATE_LIMITED') });
    expect((await docs('draft_comments', { openid: COMMENTER, draftId: id })).length).toBe(CAP);
  });

  test('a burst from nothing: exactly the cap is stored', async () => {
    const id = await openDraftId();
    const results = await Promise.all(Array.from({ length: CAP + 5 }, (_, i) => commentOn(id, i)));
    expect(outcomes(results)).toEqual({ won: CAP, codes: Array(5).fill('RATE_LIMITED') });
    expect((await docs('draft_comments', { openid: COMMENTER, draftId: id })).length).toBe(CAP);
  });
});

describe('overlapping timers', () => {
  beforeEach(() => setUpAgency());

  test('the timer fired five times at once sends each pending subscribe message once', async () => {
    await grant(CITIZEN, TEMPLATE.caseStatus, 4);
    let fail = true;
    localCloud.openapi.mock('subscribeMessage.send', () => (fail ? { errCode: -1, errMsg: 'system busy' } : {}));
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases = [await processingCase(), await processingCase()];
    spy.mockRestore();
    const outbox = async () => (await Promise.all(cases.map((c) => docs<{ _id: string; status: string; touser: string }>('notifications', { caseId: c.id })))).flat();
    const pending = (await outbox()).filter((n) => n.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(2);

    fail = false;
    const sentBefore = localCloud.openapi.calls.length;
    localCloud.clock.set(new Date(localCloud.clock.now().getTime() + 30 * 60_000).toISOString(), { frozen: true });
    await Promise.all(Array.from({ length: 5 }, () => tick()));

    const sends = localCloud.openapi.calls.slice(sentBefore).filter((c) => c.api === 'subscribeMessage.send' && !c.error);
    expect(sends).toHaveLength(pending.length);
    const after = await outbox();
    for (const n of pending) expect(after.find((a) => a._id === n._id)?.status).toBe('sent');
  });
});
