// One consultation end to end, in Chromium on the browser preview against the local cloud, driven through the UI as
// the demo agency's people: a citizen submits a complaint -> the dispatcher accepts and routes it -> the handler
// answers -> the citizen rates 不满意 -> the case reopens -> the handler answers again -> the citizen rates 满意 ->
// closed. At each status change a subscribe message reaches the citizen (the outbox), and each side's timeline is
// right: the citizen never sees an internal note or a staff member's name; staff see the internal note, marked.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { callAction as api, openAs, openFromQueue, tap, text, type, useSubscribeTemplate, waitForRoute } from './helpers/ui';

jest.setTimeout(240_000);
afterAll(() => closeBrowser());

const CITIZEN = demoIdentity('citizenA').openid;
const HANDLER = demoIdentity('handler').openid;
const ADMIN = demoIdentity('admin').openid;
const TEMPLATE = 'tmpl-case-status-e2e';
const HANDLER_NAME = '王建国';
const INTERNAL_NOTE = '已电话联系物业经理，约定周五前维修';
const TITLE = '三单元楼道灯坏了一个月';

interface OutboxCall {
  api: string;
  args: { touser?: string; templateId?: string; data?: Record<string, { value: string }> };
}

/** The subscribe messages sent to the citizen so far (the emulator's outbox of openapi calls). */
async function citizenMessages(preview: PreviewHandle): Promise<OutboxCall[]> {
  const res = await fetch(`${preview.gatewayUrl}/_emulator/outbox`);
  const body = (await res.json()) as { calls: OutboxCall[] };
  return body.calls.filter((c) => c.api === 'subscribeMessage.send' && c.args.touser === CITIZEN);
}

/** Waits until the citizen has more messages than `before` (delivery follows the action, best effort). */
async function newMessages(preview: PreviewHandle, before: number): Promise<OutboxCall[]> {
  const started = Date.now();
  for (;;) {
    const all = await citizenMessages(preview);
    if (all.length > before) return all.slice(before);
    if (Date.now() - started > 10_000) throw new Error(`no new subscribe message for the citizen (still ${all.length})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type CaseData = { c: { status: string; statusLabel: string } | null; busy: boolean };
type Timeline = Array<{ title: string; actor: string; note: string; internal: boolean }>;

test('a complaint from submission to a second, satisfying answer, through every screen', async () => {
  const preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
  try {
    // Setup by action, as the admin would in settings: the status template (long-term, as government services may
    // use) and the handler's display name, which the citizen must never see.
    await useSubscribeTemplate(preview, ADMIN, 'caseStatus', {
      templateId: TEMPLATE,
      fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' },
      longTerm: true,
    });
    const staff = await api(preview, ADMIN, 'admin.staff.list', { limit: 50 });
    const handler = staff.items.find((m) => m.openid === HANDLER)!;
    await api(preview, ADMIN, 'admin.staff.update', { openid: HANDLER, version: handler.version, displayName: HANDLER_NAME });

    // 1. The citizen: home -> 我要投诉 -> the form.
    let app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
    await tap(app, 'write-complaint');
    await waitForRoute(preview, 'pages/submit/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    // Sending an empty form shows what is missing, next to the fields.
    await tap(app, 'submit');
    expect(await text(app, 'error-categoryId')).toBe('请选择问题类别');
    await tap(app, 'category');
    await app.locator('[data-testid="mp-picker"] .mp-column__item', { hasText: '物业管理' }).click();
    await app.locator('[data-testid="mp-picker-confirm"]').click();
    await type(app, 'title-field', TITLE);
    await type(app, 'content-field', '幸福小区三单元一到六楼的楼道灯坏了一个多月，晚上老人上下楼很危险，请尽快维修。');
    await type(app, 'phone-field', '13800138000');
    await tap(app, 'submit');
    await app.locator('[data-testid="mp-subscribe-allow"]').click({ timeout: 10_000 });
    const done = await preview.waitForData((d: { result: { id: string; trackingNo: string; promiseText: string } | null }) => d.result !== null, 15_000);
    const caseId = done.result!.id;
    expect(await text(app, 'tracking-no')).toMatch(/^MS\d{8}-\d{4}$/);
    expect(await text(app, 'promise')).toContain('前受理');
    let messages = (await citizenMessages(preview)).length;

    await tap(app, 'open-case');
    await waitForRoute(preview, 'pages/case/index');
    await preview.waitForData((d: CaseData) => d.c?.status === 'submitted');
    expect(await text(app, 'due-badge')).toContain('受理期限');

    // 2. The dispatcher: queue -> the case -> accept, routed to the category's department.
    app = await openFromQueue(preview, 'dispatcher', TITLE, 'submitted');
    await tap(app, 'action-accept');
    expect(await text(app, 'form-department')).toContain('住房和城乡建设局');
    await tap(app, 'submit-action');
    await preview.waitForData((d: CaseData) => d.c?.status === 'processing' && !d.busy);
    let sent = await newMessages(preview, messages);
    expect(sent.every((m) => m.args.templateId === TEMPLATE)).toBe(true);
    messages += sent.length;

    // 3. The handler: an internal note, then the answer.
    app = await openFromQueue(preview, 'handler', TITLE, 'processing');
    expect(await text(app, 'contact')).toContain('13800138000');
    await tap(app, 'action-note');
    await type(app, 'note-field', INTERNAL_NOTE);
    await tap(app, 'submit-action');
    await preview.waitForData((d: { timeline: Timeline; busy: boolean }) => d.timeline.some((e) => e.note === INTERNAL_NOTE) && !d.busy);
    expect(await app.locator('[data-testid="internal-mark"]').count()).toBeGreaterThanOrEqual(1);
    await tap(app, 'action-reply');
    await type(app, 'reply-field', '您好，物业已安排电工本周五前更换三单元楼道灯。');
    await tap(app, 'submit-action');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied' && !d.busy);
    sent = await newMessages(preview, messages);
    messages += sent.length;

    // 4. The citizen: 我的 -> 我的留言 -> the case; the answer is there, the internal note and the name are not.
    app = await openAs(preview, 'citizenA', 'pages/mine/index', { settle: true });
    await tap(app, 'entry-cases');
    await waitForRoute(preview, 'pages/cases/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await tap(app, 'case-card', { hasText: TITLE });
    await waitForRoute(preview, 'pages/case/index');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied');
    expect(await text(app, 'reply')).toContain('本周五前更换三单元楼道灯');
    let page = (await app.locator('body').textContent()) ?? '';
    expect(page).not.toContain(INTERNAL_NOTE);
    expect(page).not.toContain(HANDLER_NAME);
    expect(page).not.toContain('13800138000');
    let timeline = (await preview.pageData<{ timeline: Timeline }>()).timeline;
    expect(timeline.some((e) => e.internal)).toBe(false);
    expect(timeline.map((e) => e.title)).toEqual(expect.arrayContaining(['已受理']));
    expect(timeline.some((e) => e.actor.includes('住房和城乡建设局'))).toBe(true);

    await tap(app, 'score-2');
    await tap(app, 'solved-no');
    expect(await text(app, 'rate-hint')).toContain('重新交办');
    await tap(app, 'rate-submit');
    await preview.waitForData((d: CaseData) => d.c?.status === 'processing' && !d.busy);
    expect(await text(app, 'notice')).toContain('重新交办');
    sent = await newMessages(preview, messages);
    messages += sent.length;

    // 5. The handler answers again.
    app = await openFromQueue(preview, 'handler', TITLE, 'processing');
    const staffTimeline = (await preview.pageData<{ timeline: Timeline }>()).timeline;
    expect(staffTimeline.some((e) => e.internal && e.note === INTERNAL_NOTE)).toBe(true);
    expect(staffTimeline.some((e) => e.note.includes('不满意') || e.title.includes('重新'))).toBe(true);
    await tap(app, 'action-reply');
    await type(app, 'reply-field', '您好，经现场查看，三单元一到六楼楼道灯已全部更换并通电，欢迎监督。');
    await tap(app, 'submit-action');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied' && !d.busy);
    sent = await newMessages(preview, messages);
    messages += sent.length;

    // 6. The citizen is satisfied: closed.
    app = await openAs(preview, 'citizenA', 'pages/cases/index', { settle: true });
    await tap(app, 'case-card', { hasText: TITLE });
    await waitForRoute(preview, 'pages/case/index');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied');
    expect(await text(app, 'reply')).toContain('已全部更换并通电');
    await tap(app, 'score-4');
    await tap(app, 'solved-yes');
    await tap(app, 'rate-submit');
    await preview.waitForData((d: CaseData) => d.c?.status === 'closed' && !d.busy);
    expect(await text(app, 'rating')).toContain('满意 · 已解决');
    sent = await newMessages(preview, messages);

    page = (await app.locator('body').textContent()) ?? '';
    expect(page).not.toContain(INTERNAL_NOTE);
    expect(page).not.toContain(HANDLER_NAME);
    timeline = (await preview.pageData<{ timeline: Timeline }>()).timeline;
    expect(timeline.some((e) => e.internal)).toBe(false);
    const stored = await api(preview, CITIZEN, 'case.get', { id: caseId });
    expect(stored).toMatchObject({ status: 'closed', reopenCount: 1, rating: { score: 4, solved: true } });
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
