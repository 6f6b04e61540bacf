import { localCloud } from '../../../tools/local-cloud';
import { callAs, callRaw, ok, seedStaff } from '../../helpers/cloud';
import {
  ADMIN,
  at,
  CITIZEN,
  count,
  DISPATCHER,
  docById,
  docs,
  HANDLER,
  OTHER_CITIZEN,
  OTHER_HANDLER,
  processingCase,
  repliedCase,
  setUpAgency,
  submit,
  SUPERVISOR,
  WEDNESDAY_10H,
} from './helpers';

beforeEach(() => setUpAgency());

describe('who may see and do what', () => {
  test('the wrong role: PERMISSION_DENIED before anything is read', async () => {
    const c = await submit();
    for (const [who, action, payload] of [
      [CITIZEN, 'case.accept', { id: c.id, version: c.version }],
      [HANDLER, 'case.accept', { id: c.id, version: c.version }],
      [SUPERVISOR, 'case.reject', { id: c.id, version: c.version, reason: 'duplicate' }],
      [DISPATCHER, 'case.reply', { id: c.id, version: c.version, content: '答复' }],
      [HANDLER, 'case.approveReply', { id: c.id, version: c.version, approve: true }],
      [CITIZEN, 'case.queue', {}],
      [ADMIN, 'case.queue', {}],
      [DISPATCHER, 'admin.settings.get', {}],
    ] as const) {
      expect(await callRaw(who, { action, payload })).toEqual({ ok: false, error: { code: 'PERMISSION_DENIED', message: '您没有权限进行此操作。' } });
    }
  });

  test('a handler sees only cases assigned to their department; to others the case does not exist', async () => {
    const c = await processingCase();
    expect((await ok(HANDLER, 'case.get', { id: c.id })).id).toBe(c.id);
    expect(await callAs(OTHER_HANDLER, 'case.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callAs(OTHER_HANDLER, 'case.reply', { id: c.id, version: c.version, content: '不是我们单位的答复' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const fresh = await submit();
    expect(await callAs(HANDLER, 'case.get', { id: fresh.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a dispatcher who is also a handler elsewhere may see but not answer another department’s case', async () => {
    await seedStaff('o_both', ['dispatcher', 'handler'], 'dept-transport');
    const c = await processingCase();
    expect(await callAs('o_both', 'case.reply', { id: c.id, version: c.version, content: '答复' })).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '您没有权限答复此件诉求。' },
    });
  });

  test('contact details: unmasked for the dispatcher before assignment, the assigned handlers and supervisors only', async () => {
    const c = await submit();
    expect((await ok(DISPATCHER, 'case.get', { id: c.id })).contactPhone).toBe('13812345678');
    const p = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' });
    expect(p.contactPhone).toBe('138****5678');
    expect(await ok(HANDLER, 'case.get', { id: c.id })).toMatchObject({ contactName: '张三', contactPhone: '13812345678' });
    expect((await ok(SUPERVISOR, 'case.get', { id: c.id })).contactName).toBe('张三');
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).contactName).toBe('张*');
  });

  test('case.get answers what the caller may do next, by the same rules that enforce it', async () => {
    const c = await submit();
    expect(Object.entries((await ok(DISPATCHER, 'case.get', { id: c.id })).can).filter(([, v]) => v).map(([k]) => k)).toEqual(['accept', 'reject', 'note']);
    expect(Object.entries(c.can).filter(([, v]) => v).map(([k]) => k)).toEqual(['withdraw']);
    const p = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' });
    expect(Object.entries((await ok(HANDLER, 'case.get', { id: p.id })).can).filter(([, v]) => v).map(([k]) => k)).toEqual(['askInfo', 'reply', 'note', 'requestExtension']);
    expect(Object.entries((await ok(SUPERVISOR, 'case.get', { id: p.id })).can).filter(([, v]) => v).map(([k]) => k)).toEqual(['note', 'escalate']);
  });
});

describe('accepting and routing', () => {
  test('accept with a department: accepted and assigned in one write, the answer clock starts', async () => {
    const c = await submit();
    const res = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing', note: '属实，请尽快处理' });
    expect(res).toMatchObject({ status: 'processing', departmentId: 'dept-housing', departmentName: '住房和城乡建设局', version: 2, answerDueAt: '2026-12-14T15:59:59.999Z' });
    expect(res.timeline.slice(1).map((t) => [t.kind, t.from, t.to, t.note, t.actor.roleLabel])).toEqual([
      ['accepted', 'submitted', 'accepted', '属实，请尽快处理', '受理中心'],
      ['assigned', 'accepted', 'processing', '分派至住房和城乡建设局', '受理中心'],
    ]);
  });

  test('accept without a department, then assign; the suggested department is the category’s', async () => {
    const c = await submit();
    expect((await ok(DISPATCHER, 'case.get', { id: c.id })).suggestedDepartmentId).toBe('dept-housing');
    const a = await ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version });
    expect(a).toMatchObject({ status: 'accepted', dueText: '承诺 12月14日（周一）前答复' });
    const p = await ok(DISPATCHER, 'case.assign', { id: c.id, version: a.version, departmentId: 'dept-env' });
    expect(p).toMatchObject({ status: 'processing', departmentId: 'dept-env' });
    const again = await ok(DISPATCHER, 'case.assign', { id: c.id, version: p.version, departmentId: 'dept-housing', note: '属于物业问题' });
    expect(again.timeline.at(-1)).toMatchObject({ kind: 'reassigned', note: '改派至住房和城乡建设局：属于物业问题', visibility: 'citizen' });
    expect(again.answerDueAt).toBe(a.answerDueAt);
    expect(await callAs(DISPATCHER, 'case.assign', { id: c.id, version: again.version, departmentId: 'dept-housing' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await callAs(DISPATCHER, 'case.assign', { id: c.id, version: again.version, departmentId: 'dept-nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { departmentId: '请选择有效的承办单位' } },
    });
  });

  test('twenty simultaneous accepts: exactly one succeeds, one accepted event, the others CONFLICT', async () => {
    const c = await submit();
    const results = await Promise.all(Array.from({ length: 20 }, () => callAs(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code))).toEqual(new Set(['CONFLICT']));
    const events = await docs<{ kind: string }>('case_events', { caseId: c.id });
    expect(events.filter((e) => e.kind === 'accepted')).toHaveLength(1);
    expect((await docs<{ counts: Record<string, number> }>('case_stats', { _id: 'all' }))[0]!.counts).toMatchObject({ processing: 1 });
  });

  test('reject with a standard reason; "other" needs a note', async () => {
    const c = await submit();
    expect(await callAs(DISPATCHER, 'case.reject', { id: c.id, version: c.version, reason: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { note: '选择“其他原因”时请填写说明' } },
    });
    expect(await callRaw(DISPATCHER, { action: 'case.reject', payload: { id: c.id, version: c.version, reason: 'boring' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { reason: '不予受理原因不在可选范围内' } },
    });
    const r = await ok(DISPATCHER, 'case.reject', { id: c.id, version: c.version, reason: 'other_channel', note: '已进入诉讼程序' });
    expect(r).toMatchObject({ status: 'rejected', dueText: '不予受理' });
    const mine = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(mine.timeline.at(-1)).toMatchObject({ kind: 'rejected', note: '已通过诉讼、仲裁、行政复议或信访等法定途径处理：已进入诉讼程序' });
  });
});

describe('answering', () => {
  test('a reply that is only a template is refused; one built on a template is marked', async () => {
    const c = await processingCase();
    const only = await callAs(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '感谢您的来信，我们高度重视您反映的问题。', templateId: 'thanks' });
    expect(only).toEqual({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('请结合具体情况作答') } });
    const unnamed = await callAs(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '感谢您的来信，我们高度重视您反映的问题。' });
    expect(unnamed.ok).toBe(false);
    expect(await callAs(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '经核查已处理完毕，电梯恢复运行。', templateId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { templateId: '答复模板不存在' } },
    });
    const real = await ok(HANDLER, 'case.reply', {
      id: c.id,
      version: c.version,
      content: '感谢您的来信，我们高度重视您反映的问题。经现场核查，物业已于今日更换电梯主板，电梯恢复运行。',
      templateId: 'thanks',
    });
    expect(real).toMatchObject({ status: 'replied', reply: { fromTemplate: true, departmentName: '住房和城乡建设局' }, dueText: '已于 11月25日 答复' });
  });

  test('with review on, the reply waits for a supervisor; returned, then approved', async () => {
    await ok(ADMIN, 'admin.settings.update', { version: 1, reviewReplies: true });
    const c = await processingCase();
    const pending = await ok(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '经核查，物业已更换电梯主板，电梯恢复运行，后续将定期检修。' });
    expect(pending).toMatchObject({ status: 'processing', pendingReply: { content: expect.stringContaining('电梯主板') } });
    expect(pending.reply).toBeUndefined();
    const citizenView = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(citizenView.pendingReply).toBeUndefined();
    expect(citizenView.timeline.map((t) => t.kind)).not.toContain('reply_submitted');
    expect(await callAs(HANDLER, 'case.reply', { id: c.id, version: pending.version, content: '再答一次，内容完全不同的一段答复文字。' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await callAs(SUPERVISOR, 'case.approveReply', { id: c.id, version: pending.version, approve: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { note: '退回答复时请填写修改意见' } },
    });
    const returned = await ok(SUPERVISOR, 'case.approveReply', { id: c.id, version: pending.version, approve: false, note: '请写明检修周期' });
    expect(returned).toMatchObject({ status: 'processing' });
    expect(returned.pendingReply).toBeUndefined();
    const again = await ok(HANDLER, 'case.reply', { id: c.id, version: returned.version, content: '经核查，物业已更换电梯主板，电梯恢复运行，今后每月检修一次。' });
    const queue = await ok(SUPERVISOR, 'case.queue', { awaitingReview: true });
    expect(queue.items.map((i) => i.id)).toEqual([c.id]);
    expect(queue.counts.awaitingReview).toBe(1);
    const approved = await ok(SUPERVISOR, 'case.approveReply', { id: c.id, version: again.version, approve: true });
    expect(approved).toMatchObject({ status: 'replied', reply: { content: expect.stringContaining('每月检修') } });
    const seen = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(seen.timeline.filter((t) => t.kind === 'replied').map((t) => t.actor)).toEqual([{ role: 'handler', roleLabel: '承办单位', departmentId: 'dept-housing', departmentName: '住房和城乡建设局' }]);
    expect((await ok(SUPERVISOR, 'case.queue', { awaitingReview: true })).counts.awaitingReview).toBe(0);
  });

  test('notes are internal', async () => {
    const c = await processingCase();
    const n = await ok(HANDLER, 'case.note', { id: c.id, version: c.version, content: '已电话联系物业经理' });
    expect(n.timeline.at(-1)).toMatchObject({ kind: 'note', visibility: 'internal', note: '已电话联系物业经理', actor: { role: 'handler', departmentName: '住房和城乡建设局' } });
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).timeline.map((t) => t.kind)).not.toContain('note');
  });
});

describe('deadlines and supervision', () => {
  test('one extension per case, at most 10 working days, approved by a supervisor, its reason shown to the citizen', async () => {
    const c = await processingCase();
    expect(await callAs(HANDLER, 'case.requestExtension', { id: c.id, version: c.version, days: 11, reason: '需要第三方检测' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { days: '延期不能超过 10 个工作日' } },
    });
    const req = await ok(HANDLER, 'case.requestExtension', { id: c.id, version: c.version, days: 5, reason: '需要第三方检测机构出具报告' });
    expect(req.extension).toMatchObject({ status: 'pending', days: 5 });
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).extension).toBeUndefined();
    expect(await callAs(HANDLER, 'case.requestExtension', { id: c.id, version: req.version, days: 2, reason: '再延' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '每件诉求只能申请一次延期。' } });
    const ok1 = await ok(SUPERVISOR, 'case.approveExtension', { id: c.id, version: req.version, approve: true });
    expect(ok1.answerDueAt).toBe('2026-12-21T15:59:59.999Z'); // 14 Dec + 5 working days
    const mine = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(mine.extension).toMatchObject({ status: 'approved', reason: '需要第三方检测机构出具报告' });
    expect(mine.timeline.at(-1)).toMatchObject({ kind: 'extension_approved', note: expect.stringContaining('至 12月21日（周一）') });
    expect(await callAs(SUPERVISOR, 'case.approveExtension', { id: c.id, version: ok1.version, approve: true })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  test('a refused extension is internal, keeps the deadline, and uses up the one extension', async () => {
    const c = await processingCase();
    const req = await ok(HANDLER, 'case.requestExtension', { id: c.id, version: c.version, days: 3, reason: '人手不足' });
    const no = await ok(SUPERVISOR, 'case.approveExtension', { id: c.id, version: req.version, approve: false, note: '理由不充分，请按期答复' });
    expect(no).toMatchObject({ answerDueAt: c.answerDueAt, extension: { status: 'rejected' } });
    expect(no.timeline.at(-1)).toMatchObject({ kind: 'extension_rejected', visibility: 'internal', note: '理由不充分，请按期答复' });
    const mine = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(mine.extension).toBeUndefined();
    expect(mine.timeline.map((t) => t.kind)).not.toContain('extension_requested');
    expect(await callAs(HANDLER, 'case.requestExtension', { id: c.id, version: no.version, days: 2, reason: '再申请' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  test('no extension once the deadline has passed', async () => {
    const c = await processingCase({ type: 'inquiry' });
    at('2026-12-01T02:00:00.000Z');
    expect(await callAs(HANDLER, 'case.requestExtension', { id: c.id, version: c.version, days: 2, reason: '来不及' })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('已超过答复期限') },
    });
    expect((await ok(HANDLER, 'case.get', { id: c.id })).can.requestExtension).toBe(false);
  });

  test('escalate once', async () => {
    const c = await processingCase();
    const e = await ok(SUPERVISOR, 'case.escalate', { id: c.id, version: c.version, note: '群众反映强烈，请三日内办结' });
    expect(e).toMatchObject({ escalated: true });
    expect(await callAs(SUPERVISOR, 'case.escalate', { id: c.id, version: e.version, note: '再督办' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  test('a supervisor reassigns an escalated case, not one that is not escalated (ADR 0110)', async () => {
    const c = await processingCase();
    const refused = await callAs(SUPERVISOR, 'case.assign', { id: c.id, version: c.version, departmentId: 'dept-transport' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('督办中') } });
    expect((await docById('cases', c.id))?.departmentId).toBe('dept-housing');

    const e = await ok(SUPERVISOR, 'case.escalate', { id: c.id, version: c.version, note: '超期未办，请改由交通运输局办理' });
    expect(e.can.assign).toBe(true);
    const moved = await ok(SUPERVISOR, 'case.assign', { id: c.id, version: e.version, departmentId: 'dept-transport' });
    expect(moved).toMatchObject({ status: 'processing', departmentId: 'dept-transport' });
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'reassigned', note: '改派至交通运输局' });
  });
});

describe('the queue', () => {
  test('by deadline, with filters, counts and cursor paging; handlers see their department only', async () => {
    await processingCase({ type: 'inquiry', title: '咨询' }); // due 30 Nov
    await processingCase({ type: 'complaint', title: '投诉' }); // due 14 Dec
    at('2026-11-26T01:00:00.000Z'); // accepted Thursday: due 15 Dec, the day after the complaint
    const transport = await submit({ categoryId: 'cat-bus', type: 'suggestion', title: '公交建议' }, OTHER_CITIZEN);
    await ok(DISPATCHER, 'case.accept', { id: transport.id, version: transport.version, departmentId: 'dept-transport' });
    at(WEDNESDAY_10H);
    await submit({ title: '新件' }); // accept due 26 Nov
    const waiting = await processingCase({ type: 'help', title: '待补充' });
    await ok(HANDLER, 'case.askInfo', { id: waiting.id, version: waiting.version, question: '请补充地址' });
    await repliedCase({ title: '已答复' });

    const all = await ok(DISPATCHER, 'case.queue', {});
    expect(all.items.map((i) => i.title)).toEqual(['新件', '咨询', '投诉', '公交建议', '待补充']);
    expect(all.counts).toEqual({ all: 5, submitted: 1, accepted: 0, processing: 3, needs_info: 1, replied: 1, overdue: 0, dueSoon: 0, awaitingReview: 0, flagged: 0, cosignAwaiting: 0 });

    const page1 = await ok(DISPATCHER, 'case.queue', { limit: 2 });
    const page2 = await ok(DISPATCHER, 'case.queue', { limit: 2, cursor: page1.nextCursor! });
    const page3 = await ok(DISPATCHER, 'case.queue', { limit: 2, cursor: page2.nextCursor! });
    expect([...page1.items, ...page2.items, ...page3.items].map((i) => i.title)).toEqual(all.items.map((i) => i.title));
    expect(page3.nextCursor).toBeNull();

    const mine = await ok(HANDLER, 'case.queue', {});
    expect(mine.items.map((i) => i.title)).toEqual(['咨询', '投诉', '待补充']);
    expect(mine.counts).toMatchObject({ all: 3, submitted: 0, processing: 2, needs_info: 1, replied: 1 });
    expect(await callAs(HANDLER, 'case.queue', { departmentId: 'dept-transport' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await ok(SUPERVISOR, 'case.queue', { departmentId: 'dept-transport' })).items.map((i) => i.title)).toEqual(['公交建议']);
    expect((await ok(DISPATCHER, 'case.queue', { status: 'replied' })).items.map((i) => i.title)).toEqual(['已答复']);
    expect((await ok(HANDLER, 'case.queue', { status: 'processing' })).items.map((i) => i.title)).toEqual(['咨询', '投诉']);

    // Thursday: the new case's accept deadline (Thursday night) is within a day. Tuesday 1 Dec: two are overdue.
    at('2026-11-26T04:00:00.000Z');
    const thursday = await ok(DISPATCHER, 'case.queue', { dueWithinHours: 24 });
    expect(thursday.items.map((i) => i.title)).toEqual(['新件']);
    expect(thursday.counts).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect(thursday.items[0]).toMatchObject({ dueSoon: true, overdue: false });
    at('2026-12-01T02:00:00.000Z');
    const tuesday = await ok(DISPATCHER, 'case.queue', { overdue: true });
    expect(tuesday.items.map((i) => [i.title, i.overdue, i.dueText])).toEqual([
      ['新件', true, '受理已超期 3 个工作日'],
      ['咨询', true, '已超期 1 个工作日'],
    ]);
    expect(tuesday.counts.overdue).toBe(2);
    expect((await ok(HANDLER, 'case.queue', { overdue: true })).items.map((i) => i.title)).toEqual(['咨询']);
  });

  test('finished cases under a status filter read newest first', async () => {
    for (const [i, title] of ['早', '中', '晚'].entries()) {
      at(`2026-11-25T0${2 + i}:00:00.000Z`);
      const c = await submit({ title });
      await ok(DISPATCHER, 'case.reject', { id: c.id, version: c.version, reason: 'duplicate' });
    }
    const page1 = await ok(SUPERVISOR, 'case.queue', { status: 'rejected', limit: 2 });
    const page2 = await ok(SUPERVISOR, 'case.queue', { status: 'rejected', limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((i) => i.title)).toEqual(['晚', '中', '早']);
    expect(page1.counts.all).toBe(0);
  });

  test('held content appears under its filter until a dispatcher clears it', async () => {
    localCloud.openapi.setMsgSecWords({ review: ['待审词'] });
    const c = await submit({ content: '电梯坏了两个星期，待审词' });
    const q = await ok(DISPATCHER, 'case.queue', { flagged: true });
    expect(q.items.map((i) => [i.id, i.flagged])).toEqual([[c.id, true]]);
    expect(q.counts.flagged).toBe(1);
    const cleared = await ok(DISPATCHER, 'case.clearContent', { id: c.id, version: c.version, note: '经核实无不当内容' });
    expect(cleared.flagged).toBe(false);
    expect((await ok(DISPATCHER, 'case.queue', { flagged: true })).items).toEqual([]);
    expect(await callAs(DISPATCHER, 'case.clearContent', { id: c.id, version: cleared.version })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});

describe('public letters', () => {
  async function published(over = {}) {
    const r = await repliedCase(over);
    return ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true, redactions: ['幸福小区'] });
  }

  test('only with consent, only when answered; scrubbed of personal details and redactions; searchable', async () => {
    const noConsent = await repliedCase({ publishConsent: false });
    expect(await callAs(DISPATCHER, 'case.setPublishable', { id: noConsent.id, version: noConsent.version, publishable: true })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '市民未同意公开此件诉求，不能公开。' },
    });
    const open = await processingCase();
    expect(await callAs(SUPERVISOR, 'case.setPublishable', { id: open.id, version: open.version, publishable: true })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });

    const p = await published({ content: '我是张三，电话13812345678，幸福小区3栋电梯坏了两周。' });
    expect(p.publishable).toBe(true);
    const list = await ok(null, 'case.listPublic', {});
    expect(list.items).toEqual([expect.objectContaining({ id: p.id, title: '小区电梯长期故障无人维修', categoryName: '物业管理', typeLabel: '投诉' })]);
    const letter = await ok(null, 'case.getPublic', { id: p.id });
    expect(letter.content).toBe('我是×××，电话×××，×××3栋电梯坏了两周。');
    expect(letter.reply).toContain('物业已于今日更换电梯主板');
    expect(letter.departmentName).toBe('住房和城乡建设局');
    expect(JSON.stringify(letter)).not.toMatch(/张三|13812345678|MS2026|幸福小区/);
    expect(letter.timeline.map((t) => t.kind)).toEqual(['submitted', 'accepted', 'assigned', 'replied']);
    expect(letter.timeline.every((t) => t.note === undefined)).toBe(true);

    const hit = await ok(null, 'case.listPublic', { keyword: '电梯' });
    expect(hit.items.map((i) => i.id)).toEqual([p.id]);
    expect(hit.items[0]!.titleParts).toEqual([
      { text: '小区', hit: false },
      { text: '电梯', hit: true },
      { text: '长期故障无人维修', hit: false },
    ]);
    expect((await ok(null, 'case.listPublic', { keyword: '公交' })).items).toEqual([]);
    expect((await ok(null, 'case.listPublic', { categoryId: 'cat-bus' })).items).toEqual([]);
    expect((await ok(null, 'case.listPublic', { keyword: '张三' })).items).toEqual([]);

    const un = await ok(SUPERVISOR, 'case.setPublishable', { id: p.id, version: p.version, publishable: false });
    expect(un.publishable).toBe(false);
    expect((await ok(null, 'case.listPublic', {})).items).toEqual([]);
    expect(await callAs(null, 'case.getPublic', { id: p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '公开信件不存在或您无权查看。' } });
  });

  test('content held for review is never public: not publishable until cleared, hidden again if a later text is held', async () => {
    localCloud.openapi.setMsgSecWords({ review: ['待审词'] });
    const r = await repliedCase({ content: '电梯坏了两个星期，待审词' });
    expect(await callAs(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('人工确认') },
    });
    const cleared = await ok(DISPATCHER, 'case.clearContent', { id: r.id, version: r.version });
    const p = await ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: cleared.version, publishable: true });
    expect((await ok(null, 'case.listPublic', {})).items).toHaveLength(1);
    await ok(CITIZEN, 'case.rate', { id: r.id, version: p.version, score: 4, solved: true, comment: '还行，待审词' });
    expect((await ok(null, 'case.listPublic', {})).items).toEqual([]);
    expect(await docById('letters', r.id)).toMatchObject({ visible: false });
  });

  test('paging through letters, newest answer first', async () => {
    for (let i = 0; i < 3; i++) {
      at(`2026-11-2${5 + i}T02:00:00.000Z`);
      await published({ title: `信件${i}` });
    }
    const p1 = await ok(null, 'case.listPublic', { limit: 2 });
    const p2 = await ok(null, 'case.listPublic', { limit: 2, cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].map((i) => i.title)).toEqual(['信件2', '信件1', '信件0']);
    expect(p2.nextCursor).toBeNull();
    expect(count('letters')).toBe(3);
  });
});
