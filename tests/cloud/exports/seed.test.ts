// The demo data of `npm start` has one finished export: the admin's XLSX of this month's cases, every case of the
// month once, without personal data.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';
import { PERSONAL_HEADERS } from '../../../cloudfunctions/api/src/domain/exports';
import { fileOf, sheetRows } from './helpers';

jest.setTimeout(60_000);

test('the admin has one ready export of this month, a workbook of its cases', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'exports'].includes(s.name)));
  const admin = demoIdentity('admin').openid;
  const { items } = await ok(admin, 'export.list', {});
  expect(items).toEqual([expect.objectContaining({ status: 'ready', format: 'xlsx', kind: 'cases', personal: false, filterText: '2026-11-01 至 2026-11-25 · 全部单位 · 全部状态' })]);
  const [header, ...rows] = sheetRows(await fileOf(items[0]!.id));
  expect(rows.length).toBe(items[0]!.rowsTotal);
  expect(rows.length).toBeGreaterThan(5);
  for (const h of PERSONAL_HEADERS) expect(header).not.toContain(h);
  expect(await ok(demoIdentity('supervisor').openid, 'export.list', {})).toEqual({ items: [], nextCursor: null });
});
