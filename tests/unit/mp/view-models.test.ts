import { ADMIN_LIMITS } from '../../../cloudfunctions/api/src/actions/admin/schemas';
import { CASE_FORM_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import type { CaseAbilities, CaseView, PublicLetter, QueueFilterCounts } from '../../../typings/api';
import { emptyText, MINE_TABS, tabOf } from '../../../miniprogram/pages/cases/view-model';
import { citizenCaseView, reopens, validateRating, validateSupplement } from '../../../miniprogram/pages/case/view-model';
import { categoryChips, highlightParts, letterCard, letterCosign } from '../../../miniprogram/pages/letters/view-model';
import { departmentOptions, filterChips, filterOf, queueRequest } from '../../../miniprogram/staff/queue/view-model';
import { actionPayload, availableActions, emptyForm, formSpec, staffCaseView, type ActionForm } from '../../../miniprogram/staff/case/view-model';
import {
  chosen,
  inviteRequest,
  removeTemplate,
  staffRow,
  toggle,
  upsertTemplate,
  validateCategory,
  parseKeywords,
  parseLocation,
  contactForm,
  validateInvite,
  validateTemplate,
} from '../../../miniprogram/staff/admin/view-model';

const NOW = Date.parse('2026-11-25T06:00:00Z');

const NONE: CaseAbilities = {
  withdraw: false,
  supplement: false,
  rate: false,
  accept: false,
  reject: false,
  assign: false,
  askInfo: false,
  reply: false,
  approveReply: false,
  note: false,
  requestExtension: false,
  approveExtension: false,
  escalate: false,
  setPublishable: false,
  clearContent: false,
};

function caseView(over: Partial<CaseView> = {}): CaseView {
  return {
    id: 'c1',
    trackingNo: 'MS20261125-0001',
    type: 'complaint',
    typeLabel: '投诉',
    categoryId: 'cat-property',
    categoryName: '物业管理',
    departmentId: 'dept-housing',
    departmentName: '住房和城乡建设局',
    title: '楼道灯坏了',
    content: '三单元楼道灯坏了一个月',
    images: [{ fileID: 'cloud://a', url: 'https://tmp/a.jpg' }, { fileID: 'cloud://b' }],
    status: 'replied',
    statusLabel: '已答复',
    version: 4,
    submittedAt: '2026-11-20T01:00:00Z',
    acceptDueAt: '2026-11-21T01:00:00Z',
    answerDueAt: '2026-12-01T01:00:00Z',
    dueText: '',
    late: false,
    reply: { content: '已安排维修', at: '2026-11-24T02:00:00Z', departmentName: '住房和城乡建设局', fromTemplate: false },
    reopenCount: 0,
    contactName: '张*',
    contactPhone: '138****8000',
    publishConsent: true,
    timeline: [],
    can: NONE,
    ...over,
  };
}

describe('my cases tabs', () => {
  test('four tabs in the order of the brief; anything else falls back to all', () => {
    expect(MINE_TABS.map((t) => `${t.name}:${t.title}`)).toEqual(['all:全部', 'open:办理中', 'replied:待评价', 'done:已办结']);
    expect(tabOf('replied')).toBe('replied');
    expect(tabOf('bogus')).toBe('all');
    expect(emptyText('replied')).toBe('没有等待您评价的答复');
  });
});

describe('case detail for the citizen', () => {
  test('dissatisfied or unsolved reopens', () => {
    expect(reopens(2, true)).toBe(true);
    expect(reopens(3, false)).toBe(true);
    expect(reopens(3, true)).toBe(false);
  });

  test('a rating needs a level and an answer to "solved?"', () => {
    expect(validateRating({ score: 0, solved: '', comment: '' }, CASE_FORM_LIMITS)).toEqual({ score: '请选择您对答复的评价', solved: '请选择问题是否已经解决' });
    expect(validateRating({ score: 4, solved: 'yes', comment: '' }, CASE_FORM_LIMITS)).toEqual({});
    expect(validateRating({ score: 4, solved: 'no', comment: '字'.repeat(501) }, CASE_FORM_LIMITS).comment).toBe('评价说明最多 500 个字');
    expect(validateSupplement('字'.repeat(CASE_FORM_LIMITS.supplementMax + 1), CASE_FORM_LIMITS)).toBe(`补充内容最多 ${CASE_FORM_LIMITS.supplementMax} 个字，已超出 1 个字`);
    expect(validateSupplement(' ', CASE_FORM_LIMITS)).toBe('请填写补充内容');
  });

  test('the view shows the answer, the rating in words, masked contact, and images that have a URL', () => {
    const { view } = citizenCaseView(
      caseView({ status: 'closed', rating: { score: 2, scoreLabel: '不满意', solved: false, comment: '没修好', at: '2026-11-25T02:00:00Z' }, reopenCount: 1 }),
      NOW,
    );
    expect(view.reply).toEqual({ content: '已安排维修', time: '11月24日 10:00', departmentName: '住房和城乡建设局' });
    expect(view.rating).toEqual({ label: '不满意', solved: '未解决', comment: '没修好', time: '11月25日 10:00' });
    expect(view.contact).toBe('张* 138****8000');
    expect(view.images).toEqual(['https://tmp/a.jpg']);
    expect(view.final).toBe(true);
    expect(view.reopened).toBe(true);
  });

  test('the open question shows only while the case waits for it; an approved extension is explained', () => {
    const waiting = citizenCaseView(caseView({ status: 'needs_info', question: '请提供楼号', reply: undefined }), NOW).view;
    expect(waiting.question).toBe('请提供楼号');
    expect(citizenCaseView(caseView({ question: '请提供楼号' }), NOW).view.question).toBe('');
    const extended = caseView({ extension: { status: 'approved', days: 5, reason: '需现场勘查', requestedAt: '2026-11-22T00:00:00Z' } });
    expect(citizenCaseView(extended, NOW).view.extension).toBe('答复期限已延长 5 个工作日：需现场勘查');
    const pending = caseView({ extension: { status: 'pending', days: 5, reason: 'x', requestedAt: '2026-11-22T00:00:00Z' } });
    expect(citizenCaseView(pending, NOW).view.extension).toBe('');
  });
});

describe('public letters', () => {
  test('the keyword is highlighted wherever it occurs, ignoring case', () => {
    expect(highlightParts('物业费和物业服务', '物业')).toEqual([
      { text: '物业', hit: true },
      { text: '费和', hit: false },
      { text: '物业', hit: true },
      { text: '服务', hit: false },
    ]);
    expect(highlightParts('WiFi 覆盖', 'wifi')).toEqual([
      { text: 'WiFi', hit: true },
      { text: ' 覆盖', hit: false },
    ]);
    expect(highlightParts('公交', '')).toEqual([{ text: '公交', hit: false }]);
  });

  test('the server runs win when it sends them', () => {
    const letter: PublicLetter = {
      id: 'l1',
      title: '公交线路调整',
      categoryId: 'c',
      categoryName: '公交线路',
      cosignable: true,
      cosignCount: 0,
      typeLabel: '建议',
      submittedAt: '2026-11-01T00:00:00Z',
      repliedAt: '2026-11-03T00:00:00Z',
      titleParts: [{ text: '公交线路调整', hit: true }],
    };
    expect(letterCard(letter, '公交', NOW)).toEqual({
      id: 'l1',
      title: '公交线路调整',
      parts: [{ text: '公交线路调整', hit: true }],
      category: '公交线路',
      typeLabel: '建议',
      replied: '11月3日',
      cosign: '附议 0',
    });
    expect(letterCard({ ...letter, cosignable: false }, '公交', NOW).cosign).toBe('');
    expect(letterCard({ ...letter, titleParts: undefined }, '调整', NOW).parts).toEqual([
      { text: '公交线路', hit: false },
      { text: '调整', hit: true },
    ]);
    expect(categoryChips([{ id: 'c', name: '公交线路' }])).toEqual([
      { id: '', name: '全部' },
      { id: 'c', name: '公交线路' },
    ]);
  });
});

describe('staff queue filters', () => {
  test('each filter asks the server for its own thing, with the department', () => {
    expect(queueRequest('all', '', null)).toEqual({ limit: 20 });
    expect(queueRequest('submitted', 'd1', 'cur')).toEqual({ limit: 20, status: 'submitted', departmentId: 'd1', cursor: 'cur' });
    expect(queueRequest('overdue', '', null)).toEqual({ limit: 20, overdue: true });
    expect(queueRequest('dueSoon', '', null)).toEqual({ limit: 20, dueWithinHours: 24 });
    expect(queueRequest('awaitingReview', '', null)).toEqual({ limit: 20, awaitingReview: true });
    expect(queueRequest('flagged', '', null)).toEqual({ limit: 20, flagged: true });
    expect(filterOf('nope')).toBe('all');
  });

  test('the 附议 part of a letter: count and promise before the threshold, the response once published', () => {
    const before = letterCosign({ cosignable: true, cosignCount: 12, cosigned: false, cosignThreshold: 100 }, NOW);
    expect(before).toEqual({ cosignable: true, cosigned: false, count: 12, text: '已有 12 人附议，达到 100 人后承办单位将公开回应', response: null });
    const after = letterCosign(
      { cosignable: true, cosignCount: 120, cosigned: true, cosignThreshold: 100, cosignResponse: { content: '将于明年开通', at: '2026-11-03T02:00:00.000Z', departmentName: '市交通委' } },
      NOW,
    );
    expect(after.text).toBe('已有 120 人附议');
    expect(after.response).toMatchObject({ content: '将于明年开通', by: '市交通委' });
  });

  test('chips read their counts; before the first answer they show only the label', () => {
    const counts: QueueFilterCounts = { all: 9, submitted: 3, accepted: 1, processing: 2, needs_info: 0, replied: 3, overdue: 1, dueSoon: 2, awaitingReview: 0, flagged: 1, cosignAwaiting: 2 };
    const filters = (Object.keys(counts) as Array<keyof QueueFilterCounts>).map((key) => ({ key, label: key === 'all' ? '全部' : key === 'submitted' ? '待受理' : key }));
    const chips = filterChips(filters, counts);
    expect(chips.find((c) => c.key === 'submitted')).toEqual({ key: 'submitted', label: '待受理', count: 3, text: '待受理 3' });
    expect(chips.map((c) => c.key)).toHaveLength(11);
    expect(filterChips(filters, null)[0]).toEqual({ key: 'all', label: '全部', count: null, text: '全部' });
    expect(departmentOptions([{ id: 'd', name: '交通运输局' }])[0]).toEqual({ id: '', name: '全部部门' });
  });
});

describe('staff case handling', () => {
  const ctx = { extensionMaxDays: 10, noteMax: 500, reasonMax: 200, replyMax: 5000, publicTitleMax: 50, templates: [{ id: 't1', title: '已转办', text: '您反映的问题已转相关部门办理。' }] };
  const f = (over: Partial<ActionForm>): ActionForm => ({ ...emptyForm(), ...over });

  test('only the actions the server allows are offered, in working order', () => {
    expect(availableActions({ ...NONE, note: true, accept: true, reject: true, withdraw: true })).toEqual([
      { key: 'accept', label: '受理' },
      { key: 'reject', label: '不予受理' },
      { key: 'note', label: '内部备注' },
    ]);
    expect(availableActions(NONE)).toEqual([]);
  });

  test('accept routes to the chosen department; assign requires one', () => {
    expect(actionPayload('accept', f({ departmentId: 'd2', note: ' 转住建 ' }), ctx)).toEqual({ errors: {}, payload: { departmentId: 'd2', note: '转住建' } });
    expect(actionPayload('accept', f({}), ctx).payload).toEqual({});
    expect(actionPayload('assign', f({}), ctx).errors).toEqual({ departmentId: '请选择承办部门' });
  });

  test('reject needs a standard reason, and a written one for "other"', () => {
    expect(actionPayload('reject', f({}), ctx).errors).toEqual({ reason: '请选择不予受理的原因' });
    expect(actionPayload('reject', f({ reason: 'other' }), ctx).errors).toEqual({ note: '请填写具体原因' });
    expect(actionPayload('reject', f({ reason: 'duplicate' }), ctx).payload).toEqual({ reason: 'duplicate' });
  });

  test('reply sends the template id only for a known template; empty replies are refused', () => {
    expect(actionPayload('reply', f({ content: ' ' }), ctx).errors).toEqual({ content: '请填写答复内容' });
    expect(actionPayload('reply', f({ content: '已修好', templateId: 't1' }), ctx).payload).toEqual({ content: '已修好', templateId: 't1' });
    expect(actionPayload('reply', f({ content: '已修好', templateId: 'gone' }), ctx).payload).toEqual({ content: '已修好' });
  });

  test('extension days are bounded; approvals need a decision and a reason to return', () => {
    expect(actionPayload('requestExtension', f({ days: 11, note: '需勘查' }), ctx).errors).toEqual({ days: '延期天数为 1 到 10 个工作日' });
    expect(actionPayload('requestExtension', f({ days: 5, note: '需勘查' }), ctx).payload).toEqual({ days: 5, reason: '需勘查' });
    expect(actionPayload('approveReply', f({}), ctx).errors).toEqual({ approve: '请选择同意或退回' });
    expect(actionPayload('approveReply', f({ approve: 'no' }), ctx).errors).toEqual({ note: '请填写退回理由' });
    expect(actionPayload('approveExtension', f({ approve: 'yes' }), ctx).payload).toEqual({ approve: true });
  });

  test('notes, questions and escalations are required text; publishing carries redactions line by line', () => {
    expect(actionPayload('note', f({}), ctx).errors).toEqual({ note: '请填写备注' });
    expect(actionPayload('askInfo', f({ question: '请提供楼号' }), ctx).payload).toEqual({ question: '请提供楼号' });
    expect(actionPayload('escalate', f({}), ctx).errors).toEqual({ note: '请填写督办意见' });
    expect(actionPayload('setPublishable', f({ publishable: true, redactions: '幸福小区\n\n 3 单元 ', publicTitle: '' }), ctx).payload).toEqual({
      publishable: true,
      redactions: ['幸福小区', '3 单元'],
    });
    expect(actionPayload('setPublishable', f({ publishable: false, redactions: 'x' }), ctx).payload).toEqual({ publishable: false });
    expect(actionPayload('clearContent', f({}), ctx).payload).toEqual({});
  });

  test('a new form proposes the case department, or before routing the category default', () => {
    expect(emptyForm({ departmentId: 'd1', suggestedDepartmentId: 'd2' }).departmentId).toBe('d1');
    expect(emptyForm({ suggestedDepartmentId: 'd2' }).departmentId).toBe('d2');
    expect(emptyForm().departmentId).toBe('');
  });

  test('each form shows its own fields', () => {
    expect(formSpec('accept')).toMatchObject({ department: true, note: '受理说明（选填）' });
    expect(formSpec('reply')).toMatchObject({ content: true, note: '' });
    expect(formSpec('')).toMatchObject({ department: false, submit: '' });
  });

  test('staff see the contact as sent (dialable only when unmasked), flags in words, and the rating', () => {
    const { view } = staffCaseView(
      caseView({ contactName: '张三', contactPhone: '13800138000', flagged: true, escalated: true, late: true, rating: { score: 4, scoreLabel: '满意', solved: true, at: '2026-11-25T00:00:00Z' } }),
      NOW,
    );
    expect(view.canCall).toBe(true);
    expect(view.flags).toEqual(['已超期', '内容待复核（未公开）', '已督办']);
    expect(view.rating).toBe('满意 · 已解决');
    expect(staffCaseView(caseView(), NOW).view.canCall).toBe(false);
  });
});

describe('administration', () => {
  test('an invite needs a role, a department for a handler, and a sane expiry', () => {
    expect(validateInvite({ roles: [], departmentId: '', expiresInDays: 0 }, ADMIN_LIMITS).errors).toEqual({
      roles: '请至少选择一个角色',
      expiresInDays: '有效期为 1 到 30 天',
    });
    expect(validateInvite({ roles: ['handler'], departmentId: '', expiresInDays: 7 }, ADMIN_LIMITS).errors).toEqual({ departmentId: '承办人需要指定所属部门' });
    expect(inviteRequest({ roles: ['dispatcher'], departmentId: '', expiresInDays: 7 })).toEqual({ roles: ['dispatcher'], expiresInDays: 7 });
  });

  test('staff rows never show an OPENID as a name', () => {
    const roles = [{ key: 'handler' as const, label: '承办人' }, { key: 'supervisor' as const, label: '督办' }];
    const row = staffRow({ openid: 'o_demo_handler', roles: ['handler', 'supervisor'], departmentName: '住建局', disabled: false, version: 1 }, roles, NOW);
    expect(row).toMatchObject({ name: '未填写姓名（…andler）', roles: '承办人、督办', department: '住建局' });
  });

  test('category, template and choice helpers', () => {
    expect(validateCategory({ id: '', name: '', departmentId: '', types: [] }, ADMIN_LIMITS)).toEqual({
      name: '请填写类别名称',
      departmentId: '请选择默认承办部门',
      types: '请至少选择一种留言类型',
    });
    // null: deliberately no default department (其他/不确定), not a missing choice.
    expect(validateCategory({ id: '', name: '其他/不确定', departmentId: null, types: ['complaint'] }, ADMIN_LIMITS)).toEqual({});
    expect(validateCategory({ id: '', name: '环境卫生', departmentId: null, types: ['complaint'] }, ADMIN_LIMITS, ['垃圾', '一个实在太长太长的关键词'])).toEqual({
      keywords: '关键词“一个实在太长太长的关键词”太长，每个不超过 10 个字',
    });
    expect(parseKeywords('垃圾，清运 环卫、垃圾;;  ')).toEqual(['垃圾', '清运', '环卫']);
    expect(validateTemplate('', ' ', ADMIN_LIMITS)).toEqual({ title: '请填写模板名称', text: '请填写模板内容' });
    const list = [{ id: 'a', title: 'A', text: 'a' }];
    expect(upsertTemplate(list, { id: 'b', title: 'B', text: 'b' })).toHaveLength(2);
    expect(upsertTemplate(list, { id: 'a', title: 'A2', text: 'a' })).toEqual([{ id: 'a', title: 'A2', text: 'a' }]);
    expect(removeTemplate(list, 'a')).toEqual([]);
    expect(toggle(['x'], 'x')).toEqual([]);
    expect(toggle(['x'], 'y')).toEqual(['x', 'y']);
    expect(chosen(['a', 'b'])).toEqual({ a: true, b: true });
  });
});

test('a department\'s location is typed as "纬度, 经度"; empty clears it; swapped or malformed is explained', () => {
  expect(parseLocation('30.245, 120.21')).toEqual({ latitude: 30.245, longitude: 120.21 });
  expect(parseLocation(' 30.245，120.21 ')).toEqual({ latitude: 30.245, longitude: 120.21 });
  expect(parseLocation('')).toBeNull();
  expect(parseLocation('120.21, 30.245')).toBe('纬度应在 -90 到 90 之间，经度在 -180 到 180 之间（先纬度后经度）');
  expect(parseLocation('市民中心')).toBe('位置请填写“纬度, 经度”，如 30.245, 120.21');
  expect(contactForm({ phone: '12345', location: { latitude: 30.2, longitude: 120.1 } })).toEqual({ phone: '12345', address: '', hours: '', location: '30.2, 120.1' });
});
