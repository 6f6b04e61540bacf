// 数据导出 (staff/exports) against the real `api` function: an admin makes an export and sees it ready with its rows;
// personal data needs a reason (the server's message under the field); a large export shows its progress and turns
// ready after the timer, as the page asks again; a supervisor is not offered personal data.
import { localCloud } from '../../tools/local-cloud';
import { main } from '../../cloudfunctions/api/src';
import { Generator } from '../../tools/bench/case-generator';
import type { CaseDoc } from '../../cloudfunctions/api/src/domain/case-doc';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, openPage, useIdentity, waitFor } from '../helpers/mp';
import { allByTestId, byTestId, press, tap, textOf, typeInto } from '../helpers/ui';
import { submission } from '../cloud/cases/helpers';
import { jobDoc } from '../cloud/exports/helpers';
import { exportBatch } from '../../cloudfunctions/api/src/jobs/exports';
import { caseEnv } from '../../cloudfunctions/api/src/actions/cases/env';

const ADMIN = 'o_export_page_admin';
const SUPERVISOR = 'o_export_page_supervisor';
const CITIZEN = 'o_export_page_citizen';
const PAGE = 'staff/exports/index';

jest.setTimeout(30_000);

beforeEach(async () => {
  connectLocalCloud(ADMIN);
  await seedCatalog();
  await seedStaff(ADMIN, ['admin']);
  await seedStaff(SUPERVISOR, ['supervisor']);
});
afterAll(() => localCloud.close());

type Page = Awaited<ReturnType<typeof openPage>>;
const texts = (page: Page, id: string) => allByTestId(page, id).map((el) => (el.textContent ?? '').trim());

test('an admin exports this month; personal data needs a reason, which the list then shows', async () => {
  await ok(CITIZEN, 'case.submit', submission());
  await ok(CITIZEN, 'case.submit', submission({ title: '夜间施工噪声扰民' }));
  const page = await openPage(PAGE);
  expect(byTestId(page, 'empty')).not.toBeNull();
  // The chips are the server's vocabulary (meta.get), in its order.
  expect(textOf(page, 'status-submitted')).toBe('待受理');
  expect([textOf(page, 'kind-stats'), textOf(page, 'period-last3'), textOf(page, 'format-csv')]).toEqual(['统计数据', '近 3 个月', 'CSV']);
  expect(allByTestId(page, 'format-xlsx').length + allByTestId(page, 'format-csv').length).toBe(2);

  await press(page, 'create');
  await waitFor(page, (d) => (d.items as unknown[]).length === 1 && d.creating === false);
  expect(texts(page, 'export-status')).toEqual(['可下载']);
  expect(texts(page, 'export-progress')[0]).toMatch(/^2 \/ 2 行 · /);
  expect(texts(page, 'export-file')[0]).toMatch(/^诉求明细-\d{8}-\d{8}-[0-9a-f]{6}\.xlsx（\d+(\.\d)? KB），\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前可下载$/);

  await tap(page, 'personal');
  await typeInto(page, 'reason', 'reason', '查');
  await press(page, 'create');
  await waitFor(page, (d) => d.creating === false);
  expect(textOf(page, 'reason-error')).toBe('导出个人信息的理由至少 5 个字');
  expect(page.data.items).toHaveLength(1);

  await typeInto(page, 'reason', 'reason', '信访复查需要联系来信人');
  await press(page, 'create');
  await waitFor(page, (d) => (d.items as unknown[]).length === 2 && d.creating === false);
  expect(textOf(page, 'export-personal')).toBe('含个人信息 · 理由：信访复查需要联系来信人');
});

test('a large export shows its progress, and turns ready once the timer has written it', async () => {
  const now = Date.now();
  const docs = new Generator(1500).chunk(0, 1500).docs.map((d: CaseDoc, i) => {
    const submittedAt = new Date(now - (i + 1) * 60_000).toISOString();
    return { ...d, submittedAt, mineKey: `${submittedAt}|${d._id}` };
  });
  localCloud.db.bulkInsert('cases', docs as unknown as Record<string, unknown>[]);
  const page = await openPage(PAGE);
  await tap(page, 'period-last3');
  await press(page, 'create');
  await waitFor(page, (d) => (d.items as unknown[]).length === 1 && d.creating === false);
  expect(texts(page, 'export-status')).toEqual(['生成中']);
  expect(texts(page, 'export-progress')[0]).toMatch(/^1000 \/ 1500 行 · /);
  expect(page.data.items).toEqual([expect.objectContaining({ percent: 66, barStyle: 'width: 66%' })]);

  // The last batch writes the remaining rows; the file is a step of its own after it (ADR 0124), shown as such.
  const job = await jobDoc((page.data.items as Array<{ id: string }>)[0]!.id);
  await localCloud.invoke(async () => exportBatch(job, await caseEnv(localCloud.clock.now())), {});
  await waitFor(page, (d) => (d.items as Array<{ progressText: string }>)[0]!.progressText.includes('正在合成文件'), 8000);
  expect(texts(page, 'export-progress')[0]).toMatch(/^1500 \/ 1500 行，正在合成文件 · /);
  expect(texts(page, 'export-status')).toEqual(['生成中']);

  await localCloud.fireTimer(main, 'exports');
  await waitFor(page, (d) => (d.items as Array<{ ready: boolean }>)[0]!.ready, 8000);
  expect(texts(page, 'export-status')).toEqual(['可下载']);
  expect(texts(page, 'export-progress')[0]).toMatch(/^1500 \/ 1500 行 · /);
  expect(byTestId(page, 'export-download')).not.toBeNull();
});

test('a supervisor is not offered personal data', async () => {
  useIdentity(SUPERVISOR);
  const page = await openPage(PAGE);
  expect(byTestId(page, 'kind-stats')).not.toBeNull();
  expect(byTestId(page, 'personal')).toBeNull();
});
