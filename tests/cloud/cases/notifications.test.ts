import { localCloud } from '../../../tools/local-cloud';
import { ok } from '../../helpers/cloud';
import { ADMIN, at, CITIZEN, DISPATCHER, docs, grant, HANDLER, processingCase, sentTo, setUpAgency, submit, SUPERVISOR, TEMPLATE, tick } from './helpers';

beforeEach(() => setUpAgency());

interface Outbox {
  _id: string;
  kind: string;
  touser: string;
  status: string;
  reason?: string;
  attempts: number;
  sendKey?: string;
  lastError?: { errCode: number };
}

const outbox = (caseId: string) => docs<Outbox>('notifications', { caseId });

describe('messages to the citizen', () => {
  test('one subscribe message per status change, with the template’s fields, while grants last', async () => {
    await grant(CITIZEN, TEMPLATE.caseStatus, 4);
    const c = await submit();
    expect(sentTo(CITIZEN)).toEqual([]); // the receipt is on screen
    const p = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' });
    const asked = await ok(HANDLER, 'case.askInfo', { id: c.id, version: p.version, question: '请补充电梯所在的楼栋和单元' });
    const s = await ok(CITIZEN, 'case.supplement', { id: c.id, version: asked.version, content: '3 栋 2 单元' });
    await ok(HANDLER, 'case.reply', { id: c.id, version: s.version, content: '经核查，物业已更换电梯主板，电梯恢复运行，我局将持续跟进。' });
    const sent = sentTo(CITIZEN);
    expect(sent.map((m) => m.data.phrase2!.value)).toEqual(['办理中', '待补充', '办理中', '已答复']);
    expect(sent[0]).toEqual({
      touser: CITIZEN,
      templateId: TEMPLATE.caseStatus,
      page: `pages/case/index?id=${c.id}`,
      data: {
        thing1: { value: '小区电梯长期故障无人维修' },
        phrase2: { value: '办理中' },
        time3: { value: '2026-11-25 10:00' },
        thing4: { value: '已受理，由住房和城乡建设局办理' },
      },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });
    expect(sent[3]!.data.thing4!.value).toBe('答复：经核查，物业已更换电梯主板，电梯…'); // 20 characters, WeChat's limit for thing
    const box = await outbox(c.id);
    expect(box.filter((n) => n.touser === CITIZEN).map((n) => [n.status, n.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(await docs('subscriptions', { _id: `${CITIZEN}_${TEMPLATE.caseStatus}` })).toEqual([expect.objectContaining({ count: 0 })]);
  });

  test('a citizen who granted nothing is not messaged, the change is recorded as skipped, and the action succeeds', async () => {
    const c = await processingCase();
    expect(c.status).toBe('processing');
    expect(sentTo(CITIZEN)).toEqual([]);
    expect((await outbox(c.id)).filter((n) => n.touser === CITIZEN).map((n) => [n.kind, n.status, n.reason])).toEqual([['case_status', 'skipped', 'no_grant']]);
  });

  test('one grant, one message: the second change is skipped', async () => {
    await grant(CITIZEN);
    const c = await processingCase();
    await ok(HANDLER, 'case.askInfo', { id: c.id, version: c.version, question: '请补充地址' });
    expect(sentTo(CITIZEN)).toHaveLength(1);
    expect((await outbox(c.id)).filter((n) => n.touser === CITIZEN).map((n) => n.status)).toEqual(['sent', 'skipped']);
  });

  test('grants given at submission count; a long-term template is not used up', async () => {
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', {
      version: settings.version,
      subscribeTemplates: { ...settings.subscribeTemplates, caseStatus: { ...settings.subscribeTemplates.caseStatus!, longTerm: true } },
    });
    const c = await submit({ subscribed: [TEMPLATE.caseStatus, 'tpl-not-ours'] });
    const p = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' });
    await ok(HANDLER, 'case.askInfo', { id: c.id, version: p.version, question: '请补充地址' });
    expect(sentTo(CITIZEN)).toHaveLength(2);
    expect(await docs('subscriptions', { _id: `${CITIZEN}_${TEMPLATE.caseStatus}` })).toEqual([expect.objectContaining({ count: 1 })]);
  });

  test('no template configured: skipped, nothing sent', async () => {
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version: settings.version, subscribeTemplates: {} });
    const c = await processingCase();
    expect((await outbox(c.id)).filter((n) => n.touser === CITIZEN).map((n) => [n.status, n.reason])).toEqual([['skipped', 'no_template']]);
    expect(localCloud.openapi.calls.filter((x) => x.api === 'subscribeMessage.send')).toEqual([]);
  });
});

describe('delivery', () => {
  test('a failed send is retried by the timer with backoff, using the grant once', async () => {
    await grant(CITIZEN, TEMPLATE.caseStatus, 2);
    let fail = true;
    localCloud.openapi.mock('subscribeMessage.send', () => (fail ? { errCode: -1, errMsg: 'system busy' } : {}));
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = await processingCase();
    spy.mockRestore();
    const [first] = (await outbox(c.id)).filter((n) => n.touser === CITIZEN);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: { errCode: -1 }, sendKey: expect.stringMatching(/^2026-11-25T02:01:00.000Z\|/) });
    await tick(); // too early: the backoff has not passed
    expect((await outbox(c.id)).find((n) => n._id === first!._id)).toMatchObject({ attempts: 1 });
    fail = false;
    at('2026-11-25T02:10:00.000Z');
    await tick();
    expect((await outbox(c.id)).find((n) => n._id === first!._id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await docs('subscriptions', { _id: `${CITIZEN}_${TEMPLATE.caseStatus}` })).toEqual([expect.objectContaining({ count: 1 })]);
  });

  test('refused by WeChat (43101): failed at once, never retried', async () => {
    await grant(CITIZEN);
    localCloud.openapi.mock('subscribeMessage.send', () => ({ errCode: 43101, errMsg: 'user refuse to accept the msg' }));
    const c = await processingCase();
    at('2026-11-25T03:00:00.000Z');
    await tick();
    const mine = (await outbox(c.id)).filter((n) => n.touser === CITIZEN);
    expect(mine.map((n) => [n.status, n.reason, n.attempts])).toEqual([['failed', 'refused', 1]]);
    expect(localCloud.openapi.calls.filter((x) => x.api === 'subscribeMessage.send')).toHaveLength(1);
  });

  test('after five failed attempts the message is given up', async () => {
    await grant(CITIZEN);
    localCloud.openapi.mock('subscribeMessage.send', () => ({ errCode: -1, errMsg: 'down' }));
    const c = await processingCase();
    for (let h = 1; h <= 6; h++) {
      at(`2026-11-25T${String(2 + h).padStart(2, '0')}:00:00.000Z`);
      await tick();
    }
    const mine = (await outbox(c.id)).filter((n) => n.touser === CITIZEN);
    expect(mine.map((n) => [n.status, n.reason, n.attempts])).toEqual([['failed', 'gave_up', 5]]);
  });
});

describe('messages to staff', () => {
  test('a new assignment goes to the department’s handlers who granted; a reply awaiting review to supervisors', async () => {
    await grant(HANDLER, TEMPLATE.assigned);
    await grant(SUPERVISOR, TEMPLATE.review);
    await ok(ADMIN, 'admin.settings.update', { version: 1, reviewReplies: true });
    const c = await processingCase();
    expect(sentTo(HANDLER)).toEqual([expect.objectContaining({ templateId: TEMPLATE.assigned, page: `staff/case/index?id=${c.id}` })]);
    expect(sentTo(HANDLER)[0]!.data.thing4!.value).toBe('新诉求待办理，12月14日（周一）前答复');
    await ok(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '经核查，物业已更换电梯主板，电梯恢复运行，我局将持续跟进。' });
    expect(sentTo(SUPERVISOR)).toEqual([expect.objectContaining({ templateId: TEMPLATE.review })]);
    expect(sentTo('o_staff_handler_transport')).toEqual([]);
  });
});
