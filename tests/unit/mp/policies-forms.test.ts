import type { DraftComment } from '../../../typings/api';
import { LIMITS as POLICY_LIMITS } from '../../../cloudfunctions/api/src/actions/policies/schemas';
import { DRAFT_WINDOW_LIMITS } from '../../../cloudfunctions/api/src/domain/policies/drafts';
import { charCount, checkComment, commentTargetText, counterText } from '../../../miniprogram/utils/comment-form';
import {
  attachmentCloudPath,
  checkReason,
  emptyPolicyForm,
  formFromPolicy,
  insertAfter,
  moveItem,
  previewPolicy,
  removeItem,
  replaceItem,
  toPolicyInput,
  validatePolicyForm,
  type PolicyForm,
} from '../../../miniprogram/staff/policy-edit/form';
import {
  checkWindow,
  emptyDraftForm,
  formFromDraft,
  toDraftInput,
  validateDraftForm,
  weekdaysAfter,
  windowLengthText,
} from '../../../miniprogram/staff/draft-edit/form';

/** formLimits.policy as meta.get serves it. */
const LIMITS = { ...POLICY_LIMITS, ...DRAFT_WINDOW_LIMITS };
import { checkDecision, checkPublish, reportProgress, selectedIds } from '../../../miniprogram/staff/draft-report/decisions';

describe('comment form', () => {
  test('empty, too short and too long comments are refused with a reason', () => {
    expect(checkComment('   ', LIMITS)).toMatchObject({ ok: false, message: '请先写下您的意见。' });
    expect(checkComment('太短', LIMITS)).toMatchObject({ ok: false, message: '意见至少 5 个字，请写得具体一些。' });
    expect(checkComment('长'.repeat(1001), LIMITS).message).toBe('意见不能超过 1000 个字，现在是 1001 个字。');
    expect(checkComment('  建议延长末班车时间  ', LIMITS)).toEqual({ ok: true, content: '建议延长末班车时间', message: '' });
  });
  test('the counter counts characters as people do', () => {
    expect(charCount('👍好')).toBe(2);
    expect(counterText(' 你好 ', LIMITS)).toBe('2/1000');
  });
  test('the popup names its target paragraph and quotes its start', () => {
    expect(commentTargetText(null, ['a'])).toEqual({ title: '对全文发表意见', quote: '' });
    const t = commentTargetText(1, ['一', '二'.repeat(50)]);
    expect(t.title).toBe('对第 2 段发表意见');
    expect(t.quote).toBe(`${'二'.repeat(40)}…`);
  });
});

describe('policy editor list operations', () => {
  test('move up and down swap neighbours; moves off the ends change nothing', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
  test('insert, remove and replace leave the original list untouched', () => {
    const list = ['a', 'b'];
    expect(insertAfter(list, 0, 'x')).toEqual(['a', 'x', 'b']);
    expect(insertAfter(list, -1, 'x')).toEqual(['x', 'a', 'b']);
    expect(insertAfter(list, 9, 'x')).toEqual(['a', 'b', 'x']);
    expect(removeItem(list, 0)).toEqual(['b']);
    expect(replaceItem(list, 1, 'y')).toEqual(['a', 'y']);
    expect(list).toEqual(['a', 'b']);
  });
});

function filled(over: Partial<PolicyForm> = {}): PolicyForm {
  return {
    ...emptyPolicyForm(),
    title: ' 物业服务收费管理办法 ',
    issuer: '市发展和改革委员会',
    categoryId: 'cat-property',
    paragraphs: ['第一条 为规范……', '  ', '第二条 本办法……'],
    ...over,
  };
}

describe('policy editor validation and payload', () => {
  test('a new form is refused with a message per missing field', () => {
    const errors = validatePolicyForm(emptyPolicyForm(), LIMITS);
    expect(errors).toEqual({ title: '请填写政策标题', issuer: '请填写发布机关', categoryId: '请选择政策类别', paragraphs: '正文至少需要一段' });
  });
  test('dates must be real and in order', () => {
    expect(validatePolicyForm(filled({ issuedAt: '2026-02-30' }), LIMITS).issuedAt).toBe('日期格式应为 2026-01-31');
    expect(validatePolicyForm(filled({ issuedAt: '2026-03-01', effectiveFrom: '2026-02-01' }), LIMITS).effectiveFrom).toBe('施行日期不能早于成文日期');
    expect(validatePolicyForm(filled({ effectiveFrom: '2026-03-01', expiresAt: '2026-03-01' }), LIMITS).expiresAt).toBe('失效日期应晚于施行日期');
    expect(validatePolicyForm(filled({ issuedAt: '2026-01-10', effectiveFrom: '2026-02-01', expiresAt: '2031-01-31' }), LIMITS)).toEqual({});
  });
  test('a half-filled FAQ row is pointed at by its index', () => {
    const errors = validatePolicyForm(filled({ faq: [{ q: '问', a: '答' }, { q: '只有问题', a: ' ' }] }), LIMITS);
    expect(errors).toEqual({ 'explanation.faq.1': '请填写这个问题的回答' });
  });
  test('the payload is trimmed, drops blank paragraphs and empty explanation parts', () => {
    const input = toPolicyInput(filled({ keyPoints: ['要点一', ' '], faq: [{ q: '', a: '' }], docNo: ' ' }));
    expect(input).toEqual({
      title: '物业服务收费管理办法',
      issuer: '市发展和改革委员会',
      categoryId: 'cat-property',
      paragraphs: ['第一条 为规范……', '第二条 本办法……'],
      explanation: { keyPoints: ['要点一'] },
      attachments: [],
    });
  });
  test('a saved policy round-trips through the form', () => {
    const policy = previewPolicy(filled({ background: '背景', faq: [{ q: '问', a: '答' }], docNo: '文号1' }), [
      { id: 'cat-property', name: '物业管理', departmentId: 'd', types: [] },
    ]);
    expect(policy.categoryName).toBe('物业管理');
    expect(policy.status).toBe('draft');
    const again = toPolicyInput(formFromPolicy(policy));
    expect(again.explanation).toEqual({ background: '背景', faq: [{ q: '问', a: '答' }] });
    expect(again.docNo).toBe('文号1');
  });
  test('attachments go to policies/<random>.<ext>', () => {
    expect(attachmentCloudPath('收费标准.PDF', 'a1b2-c3')).toBe('policies/a1b2c3.pdf');
    expect(attachmentCloudPath('无扩展名', 'x')).toBe('policies/x.bin');
  });
  test('unpublishing needs a reason', () => {
    expect(checkReason(' ', LIMITS)).toBe('请填写原因，公众会看到它');
    expect(checkReason('已被新办法替代', LIMITS)).toBe('');
  });
});

describe('draft window rule', () => {
  test('at least 30 days, the opening day not counted (as the server counts)', () => {
    expect(checkWindow('2026-12-01', '2026-12-31', false, LIMITS)).toBe('');
    expect(checkWindow('2026-12-01', '2026-12-30', false, LIMITS)).toBe(
      '意见征集期不得少于 30 日（开始当日不计入），现在只有 29 日，截止日期最早为 2026-12-31',
    );
    expect(checkWindow('2026-12-10', '2026-12-10', false, LIMITS)).toBe('截止日期应晚于开始日期');
    expect(checkWindow('', '2026-12-01', false, LIMITS)).toBe('请选择开始日期');
    expect(checkWindow('2026-12-01', '2026-13-01', false, LIMITS)).toBe('请选择截止日期');
  });
  test('a normative document needs 7 working days after the opening day; weekends do not count', () => {
    // Opening Friday 27 Nov 2026: Mon 30 Nov .. Tue 8 Dec are the 7 weekdays after it.
    expect(weekdaysAfter('2026-11-27', '2026-12-08')).toBe(7);
    expect(checkWindow('2026-11-27', '2026-12-08', true, LIMITS)).toBe('');
    expect(checkWindow('2026-11-27', '2026-12-07', true, LIMITS)).toBe('规范性文件的意见征集期不得少于 7 个工作日（开始当日不计入），现在只有 6 个工作日');
    expect(checkWindow('2026-11-27', '2026-12-08', false, LIMITS)).not.toBe('');
    // A normative document may of course also run 30 days or more.
    expect(checkWindow('2026-11-27', '2027-01-10', true, LIMITS)).toBe('');
  });
  test('the window length is described in words', () => {
    expect(windowLengthText('2026-11-27', '2026-12-08')).toBe('开始当日不计入，共 11 天，其中工作日约 7 天');
    expect(windowLengthText('2026-12-08', '2026-11-30')).toBe('');
  });
  test('a new draft defaults to a valid window opening today', () => {
    const form = { ...emptyDraftForm('2026-11-25', LIMITS), title: '条例', paragraphs: ['第一条'] };
    expect(form.closesOn).toBe('2026-12-25');
    expect(checkWindow(form.opensOn, form.closesOn, false, LIMITS)).toBe('');
    expect(validateDraftForm(form, { today: '2026-11-25', limits: LIMITS })).toEqual({});
  });
  test('validation names the field; an open draft may keep a start in the past', () => {
    const form = { ...emptyDraftForm('2026-11-20', LIMITS), title: '条例', paragraphs: ['第一条'] };
    expect(validateDraftForm(form, { today: '2026-11-25', limits: LIMITS })).toEqual({ opensOn: '开始日期不能早于今天' });
    expect(validateDraftForm(form, { today: '2026-11-25', status: 'open', limits: LIMITS })).toEqual({});
    expect(validateDraftForm({ ...form, closesOn: '2026-12-01' }, { today: '2026-11-25', status: 'open', limits: LIMITS }).closesOn).toContain('不得少于 30 日');
    expect(validateDraftForm({ ...emptyDraftForm('2026-11-25', LIMITS) }, { today: '2026-11-25', limits: LIMITS })).toEqual({
      title: '请填写草案标题',
      paragraphs: '草案正文至少需要一段',
    });
    expect(validateDraftForm({ ...form, keyPoints: ['要'.repeat(501)] }, { today: '2026-11-25', status: 'open', limits: LIMITS })).toEqual({
      'explanation.keyPoints.0': '每条要点不能超过 500 个字',
    });
  });
  test('the payload runs from 00:00 of the first day to the end of the last, Shanghai time, and reads back', () => {
    const form = { ...emptyDraftForm('2026-11-25', LIMITS), title: ' 条例 ', paragraphs: ['第一条', ''], normative: true };
    const input = toDraftInput(form);
    expect(input).toMatchObject({
      title: '条例',
      paragraphs: ['第一条'],
      opensAt: '2026-11-24T16:00:00.000Z',
      closesAt: '2026-12-25T15:59:59.999Z',
      normative: true,
    });
    const back = formFromDraft({
      ...input,
      id: 'd',
      status: 'scheduled',
      statusLabel: '',
      normative: true,
      version: 1,
      windowText: '',
      comments: [],
      commentCounts: {},
    });
    expect(back.opensOn).toBe('2026-11-25');
    expect(back.closesOn).toBe('2026-12-25');
    // A window another client closed at midnight reads as ending the day before.
    expect(formFromDraft({ ...back, ...input, closesAt: '2026-12-25T16:00:00.000Z', id: 'd', status: 'open', statusLabel: '', version: 1, windowText: '', comments: [], commentCounts: {} }).closesOn).toBe(
      '2026-12-25',
    );
  });
});

describe('adoption report', () => {
  const c = (id: string, over: Partial<DraftComment> = {}): DraftComment => ({
    id,
    content: '意见',
    status: 'approved',
    statusLabel: '',
    mine: false,
    at: '2026-11-26T02:00:00Z',
    ...over,
  });
  test('progress counts public comments, decided ones and ones still in moderation', () => {
    const p = reportProgress([c('a', { decision: 'adopted' }), c('b'), c('h', { status: 'hidden' }), c('p', { status: 'pending' })]);
    expect(p).toMatchObject({ approved: 2, decided: 1, undecided: 1, pending: 1 });
    expect(p.text).toBe('公开意见 2 条，已处理 1 条，还有 1 条未处理，1 条待审核');
    expect(checkPublish(p, '说明', LIMITS)).toBe('还有 1 条意见待审核，请先在审核页处理');
    const done = reportProgress([c('a', { decision: 'adopted' })]);
    expect(checkPublish(done, ' ', LIMITS)).toBe('请填写采纳情况说明');
    expect(checkPublish(done, '共收到 1 条意见', LIMITS)).toBe('');
  });
  test('a decision needs a selection, a result and a reason', () => {
    expect(checkDecision([], 'adopted', '理由', LIMITS)).toBe('请先勾选要处理的意见');
    expect(checkDecision(['a'], '', '理由', LIMITS)).toContain('请选择处理结果');
    expect(checkDecision(['a'], 'partly', ' ', LIMITS)).toBe('请填写理由，提意见的市民会看到它');
    expect(checkDecision(['a', 'b'], 'not_adopted', '与上位法冲突', LIMITS)).toBe('');
  });
  test('selected ids keep the list order', () => {
    expect(selectedIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { c: true, a: true, b: false })).toEqual(['a', 'c']);
  });
});
