// The export page's form and rows as plain data: the choices become export.create's payload, a job becomes the row
// its card shows (labels, progress and file size are the server's). No wx here.
import type { ExportFormat, ExportJobView, ExportKind, ExportPeriod, LabelOption, RequestOf } from '../../../typings/api';
import type { CaseStatus } from '../../../typings/domain';
import { addDays, calendarDateOf, formatFullDateTime } from '../../utils/time';

/** A period the server offers (meta.get's vocabulary.exportPeriods); anything else is this month. */
export function periodOf(value: unknown, periods: ReadonlyArray<LabelOption<ExportPeriod>>): ExportPeriod {
  return periods.find((p) => p.key === value)?.key ?? 'thisMonth';
}

/** The first and last day (Beijing time) of a period ending today. */
export function periodRange(key: ExportPeriod, now: number = Date.now()): { from: string; to: string } {
  const today = calendarDateOf(new Date(now).toISOString());
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (key) {
    case 'thisMonth':
      return { from: firstOfMonth, to: today };
    case 'lastMonth': {
      const lastDay = addDays(firstOfMonth, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case 'last3':
      return { from: addDays(today, -91), to: today };
    case 'last12':
      return { from: addDays(today, -365), to: today };
  }
}

export interface ExportForm {
  kind: ExportKind;
  format: ExportFormat;
  period: ExportPeriod;
  /** '' for every department. */
  departmentId: string;
  /** '' for every status (cases only). */
  status: CaseStatus | '';
  /** Personal data asked for (admins, cases only): then the reason goes along. */
  personal: boolean;
  reason: string;
}

export function exportRequest(form: ExportForm, clientRequestId: string, now: number = Date.now()): RequestOf<'export.create'> {
  const req: RequestOf<'export.create'> = { kind: form.kind, format: form.format, ...periodRange(form.period, now), clientRequestId };
  if (form.departmentId) req.departmentId = form.departmentId;
  if (form.kind === 'cases' && form.status) req.status = form.status;
  if (form.kind === 'cases' && form.personal) req.reason = form.reason;
  return req;
}

export interface ExportRow {
  id: string;
  title: string;
  filterText: string;
  statusLabel: string;
  running: boolean;
  ready: boolean;
  failed: boolean;
  percent: number;
  barStyle: string;
  progressText: string;
  createdText: string;
  fileText: string;
  personal: boolean;
  reason: string;
  error: string;
  ariaLabel: string;
}

export function exportRow(j: ExportJobView): ExportRow {
  const title = `${j.kindLabel} · ${j.format.toUpperCase()}`;
  const fileText = j.fileName ? `${j.fileName}${j.sizeText ? `（${j.sizeText}）` : ''}${j.keepText ? `，${j.keepText}` : ''}` : '';
  return {
    id: j.id,
    title,
    filterText: j.filterText,
    statusLabel: j.statusLabel,
    running: j.status === 'running',
    ready: j.status === 'ready',
    failed: j.status === 'failed',
    percent: j.percent,
    barStyle: `width: ${j.percent}%`,
    progressText: j.progressText,
    createdText: formatFullDateTime(j.createdAt),
    fileText,
    personal: j.personal,
    reason: j.reason ?? '',
    error: j.error ?? '',
    ariaLabel: `${title}，${j.filterText}，${j.statusLabel}，${j.progressText}${j.personal ? '，含个人信息' : ''}`,
  };
}
