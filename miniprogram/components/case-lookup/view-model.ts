// 进度查询 as plain data: the form's checks (as the server's) and the answer as shown. No wx here.
import type { LookupResult } from '../../../typings/api';
import { formatFullDate } from '../../utils/time';

export interface LookupForm {
  trackingNo: string;
  phoneLast4: string;
}

/** Field -> message; empty when the form may be sent. */
export function checkLookup(form: LookupForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const no = form.trackingNo.trim().toUpperCase();
  if (!no) errors.trackingNo = '请填写受理编号';
  else if (!/^MS\d{8}-\d{4,6}$/.test(no)) errors.trackingNo = '受理编号格式不正确，应如 MS20261125-0001';
  if (!/^\d{4}$/.test(form.phoneLast4.trim())) errors.phoneLast4 = '请填写提交时所留手机号的后四位数字';
  return errors;
}

export interface LookupView {
  trackingNo: string;
  statusLabel: string;
  status: string;
  rows: Array<{ label: string; value: string }>;
  dueText: string;
}

export function lookupView(r: LookupResult): LookupView {
  const rows = [
    { label: '提交日期', value: formatFullDate(r.submittedAt) },
    { label: '承诺受理', value: `${formatFullDate(r.acceptDueAt)}前` },
  ];
  if (r.answerDueAt) rows.push({ label: '承诺答复', value: `${formatFullDate(r.answerDueAt)}前` });
  rows.push({ label: '承办单位', value: r.departmentName ?? '尚未分派' });
  return { trackingNo: r.trackingNo, status: r.status, statusLabel: r.statusLabel, rows, dueText: r.dueText };
}
