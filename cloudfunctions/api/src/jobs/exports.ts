// The export runner (docs/adr/0120-exports-as-batched-jobs.md): the `exports` trigger (every minute) and the `tick`
// give each running job batches of EXPORT_BATCH_ROWS cases until EXPORT_RUN_BUDGET_MS has passed; a batch renders
// its rows (an XLSX part already deflated, ADR 0124), writes them as a part to storage and commits by compare-and-set,
// so a retried or overlapping run never writes a row twice. Once every row is written, a step of its own joins the
// parts into the CSV or XLSX file.
import type { DashboardFigureKey } from '../../../../typings/api';
import { rates, type DailyDoc } from '../domain/case-figures';
import { caseHeader, caseRow, EXPORT_BATCH_ROWS, EXPORT_KEEP_DAYS, STATS_HEADER, type ExportFilter, type ExportNames } from '../domain/exports';
import { compactDay } from '../domain/stats-period';
import { CSV_BOM, csvRow, csvRows, type Cell } from '../lib/csv';
import { XLSX_SHEET_TAIL, xlsxRows, xlsxSheetHead, xlsxWorkbook } from '../lib/xlsx';
import { deflatePiece, EMPTY_SUM } from '../lib/zip';
import { FIGURES, sumScope } from '../actions/stats/figures';
import { caseEnv, typeLabel, type CaseEnv } from '../actions/cases/env';
import {
  casesForExport,
  commitPart,
  type BatchCommit,
  deleteStorage,
  expiredExports,
  filePath,
  markExpired,
  finishExport,
  partPath,
  pendingExports,
  readStorage,
  storageBaseOf,
  writeStorage,
  type ExportJobDoc,
} from '../repositories/exports';
import { loadDays } from '../repositories/stats';
import { db, COLLECTIONS, _ } from '../lib/db';

/** Time a run may spend on exports: well within the function's 20 s timeout (docs/deploy.md), with the tick's other jobs. */
export const EXPORT_RUN_BUDGET_MS = 8000;
/** Failed attempts (storage or database errors) before a job is given up as failed. */
const MAX_ATTEMPTS = 5;
const PART_READ_AHEAD = 8;
/**
 * The assembly starts in a run that has done batches only while this much of its budget is left, so a run is never
 * its budget of batches plus an assembly (ADR 0124); otherwise the next run begins with it.
 */
const ASSEMBLY_RESERVE_MS = EXPORT_RUN_BUDGET_MS / 2;

export interface ExportRunCounts {
  batches: number;
  rows: number;
  finished: number;
  failed: number;
  /** The longest batch of the run, in ms, without the file's assembly (the figure to hold against the timeout). */
  slowestMs: number;
  /** Time spent assembling finished files from their parts, in ms (the longest assembly: `slowestAssembleMs`). */
  assembleMs: number;
  slowestAssembleMs: number;
  /** Files deleted after their keeping time. */
  expired: number;
}

export const noCounts = (): ExportRunCounts => ({ batches: 0, rows: 0, finished: 0, failed: 0, slowestMs: 0, assembleMs: 0, slowestAssembleMs: 0, expired: 0 });

/** Shanghai midnight at the start of `day`, as an instant. */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();

/**
 * The case keys (`<submittedAt>|<id>`) a filter covers: submitted from the first day's start to the last day's end,
 * and not after `until`, the job's creation (what it counted then is what it writes).
 */
export function caseBounds(filter: ExportFilter, until: string): { fromKey: string; untilKey: string } {
  const fromKey = new Date(shanghaiMidnight(filter.from)).toISOString();
  const endOfTo = new Date(shanghaiMidnight(filter.to) + 86_400_000).toISOString();
  return { fromKey, untilKey: endOfTo <= until ? endOfTo : `${until}|\uffff` };
}

function namesOf(env: CaseEnv): ExportNames {
  return {
    category: (id) => env.catalog.categories.get(id)?.name ?? '',
    department: (id) => (id ? env.catalog.departments.get(id)?.name ?? '' : ''),
    type: (key) => typeLabel(env, key),
  };
}

function headerOf(job: ExportJobDoc): string[] {
  return job.kind === 'stats' ? STATS_HEADER : caseHeader(job.reason !== undefined);
}

// ---- statistics ---------------------------------------------------------------------------------------------

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function statsRow(month: string, name: string, days: DailyDoc[], departmentId?: string): Cell[] {
  const f = sumScope(days, departmentId);
  const value = (key: DashboardFigureKey) => {
    const def = FIGURES[key];
    const v = def.value(f);
    return def.unit === 'rate' ? percent(v) : v;
  };
  const avg = rates(f).averageScore;
  return [
    month,
    name,
    value('received'),
    value('acceptOnTime'),
    value('answered'),
    value('answerOnTime'),
    value('medianDays'),
    value('p90Days'),
    value('satisfied'),
    value('solved'),
    value('reopen'),
    value('extensions'),
    value('templateOnly'),
    avg === null ? null : Math.round(avg * 100) / 100,
    f.published ?? 0,
  ];
}

/** A row per month of the period and per scope: the agency (unless one department was asked for), then departments. */
export async function statsRows(filter: ExportFilter, env: CaseEnv): Promise<Cell[][]> {
  const days = await loadDays(compactDay(filter.from), compactDay(filter.to));
  const byMonth = new Map<string, DailyDoc[]>();
  for (const d of days) {
    const month = `${d.day.slice(0, 4)}-${d.day.slice(4, 6)}`;
    byMonth.set(month, [...(byMonth.get(month) ?? []), d]);
  }
  const months: string[] = [];
  for (let m = filter.from.slice(0, 7); m <= filter.to.slice(0, 7); ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const departments = [...env.catalog.departments.values()]
    .filter((d) => (filter.departmentId ? d._id === filter.departmentId : !d.disabled))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const rows: Cell[][] = [];
  for (const month of months) {
    const monthDocs = byMonth.get(month) ?? [];
    if (!filter.departmentId) rows.push(statsRow(month, '全部单位', monthDocs));
    for (const d of departments) rows.push(statsRow(month, d.name, monthDocs, d._id));
  }
  return rows;
}

// ---- batches ------------------------------------------------------------------------------------------------

/**
 * 'continue': a part written, more rows to come; 'assemble': every row is written, the file is the next step;
 * 'finished': the file is written and the job ready; 'lost': another run committed this step first (this run then
 * leaves the job alone).
 */
type Step = 'continue' | 'assemble' | 'finished' | 'lost';

/**
 * Part n's content. An XLSX part is its slice of the sheet XML (part 0 begins with the sheet's head) deflated on its
 * own, continuing the sheet's CRC and length, so the file's assembly only joins bytes (ADR 0124).
 */
function renderPart(job: ExportJobDoc, n: number, rows: Cell[][]): { content: Buffer; sheetCrc?: number; sheetBytes?: number } {
  if (job.format === 'csv') return { content: Buffer.from(csvRows(rows), 'utf8') };
  const xml = (n === 0 ? xlsxSheetHead(headerOf(job)) : '') + xlsxRows(rows);
  const { compressed, sum } = deflatePiece(xml, sheetSoFar(job), false);
  return { content: compressed, sheetCrc: sum.crc, sheetBytes: sum.size };
}

const sheetSoFar = (job: ExportJobDoc) => (job.partsDone === 0 ? EMPTY_SUM : { crc: job.sheetCrc ?? 0, size: job.sheetBytes ?? 0 });

/** One step of a running job: a batch of rows, or, once every row is written, the file's assembly. */
export async function exportBatch(job: ExportJobDoc, env: CaseEnv): Promise<{ step: Step; rows: number; assembleMs?: number }> {
  if (job.assembling) {
    const started = Date.now();
    const finished = await finishFile(job, env.now);
    return { step: finished ? 'finished' : 'lost', rows: 0, assembleMs: Date.now() - started };
  }
  const n = job.partsDone;
  let rows: Cell[][];
  let last: string | undefined;
  let done: boolean;
  if (job.kind === 'stats') {
    rows = n === 0 ? await statsRows(job.filter, env) : [];
    done = true;
  } else {
    const docs = await casesForExport(job.filter, caseBounds(job.filter, job.until), job.cursor, EXPORT_BATCH_ROWS);
    const names = namesOf(env);
    const personal = job.reason !== undefined;
    rows = docs.map((d) => caseRow(d, names, job.until, personal));
    last = docs[docs.length - 1]?.mineKey;
    done = docs.length < EXPORT_BATCH_ROWS;
  }
  const commit: BatchCommit = { rows: rows.length };
  if (done) commit.assembling = true;
  if (rows.length > 0) {
    const { content, ...sheet } = renderPart(job, n, rows);
    const fileID = await writeStorage(partPath(job._id, n), content);
    Object.assign(commit, { cursor: last, storageBase: storageBaseOf(fileID), ...sheet });
  }
  if (!(await commitPart(job, n, commit))) return { step: 'lost', rows: 0 };
  if (rows.length > 0) {
    job.partsDone = n + 1;
    job.rowsDone += rows.length;
    job.storageBase = commit.storageBase;
    if (last !== undefined) job.cursor = last;
    if (commit.sheetCrc !== undefined) Object.assign(job, { sheetCrc: commit.sheetCrc, sheetBytes: commit.sheetBytes });
  }
  if (!done) return { step: 'continue', rows: rows.length };
  job.assembling = true;
  return { step: 'assemble', rows: rows.length };
}

async function* partsOf(job: ExportJobDoc): AsyncGenerator<Buffer> {
  const ids = Array.from({ length: job.partsDone }, (_unused, i) => `${job.storageBase}/${partPath(job._id, i)}`);
  const pending: Array<Promise<Buffer>> = [];
  for (let i = 0; i < ids.length; i++) {
    while (pending.length < PART_READ_AHEAD && i + pending.length < ids.length) pending.push(readStorage(ids[i + pending.length]!));
    yield await pending.shift()!;
  }
}

/** The file from its parts: joined as they are after the CSV's BOM and header, or the XLSX sheet's tail. */
async function fileOf(job: ExportJobDoc): Promise<Buffer> {
  const chunks: Buffer[] = job.format === 'csv' ? [Buffer.from(CSV_BOM + csvRow(headerOf(job)), 'utf8')] : [];
  for await (const part of partsOf(job)) chunks.push(part);
  if (job.format === 'csv') return Buffer.concat(chunks);
  // A sheet without rows has no part 0 to carry its head.
  const { compressed, sum } = deflatePiece((job.partsDone === 0 ? xlsxSheetHead(headerOf(job)) : '') + XLSX_SHEET_TAIL, sheetSoFar(job), true);
  return xlsxWorkbook(job.kind === 'stats' ? '统计数据' : '诉求明细', sum, [...chunks, compressed]);
}

async function finishFile(job: ExportJobDoc, now: string): Promise<boolean> {
  const content = await fileOf(job);
  const fileID = await writeStorage(filePath(job), content);
  const deleteAt = new Date(Date.parse(now) + EXPORT_KEEP_DAYS * 86_400_000).toISOString();
  const finished = await finishExport(job._id, job.partsDone, { status: 'ready', fileID, bytes: content.length, rowsTotal: job.rowsDone, finishedAt: now, expireKey: `${deleteAt}|${job._id}` });
  if (finished && job.storageBase) {
    const parts = Array.from({ length: job.partsDone }, (_unused, i) => `${job.storageBase}/${partPath(job._id, i)}`);
    // The parts are only a means: a failed delete leaves litter, never a wrong file.
    await deleteStorage(parts).catch((error: unknown) => console.warn('[exports] could not delete the parts of', job._id, error));
  }
  return finished;
}

/**
 * Whether the file is assembled in this run: a file of one part is as small as a batch and is assembled at once (so
 * export.create's small exports are ready in its answer); a larger one when half the run's budget is left.
 */
const assembleNow = (job: ExportJobDoc, deadline: number) => job.partsDone <= 1 || Date.now() + ASSEMBLY_RESERVE_MS < deadline;

/** Works on one job until it ends, another run takes it, or the deadline passes. */
export async function advanceExport(job: ExportJobDoc, env: CaseEnv, deadline: number, counts: ExportRunCounts): Promise<void> {
  for (;;) {
    let result: Awaited<ReturnType<typeof exportBatch>>;
    const started = Date.now();
    try {
      result = await exportBatch(job, env);
    } catch (error) {
      console.error('[exports] batch failed', job._id, error);
      await noteFailure(job, env.now, error);
      if ((job.attempts ?? 0) >= MAX_ATTEMPTS) counts.failed++;
      return;
    }
    if (result.assembleMs === undefined) {
      counts.batches++;
      counts.rows += result.rows;
      counts.slowestMs = Math.max(counts.slowestMs, Date.now() - started);
    } else {
      counts.assembleMs += result.assembleMs;
      counts.slowestAssembleMs = Math.max(counts.slowestAssembleMs, result.assembleMs);
    }
    if (result.step === 'finished') counts.finished++;
    if (result.step === 'finished' || result.step === 'lost') return;
    if (result.step === 'continue' ? Date.now() >= deadline : !assembleNow(job, deadline)) return;
  }
}

async function noteFailure(job: ExportJobDoc, now: string, error: unknown): Promise<void> {
  job.attempts = (job.attempts ?? 0) + 1;
  if (job.attempts >= MAX_ATTEMPTS) {
    await finishExport(job._id, job.partsDone, { status: 'failed', finishedAt: now, error: '生成文件时多次出错，请重新导出。' });
    return;
  }
  console.warn('[exports] will retry', job._id, (error as Error)?.message);
  await db.collection(COLLECTIONS.exportJobs).where({ _id: job._id, status: 'running' }).update({ data: { attempts: _.inc(1) } });
}

/** Deletes the files whose keeping time is over, then marks their jobs expired. */
async function deleteExpiredFiles(now: string): Promise<number> {
  let done = 0;
  for (const job of await expiredExports(now, 20)) {
    try {
      if (job.fileID) await deleteStorage([job.fileID]);
      if (await markExpired(job)) done++;
    } catch (error) {
      // Left for the next run: the key is unchanged.
      console.error('[exports] could not delete an expired file', job._id, error);
    }
  }
  return done;
}

/** The timer's job: the running exports, oldest first, within the run's budget. */
export async function runExportJobs(now: Date, budgetMs = EXPORT_RUN_BUDGET_MS): Promise<ExportRunCounts> {
  const deadline = Date.now() + budgetMs;
  const counts = noCounts();
  counts.expired = await deleteExpiredFiles(now.toISOString());
  const jobs = await pendingExports(20);
  if (jobs.length === 0) return counts;
  const env = await caseEnv(now);
  for (const job of jobs) {
    if (Date.now() >= deadline) break;
    if (job.assembling && !assembleNow(job, deadline)) continue;
    await advanceExport(job, env, deadline, counts);
  }
  return counts;
}
