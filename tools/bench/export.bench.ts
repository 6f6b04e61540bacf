// An export of 100k cases (issue 11.2), CSV and XLSX: export.create counts the rows and writes the first batch, then
// the `exports` timer trigger is fired until the job is ready, as the platform would fire it every minute. Printed per
// timer run: batches, rows, the progress the admin sees (export.get), the run's time, its slowest batch and its
// assembly; then the total and the file. Goals: the worst single invocation (export.create or a timer run) within half
// the function's 20 s timeout, every batch and the file's assembly (a step of its own, ADR 0124) far within it.
// `npm run bench -- export --sizes 10k` for a quick look; the default is 100k.
// The cases are export-data.ts's (the cases bench's generator's, spread over one export period), kept in the bench
// cache; each export runs on a copy of them, since an export writes its job and its parts.
import { performance } from 'perf_hooks';
import { main } from '../../cloudfunctions/api/src';
import { EXPORT_BATCH_ROWS } from '../../cloudfunctions/api/src/domain/exports';
import { EXPORT_RUN_BUDGET_MS, type ExportRunCounts } from '../../cloudfunctions/api/src/jobs/exports';
import type { ApiResponse, ExportFormat, ExportJobView } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { NOW } from './case-generator';
import { sizeLabel, workingCopy, type CachedDatabase, type WorkingCopy } from './data-cache';
import { ADMIN, exportCases } from './export-data';
import { benchSizes, type BenchCheck, type BenchResult } from './index';

const SIZES = benchSizes([100_000]);
const DAY = 86_400_000;
/** The function's timeout (docs/deploy.md). */
const TIMEOUT_MS = 20_000;
/** A batch should leave the run most of its budget. */
const BATCH_GOAL_MS = 2_000;
/** The worst single invocation must leave half the timeout spare (a slower machine, a busier database). */
const INVOCATION_GOAL_MS = TIMEOUT_MS / 2;
/** The file's assembly only joins parts already deflated: a step like a batch (it grows with the export's bytes). */
const ASSEMBLE_GOAL_MS = 2 * BATCH_GOAL_MS;

/** The local cloud on a fresh copy of the cached cases, strict, clock at NOW. */
function open(cases: CachedDatabase<unknown>): WorkingCopy {
  const copy = workingCopy(cases);
  localCloud.configure({ filename: copy.filename, storageDir: copy.storageDir, strict: { threshold: 0 } });
  localCloud.clock.set(NOW, { frozen: true });
  return copy;
}

async function call<T>(action: string, payload: unknown): Promise<T> {
  const res = (await localCloud.invoke(main, { action, payload }, { OPENID: ADMIN })) as ApiResponse<T>;
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
  return res.data;
}

async function exportOnce(total: number, format: ExportFormat): Promise<{ rows: Array<Record<string, string | number>>; checks: BenchCheck[]; note: string }> {
  const size = sizeLabel(total);
  const rows: Array<Record<string, string | number>> = [];
  const from = new Date(Date.parse(NOW) - 365 * DAY).toISOString().slice(0, 10);
  const to = NOW.slice(0, 10);
  const t0 = performance.now();
  let job = await call<ExportJobView>('export.create', { kind: 'cases', format, from, to, clientRequestId: `bench-${format}-${total}` });
  const createMs = performance.now() - t0;
  rows.push({ size, format, step: 'export.create (count + first batch)', batches: 1, rows: job.rowsDone, progress: job.progressText, 'ms': Math.round(createMs), 'slowest batch ms': Math.round(createMs) });
  let runs = 0;
  let slowestRun = 0;
  let slowestBatch = createMs;
  let slowestAssemble = 0;
  while (job.status === 'running' && runs < 1000) {
    runs++;
    const r0 = performance.now();
    const run = (await localCloud.fireTimer(main, 'exports')) as { jobs: { exports: ExportRunCounts } };
    const ms = performance.now() - r0;
    const c = run.jobs.exports;
    slowestRun = Math.max(slowestRun, ms);
    slowestBatch = Math.max(slowestBatch, c.slowestMs);
    slowestAssemble = Math.max(slowestAssemble, c.slowestAssembleMs);
    job = await call<ExportJobView>('export.get', { id: job.id });
    rows.push({ size, format, step: `timer run ${runs}${c.finished ? ' (assembles the file)' : ''}`, batches: c.batches, rows: c.rows, progress: `${job.progressText} (${job.percent}%)`, ms: Math.round(ms), 'slowest batch ms': c.slowestMs, 'assemble ms': c.finished ? c.assembleMs : '' });
  }
  const totalMs = performance.now() - t0;
  rows.push({ size, format, step: 'total', batches: Math.ceil(total / EXPORT_BATCH_ROWS), rows: job.rowsDone, progress: `${job.statusLabel} ${job.sizeText ?? ''}`, ms: Math.round(totalMs), 'slowest batch ms': Math.round(slowestBatch) });
  const worst = Math.max(createMs, slowestRun);
  const checks: BenchCheck[] = [
    { figure: `${size} ${format}: rows written`, value: String(job.rowsDone), goal: `${total} (each case once)`, pass: job.status === 'ready' && job.rowsDone === total },
    { figure: `${size} ${format}: worst single invocation (export.create or a timer run)`, value: `${Math.round(worst)} ms`, goal: `< ${INVOCATION_GOAL_MS} ms (half the ${TIMEOUT_MS} ms timeout)`, pass: worst < INVOCATION_GOAL_MS },
    { figure: `${size} ${format}: slowest batch`, value: `${Math.round(slowestBatch)} ms`, goal: `< ${BATCH_GOAL_MS} ms`, pass: slowestBatch < BATCH_GOAL_MS },
    { figure: `${size} ${format}: assembling the file from its parts (a step of its own)`, value: `${slowestAssemble} ms`, goal: `< ${ASSEMBLE_GOAL_MS} ms`, pass: job.status === 'ready' && slowestAssemble < ASSEMBLE_GOAL_MS },
  ];
  return { rows, checks, note: `${size} ${format}: ${runs} timer runs after export.create, ${(totalMs / 1000).toFixed(1)} s in all, file ${job.sizeText}` };
}

export default async function bench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  const checks: BenchCheck[] = [];
  const notes: string[] = [];
  for (const total of SIZES) {
    const cases = await exportCases(total);
    for (const format of ['csv', 'xlsx'] as const) {
      const copy = open(cases);
      const r = await exportOnce(total, format);
      localCloud.close();
      copy.remove();
      rows.push(...r.rows);
      checks.push(...r.checks);
      notes.push(r.note);
    }
  }
  notes.push(
    `a batch is ${EXPORT_BATCH_ROWS} cases (one indexed page: read, render, write a part to storage, commit by compare-and-set); a timer run takes batches until ${EXPORT_RUN_BUDGET_MS} ms have passed, then stops after the batch in hand (docs/adr/0120-exports-as-batched-jobs.md). An XLSX batch deflates its part of the sheet where it is made; once every row is written, the file's assembly is a step of its own that joins the parts, begun in a run only while half its budget is left (docs/adr/0124-xlsx-deflated-per-batch.md). In WeChat the trigger fires once a minute.`,
  );
  return { title: 'export of cases in batches by the timer (local cloud, strict mode, in-process through main)', rows, notes, checks };
}
