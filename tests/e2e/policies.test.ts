// Policies and draft consultations end to end, in Chromium on the browser preview against the local cloud, driven
// through the UI as the demo agency's people: the editor publishes a policy, a citizen finds it by search, stars it
// and asks about it (the inquiry is linked to it); the editor opens a draft, two citizens comment (one on a
// paragraph), the editor moderates, the window closes (the clock moves through the gateway), the editor records
// decisions and publishes the report, the commenters read it and were sent a subscribe message.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview } from './helpers/preview';
import { allowSubscribe, callAction as api, openAs, tap, text, type, useSubscribeTemplate, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);
afterAll(() => closeBrowser());

const EDITOR = demoIdentity('editor').openid;
const ADMIN = demoIdentity('admin').openid;
const CITIZEN_A = demoIdentity('citizenA').openid;
const CITIZEN_B = demoIdentity('citizenB').openid;
const REPORT_TEMPLATE = 'tmpl-draft-report-e2e';
const DAY = 24 * 3600 * 1000;

test('an editor publishes a policy; a citizen finds it, stars it and asks about it', async () => {
  const preview = await openPreview({ identity: 'editor', page: 'staff/policy-edit/index' });
  try {
    let app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await type(app, 'field-title', '关于老旧小区楼道照明改造的实施意见');
    await type(app, 'field-docNo', '市住建发〔2026〕15号');
    await type(app, 'field-issuer', '市住房和城乡建设局');
    await tap(app, 'category-cat-old-estate');
    await type(app, 'paragraphs-text', '第一条 为改善老旧小区居民夜间出行条件，推进楼道照明改造，制定本意见。');
    await tap(app, 'paragraphs-add');
    await type(app, 'paragraphs-text', '第二条 楼道照明改造费用由区财政全额承担，居民无需出资。', 1);
    await type(app, 'field-background', '本市部分老旧小区楼道没有照明，老年居民夜间上下楼容易摔倒。');
    await tap(app, 'keypoints-add');
    await type(app, 'keypoints-text', '改造费用由区财政承担');
    // The preview is the citizen's page rendered from the unsaved form.
    await tap(app, 'mode-preview');
    expect(await text(app, 'preview')).toContain('改造费用由区财政承担');
    await tap(app, 'mode-edit');
    await tap(app, 'publish');
    const published = await preview.waitForData((d: { status: string; publishing: boolean }) => d.status === 'published' && !d.publishing);
    expect(published).toMatchObject({ statusLabel: '现行有效' });

    // A citizen: home -> 政策 tab -> search.
    app = await openAs(preview, 'citizenA', 'pages/index/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await tap(app, 'link-policies');
    await waitForRoute(preview, 'pages/policies/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    // The home page below the tab has a search box too: this one is the tab's.
    const tab = app.locator('[data-mp-page="pages/policies/index"]');
    await tab.locator('[data-testid="search"] input').fill('楼道照明');
    await tab.locator('[data-testid="search-button"]').click();
    // The tab's box is the one search box: it opens 搜索, over policies, consultations and letters.
    await waitForRoute(preview, 'pages/search/index');
    type Found = { searched: string; loading: boolean; groups: Array<{ kind: string; items: Array<{ id: string; titleParts: Array<{ text: string }> }> }> };
    const found = await preview.waitForData((d: Found) => d.searched === '楼道照明' && !d.loading && d.groups.length > 0);
    const policies = found.groups.find((g) => g.kind === 'policy')!;
    expect(policies.items.map((i) => i.titleParts.map((r) => r.text).join(''))).toEqual(['关于老旧小区楼道照明改造的实施意见']);
    const policyId = policies.items[0]!.id;
    const card = app.locator(`[data-testid="search-hit"][data-path="/pages/policy/index?id=${policyId}"]`);
    expect(await card.locator('[data-testid="hit"]').first().textContent()).toBe('楼道照明');

    await card.click();
    await waitForRoute(preview, 'pages/policy/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'doc-no')).toBe('市住建发〔2026〕15号');
    expect(await text(app, 'explanation')).toContain('老年居民夜间上下楼容易摔倒');
    await tap(app, 'favorite');
    await preview.waitForData((d: { favorited: boolean }) => d.favorited === true);
    expect(await text(app, 'favorite')).toContain('已收藏');
    expect((await api(preview, CITIZEN_A, 'policy.list', { favorites: true })).items.map((i) => i.id)).toContain(policyId);
    expect((await api(preview, CITIZEN_B, 'policy.list', { favorites: true })).items.map((i) => i.id)).not.toContain(policyId);

    // Ask about it: the inquiry form opens prefilled and linked to the policy.
    await tap(app, 'ask');
    await waitForRoute(preview, 'pages/submit/index');
    const form = await preview.waitForData((d: { loading: boolean; form: { title: string; type: string } }) => d.loading === false);
    expect(form).toMatchObject({ policyLinked: true, form: { type: 'inquiry' } });
    await tap(app, 'category');
    await app.locator('[data-testid="mp-picker"] .mp-column__item', { hasText: '老旧小区改造' }).click();
    await app.locator('[data-testid="mp-picker-confirm"]').click();
    await type(app, 'content-field', '我家住 1998 年建成的小区，楼道一直没有灯，请问我们小区什么时候能改造、要找哪个部门？');
    await tap(app, 'submit');
    if (await app.locator('[data-testid="mp-subscribe"]').isVisible().catch(() => false)) await allowSubscribe(app);
    const done = await preview.waitForData((d: { result: { id: string; trackingNo: string } | null }) => d.result !== null, 15_000);
    const c = await api(preview, CITIZEN_A, 'case.get', { id: done.result!.id });
    expect(c).toMatchObject({ type: 'inquiry', policyId, categoryId: 'cat-old-estate' });
    preview.expectNoProblems();
    // The title was prefilled from the link (sent URL-encoded, as WeChat needs for Chinese in a query string).
    expect(form.form.title).toBe('咨询：关于老旧小区楼道照明改造的实施意见');
    expect(c.title).toBe('咨询：关于老旧小区楼道照明改造的实施意见');
  } finally {
    await preview.close();
  }
});

test('an editor opens a draft; two citizens comment; moderation, decisions and the report reach the commenters', async () => {
  const preview = await openPreview({ identity: 'editor', page: 'staff/draft-edit/index' });
  try {
    // The agency has configured the "adoption report published" template (setup by action, as an admin would).
    await useSubscribeTemplate(preview, ADMIN, 'draftReport', {
      templateId: REPORT_TEMPLATE,
      fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' },
      page: 'pages/draft/index',
    });

    let app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await type(app, 'field-title', '城市公共交通条例（征求意见稿）');
    await type(app, 'paragraphs-text', '第一条 为规范城市公共交通，保障乘客权益，制定本条例。');
    await tap(app, 'paragraphs-add');
    await type(app, 'paragraphs-text', '第二条 公交线路的开辟和调整应当征求沿线居民意见。', 1);
    await tap(app, 'save');
    const saved = await preview.waitForData((d: { status: string; id: string; saving: boolean }) => !d.saving && d.status === 'open');
    const draftId = saved.id;

    // Citizen A comments on the second paragraph, and allows the report message.
    app = await openAs(preview, 'citizenA', 'pages/drafts/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    const ours = app.locator(`[data-testid="open-drafts"] [data-testid="draft-card"][data-id="${draftId}"]`);
    expect((await ours.textContent()) ?? '').toMatch(/征求意见中\s*还剩 3\d 天\s*城市公共交通条例（征求意见稿）/);
    // Ours is among the open ones (the demo agency has its own consultations too).
    await app.locator(`[data-testid="open-drafts"] [data-testid="draft-card"][data-id="${draftId}"]`).click();
    await waitForRoute(preview, 'pages/draft/index');
    await preview.waitForData((d: { view: { id: string } | null }) => d.view?.id === draftId);
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await tap(app, 'comment-paragraph', { nth: 1 });
    await app.locator('[data-testid="comment-popup"]').waitFor();
    expect(await text(app, 'comment-popup')).toContain('对第 2 段发表意见');
    await type(app, 'comment-text', '建议线路调整前在站点公示不少于十五天，并召开居民座谈会。');
    await tap(app, 'send');
    await allowSubscribe(app);
    await preview.waitForData((d: { view: { mine: unknown[] }; sending: boolean }) => !d.sending && d.view.mine.length === 1);
    expect(await text(app, 'my-comment')).toContain('待审核');
    expect(await text(app, 'my-comment')).toContain('针对第 2 段');

    // Citizen B comments on the whole draft.
    app = await openAs(preview, 'citizenB', 'pages/draft/index', { query: { id: draftId } });
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await tap(app, 'comment-whole');
    await app.locator('[data-testid="comment-popup"]').waitFor();
    await type(app, 'comment-text', '总体赞成，建议增加夜间公交线路，方便下夜班的职工。');
    await tap(app, 'send');
    await allowSubscribe(app);
    await preview.waitForData((d: { view: { mine: unknown[] }; sending: boolean }) => !d.sending && d.view.mine.length === 1);
    // B does not see A's comment while it waits for moderation.
    expect(await text(app, 'others')).not.toContain('公示不少于十五天');

    // The editor approves both.
    app = await openAs(preview, 'editor', 'staff/moderation/index', { query: { draftId } });
    await preview.waitForData((d: { loading: boolean; items: unknown[] }) => d.loading === false && d.items.length === 2);
    await tap(app, 'approve', { nth: 0 });
    await preview.waitForData((d: { items: Array<{ state: string }> }) => d.items[0]!.state === 'approved');
    await tap(app, 'approve', { nth: 0 });
    await preview.waitForData((d: { items: Array<{ state: string }> }) => d.items.every((i) => i.state === 'approved'));

    // The window closes: move the clock past it.
    const draft = await api(preview, EDITOR, 'draft.get', { id: draftId });
    const clock = await fetch(`${preview.gatewayUrl}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(Date.parse(draft.closesAt) + DAY).toISOString() }),
    });
    expect(clock.status).toBe(200);

    // Decisions: one adopted, the other (as a group of the rest) partly adopted; then the report.
    app = await openAs(preview, 'editor', 'staff/draft-report/index', { query: { id: draftId } });
    await preview.waitForData((d: { loading: boolean; canDecide: boolean }) => d.loading === false && d.canDecide);
    const rows = await preview.waitForData((d: { rows: Array<{ content: string }> }) => d.rows.length === 2);
    const fromA = rows.rows.findIndex((r) => r.content.includes('公示不少于十五天'));
    await tap(app, 'report-row', { nth: fromA });
    await tap(app, 'decision-adopted');
    await type(app, 'decide-reason', '已在第二条增加“调整前公示十五日并听取意见”的规定');
    await tap(app, 'decide');
    await preview.waitForData((d: { deciding: boolean; progressText: string }) => !d.deciding && d.progressText.includes('已处理 1 条'));
    await tap(app, 'select-undecided');
    await tap(app, 'decision-partly');
    await type(app, 'decide-reason', '夜间线路将在线网规划中统筹考虑');
    await tap(app, 'decide');
    await preview.waitForData((d: { deciding: boolean; progressText: string }) => !d.deciding && d.progressText === '公开意见 2 条，已处理 2 条');
    await type(app, 'summary', '共收到公开意见 2 条，采纳 1 条，部分采纳 1 条。感谢市民参与。');
    await tap(app, 'publish-report');
    await preview.waitForData((d: { status: string; publishing: boolean }) => d.status === 'reported' && !d.publishing, 15_000);

    // Each commenter was sent the subscribe message they allowed.
    const outbox = (await (await fetch(`${preview.gatewayUrl}/_emulator/outbox`)).json()) as {
      calls: Array<{ api: string; args: { touser?: string; templateId?: string; page?: string } }>;
    };
    const sent = outbox.calls.filter((c) => c.api === 'subscribeMessage.send' && c.args.templateId === REPORT_TEMPLATE);
    expect(sent.map((c) => c.args.touser).sort()).toEqual([CITIZEN_A, CITIZEN_B].sort());
    expect(sent[0]!.args.page).toContain('pages/draft/index');

    // Citizen A reads the report, with the decision on their own comment.
    app = await openAs(preview, 'citizenA', 'pages/draft/index', { query: { id: draftId } });
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    const report = await text(app, 'report');
    expect(report).toContain('共收到公开意见 2 条，采纳 1 条，部分采纳 1 条。');
    expect(report).toContain('已在第二条增加“调整前公示十五日并听取意见”的规定');
    expect(report).toContain('部分采纳');
    expect(await text(app, 'my-comments')).toContain('处理结果：采纳');
    expect(await app.locator('[data-testid="comment-whole"]').count()).toBe(0);
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
