// The citizen's draft consultation pages against the real `api` function on an in-memory strict local cloud: the
// list (open first, with the time left), commenting on a paragraph or the whole draft (checked before sending), my
// comments in their states, the approved comments of others, and the adoption report once published.
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, waitFor } from '../helpers/mp';
import { CITIZEN_A, CITIZEN_B, EDITOR, typeText, waitForTestId } from '../helpers/policies';
import { allByTestId, byTestId, tap, textOf } from '../helpers/ui';

jest.setTimeout(30_000);

type Page = ReturnType<typeof mountPage>;

const DAY = 24 * 3600 * 1000;
/** Monday 2 March 2026, 09:00 in Shanghai. */
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const PARAGRAPHS = ['第一条 为规范城市公共交通管理，制定本条例。', '第二条 公交线路的开辟和调整应当征求沿线居民意见。', '第三条 夜间公交线路的运营时间由交通运输部门确定。'];

beforeEach(async () => {
  connectLocalCloud(CITIZEN_A);
  localCloud.clock.set(iso(T0), { frozen: true });
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  localCloud.clock.set(null);
  localCloud.close();
});

async function openDraft(title = '城市公共交通条例（征求意见稿）', days = 31) {
  const now = localCloud.clock.now().getTime();
  return ok(EDITOR, 'draft.save', {
    title,
    paragraphs: PARAGRAPHS,
    explanation: { background: '现行规定已实施十年，需要修订。', keyPoints: ['增加夜间线路'] },
    opensAt: iso(now),
    closesAt: iso(now + days * DAY),
  });
}

async function approveAll() {
  const queue = await ok(EDITOR, 'draft.moderationQueue', { limit: 50 });
  for (const item of queue.items) await ok(EDITOR, 'draft.moderate', { commentId: item.commentId, decision: 'approve' });
}

async function open(id: string): Promise<Page> {
  const page = mountPage('pages/draft/index', { id });
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

test('the list puts open consultations first with the time left, then the finished ones', async () => {
  const finished = await openDraft('物业管理条例（征求意见稿）', 31);
  localCloud.clock.set(iso(T0 + 40 * DAY), { frozen: true });
  const open1 = await openDraft('城市公共交通条例（征求意见稿）', 31);
  const open2 = await openDraft('城市绿化条例（征求意见稿）', 45);

  const page = mountPage('pages/drafts/index');
  await waitFor(page, (d) => d.loading === false && d.loadingMore === false);
  expect(page.data.error).toBe('');
  const open = byTestId(page, 'open-drafts')!;
  const cards = Array.from(open.querySelectorAll('[data-testid="draft-card"]'));
  expect(cards.map((c) => c.getAttribute('data-id'))).toEqual([open1.id, open2.id]);
  expect(cards[0].textContent).toContain('还剩 31 天');
  expect(cards[0].textContent).toContain('征求意见中');
  expect(cards[0].textContent).toContain('征求意见时间：2026年4月11日 至 2026年5月12日');
  const past = byTestId(page, 'past-drafts')!;
  const pastCards = Array.from(past.querySelectorAll('[data-testid="draft-card"]'));
  expect(pastCards.map((c) => c.getAttribute('data-id'))).toEqual([finished.id]);
  expect(pastCards[0].textContent).toContain('已截止');
  // The countdown is only shown while comments are taken.
  expect(pastCards[0].querySelector('[data-testid="window-text"]')).toBeNull();
});

test('a citizen comments on a paragraph and on the whole draft; the pending comments are theirs alone', async () => {
  const draft = await openDraft();
  await ok(CITIZEN_B, 'draft.comment', { id: draft.id, paragraphIndex: 1, content: '建议调整线路前至少公示十五天。' });
  await approveAll();

  const page = await open(draft.id);
  expect(textOf(page, 'draft-head')).toContain('还剩 31 天');
  expect(allByTestId(page, 'paragraph')).toHaveLength(3);
  expect(allByTestId(page, 'paragraph-badge').map((b) => b.textContent)).toEqual(['1 条意见']);
  expect(allByTestId(page, 'paragraph')[1].textContent).toContain('1 条意见');
  expect(textOf(page, 'others')).toContain('针对第 2 段');
  expect(textOf(page, 'others')).toContain('建议调整线路前至少公示十五天。');
  expect(textOf(page, 'explanation')).toContain('现行规定已实施十年');
  expect(byTestId(page, 'my-comments')).toBeNull();

  // On the third paragraph: the popup names it; a too-short comment is refused before anything is sent.
  await tap(page, 'comment-paragraph', 2);
  expect(page.data.popupShow).toBe(true);
  await waitForTestId(page, 'comment-popup');
  expect(textOf(page, 'comment-popup')).toContain('对第 3 段发表意见');
  expect(textOf(page, 'comment-popup')).toContain('夜间公交线路的运营时间');
  const calls = jest.spyOn(wx.cloud, 'callFunction');
  await typeText(page, '太短了', 'comment-text');
  expect(page.data.counter).toBe('3/1000');
  await tap(page, 'send');
  expect(textOf(page, 'form-error')).toBe('！意见至少 5 个字，请写得具体一些。');
  expect(calls).not.toHaveBeenCalled();
  calls.mockRestore();

  await typeText(page, '建议夜间公交末班车延长到二十三点，方便下夜班的职工。', 'comment-text');
  await tap(page, 'send');
  await waitFor(page, (d) => d.popupShow === false && d.sending === false && (d.view as { mine: unknown[] }).mine.length === 1);
  expect(textOf(page, 'notice')).toContain('审核通过后公开');
  const mine = byTestId(page, 'my-comment')!;
  expect(mine.getAttribute('data-status')).toBe('pending');
  expect(mine.textContent).toContain('待审核');
  expect(mine.textContent).toContain('针对第 3 段');
  expect(mine.textContent).toContain('审核通过后其他人可以看到');

  // On the whole draft, from the button at the bottom.
  await tap(page, 'comment-whole');
  await waitForTestId(page, 'comment-popup');
  expect(textOf(page, 'comment-popup')).toContain('对全文发表意见');
  await typeText(page, '总体赞成，希望尽快出台，并配套公布线路调整方案。', 'comment-text');
  await tap(page, 'send');
  await waitFor(page, (d) => d.popupShow === false && d.sending === false && (d.view as { mine: unknown[] }).mine.length === 2);
  expect(allByTestId(page, 'my-comment').map((c) => c.textContent).join('|')).toContain('针对全文');

  const seenByA = (await ok(CITIZEN_A, 'draft.get', { id: draft.id })).comments.filter((c) => c.mine);
  expect(seenByA.map((c) => [c.paragraphIndex, c.status])).toEqual(
    expect.arrayContaining([
      [2, 'pending'],
      [undefined, 'pending'],
    ]),
  );
  // Citizen B sees neither pending comment.
  const seenByB = await ok(CITIZEN_B, 'draft.get', { id: draft.id });
  expect(seenByB.comments.map((c) => c.content)).toEqual(['建议调整线路前至少公示十五天。']);
});

test('a refused comment keeps the text and says why; a hidden one is marked 未公开 to its author', async () => {
  const draft = await openDraft();
  localCloud.openapi.setMsgSecWords({ risky: ['赌博'] });
  const page = await open(draft.id);
  await tap(page, 'comment-whole');
  await waitForTestId(page, 'send');
  await typeText(page, '欢迎来赌博网站看看公交线路', 'comment-text');
  await tap(page, 'send');
  await waitFor(page, (d) => d.sending === false && d.formError !== '');
  expect(page.data.popupShow).toBe(true);
  expect(page.data.text).toBe('欢迎来赌博网站看看公交线路');
  expect((await ok(CITIZEN_A, 'draft.get', { id: draft.id })).comments).toEqual([]);

  await ok(CITIZEN_A, 'draft.comment', { id: draft.id, content: '这条意见与草案无关，只是随便说说。' });
  const [item] = (await ok(EDITOR, 'draft.moderationQueue', { limit: 10 })).items;
  await ok(EDITOR, 'draft.moderate', { commentId: item.commentId, decision: 'hide', reason: '与本草案无关' });
  const again = await open(draft.id);
  const mine = byTestId(again, 'my-comment')!;
  expect(mine.getAttribute('data-status')).toBe('hidden');
  expect(mine.textContent).toContain('未公开');
});

test('after the window the page takes no comments, and shows the adoption report once published', async () => {
  const draft = await openDraft();
  await ok(CITIZEN_A, 'draft.comment', { id: draft.id, paragraphIndex: 2, content: '建议夜间公交末班车延长到二十三点。' });
  await ok(CITIZEN_B, 'draft.comment', { id: draft.id, content: '建议取消所有公交线路的票价。' });
  await approveAll();
  localCloud.clock.set(iso(T0 + 32 * DAY), { frozen: true });

  const closed = await open(draft.id);
  expect(textOf(closed, 'closed-note')).toContain('采纳情况将在此公布');
  expect(byTestId(closed, 'comment-whole')).toBeNull();
  expect(allByTestId(closed, 'comment-paragraph')).toHaveLength(0);
  expect(byTestId(closed, 'report')).toBeNull();

  const full = await ok(EDITOR, 'draft.get', { id: draft.id });
  const a = full.comments.find((c) => c.content.startsWith('建议夜间'))!;
  const b = full.comments.find((c) => c.content.startsWith('建议取消'))!;
  await ok(EDITOR, 'draft.decide', { commentIds: [a.id], decision: 'adopted', reason: '已在第三条中增加夜间线路安排' });
  await ok(EDITOR, 'draft.decide', { commentIds: [b.id], decision: 'not_adopted', reason: '票价由价格听证确定，不在本条例范围' });
  await ok(EDITOR, 'draft.publishReport', { id: draft.id, version: full.version, summary: '共收到公开意见 2 条，采纳 1 条。' });

  const page = await open(draft.id);
  const report = textOf(page, 'report');
  expect(report).toContain('采纳情况');
  expect(report).toContain('共收到公开意见 2 条，采纳 1 条。');
  expect(report).toContain('收到意见');
  const groups = allByTestId(page, 'report-group').map((g) => g.textContent!.replace(/\s+/g, ' '));
  expect(groups).toHaveLength(2);
  // Both decisions were made at the same (frozen) instant, so the server's order between them is not fixed.
  const adopted = groups.find((g) => g.trim().startsWith('采纳'))!;
  const refused = groups.find((g) => g.trim().startsWith('不予采纳'))!;
  expect(adopted).toContain('已在第三条中增加夜间线路安排');
  expect(adopted).toContain('建议夜间公交末班车延长到二十三点。');
  expect(refused).toContain('票价由价格听证确定');
  expect(refused).toContain('建议取消所有公交线路的票价。');
  // The commenter sees the decision on their own comment too.
  expect(textOf(page, 'my-comments')).toContain('处理结果：采纳');
});
