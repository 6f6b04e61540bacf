import type { Draft, DraftComment, DraftListItem } from '../../../typings/api';
import { DECISION_LABEL } from '../../../cloudfunctions/api/src/domain/policies/drafts';
import { commentView, draftCardView, draftDetailView, formatDeadline, orderForCitizens, whereText } from '../../../miniprogram/utils/draft-view';

/** meta.get vocabulary.decisions, in the server's words. */
const DECISIONS = (['adopted', 'partly', 'not_adopted'] as const).map((key) => ({ key, label: DECISION_LABEL[key] }));

const listItem = (over: Partial<DraftListItem> = {}): DraftListItem => ({
  id: 'd1',
  title: '城市公共交通条例（征求意见稿）',
  status: 'open',
  statusLabel: '征求意见中',
  opensAt: '2026-11-24T16:00:00.000Z',
  closesAt: '2026-12-24T16:00:00.000Z',
  windowText: '还剩 12 天',
  commentCount: 3,
  ...over,
});

const comment = (over: Partial<DraftComment> = {}): DraftComment => ({
  id: 'c1',
  content: '建议增加夜间公交线路。',
  status: 'approved',
  statusLabel: '已公开',
  mine: false,
  at: '2026-11-26T02:00:00Z',
  ...over,
});

const draft = (over: Partial<Draft> = {}): Draft => ({
  id: 'd1',
  title: '城市公共交通条例（征求意见稿）',
  paragraphs: ['第一条 总则。', '第二条 线路规划。', '第三条 票价。'],
  status: 'open',
  statusLabel: '征求意见中',
  opensAt: '2026-11-24T16:00:00.000Z',
  closesAt: '2026-12-24T16:00:00.000Z',
  normative: false,
  version: 1,
  windowText: '还剩 12 天',
  comments: [
    comment({ id: 'mine1', mine: true, status: 'pending', statusLabel: '待审核', paragraphIndex: 1 }),
    comment({ id: 'mine2', mine: true, status: 'hidden', statusLabel: '未公开' }),
    comment({ id: 'o1', paragraphIndex: 1 }),
    comment({ id: 'o2', status: 'pending' }),
  ],
  commentCounts: { '1': 1, '-1': 2 },
  ...over,
});

test('a window that ends at midnight ends at 24:00 of the day before', () => {
  expect(formatDeadline('2026-12-24T16:00:00.000Z')).toBe('2026年12月24日 24:00');
  expect(formatDeadline('2026-12-24T09:30:00.000Z')).toBe('2026年12月24日 17:30');
});

test('draft cards show the window, its remaining time and the public comments', () => {
  const card = draftCardView(listItem());
  expect(card.rangeText).toBe('征求意见时间：2026年11月25日 至 2026年12月24日');
  expect(card.commentText).toBe('3 条公开意见');
  expect(card.open).toBe(true);
  expect(card.ariaLabel).toContain('还剩 12 天');
  const closed = draftCardView(listItem({ status: 'closed', statusLabel: '已截止', commentCount: 0, windowText: '已截止' }));
  expect(closed.statusLabel).toBe('已截止');
  expect(closed.commentText).toBe('暂无公开意见');
  expect(closed.ariaLabel).not.toContain('已截止，已截止');
});

test('open consultations come first, the one closing soonest on top', () => {
  const items = [
    listItem({ id: 'r', status: 'reported' }),
    listItem({ id: 'late', closesAt: '2027-01-30T16:00:00Z' }),
    listItem({ id: 'c', status: 'closed' }),
    listItem({ id: 'soon', closesAt: '2026-12-01T16:00:00Z' }),
  ];
  const closes = Object.fromEntries(items.map((i) => [i.id, i.closesAt]));
  expect(orderForCitizens(items.map(draftCardView), closes).map((d) => d.id)).toEqual(['soon', 'late', 'r', 'c']);
});

test('comments say where they point and, for the author, what their state means', () => {
  expect(whereText(undefined)).toBe('针对全文');
  expect(whereText(-1)).toBe('针对全文');
  expect(whereText(0)).toBe('针对第 1 段');
  const pending = commentView(comment({ mine: true, status: 'pending', statusLabel: '待审核', paragraphIndex: 2 }));
  expect(pending).toMatchObject({ statusText: '待审核', where: '针对第 3 段', statusHint: '审核通过后其他人可以看到' });
  expect(pending.ariaLabel).toContain('我的意见，待审核');
  const hidden = commentView(comment({ mine: true, status: 'hidden', statusLabel: '未公开' }));
  expect(hidden.statusText).toBe('未公开');
  const decided = commentView(comment({ decision: 'partly', decisionLabel: '部分采纳', decisionReason: '已在第五条体现' }));
  expect(decided.decisionLabel).toBe('部分采纳');
  expect(decided.ariaLabel).toContain('处理结果：部分采纳');
});

test('draft detail: badges per paragraph, my comments in every state, only approved comments of others', () => {
  const view = draftDetailView(draft(), DECISIONS);
  expect(view.paragraphs.map((p) => p.badgeText)).toEqual(['', '1 条意见', '']);
  expect(view.paragraphs[1].ariaLabel).toContain('对本段提意见：第 2 段，已有 1 条公开意见');
  expect(view.wholeCount).toBe(2);
  expect(view.mine.map((c) => c.id)).toEqual(['mine1', 'mine2']);
  expect(view.others.map((c) => c.id)).toEqual(['o1']);
  expect(view.canComment).toBe(true);
  expect(view.closedNote).toBe('');
  expect(view.deadlineText).toBe('截止时间：2026年12月24日 24:00');
  expect(view.report).toBeNull();
});

test('a closed draft cannot take comments and says the report is coming', () => {
  const view = draftDetailView(draft({ status: 'closed', statusLabel: '已截止' }), DECISIONS);
  expect(view.canComment).toBe(false);
  expect(view.closedNote).toContain('采纳情况将在此公布');
  expect(view.paragraphs[0].ariaLabel).not.toContain('点按');
});

test('the published report shows counts and each decision group with its reason and comments', () => {
  const view = draftDetailView(
    draft({
      status: 'reported',
      statusLabel: '已公布采纳情况',
      comments: [comment({ id: 'a', decision: 'adopted' }), comment({ id: 'b', decision: 'not_adopted', content: '取消票价。' })],
      report: {
        summary: '共收到意见 2 条。',
        publishedAt: '2027-01-05T02:00:00Z',
        counts: { total: 2, adopted: 1, partly: 0, notAdopted: 1 },
        decisions: [
          { decision: 'adopted', decisionLabel: '采纳', reason: '已增加夜间线路', commentIds: ['a'] },
          { decision: 'not_adopted', decisionLabel: '不予采纳', reason: '票价由听证确定', commentIds: ['b', 'gone'] },
        ],
      },
    }),
    DECISIONS,
  );
  expect(view.report?.publishedText).toBe('公布于 2027年1月5日');
  expect(view.report?.counts.map((c) => `${c.label}${c.value}`)).toEqual(['收到意见2', '采纳1', '部分采纳0', '不予采纳1']);
  expect(view.report?.groups[1]).toMatchObject({ decisionLabel: '不予采纳', reason: '票价由听证确定', countText: '2 条意见' });
  expect(view.report?.groups[1].comments.map((c) => c.content)).toEqual(['取消票价。']);
});
