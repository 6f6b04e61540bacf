import { checkLookup, lookupView } from '../../../miniprogram/components/case-lookup/view-model';

describe('进度查询 form and answer', () => {
  test('the form is checked as the server checks it', () => {
    expect(checkLookup({ trackingNo: ' ms20261125-0001 ', phoneLast4: '5678' })).toEqual({});
    expect(checkLookup({ trackingNo: '', phoneLast4: '' })).toEqual({ trackingNo: '请填写受理编号', phoneLast4: '请填写提交时所留手机号的后四位数字' });
    expect(checkLookup({ trackingNo: '20261125', phoneLast4: '56789' })).toEqual({
      trackingNo: '受理编号格式不正确，应如 MS20261125-0001',
      phoneLast4: '请填写提交时所留手机号的后四位数字',
    });
  });

  test('the answer as rows: submitted, promised dates, department', () => {
    const base = { trackingNo: 'MS20261125-0001', status: 'processing' as const, statusLabel: '办理中', submittedAt: '2026-11-25T02:00:00.000Z', acceptDueAt: '2026-11-26T15:59:59.999Z', dueText: '承诺 12月10日 前答复' };
    const v = lookupView({ ...base, answerDueAt: '2026-12-10T15:59:59.999Z', departmentName: '住房和城乡建设局' });
    expect(v.rows.map((r) => r.label)).toEqual(['提交日期', '承诺受理', '承诺答复', '承办单位']);
    expect(v.rows[3]!.value).toBe('住房和城乡建设局');
    expect(lookupView(base).rows.map((r) => r.label)).toEqual(['提交日期', '承诺受理', '承办单位']);
    expect(lookupView(base).rows[2]!.value).toBe('尚未分派');
  });
});
