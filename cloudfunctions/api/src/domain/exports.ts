// What an export file holds, column by column, and how a job is described to the admin. Pure: the job runner
// (jobs/exports.ts) renders rows with these, the actions describe jobs with these.
// Personal data (contact name, phone, OPENID, title, content, reply) is only in a file whose job carries a reason
// (docs/adr/0121-personal-data-in-exports.md).
import type { ExportFormat, ExportJobView, ExportKind, ExportPeriod, ExportStatus } from '../../../../typings/api';
import type { CaseStatus } from '../../../../typings/domain';
import { shanghaiDateTime } from './calendar';
import type { CaseDoc } from './case-doc';
import { STATUS_LABELS, TYPE_LABELS } from './case-labels';
import { isLate } from './deadlines';
import type { Cell } from '../lib/csv';

export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { cases: '诉求明细', stats: '统计数据' };
/** The page offers them in this order: XLSX first, the phone opens it (wx.openDocument); a CSV is for a computer. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel（XLSX）', csv: 'CSV' };
/** Periods ending today; the page turns the key into days, the server checks the period is at most EXPORT_MAX_DAYS. */
export const EXPORT_PERIOD_LABELS: Record<ExportPeriod, string> = { thisMonth: '本月', lastMonth: '上月', last3: '近 3 个月', last12: '近 12 个月' };
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = { running: '生成中', ready: '可下载', failed: '生成失败', expired: '已过期' };

/** Days a finished file is kept in storage; then the timer deletes it (personal data does not linger). */
export const EXPORT_KEEP_DAYS = 7;

/** Rows per batch: one indexed page of cases (the server SDK reads at most 1000 documents a query). */
export const EXPORT_BATCH_ROWS = 1000;
/** Longest period an export may cover, as the dashboard's. */
export const EXPORT_MAX_DAYS = 366;

export interface ExportFilter {
  /** Shanghai days, inclusive. */
  from: string;
  to: string;
  departmentId?: string;
  status?: CaseStatus;
}

/** Names the case rows need, resolved once per batch. */
export interface ExportNames {
  category: (id: string) => string;
  department: (id: string | undefined) => string;
  type: (key: CaseDoc['type']) => string;
}

interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

const time = (t: string | undefined) => (t ? shanghaiDateTime(t) : '');

function caseColumns(names: ExportNames, now: string): Array<Column<CaseDoc>> {
  return [
    { header: '编号', value: (c) => c.trackingNo },
    { header: '类型', value: (c) => names.type(c.type) },
    { header: '分类', value: (c) => names.category(c.categoryId) },
    { header: '承办单位', value: (c) => names.department(c.departmentId) },
    { header: '状态', value: (c) => STATUS_LABELS[c.status] },
    { header: '提交时间', value: (c) => time(c.submittedAt) },
    { header: '受理时间', value: (c) => time(c.acceptedAt) },
    { header: '答复期限', value: (c) => time(c.answerDueAt) },
    { header: '答复时间', value: (c) => time(c.reply?.at) },
    { header: '办结时间', value: (c) => time(c.endedAt) },
    { header: '是否超期', value: (c) => isLate(c, now) },
    { header: '延期天数', value: (c) => (c.extension?.status === 'approved' ? c.extension.days : null) },
    { header: '重办次数', value: (c) => c.reopenCount },
    { header: '评价（1-5 分）', value: (c) => c.rating?.score ?? null },
    { header: '是否解决', value: (c) => (c.rating ? c.rating.solved : null) },
    { header: '是否公开', value: (c) => c.publishable },
    { header: '公开标题', value: (c) => (c.publishable ? c.publicTitle ?? '' : '') },
  ];
}

/** Only with a recorded reason: who wrote, how to reach them, and what they wrote. */
const PERSONAL_COLUMNS: Array<Column<CaseDoc>> = [
  { header: '标题', value: (c) => c.title },
  { header: '内容', value: (c) => c.content },
  { header: '答复内容', value: (c) => c.reply?.content ?? '' },
  { header: '联系人', value: (c) => c.contactName ?? '' },
  { header: '联系电话', value: (c) => c.contactPhone ?? '' },
  { header: 'OPENID', value: (c) => c.openid },
];

export const PERSONAL_HEADERS = PERSONAL_COLUMNS.map((c) => c.header);

function columnsOf(names: ExportNames, now: string, personal: boolean): Array<Column<CaseDoc>> {
  return personal ? [...caseColumns(names, now), ...PERSONAL_COLUMNS] : caseColumns(names, now);
}

export function caseHeader(personal: boolean): string[] {
  const stub: ExportNames = { category: () => '', department: () => '', type: (k) => TYPE_LABELS[k] };
  return columnsOf(stub, '', personal).map((c) => c.header);
}

export function caseRow(doc: CaseDoc, names: ExportNames, now: string, personal: boolean): Cell[] {
  return columnsOf(names, now, personal).map((c) => c.value(doc));
}

/** The stats file: a row per month and scope (the agency, then each department), the dashboard's figures as numbers. */
export const STATS_HEADER = [
  '月份',
  '单位',
  '收件量',
  '按时受理率（%）',
  '答复量',
  '按时办结率（%）',
  '办理用时中位数（工作日）',
  '办理用时 P90（工作日）',
  '满意率（%）',
  '解决率（%）',
  '重办率（%）',
  '延期次数',
  '模板答复率（%）',
  '平均评分',
  '公开信件数',
];

export function fileNameOf(kind: ExportKind, format: ExportFormat, filter: ExportFilter, id: string): string {
  const compact = (d: string) => d.replace(/-/g, '');
  return `${EXPORT_KIND_LABELS[kind]}-${compact(filter.from)}-${compact(filter.to)}-${id.slice(0, 6)}.${format}`;
}

export function filterText(kind: ExportKind, filter: ExportFilter, departmentName: string | undefined): string {
  const parts = [`${filter.from} 至 ${filter.to}`, departmentName ?? '全部单位'];
  if (kind === 'cases') parts.push(filter.status ? STATUS_LABELS[filter.status] : '全部状态');
  return parts.join(' · ');
}

/** Rows written, then the file's assembly (a step of its own once every row is written), then ready. */
export function progressOf(rowsDone: number, rowsTotal: number, status: ExportStatus, assembling = false): Pick<ExportJobView, 'progressText' | 'percent'> {
  const percent = status === 'ready' ? 100 : rowsTotal > 0 ? Math.min(99, Math.floor((rowsDone / rowsTotal) * 100)) : 0;
  const rows = `${rowsDone} / ${rowsTotal} 行`;
  return { progressText: status === 'running' && assembling ? `${rows}，正在合成文件` : rows, percent };
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
