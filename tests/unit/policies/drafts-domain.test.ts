import { makeCalendar } from '../../../cloudfunctions/api/src/domain/calendar';
import {
  buildReport,
  checkDraftSave,
  dateTimeText,
  commentCounts,
  draftStatus,
  earliestClose,
  toDraftComment,
  windowText,
  type CommentDoc,
  type DraftContent,
  type DraftDoc,
} from '../../../cloudfunctions/api/src/domain/policies/drafts';

// 2026: 清明 4–6 April off; Saturday 9 May a working day (调休).
const cal = makeCalendar({ holidays: ['2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'], workdays: ['2026-05-09'] });

describe('earliestClose: the opening day is not counted, a day counts to 23:59 Shanghai', () => {
  test('30 calendar days', () => {
    expect(earliestClose('2026-03-02T01:00:00.000Z', false, cal)).toBe('2026-04-01T15:59:00.000Z');
    // Opening at 23:30 Shanghai is still that day.
    expect(earliestClose('2026-03-02T15:30:00.000Z', false, cal)).toBe('2026-04-01T15:59:00.000Z');
    // Opening at 00:10 Shanghai on 3 March (16:10 UTC on the 2nd) is the next day.
    expect(earliestClose('2026-03-02T16:10:00.000Z', false, cal)).toBe('2026-04-02T15:59:00.000Z');
  });

  test('7 working days for a normative document: weekends and holidays skipped, swapped working days counted', () => {
    expect(earliestClose('2026-03-02T01:00:00.000Z', true, cal)).toBe('2026-03-11T15:59:00.000Z');
    expect(earliestClose('2026-04-02T01:00:00.000Z', true, cal)).toBe('2026-04-14T15:59:00.000Z');
    // From Wednesday 29 April: 30 April, (1–5 May off), 6, 7, 8, Saturday 9 (调休), 11, 12 → 12 May.
    expect(earliestClose('2026-04-29T01:00:00.000Z', true, cal)).toBe('2026-05-12T15:59:00.000Z');
  });
});

const content = (over: Partial<DraftContent> = {}): DraftContent => ({
  title: '征求意见稿',
  paragraphs: ['第一条', '第二条'],
  opensAt: '2026-03-02T01:00:00.000Z',
  closesAt: '2026-04-01T16:00:00.000Z',
  normative: false,
  ...over,
});

const doc = (over: Partial<DraftDoc> = {}): DraftDoc => ({
  ...content(),
  _id: 'd1',
  version: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  openKey: '',
  closeKey: '',
  reported: false,
  approvedCounts: {},
  approvedTotal: 0,
  decisionsRev: 0,
  titleTokens: [],
  searchTokens: [],
  ...over,
});

describe('checkDraftSave', () => {
  const before = new Date('2026-03-01T00:00:00.000Z');
  const during = new Date('2026-03-10T00:00:00.000Z');

  test('a scheduled or new draft may change anything within the rule', () => {
    expect(checkDraftSave(null, content(), before, cal)).toEqual({ opensAt: '2026-03-02T01:00:00.000Z' });
    expect(checkDraftSave(doc(), content({ title: '新标题', paragraphs: ['新'] }), before, cal)).toEqual({ opensAt: '2026-03-02T01:00:00.000Z' });
    expect(checkDraftSave(null, content({ closesAt: '2026-03-20T00:00:00.000Z' }), before, cal)).toMatchObject({ kind: 'invalid' });
  });

  test('an opening in the past is now, and the window is counted from now', () => {
    const now = new Date('2026-03-05T02:00:00.000Z');
    expect(checkDraftSave(null, content(), now, cal)).toMatchObject({ kind: 'invalid', fields: { closesAt: expect.stringContaining('2026年4月4日 23:59') } });
    expect(checkDraftSave(null, content({ closesAt: '2026-04-04T16:00:00.000Z' }), now, cal)).toEqual({ opensAt: now.toISOString() });
  });

  test('open: text, opening and kind are fixed; the close may move within the rule', () => {
    expect(checkDraftSave(doc(), content({ paragraphs: ['改'] }), during, cal)).toMatchObject({ kind: 'precondition' });
    expect(checkDraftSave(doc(), content({ opensAt: '2026-03-03T01:00:00.000Z' }), during, cal)).toMatchObject({ kind: 'precondition' });
    expect(checkDraftSave(doc(), content({ normative: true, closesAt: '2026-03-12T00:00:00.000Z' }), during, cal)).toMatchObject({ kind: 'precondition' });
    expect(checkDraftSave(doc(), content({ closesAt: '2026-04-20T16:00:00.000Z', explanation: { background: '补充' } }), during, cal)).toEqual({ opensAt: '2026-03-02T01:00:00.000Z' });
    expect(checkDraftSave(doc(), content({ closesAt: '2026-03-31T16:00:00.000Z' }), during, cal)).toMatchObject({ kind: 'invalid' });
  });

  test('closed or reported: nothing', () => {
    const after = new Date('2026-04-02T00:00:00.000Z');
    expect(checkDraftSave(doc(), content({ closesAt: '2026-05-01T00:00:00.000Z' }), after, cal)).toMatchObject({ kind: 'precondition', message: expect.stringContaining('截止') });
    expect(checkDraftSave(doc({ reported: true }), content(), during, cal)).toMatchObject({ kind: 'precondition' });
  });
});

describe('status and countdown', () => {
  const d = doc();
  test.each([
    ['2026-03-01T00:00:00.000Z', 'scheduled', '将于 3月2日 开始'],
    ['2026-03-02T01:00:00.000Z', 'open', '还剩 31 天'],
    ['2026-03-31T16:00:00.000Z', 'open', '还剩 1 天'],
    ['2026-04-01T10:30:00.000Z', 'open', '还剩 6 小时'],
    ['2026-04-01T15:59:30.000Z', 'open', '还剩 1 小时'],
    ['2026-04-01T16:00:00.000Z', 'closed', '已截止'],
  ])('at %s: %s, %s', (now, status, text) => {
    expect(draftStatus(d, new Date(now))).toBe(status);
    expect(windowText(d, new Date(now))).toBe(text);
  });

  test('reported wins over the clock', () => {
    expect(draftStatus(doc({ reported: true }), new Date('2026-03-05T00:00:00.000Z'))).toBe('reported');
  });
});

const comment = (over: Partial<CommentDoc>): CommentDoc => ({
  _id: 'c',
  draftId: 'd1',
  openid: 'o_a',
  paragraphIndex: -1,
  content: '意见内容',
  status: 'approved',
  flagged: false,
  at: '2026-03-03T00:00:00.000Z',
  key: '2026-03-03T00:00:00.000Z|c',
  decided: false,
  ...over,
});

describe('comments as readers see them', () => {
  const decided = comment({ decision: 'partly', decisionReason: '部分采纳', decided: true, hiddenReason: undefined, flagged: true });

  test('decisions show to citizens only once the report is out; flags and reasons to editors only', () => {
    expect(toDraftComment(decided, { openid: 'o_b', staff: false }, false)).toEqual({
      id: 'c',
      content: '意见内容',
      status: 'approved',
      statusLabel: '已公开',
      mine: false,
      at: '2026-03-03T00:00:00.000Z',
    });
    expect(toDraftComment(decided, { openid: 'o_a', staff: false }, true)).toMatchObject({ mine: true, decision: 'partly', decisionLabel: '部分采纳', decisionReason: '部分采纳' });
    expect(toDraftComment(comment({ status: 'hidden', hiddenReason: '无关' }), { openid: 'o_a', staff: false }, false).hiddenReason).toBeUndefined();
    expect(toDraftComment(comment({ status: 'hidden', hiddenReason: '无关', paragraphIndex: 3 }), { openid: 'o_e', staff: true }, false)).toMatchObject({
      hiddenReason: '无关',
      flagged: false,
      paragraphIndex: 3,
    });
  });

  test('counts: -1 for the whole draft, the paragraph index otherwise, zeros left out', () => {
    expect(commentCounts(doc({ approvedCounts: { w: 2, p0: 1, p4: 0 } }))).toEqual({ '-1': 2, '0': 1 });
  });
});

describe('buildReport', () => {
  test('one group per decision and reason, in the order decided; counts of approved comments', () => {
    const report = buildReport(
      [
        comment({ _id: 'a', key: '1|a', decision: 'adopted', decisionReason: '采纳理由', decidedAt: '2026-04-03T00:00:00.000Z' }),
        comment({ _id: 'b', key: '2|b', decision: 'not_adopted', decisionReason: '不采纳理由', decidedAt: '2026-04-02T00:00:00.000Z' }),
        comment({ _id: 'c', key: '3|c', decision: 'adopted', decisionReason: '采纳理由', decidedAt: '2026-04-03T00:00:00.000Z' }),
        comment({ _id: 'd', key: '4|d', decision: 'adopted', decisionReason: '另一个理由', decidedAt: '2026-04-04T00:00:00.000Z' }),
      ],
      '总体说明',
      new Date('2026-04-05T00:00:00.000Z'),
    );
    expect(report).toEqual({
      summary: '总体说明',
      publishedAt: '2026-04-05T00:00:00.000Z',
      counts: { total: 4, adopted: 3, partly: 0, notAdopted: 1 },
      decisions: [
        { decision: 'not_adopted', decisionLabel: '不予采纳', reason: '不采纳理由', commentIds: ['b'] },
        { decision: 'adopted', decisionLabel: '采纳', reason: '采纳理由', commentIds: ['a', 'c'] },
        { decision: 'adopted', decisionLabel: '采纳', reason: '另一个理由', commentIds: ['d'] },
      ],
    });
  });
});

test('deadlines as people say them: midnight is 24:00 of the day before', () => {
  expect(dateTimeText('2026-04-01T16:00:00.000Z')).toBe('2026年4月1日 24:00');
  expect(dateTimeText('2026-04-01T15:59:00.000Z')).toBe('2026年4月1日 23:59');
  expect(dateTimeText('2026-03-05T01:00:00.000Z')).toBe('2026年3月5日 09:00');
});
