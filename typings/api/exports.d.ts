// Open data and export (issue 11.2): admins and supervisors export cases and monthly statistics as CSV or XLSX files
// in cloud storage; large exports are jobs the timer works through in batches (docs/adr/0120-exports-as-batched-jobs.md).
import type { Page, PageRequest } from '../api';
import type { CaseStatus, Instant } from '../domain';

export type ExportKind = 'cases' | 'stats';
export type ExportFormat = 'csv' | 'xlsx';
/** The periods the export page offers, ending today (the page turns one into from/to in Beijing time). */
export type ExportPeriod = 'thisMonth' | 'lastMonth' | 'last3' | 'last12';
/** `expired`: the file was deleted after its keeping time (docs/adr/0121). */
export type ExportStatus = 'running' | 'ready' | 'failed' | 'expired';

export interface ExportCreateRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Shanghai days, inclusive: cases submitted in the period; statistics of the months it touches. */
  from: string;
  to: string;
  departmentId?: string;
  /** Cases only. */
  status?: CaseStatus;
  /**
   * Why personal data (contact name, phone, OPENID, title and content) is needed; only admins may give one, and it is
   * recorded in the audit trail. Without it those columns are absent from the file.
   */
  reason?: string;
  /** The page's id for this request: a retried create answers the same job instead of starting a second one. */
  clientRequestId: string;
}

export interface ExportJobView {
  id: string;
  kind: ExportKind;
  /** "诉求明细", "统计数据" */
  kindLabel: string;
  format: ExportFormat;
  status: ExportStatus;
  /** "生成中", "可下载", "生成失败", "已过期" */
  statusLabel: string;
  /** The filters in words: "2026-11-01 至 2026-11-30 · 住房和城乡建设局 · 全部状态". */
  filterText: string;
  /** Whether the file carries personal data (a reason was given). */
  personal: boolean;
  reason?: string;
  rowsDone: number;
  rowsTotal: number;
  /** "3000 / 100000 行"; once every row is written, "100000 / 100000 行，正在合成文件" until the file is ready. */
  progressText: string;
  /** 0..100, for the progress bar. */
  percent: number;
  createdAt: Instant;
  finishedAt?: Instant;
  fileName?: string;
  /** When a ready file is deleted: "2026-12-14 10:00 前可下载". */
  keepText?: string;
  /** "1.2 MB" */
  sizeText?: string;
  /** Why it failed, for the admin. */
  error?: string;
}

export interface ExportDownloadResponse {
  /** A temporary URL for wx.downloadFile. */
  url: string;
  fileName: string;
  format: ExportFormat;
  /** Whether wx.openDocument can show it on the phone (XLSX); a CSV is for a computer (copy the link). */
  openable: boolean;
}

export interface ExportActions {
  'export.create': { req: ExportCreateRequest; res: ExportJobView };
  'export.list': { req: PageRequest; res: Page<ExportJobView> };
  'export.get': { req: { id: string }; res: ExportJobView };
  'export.download': { req: { id: string }; res: ExportDownloadResponse };
}
