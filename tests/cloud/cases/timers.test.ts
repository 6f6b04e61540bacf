import { makeCalendar } from '../../../cloudfunctions/api/src/domain/calendar';
import type { CaseDoc } from '../../../cloudfunctions/api/src/domain/case-doc';
import { withKeys } from '../../../cloudfunctions/api/src/domain/case-keys';
import { DEFAULT_CALENDAR, DEFAULT_RULES } from '../../../cloudfunctions/api/src/domain/defaults';
import { localCloud } from '../../../tools/local-cloud';
import { ok } from '../../helpers/cloud';
import { at, CITIZEN, count, DISPATCHER, docs, grant, HANDLER, processingCase, repliedCase, sentTo, setUpAgency, submit, SUPERVISOR, TEMPLATE, tick } from './helpers';

beforeEach(() => setUpAgency());

const kinds = async (id: string) => (await ok(SUPERVISOR, 'case.get', { id })).timeline.map((t) => t.kind);
const RULES = DEFAULT_RULES;

describe('deadline reminders and overdue escalation', () => {
  test('the handlers are reminded at 9:00 the working day before, once', async () => {
    await grant(HANDLER, TEMPLATE.due);
    const c = await processingCase({ type: 'inquiry' }); // due Monday 30 November
    at('2026-11-27T00:50:00.000Z'); // Friday 08:50
    await tick();
    expect(await kinds(c.id)).not.toContain('reminded');
    at('2026-11-27T01:10:00.000Z'); // Friday 09:10
    await tick();
    await tick();
    expect((await kinds(c.id)).filter((k) => k === 'reminded')).toHaveLength(1);
    expect(sentTo(HANDLER).map((m) => m.data.thing4!.value)).toEqual(['11月30日（周一）到期，请及时答复']);
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).timeline.map((t) => t.kind)).not.toContain('reminded');
  });

  test('past the deadline the case is flagged overdue and escalated once, supervisors told', async () => {
    await grant(SUPERVISOR, TEMPLATE.overdue);
    const c = await processingCase({ type: 'inquiry' });
    at('2026-11-30T16:05:00.000Z'); // Tuesday 00:05
    await tick();
    await tick();
    const v = await ok(SUPERVISOR, 'case.get', { id: c.id });
    expect(v).toMatchObject({ escalated: true, late: true, dueText: '已超期 1 个工作日' });
    expect(v.timeline.filter((t) => ['overdue', 'escalated', 'reminded'].includes(t.kind)).map((t) => [t.kind, t.note])).toEqual([
      ['overdue', '已超过答复期限（11月30日（周一）），自动转督办'],
      ['escalated', '超期自动督办'],
    ]);
    expect(sentTo(SUPERVISOR)).toHaveLength(1);
    expect((await ok(SUPERVISOR, 'case.queue', { overdue: true })).counts.overdue).toBe(1);
  });

  test('a case not accepted in time is flagged too', async () => {
    const c = await submit();
    at('2026-11-27T02:00:00.000Z');
    await tick();
    expect(await kinds(c.id)).toEqual(['submitted', 'overdue', 'escalated']);
  });

  test('an approved extension moves the deadline: no overdue flag at the old one', async () => {
    const c = await processingCase({ type: 'inquiry' });
    const req = await ok(HANDLER, 'case.requestExtension', { id: c.id, version: c.version, days: 3, reason: '等待检测报告' });
    await ok(SUPERVISOR, 'case.approveExtension', { id: c.id, version: req.version, approve: true });
    at('2026-12-01T02:00:00.000Z');
    await tick();
    expect(await kinds(c.id)).not.toContain('overdue');
    at('2026-12-03T16:30:00.000Z');
    await tick();
    expect(await kinds(c.id)).toContain('overdue');
  });
});

describe('after the reply', () => {
  test('one rating reminder after 3 days, auto-close after 7 with a system event', async () => {
    const r = await repliedCase();
    await grant(CITIZEN, TEMPLATE.caseStatus, 2);
    at('2026-11-28T02:01:00.000Z');
    await tick();
    await tick();
    expect(sentTo(CITIZEN).map((m) => [m.data.phrase2!.value, m.data.thing4!.value])).toEqual([['待评价', '请对本次答复进行评价']]);
    at('2026-12-02T02:01:00.000Z');
    await tick();
    const closed = await ok(CITIZEN, 'case.get', { id: r.id });
    expect(closed).toMatchObject({ status: 'closed', dueText: '已办结，已于 11月25日 答复' });
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'closed', actor: { role: 'system', roleLabel: '系统' }, note: '答复后 7 天未评价，系统自动办结' });
    expect(sentTo(CITIZEN).map((m) => m.data.phrase2!.value)).toEqual(['待评价', '已办结']);
  });

  test('a rated case is not closed again by the timer', async () => {
    const r = await repliedCase();
    await ok(CITIZEN, 'case.rate', { id: r.id, version: r.version, score: 5, solved: true });
    at('2026-12-10T02:00:00.000Z');
    await tick();
    expect((await kinds(r.id)).filter((k) => k === 'closed')).toHaveLength(1);
  });
});

describe('retention', () => {
  test('contact details and images are removed a year after closing, with an event, and the files deleted', async () => {
    const image = localCloud.storage.write(`cases/${CITIZEN}/a.jpg`, Buffer.from('jpeg'));
    const r = await repliedCase({ images: [image] });
    const closed = await ok(CITIZEN, 'case.rate', { id: r.id, version: r.version, score: 5, solved: true });
    at('2027-11-25T01:00:00.000Z');
    await tick();
    expect((await ok(HANDLER, 'case.get', { id: r.id })).contactName).toBe('张三');
    at('2027-11-25T02:10:00.000Z');
    await tick();
    await tick();
    const v = await ok(HANDLER, 'case.get', { id: r.id });
    expect(v.contactName).toBeUndefined();
    expect(v.contactPhone).toBeUndefined();
    expect(v.images).toEqual([]);
    expect(v.version).toBe(closed.version + 1);
    expect((await ok(CITIZEN, 'case.get', { id: r.id })).timeline.at(-1)).toMatchObject({ kind: 'purged', kindLabel: '个人信息已删除' });
    expect(localCloud.storage.read(image)).toBeNull();
  });
});

describe('robustness', () => {
  test('two overlapping runs do each reminder, escalation and close once', async () => {
    const due = await processingCase({ type: 'inquiry' });
    const late = await submit();
    const replied = await repliedCase();
    at('2026-12-02T03:00:00.000Z');
    await Promise.all([tick(), tick(), tick()]);
    const events = await docs<{ kind: string; caseId: string }>('case_events', { caseId: due.id });
    expect(events.filter((e) => e.kind === 'overdue')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    expect((await kinds(late.id)).filter((k) => k === 'overdue')).toHaveLength(1);
    expect((await kinds(replied.id)).filter((k) => k === 'closed')).toHaveLength(1);
  });

  test('batches walk every due case by cursor, none skipped', async () => {
    const cal = makeCalendar(DEFAULT_CALENDAR);
    const reply = { content: '已处理', at: '2026-11-01T02:00:00.000Z', fromTemplate: false };
    const batch = Array.from({ length: 130 }, (_, i) => {
      const id = `bulk${String(i).padStart(4, '0')}`;
      return withKeys(
        {
          _id: id,
          openid: `o_bulk_${i}`,
          trackingNo: `MS20261101-${String(i + 1).padStart(4, '0')}`,
          type: 'inquiry',
          categoryId: 'cat-property',
          departmentId: 'dept-housing',
          title: '批量',
          content: '批量',
          images: [],
          publishConsent: false,
          status: 'replied',
          version: 3,
          submittedAt: '2026-10-30T02:00:00.000Z',
          acceptDueAt: '2026-10-30T15:59:59.999Z',
          answerDueAt: '2026-11-05T15:59:59.999Z',
          reply,
          ratingRemindedFor: reply.at,
          reopenCount: 0,
          flagged: false,
          escalated: false,
          awaitingReview: false,
          publishable: false,
          updatedAt: reply.at,
        },
        RULES,
        cal,
      ) as CaseDoc & Record<string, unknown>;
    });
    localCloud.db.bulkInsert('cases', batch);
    const res = (await tick()) as { jobs: { cases: Record<string, number> } };
    expect(res.jobs.cases).toMatchObject({ autoClose: 130 });
    expect((await ok(DISPATCHER, 'case.queue', { status: 'replied' })).items).toEqual([]);
    expect(count('case_events')).toBe(130);
  });
});
