import { localCloud } from '../../../tools/local-cloud';
import { callAs, callRaw, ok } from '../../helpers/cloud';
import { CITIZEN, count, DISPATCHER, docs, HANDLER, OTHER_CITIZEN, OTHER_HANDLER, processingCase, repliedCase, setUpAgency, submission, submit, SUPERVISOR, at } from './helpers';

beforeEach(() => setUpAgency());

describe('case.submit', () => {
  test('answers at once with a tracking number, the promise, and stores the case with its first event', async () => {
    const res = await ok(CITIZEN, 'case.submit', submission({ type: 'inquiry' }));
    expect(res).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      trackingNo: 'MS20261125-0001',
      status: 'submitted',
      acceptDueAt: '2026-11-26T15:59:59.999Z',
      promiseText: '我们将在 11月26日（周四）前受理，最迟 12月1日（周二）前答复',
    });
    const c = await ok(CITIZEN, 'case.get', { id: res.id });
    expect(c).toMatchObject({ status: 'submitted', statusLabel: '待受理', typeLabel: '咨询', categoryName: '物业管理', dueText: '承诺 11月26日（周四）前受理', late: false, version: 1 });
    expect(c.timeline).toEqual([
      expect.objectContaining({ kind: 'submitted', kindLabel: '提交诉求', to: 'submitted', actor: { role: 'citizen', roleLabel: '市民' }, visibility: 'public' }),
    ]);
  });

  test('a retry with the same clientRequestId answers the first case; nothing is stored twice', async () => {
    const payload = submission();
    const first = await ok(CITIZEN, 'case.submit', payload);
    const again = await ok(CITIZEN, 'case.submit', { ...payload, title: '改过的标题' });
    expect(again).toEqual(first);
    expect(count('cases')).toBe(1);
    expect(count('case_events')).toBe(1);
  });

  test('concurrent retries of one submission make one case', async () => {
    const payload = submission();
    const answers = await Promise.all(Array.from({ length: 8 }, () => ok(CITIZEN, 'case.submit', payload)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.trackingNo))).toEqual(new Set(['MS20261125-0001']));
    expect(count('cases')).toBe(1);
    expect(count('case_events')).toBe(1);
  });

  test('the same clientRequestId from another citizen is another case', async () => {
    const payload = submission();
    const a = await ok(CITIZEN, 'case.submit', payload);
    const b = await ok(OTHER_CITIZEN, 'case.submit', payload);
    expect(a.id).not.toBe(b.id);
  });

  test('concurrent submissions by different citizens get distinct consecutive tracking numbers', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `o_burst_${i}`);
    const answers = await Promise.all(people.map((p) => ok(p, 'case.submit', submission())));
    expect(answers.map((a) => a.trackingNo).sort()).toEqual(people.map((_, i) => `MS20261125-${String(i + 1).padStart(4, '0')}`));
  });

  test('the sequence starts again each Shanghai day', async () => {
    await ok(CITIZEN, 'case.submit', submission());
    at('2026-11-25T16:00:00.000Z'); // 00:00 on the 26th in Shanghai
    expect((await ok(CITIZEN, 'case.submit', submission())).trackingNo).toBe('MS20261126-0001');
  });

  test('the 6th submission of a day is RATE_LIMITED, and the next day is fine', async () => {
    for (let i = 0; i < 5; i++) await ok(CITIZEN, 'case.submit', submission());
    const sixth = await callAs(CITIZEN, 'case.submit', submission());
    expect(sixth).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('今天已提交 5 件') } });
    expect(count('cases')).toBe(5);
    expect((await callAs(OTHER_CITIZEN, 'case.submit', submission())).ok).toBe(true);
    at('2026-11-26T02:00:00.000Z');
    expect((await callAs(CITIZEN, 'case.submit', submission())).ok).toBe(true);
  });

  test('concurrent submissions cannot pass the daily limit together', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => callAs(CITIZEN, 'case.submit', submission())));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(count('cases')).toBe(5);
  });

  test('the limit comes from settings', async () => {
    await ok('o_staff_admin', 'admin.settings.update', { version: 1, submissionsPerDay: 1 });
    await ok(CITIZEN, 'case.submit', submission());
    const second = await callAs(CITIZEN, 'case.submit', submission());
    expect(!second.ok && second.error.message).toContain('今天已提交 1 件');
  });

  test('invalid payloads: INVALID_ARGUMENT with a Chinese message per field, nothing stored', async () => {
    const bad = [
      [{ ...submission(), secret: 1 }, { secret: '不支持的字段：secret' }],
      [submission({ title: '长'.repeat(51) }), { title: '标题不能超过 50 个字' }],
      [submission({ title: '   ' }), { title: '请填写标题' }],
      [{ ...submission(), type: 'praise' }, { type: '诉求类型不在可选范围内' }],
      [submission({ contactPhone: 'call me' }), { contactPhone: '联系电话格式不正确' }],
      [submission({ images: Array(7).fill('cloud://x/cases/o/a.jpg') }), { images: '最多上传 6 张图片' }],
      [{ ...submission(), publishConsent: 'yes' }, { publishConsent: '是否同意公开应为是或否' }],
    ] as const;
    for (const [payload, fields] of bad) {
      const res = await callRaw(CITIZEN, { action: 'case.submit', payload });
      expect(res).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^提交的内容有误：/), fields } });
    }
    expect(count('cases')).toBe(0);
  });

  test('a category that does not exist, or does not take the type, is refused', async () => {
    expect(await callAs(CITIZEN, 'case.submit', submission({ categoryId: 'cat-nope' }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { categoryId: '请选择有效的诉求分类' } } });
    expect(await callAs(CITIZEN, 'case.submit', submission({ categoryId: 'cat-bus', type: 'help' }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { type: '该分类不受理此类诉求' } } });
  });

  test('without a WeChat identity: UNAUTHENTICATED', async () => {
    expect(await callAs(null, 'case.submit', submission())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('content security', () => {
  test('msgSecCheck v2 sees title and content with the openid; risky text is refused and nothing is stored', async () => {
    localCloud.openapi.setMsgSecWords({ risky: ['违禁词'] });
    const res = await callAs(CITIZEN, 'case.submit', submission({ content: '这里有违禁词，请尽快处理' }));
    expect(res).toEqual({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('不适宜') } });
    expect(count('cases')).toBe(0);
    expect(count('counters')).toBe(0);
    const call = localCloud.openapi.calls.find((c) => c.api === 'security.msgSecCheck')!;
    expect(call.args).toEqual({ openid: CITIZEN, scene: 2, version: 2, content: expect.stringContaining('这里有违禁词') });
  });

  test('review text is stored, flagged for staff, and the citizen is not told', async () => {
    localCloud.openapi.setMsgSecWords({ review: ['待审词'] });
    const { id } = await ok(CITIZEN, 'case.submit', submission({ content: '内容里有待审词，请尽快处理' }));
    expect((await ok(CITIZEN, 'case.get', { id })).flagged).toBeUndefined();
    expect((await ok(DISPATCHER, 'case.get', { id })).flagged).toBe(true);
  });

  test('when the check itself fails, the text is kept but held for review', async () => {
    localCloud.openapi.mock('security.msgSecCheck', () => ({ errCode: -1, errMsg: 'system error' }));
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { id } = await ok(CITIZEN, 'case.submit', submission());
    spy.mockRestore();
    expect((await ok(DISPATCHER, 'case.get', { id })).flagged).toBe(true);
  });

  test('images must be the caller’s own uploads and exist; each is checked, a bad one named', async () => {
    const mine = localCloud.storage.write(`cases/${CITIZEN}/a.jpg`, Buffer.from('jpeg-bytes'));
    const second = localCloud.storage.write(`cases/${CITIZEN}/b.png`, Buffer.from('png-bytes'));
    const theirs = localCloud.storage.write(`cases/${OTHER_CITIZEN}/c.jpg`, Buffer.from('x'));
    expect(await callAs(CITIZEN, 'case.submit', submission({ images: [mine, theirs] }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('第 2 张图片'), fields: { 'images.1': '图片来源不正确' } },
    });
    expect(await callAs(CITIZEN, 'case.submit', submission({ images: [mine.replace('a.jpg', 'gone.jpg')] }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('第 1 张图片不存在') },
    });
    localCloud.openapi.mock('security.imgSecCheck', (args: { media: { value: Buffer } }) =>
      Buffer.from(args.media.value).toString() === 'png-bytes' ? { errCode: 87014, errMsg: 'risky content' } : {},
    );
    expect(await callAs(CITIZEN, 'case.submit', submission({ images: [mine, second] }))).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('第 2 张图片') },
    });
    expect(count('cases')).toBe(0);
    localCloud.openapi.mock('security.imgSecCheck', null);
    const { id } = await ok(CITIZEN, 'case.submit', submission({ images: [mine] }));
    const view = await ok(CITIZEN, 'case.get', { id });
    expect(view.images).toEqual([{ fileID: mine, url: expect.stringContaining(`cases/${CITIZEN}/a.jpg`) }]);
    const check = localCloud.openapi.calls.filter((c) => c.api === 'security.imgSecCheck').at(-1)!;
    expect((check.args as { media: { contentType: string } }).media.contentType).toBe('image/jpeg');
  });
});

describe('reading one’s cases', () => {
  test('case.get: the owner sees their case with contact masked; another citizen gets NOT_FOUND, as for a missing id', async () => {
    const c = await submit();
    expect(c).toMatchObject({ contactName: '张*', contactPhone: '138****5678' });
    const other = await callAs(OTHER_CITIZEN, 'case.get', { id: c.id });
    const missing = await callAs(OTHER_CITIZEN, 'case.get', { id: 'f'.repeat(32) });
    expect(other).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '诉求不存在或您无权查看。' } });
    expect(missing).toEqual(other);
  });

  test('case.listMine: newest first, cursor paging, tabs, only one’s own', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      at(`2026-11-2${i}T02:00:00.000Z`);
      ids.push((await ok(CITIZEN, 'case.submit', submission({ title: `第${i}件` }))).id);
    }
    await ok(OTHER_CITIZEN, 'case.submit', submission());
    const p1 = await ok(CITIZEN, 'case.listMine', { limit: 2 });
    expect(p1.items.map((i) => i.title)).toEqual(['第4件', '第3件']);
    const p2 = await ok(CITIZEN, 'case.listMine', { limit: 2, cursor: p1.nextCursor! });
    const p3 = await ok(CITIZEN, 'case.listMine', { limit: 2, cursor: p2.nextCursor! });
    expect([...p2.items, ...p3.items].map((i) => i.title)).toEqual(['第2件', '第1件', '第0件']);
    expect(p3.nextCursor).toBeNull();
    const c = await ok(CITIZEN, 'case.get', { id: ids[0]! });
    await ok(CITIZEN, 'case.withdraw', { id: c.id, version: c.version });
    expect((await ok(CITIZEN, 'case.listMine', { tab: 'done' })).items.map((i) => i.id)).toEqual([ids[0]]);
    expect((await ok(CITIZEN, 'case.listMine', { tab: 'open' })).items).toHaveLength(4);
    expect((await ok(CITIZEN, 'case.listMine', { status: 'withdrawn' })).items.map((i) => i.statusLabel)).toEqual(['已撤回']);
    expect(await callAs(CITIZEN, 'case.listMine', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await callAs(CITIZEN, 'case.listMine', { limit: 51 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { limit: '每页条数不能大于 50' } } });
  });
});

describe('the citizen’s commands', () => {
  test('withdraw before the reply; not after; not someone else’s case', async () => {
    const c = await processingCase();
    expect(await callAs(OTHER_CITIZEN, 'case.withdraw', { id: c.id, version: c.version })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const w = await ok(CITIZEN, 'case.withdraw', { id: c.id, version: c.version, reason: '问题已自行解决' });
    expect(w).toMatchObject({ status: 'withdrawn', dueText: '已撤回' });
    expect(w.timeline.at(-1)).toMatchObject({ kind: 'withdrawn', note: '问题已自行解决', from: 'processing', to: 'withdrawn' });
    const r = await repliedCase();
    expect(await callAs(CITIZEN, 'case.withdraw', { id: r.id, version: r.version })).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '此件诉求当前为「已答复」，不能撤回。' },
    });
  });

  test('a stale version is CONFLICT and changes nothing', async () => {
    const c = await submit();
    const res = await callAs(CITIZEN, 'case.withdraw', { id: c.id, version: c.version + 1 });
    expect(res).toEqual({ ok: false, error: { code: 'CONFLICT', message: '内容已被他人更新，请刷新后重试。' } });
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).status).toBe('submitted');
  });

  test('asked for more information, the citizen supplements; the waiting working days move the deadline', async () => {
    const c = await processingCase({ type: 'inquiry' });
    expect(c.answerDueAt).toBe('2026-11-30T15:59:59.999Z'); // accepted Wednesday: Thu, Fri, Mon
    const asked = await ok(HANDLER, 'case.askInfo', { id: c.id, version: c.version, question: '请提供电梯停运的具体楼栋和单元号' });
    expect(asked).toMatchObject({ status: 'needs_info', question: '请提供电梯停运的具体楼栋和单元号' });
    at('2026-11-27T01:00:00.000Z'); // Friday 09:00: Wednesday and Thursday spent waiting
    const mine = await ok(CITIZEN, 'case.get', { id: c.id });
    expect(mine.dueText).toContain('不计时');
    expect(mine.can).toMatchObject({ supplement: true, withdraw: true, rate: false });
    const s = await ok(CITIZEN, 'case.supplement', { id: c.id, version: mine.version, content: '3 栋 2 单元' });
    expect(s).toMatchObject({ status: 'processing', answerDueAt: '2026-12-02T15:59:59.999Z', dueText: '承诺 12月2日（周三）前答复' });
    expect(s.question).toBeUndefined();
    expect(s.timeline.slice(-2).map((t) => [t.kind, t.note])).toEqual([
      ['supplemented', '3 栋 2 单元'],
      ['note', '等待补充材料 2 个工作日不计入办理时限，答复期限顺延至 12月2日（周三）'],
    ]);
  });

  test('a risky supplement is refused and the case is unchanged', async () => {
    const c = await processingCase();
    const asked = await ok(HANDLER, 'case.askInfo', { id: c.id, version: c.version, question: '请补充楼栋号' });
    localCloud.openapi.setMsgSecWords({ risky: ['违禁词'] });
    expect(await callAs(CITIZEN, 'case.supplement', { id: c.id, version: asked.version, content: '违禁词' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect((await ok(CITIZEN, 'case.get', { id: c.id })).version).toBe(asked.version);
  });

  test('rating: satisfied closes; the first dissatisfaction reopens with a new deadline; the second closes escalated', async () => {
    const r = await repliedCase();
    const reopened = await ok(CITIZEN, 'case.rate', { id: r.id, version: r.version, score: 2, solved: true, comment: '电梯又坏了' });
    expect(reopened).toMatchObject({ status: 'processing', reopenCount: 1, rating: { score: 2, solved: true, comment: '电梯又坏了' } });
    expect(reopened.reply).toBeUndefined();
    expect(reopened.answerDueAt).toBe('2026-12-14T15:59:59.999Z'); // 13 working days from Wednesday 25 November
    expect(reopened.timeline.slice(-2).map((t) => t.kind)).toEqual(['rated', 'reopened']);
    const again = await ok(HANDLER, 'case.reply', { id: r.id, version: reopened.version, content: '已再次联系物业更换曳引机，并安排专人每周巡检，请您继续监督。' });
    const closed = await ok(CITIZEN, 'case.rate', { id: r.id, version: again.version, score: 1, solved: false });
    expect(closed).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(closed.timeline.map((t) => t.kind)).not.toContain('escalated'); // internal
    const staffView = await ok(SUPERVISOR, 'case.get', { id: r.id });
    expect(staffView).toMatchObject({ escalated: true });
    expect(staffView.timeline.at(-1)).toMatchObject({ kind: 'escalated', visibility: 'internal', note: '市民再次表示不满意，转督办跟进' });
  });

  test('rating is validated and only for the owner of a replied case', async () => {
    const r = await repliedCase();
    expect(await callRaw(CITIZEN, { action: 'case.rate', payload: { id: r.id, version: r.version, score: 6, solved: true } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { score: '评价不能大于 5' } },
    });
    expect(await callAs(OTHER_CITIZEN, 'case.rate', { id: r.id, version: r.version, score: 5, solved: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callAs(DISPATCHER, 'case.rate', { id: r.id, version: r.version, score: 5, solved: true })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  test('case.subscribe records grants for configured templates only', async () => {
    expect(await ok(CITIZEN, 'case.subscribe', { templateIds: ['tpl-case-status', 'tpl-case-status'] })).toEqual({ granted: { 'tpl-case-status': 1 } });
    expect(await ok(CITIZEN, 'case.subscribe', { templateIds: ['tpl-case-status', 'tpl-unknown'] })).toEqual({ granted: { 'tpl-case-status': 2 } });
    expect(await callAs(CITIZEN, 'case.subscribe', { templateIds: ['tpl-unknown'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await docs('subscriptions', { _id: `${CITIZEN}_tpl-case-status` })).toEqual([expect.objectContaining({ count: 2 })]);
  });
});

describe('case.findByTrackingNo', () => {
  test('the citizen finds their own case by its number, typed loosely; another citizen learns nothing', async () => {
    const mine = await submit();
    expect(mine.trackingNo).toBe('MS20261125-0001');
    for (const typed of ['MS20261125-0001', ' ms20261125-0001 ', '20261125-0001', 'MS 20261125 0001', 'ＭＳ２０２６１１２５－０００１']) {
      expect(await ok(CITIZEN, 'case.findByTrackingNo', { trackingNo: typed })).toEqual({ id: mine.id, trackingNo: 'MS20261125-0001' });
    }
    const missing = { ok: false, error: { code: 'NOT_FOUND', message: '没有找到编号为 MS20261125-0001 的留言，请核对编号。' } };
    expect(await callAs(OTHER_CITIZEN, 'case.findByTrackingNo', { trackingNo: 'MS20261125-0001' })).toEqual(missing);
    expect(await callAs(CITIZEN, 'case.findByTrackingNo', { trackingNo: 'MS20261125-0002' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('staff find what their role lets them see: the dispatcher any case, a handler only their department\'s', async () => {
    const c = await processingCase();
    expect(await ok(DISPATCHER, 'case.findByTrackingNo', { trackingNo: c.trackingNo })).toEqual({ id: c.id, trackingNo: c.trackingNo });
    expect(await ok(HANDLER, 'case.findByTrackingNo', { trackingNo: c.trackingNo })).toEqual({ id: c.id, trackingNo: c.trackingNo });
    expect(await callAs(OTHER_HANDLER, 'case.findByTrackingNo', { trackingNo: c.trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a malformed number or payload is refused in Chinese; a visitor without an identity is refused', async () => {
    expect(await callAs(CITIZEN, 'case.findByTrackingNo', { trackingNo: '0042' })).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '提交的内容有误：留言编号格式不正确，应类似 MS20261125-0042', fields: { trackingNo: '留言编号格式不正确，应类似 MS20261125-0042' } },
    });
    expect(await callRaw(CITIZEN, { action: 'case.findByTrackingNo', payload: { trackingNo: 42 } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { trackingNo: '留言编号应为文字' } } });
    expect(await callRaw(CITIZEN, { action: 'case.findByTrackingNo', payload: { trackingNo: 'MS20261125-0001', id: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await callRaw(null, { action: 'case.findByTrackingNo', payload: { trackingNo: 'MS20261125-0001' } })).toMatchObject({ ok: false });
  });
});
