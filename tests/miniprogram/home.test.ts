import { connectLocalCloud, mountPage, waitFor } from '../helpers/mp';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { tapElement } from '../helpers/ui';
import { localCloud } from '../../tools/local-cloud';

// The first test compiles the WXML with wcc, which takes longer than jest's 5 s on a busy machine.
jest.setTimeout(30_000);

beforeEach(() => connectLocalCloud('o_citizen_a'));
afterAll(() => localCloud.close());

test('the home page shows each type with its promised answer time and each department, from the local cloud', async () => {
  await seedCatalog();
  const page = mountPage('pages/index/index');
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  const text = page.dom!.textContent!;
  expect(text).toContain('咨询');
  expect(text).toContain('3 个工作日内答复');
  expect(text).toContain('13 个工作日内答复');
  expect(text).toContain('住房和城乡建设局');
  expect(text).toContain('物业管理');
  // Vant's WXS ran: its BEM classes are on the rendered grid and cells.
  expect(page.dom!.innerHTML).toContain('van-grid-item');
  expect(page.dom!.innerHTML).toContain('van-cell__title');
});

test('a failure shows a Chinese message and a retry that recovers', async () => {
  localCloud.configure({ filename: ':memory:', strict: { threshold: 0 }, database: { collections: {} } });
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const page = mountPage('pages/index/index');
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toContain('系统繁忙');
  expect(page.dom!.querySelector('[data-testid="error"]')).not.toBeNull();
  spy.mockRestore();

  connectLocalCloud('o_citizen_a');
  await seedCatalog();
  (page.instance as unknown as { onRetry(): void }).onRetry();
  await waitFor(page, (d) => d.loading === false && d.error === '');
  expect(page.dom!.textContent).toContain('交通运输局');
});

test("the agency's hotline is the admin's setting, shown under the departments and dialled on a tap", async () => {
  await seedCatalog();
  await seedStaff('o_admin_hotline', ['admin']);
  const base = await ok('o_admin_hotline', 'admin.settings.get', {});
  await ok('o_admin_hotline', 'admin.settings.update', { version: base.version, hotline: '010-96123' });
  const calls: string[] = [];
  jest.spyOn(wx, 'makePhoneCall').mockImplementation((o: { phoneNumber: string }) => {
    calls.push(o.phoneNumber);
    return Promise.resolve({ errMsg: 'makePhoneCall:ok' }) as never;
  });
  const page = mountPage('pages/index/index');
  await waitFor(page, (d) => d.loading === false);
  const row = page.dom!.querySelector('[data-testid="hotline"]')!;
  expect(row.textContent).toContain('010-96123');
  await tapElement(page, row);
  expect(calls).toEqual(['010-96123']);
});
