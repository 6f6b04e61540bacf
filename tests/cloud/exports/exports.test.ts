// Issue 11.2 through the real function: who may export, what a file holds with and without a recorded reason, CSV and
// XLSX as spreadsheets read them, statistics equal to the dashboard's, and a large export written by the timer in
// batches with progress, never writing a row twice when runs are retried or overlap.
import type { ExportCreateRequest } from '../../../typings/api';
import type { CaseDoc } from '../../../cloudfunctions/api/src/domain/case-doc';
import { main } from '../../../cloudfunctions/api/src';
import { caseEnv } from '../../../cloudfunctions/api/src/actions/cases/env';
import { exportBatch } from '../../../cloudfunctions/api/src/jobs/exports';
import { EXPORT_BATCH_ROWS, PERSONAL_HEADERS } from '../../../cloudfunctions/api/src/domain/exports';
import { Generator } from '../../../tools/bench/case-generator';
import { localCloud } from '../../../tools/local-cloud';
import { callAs, ok } from '../../helpers/cloud';
import { ADMIN, at, CITIZEN, count, DISPATCHER, HANDLER, setUpAgency, submit, SUPERVISOR } from '../cases/helpers';
import { fileOf, jobDoc, parseCsv, sheetRows } from './helpers';

jest.setTimeout(60_000);

let serial = 0;
function request(over: Partial<ExportCreateRequest> = {}): ExportCreateRequest {
  serial++;
  return { kind: 'cases', format: 'csv', from: '2026-11-01', to: '2026-11-30', clientRequestId: `export-test-${serial}`, ...over };
}

const REASON = '信访复查需要联系来信人，依据局长批示第 12 号';

async function csvOf(id: string): Promise<string[][]> {
  const bytes = await fileOf(id);
  // The byte-order mark Excel needs to read UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.toString('utf8').slice(1));
}

describe('case exports', () => {
  beforeEach(async () => {
    await setUpAgency();
    const first = await submit({ contactName: '张三', contactPhone: '13812345678', content: '幸福小区 3 栋电梯坏了两个星期，物业推说在等配件，老人上下楼困难。' });
    await ok(DISPATCHER, 'case.accept', { id: first.id, version: first.version, departmentId: 'dept-housing' });
    at('2026-11-25T02:05:00.000Z');
    await submit({ contactName: '张三', contactPhone: '13812345678', title: '夜间施工噪声扰民', content: '=HYPERLINK("x") 工地每晚十一点后还在打桩，孩子无法入睡。' });
    at('2026-11-25T02:10:00.000Z');
    await submit({ type: 'inquiry', title: '公租房申请条件咨询', content: '请问外地户籍能否申请公租房，需要哪些材料？' });
  });

  test('without a reason the file has no personal data, and the export is in the audit trail', async () => {
    const job = await ok(ADMIN, 'export.create', request());
    expect(job).toMatchObject({ status: 'ready', statusLabel: '可下载', rowsDone: 3, rowsTotal: 3, percent: 100, personal: false, progressText: '3 / 3 行' });
    expect(job.filterText).toBe('2026-11-01 至 2026-11-30 · 全部单位 · 全部状态');
    const [header, ...rows] = await csvOf(job.id);
    expect(header).toEqual(expect.arrayContaining(['编号', '状态', '承办单位', '提交时间']));
    for (const h of PERSONAL_HEADERS) expect(header).not.toContain(h);
    expect(rows).toHaveLength(3);
    const text = (await fileOf(job.id)).toString('utf8');
    for (const secret of ['张三', '13812345678', CITIZEN, '幸福小区', '打桩']) expect(text).not.toContain(secret);
    expect(rows.map((r) => r[header!.indexOf('状态')])).toEqual(['办理中', '待受理', '待受理']);
    expect(rows[0]![header!.indexOf('承办单位')]).toBe('住房和城乡建设局');

    const audit = await ok(ADMIN, 'admin.audit.list', { subject: 'export' });
    expect(audit.items).toEqual([expect.objectContaining({ subjectId: job.id, kind: 'created', subjectLabel: '数据导出', actor: expect.objectContaining({ openid: ADMIN }) })]);
  });

  test('with a reason an admin gets the personal columns; the reason and each download are recorded', async () => {
    const job = await ok(ADMIN, 'export.create', request({ reason: REASON }));
    expect(job).toMatchObject({ status: 'ready', personal: true, reason: REASON });
    const [header, ...rows] = await csvOf(job.id);
    expect(header).toEqual(expect.arrayContaining(PERSONAL_HEADERS));
    const col = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(col('联系人')).toEqual(['张三', '张三', '张三']);
    expect(col('联系电话')).toEqual(['13812345678', '13812345678', '13812345678']);
    expect(col('OPENID')).toEqual([CITIZEN, CITIZEN, CITIZEN]);
    // A citizen's text that a spreadsheet would run as a formula is kept as text.
    expect(col('内容')[1]).toBe(`'=HYPERLINK("x") 工地每晚十一点后还在打桩，孩子无法入睡。`);
    expect((await csvOf(job.id))[0]).toEqual(header);

    const download = await ok(ADMIN, 'export.download', { id: job.id });
    expect(download).toMatchObject({ format: 'csv', openable: false, fileName: job.fileName });
    expect(download.url).toContain(`exports/${job.id}/`);
    const audit = await ok(ADMIN, 'admin.audit.list', { subject: 'export' });
    expect(audit.items.map((e) => e.kind)).toEqual(['downloaded', 'exported']);
    expect(audit.items[1]!.note).toContain(REASON);
  });

  test('a supervisor exports without personal data; asking for it is refused and writes nothing', async () => {
    const refused = await callAs(SUPERVISOR, 'export.create', request({ reason: REASON }));
    expect(refused).toEqual({ ok: false, error: { code: 'PERMISSION_DENIED', message: '只有系统管理员可以导出含个人信息的数据。' } });
    expect(count('export_jobs')).toBe(0);
    expect(count('audit_events')).toBe(0);
    const job = await ok(SUPERVISOR, 'export.create', request());
    expect(job.personal).toBe(false);
    // Each sees their own exports only.
    expect((await ok(SUPERVISOR, 'export.list', {})).items.map((j) => j.id)).toEqual([job.id]);
    expect((await ok(ADMIN, 'export.list', {})).items).toEqual([]);
    expect(await callAs(ADMIN, 'export.get', { id: job.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const who of [HANDLER, DISPATCHER, CITIZEN]) expect(await callAs(who, 'export.create', request())).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  test('a finished file is deleted after its keeping time, and can no longer be downloaded', async () => {
    const job = await ok(ADMIN, 'export.create', request({ reason: REASON }));
    expect(job.keepText).toBe('2026-12-02 10:10 前可下载');
    const fileID = (await jobDoc(job.id)).fileID!;
    at('2026-12-02T02:09:00.000Z');
    expect(await localCloud.fireTimer(main, 'exports')).toMatchObject({ jobs: { exports: { expired: 0 } } });
    expect(localCloud.storage.read(fileID)).not.toBeNull();
    at('2026-12-02T02:10:00.000Z');
    expect(await localCloud.fireTimer(main, 'exports')).toMatchObject({ jobs: { exports: { expired: 1 } } });
    expect(localCloud.storage.read(fileID)).toBeNull();
    expect(await ok(ADMIN, 'export.get', { id: job.id })).toMatchObject({ status: 'expired', statusLabel: '已过期' });
    expect(await callAs(ADMIN, 'export.download', { id: job.id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await localCloud.fireTimer(main, 'exports')).toMatchObject({ jobs: { exports: { expired: 0 } } });
  });

  test('filters by department and status; a retried create answers the same job', async () => {
    const housing = await ok(ADMIN, 'export.create', request({ departmentId: 'dept-housing' }));
    expect(housing).toMatchObject({ rowsTotal: 1, filterText: '2026-11-01 至 2026-11-30 · 住房和城乡建设局 · 全部状态' });
    const submitted = request({ status: 'submitted' });
    const first = await ok(ADMIN, 'export.create', submitted);
    expect(first.rowsTotal).toBe(2);
    expect(await ok(ADMIN, 'export.create', submitted)).toEqual(first);
    expect(count('export_jobs')).toBe(2);
    const outside = await ok(ADMIN, 'export.create', request({ from: '2026-10-01', to: '2026-10-31' }));
    expect(outside).toMatchObject({ status: 'ready', rowsTotal: 0 });
    expect(await csvOf(outside.id)).toHaveLength(1);
  });

  test('bad input gets a Chinese message on the field and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ to: '2026-10-01' }, 'to', '结束日期不能早于开始日期'],
      [{ from: '2025-01-01', to: '2026-11-30' }, 'to', '导出期间不能超过 366 天'],
      [{ kind: 'stats', status: 'submitted' }, 'status', '统计数据不按办理状态筛选'],
      [{ kind: 'stats', reason: REASON }, 'reason', '统计数据不含个人信息，无需填写理由'],
      [{ reason: '查' }, 'reason', '导出个人信息的理由至少 5 个字'],
      [{ format: 'pdf' }, 'format', '文件格式不在可选范围内'],
      [{ from: '2026-02-30' }, 'from', '开始日期不是有效的日期'],
      [{ departmentId: 'dept-nowhere' }, 'departmentId', '承办单位不存在'],
    ];
    for (const [over, field, message] of cases) {
      const res = await callAs(ADMIN, 'export.create', { ...request(), ...over } as ExportCreateRequest);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { [field]: message } } });
    }
    expect(count('export_jobs')).toBe(0);
    expect(await callAs(ADMIN, 'export.download', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '导出任务不存在或您无权查看。' } });
  });

  test('XLSX: a workbook with a bold header row and the same rows as the CSV', async () => {
    const xlsx = await ok(ADMIN, 'export.create', request({ format: 'xlsx', reason: REASON }));
    const csv = await ok(ADMIN, 'export.create', request({ reason: REASON }));
    const sheet = sheetRows(await fileOf(xlsx.id));
    const table = await csvOf(csv.id);
    // CSV guards formulas with an apostrophe; the sheet's inline strings are never formulas.
    expect(sheet).toEqual(table.map((r) => r.map((v) => v.replace(/^'(?==)/, ''))));
    expect(xlsx.fileName).toMatch(/^诉求明细-20261101-20261130-[0-9a-f]{6}\.xlsx$/);
    expect(await ok(ADMIN, 'export.download', { id: xlsx.id })).toMatchObject({ format: 'xlsx', openable: true });
  });

  test('XLSX without a row: a workbook with the header row alone', async () => {
    const job = await ok(ADMIN, 'export.create', request({ format: 'xlsx', from: '2026-10-01', to: '2026-10-31' }));
    expect(job).toMatchObject({ status: 'ready', rowsDone: 0, rowsTotal: 0 });
    const sheet = sheetRows(await fileOf(job.id));
    expect(sheet).toHaveLength(1);
    expect(sheet[0]!.slice(0, 3)).toEqual(['编号', '类型', '分类']);
  });
});

describe('statistics exports', () => {
  test('a row per month and scope, equal to the dashboard for the same period', async () => {
    await setUpAgency();
    const a = await submit();
    await ok(DISPATCHER, 'case.accept', { id: a.id, version: a.version, departmentId: 'dept-housing' });
    await submit();
    at('2026-12-02T02:00:00.000Z');
    await submit({ type: 'inquiry', categoryId: 'cat-bus' });
    const job = await ok(SUPERVISOR, 'export.create', { kind: 'stats', format: 'csv', from: '2026-11-01', to: '2026-12-31', clientRequestId: 'stats-export-1' });
    expect(job).toMatchObject({ status: 'ready', kindLabel: '统计数据', filterText: '2026-11-01 至 2026-12-31 · 全部单位' });
    const [header, ...rows] = await csvOf(job.id);
    const meta = await ok(SUPERVISOR, 'meta.get', {});
    expect(rows).toHaveLength(2 * (1 + meta.departments.length));
    for (const [month, from, to] of [['2026-11', '2026-11-01', '2026-11-30'], ['2026-12', '2026-12-01', '2026-12-31']] as const) {
      const dash = await ok(SUPERVISOR, 'stats.dashboard', { period: 'custom', from, to });
      const received = (name: string) => rows.find((r) => r[0] === month && r[1] === name)![header!.indexOf('收件量')];
      expect(received('全部单位')).toBe(String(dash.scope.figures.find((f) => f.key === 'received')!.value));
      for (const d of dash.departments) expect(received(d.name)).toBe(String(d.figures.find((f) => f.key === 'received')!.value));
    }
    expect(rows.find((r) => r[0] === '2026-11' && r[1] === '全部单位')![header!.indexOf('收件量')]).toBe('2');
  });
});

describe('a large export runs in batches', () => {
  const TOTAL = 6000;
  let inPeriod: CaseDoc[];
  // The generator is seeded: every test gets the same cases, generated once (about a second of CPU each time).
  let generated: CaseDoc[] | null = null;

  beforeEach(async () => {
    await setUpAgency();
    generated ??= new Generator(TOTAL).chunk(0, TOTAL).docs;
    localCloud.db.bulkInsert('cases', generated as unknown as Record<string, unknown>[]);
    const from = '2025-11-25T16:00:00.000Z';
    const now = localCloud.clock.now().toISOString();
    inPeriod = generated.filter((d) => d.submittedAt >= from && d.submittedAt <= now).sort((x, y) => (x.mineKey < y.mineKey ? -1 : 1));
    expect(inPeriod.length).toBeGreaterThan(2 * EXPORT_BATCH_ROWS);
  });

  const big = (over: Partial<ExportCreateRequest> = {}) => request({ from: '2025-11-26', to: '2026-11-25', ...over });

  test('the first batch at once, the rest by the timer, with progress; every case once, in order', async () => {
    const job = await ok(ADMIN, 'export.create', big());
    expect(job).toMatchObject({ status: 'running', statusLabel: '生成中', rowsDone: EXPORT_BATCH_ROWS, rowsTotal: inPeriod.length });
    expect(job.percent).toBe(Math.floor((EXPORT_BATCH_ROWS / inPeriod.length) * 100));
    await expect(callAs(ADMIN, 'export.download', { id: job.id })).resolves.toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });

    const run = (await localCloud.fireTimer(main, 'exports')) as { jobs: { exports: Record<string, number> } };
    expect(run.jobs.exports).toMatchObject({ rows: inPeriod.length - EXPORT_BATCH_ROWS, finished: 1, batches: Math.ceil((inPeriod.length - EXPORT_BATCH_ROWS + 1) / EXPORT_BATCH_ROWS) });
    const done = await ok(ADMIN, 'export.get', { id: job.id });
    expect(done).toMatchObject({ status: 'ready', rowsDone: inPeriod.length, percent: 100 });
    const [header, ...rows] = await csvOf(job.id);
    expect(rows.map((r) => r[header!.indexOf('编号')])).toEqual(inPeriod.map((d) => d.trackingNo));
    // The parts are gone once the file is written.
    expect(localCloud.storage.read(`exports/${job.id}/part-00000`)).toBeNull();
  });

  test('XLSX: each batch deflates its part; the file is a step of its own that only joins them, shown as such', async () => {
    const job = await ok(ADMIN, 'export.create', big({ format: 'xlsx' }));
    const step = async (doc: Awaited<ReturnType<typeof jobDoc>>) => localCloud.invoke(async () => exportBatch(doc, await caseEnv(localCloud.clock.now())), {});
    // Part 0 is raw deflate (no XML text in storage), continuing into the next parts.
    const part0 = localCloud.storage.read(`exports/${job.id}/part-00000`)!;
    expect(part0.includes(Buffer.from('<row>'))).toBe(false);
    let result = await step(await jobDoc(job.id));
    while (result.step === 'continue') result = await step(await jobDoc(job.id));
    expect(result).toMatchObject({ step: 'assemble' });
    const assembling = await ok(ADMIN, 'export.get', { id: job.id });
    expect(assembling).toMatchObject({ status: 'running', rowsDone: inPeriod.length, progressText: `${inPeriod.length} / ${inPeriod.length} 行，正在合成文件`, percent: 99 });
    // The timer's next run begins with the assembly.
    const run = (await localCloud.fireTimer(main, 'exports')) as { jobs: { exports: Record<string, number> } };
    expect(run.jobs.exports).toMatchObject({ batches: 0, rows: 0, finished: 1 });
    const [header, ...rows] = sheetRows(await fileOf(job.id));
    expect(header![0]).toBe('编号');
    expect(rows.map((r) => r[0])).toEqual(inPeriod.map((d) => d.trackingNo));
    expect(await ok(ADMIN, 'export.get', { id: job.id })).toMatchObject({ status: 'ready', progressText: `${inPeriod.length} / ${inPeriod.length} 行`, percent: 100 });
  });

  test('overlapping and retried runs never write a row twice', async () => {
    const job = await ok(ADMIN, 'export.create', big());
    const stale = await jobDoc(job.id);
    // Two timer runs at once, then a run that read the job before them and retries its batch.
    await Promise.all([localCloud.fireTimer(main, 'exports'), localCloud.fireTimer(main, 'exports')]);
    const retried = await localCloud.invoke(async () => exportBatch(stale, await caseEnv(localCloud.clock.now())), {});
    expect(retried).toEqual({ step: 'lost', rows: 0 });
    const done = await jobDoc(job.id);
    expect(done).toMatchObject({ status: 'ready', rowsDone: inPeriod.length, partsDone: Math.ceil(inPeriod.length / EXPORT_BATCH_ROWS) });
    const [, ...rows] = await csvOf(job.id);
    expect(rows).toHaveLength(inPeriod.length);
    expect(new Set(rows.map((r) => r[0])).size).toBe(inPeriod.length);
    // Another timer run finds nothing to do.
    expect(await localCloud.fireTimer(main, 'exports')).toMatchObject({ jobs: { exports: { batches: 0, rows: 0 } } });
  });
});
