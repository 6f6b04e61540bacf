// The service guide's journey end to end (issue 11), in Chromium on the browser preview against the local cloud
// seeded with the demo agency, every step through the screens: a citizen types 加装电梯 into the home page's search,
// opens 既有住宅加装电梯审批, ticks the materials they have (the ticks are remembered when they leave and come back), taps
// 就此事项咨询 and sends the prefilled inquiry, linked to the item (its category is the item's); the dispatcher finds it
// in the queue, sees the item, and accepts it to the housing bureau the category names; the bureau's handler answers it; the citizen sees the answer in 消息
// (the 我的 tab carries the unread badge) and the message opens the case with the answer.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview } from './helpers/preview';
import { runAxe } from './helpers/axe';
import { auditPage } from './helpers/page-audit';
import { LIMITS } from './helpers/sweep';
import { allowSubscribe, callAction as api, openAs, openFromQueue, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(240_000);
afterAll(() => closeBrowser());

const CITIZEN_A = demoIdentity('citizenA').openid;
const CITIZEN_B = demoIdentity('citizenB').openid;
const ITEM = '既有住宅加装电梯审批';
const TITLE = `咨询：${ITEM}`;
const QUESTION = '我家住老小区六楼，想加装电梯，一楼住户不同意怎么办？业主表决要多少户同意才能申请？';
const ANSWER = '您好，加装电梯须经本单元专有部分面积和人数均占三分之二以上的业主同意；一楼住户有异议的，可请街道和社区组织协商。';

/** The message carries the answer's first 40 characters. */
const ANSWER_START = ANSWER.slice(0, 20);

type CaseData = { c?: { status: string }; busy: boolean };

test('find an item by search, tick materials, ask about it, the agency answers, and the answer is in 消息', async () => {
  const preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
  try {
    // 1. The citizen: the home page's one search box -> the guide item.
    let app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'hot-questions')).not.toBe('');
    await type(app, 'search', '加装电梯');
    await tap(app, 'search-button');
    await waitForRoute(preview, 'pages/search/index');
    await preview.waitForData((d: { searched: string; loading: boolean }) => d.searched === '加装电梯' && !d.loading);
    expect(await text(app, 'group-guide')).toContain(ITEM);
    const openItem = async () => {
      await tap(app, 'search-hit', { hasText: ITEM });
      await waitForRoute(preview, 'pages/guide-item/index');
      await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    };
    await openItem();
    expect(await text(app, 'item-name')).toBe(ITEM);

    // 2. Tick the materials at hand; they are remembered on the phone when the citizen leaves and comes back.
    expect(await text(app, 'progress')).toBe('必需材料已备齐 0/3 项');
    // A tap that lands while the page is still scrolling is cancelled, on a phone as in the preview: tap again then.
    const tick = async (nth: number, progress: string) => {
      for (let attempt = 1; ; attempt++) {
        await tap(app, 'material', { nth });
        try {
          await preview.waitForData((d: { progress: { text: string } }) => d.progress.text === progress, 3000);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    await tick(0, '必需材料已备齐 1/3 项');
    await tick(2, '必需材料已备齐 2/3 项');
    expect(await text(app, 'progress')).toBe('必需材料已备齐 2/3 项');
    await app.locator('[data-testid="mp-nav-back"]').click();
    await waitForRoute(preview, 'pages/search/index');
    await openItem();
    expect(await text(app, 'progress')).toBe('必需材料已备齐 2/3 项');
    const checked = await app.locator('[data-testid="material"]:visible').evaluateAll((els) => els.map((el) => el.getAttribute('aria-checked')));
    expect(checked).toEqual(['true', 'false', 'true']);

    // The item page with its content (the accessibility sweep opens it without an item): the house limits hold.
    const audit = await auditPage(app, 'pages/guide-item/index', LIMITS.normal);
    expect([audit.smallText, audit.lowContrast, audit.smallTargets, audit.unlabelled]).toEqual([[], [], [], []]);
    expect(audit.texts).toBeGreaterThan(30);
    const axe = await runAxe(app, 'pages/guide-item/index');
    expect(axe.violations.filter((r) => r.impact === 'serious' || r.impact === 'critical')).toEqual([]);

    // 3. 就此事项咨询: the inquiry form comes prefilled and linked to the item; the citizen writes the question.
    await tap(app, 'ask');
    await waitForRoute(preview, 'pages/submit/index');
    const form = await preview.waitForData((d: { loading: boolean; form: { title: string; type: string; categoryId: string } }) => d.loading === false);
    expect(form).toMatchObject({ guideLinked: true, form: { type: 'inquiry', categoryId: 'cat-old-estate', title: TITLE } });
    await type(app, 'content-field', QUESTION);
    await tap(app, 'submit');
    if (await app.locator('[data-testid="mp-subscribe"]').isVisible().catch(() => false)) await allowSubscribe(app);
    const done = await preview.waitForData((d: { result: { id: string } | null }) => d.result !== null, 15_000);
    const caseId = done.result!.id;
    expect(await text(app, 'tracking-no')).toMatch(/^MS\d{8}-\d{4}$/);
    expect(await api(preview, CITIZEN_A, 'case.get', { id: caseId })).toMatchObject({ type: 'inquiry', guideItem: { name: ITEM }, title: TITLE });
    preview.expectNoProblems();

    // 4. The dispatcher: the queue -> the case, which names the item asked about -> accepted to the department its
    // category names (老旧小区改造: the housing bureau), offered in the form.
    app = await openFromQueue(preview, 'dispatcher', TITLE, 'submitted');
    expect(await text(app, 'guide-item')).toBe(`关联办事事项：${ITEM}`);
    await tap(app, 'action-accept');
    expect(await text(app, 'form-department')).toContain('住房和城乡建设局');
    await tap(app, 'submit-action');
    await preview.waitForData((d: CaseData) => d.c?.status === 'processing' && !d.busy);
    expect(await text(app, 'department-name')).toBe('承办部门：住房和城乡建设局');

    // 5. The bureau's handler: the queue -> the case -> the answer (the demo agency answers without review).
    app = await openFromQueue(preview, 'handler', TITLE, 'processing');
    expect(await text(app, 'content')).toContain('业主表决要多少户同意');
    await tap(app, 'action-reply');
    await type(app, 'reply-field', ANSWER);
    await tap(app, 'submit-action');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied' && !d.busy);
    expect(await text(app, 'reply')).toContain('街道和社区组织协商');
    preview.expectNoProblems();

    // 6. The citizen: 我的 (with the unread badge) -> 消息 -> the answer's message -> the case with the answer.
    app = await openAs(preview, 'citizenA', 'pages/mine/index', { settle: true });
    expect(await text(app, 'entry-messages')).toMatch(/\d+ 条未读/);
    expect(await app.locator('.mp-tabbar__badge').first().textContent()).toMatch(/^\d+$/);
    await tap(app, 'entry-messages');
    await waitForRoute(preview, 'pages/messages/index');
    await preview.waitForData((d: { loading: boolean }) => !d.loading);
    const message = app.locator('[data-testid="message"]:visible', { hasText: ANSWER_START });
    expect(await message.count()).toBe(1);
    const shown = ((await message.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(shown).toContain(TITLE);
    expect(shown).toContain('已答复');
    expect(shown).toContain('未读');
    await tap(app, 'message', { hasText: ANSWER_START });
    await waitForRoute(preview, 'pages/case/index');
    await preview.waitForData((d: CaseData) => d.c?.status === 'replied');
    expect(await text(app, 'summary')).toContain(TITLE);
    expect(await text(app, 'reply')).toContain(ANSWER);
    // Opened, the message is read.
    const messages = await api(preview, CITIZEN_A, 'message.list', { limit: 50 });
    expect(messages.items.find((m) => m.subject.id === caseId && m.text.includes(ANSWER_START))).toMatchObject({ read: true });
    // The other citizen's 消息 holds none of it.
    expect((await api(preview, CITIZEN_B, 'message.list', { limit: 50 })).items.some((m) => m.subject.id === caseId)).toBe(false);
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
