// 操作记录 (staff/audit) against the real `api` function: an admin's change appears newest first with its actor and
// time, the subject chips (the server's list), the period and the actor narrow it, and anyone but an admin is told no.
import { localCloud } from '../../tools/local-cloud';
import { formatFullDateTime } from '../../miniprogram/utils/time';
import { ok, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, openPage, useIdentity, waitFor } from '../helpers/mp';
import { allByTestId, byTestId, tap, textOf, typeInto } from '../helpers/ui';

const ADMIN = 'o_audit_page_admin';
const DISPATCHER = 'o_audit_page_dispatcher';
const PAGE = 'staff/audit/index';
const DAY_MS = 24 * 60 * 60 * 1000;

type Page = ReturnType<typeof mountPage>;

jest.setTimeout(30_000);

beforeEach(async () => {
  connectLocalCloud(ADMIN);
  await seedStaff(ADMIN, ['admin']);
  await seedStaff(DISPATCHER, ['dispatcher']);
});
afterEach(() => localCloud.clock.set(null));
afterAll(() => localCloud.close());

const texts = (page: Page, id: string) => allByTestId(page, id).map((el) => (el.textContent ?? '').trim());

async function settled(page: Page): Promise<void> {
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
}

test('an admin change shows with its actor and time, newest first; subject, period and actor narrow the list', async () => {
  // Twelve days ago: a department; now: a second department and the settings.
  localCloud.clock.set(new Date(Date.now() - 12 * DAY_MS));
  await ok(ADMIN, 'admin.departments.save', { name: '城市管理局' });
  localCloud.clock.set(null);
  const dept = await ok(ADMIN, 'admin.departments.save', { name: '市场监管局' });
  const settings = await ok(ADMIN, 'admin.settings.get', {});
  await ok(ADMIN, 'admin.settings.update', { version: settings.version, extensionMaxDays: 12 });
  const trail = await ok(ADMIN, 'admin.audit.list', {});
  const newDept = trail.items.find((e) => e.subjectId === dept.id)!;

  const page = await openPage(PAGE);
  // The chips are the server's subjects.
  expect(textOf(page, 'subject-department')).toBe('承办单位');
  expect(textOf(page, 'subject-all')).toBe('✓ 全部');
  expect(texts(page, 'audit-what')).toEqual(['系统设置 · 修改设置', '承办单位 · 保存', '承办单位 · 保存']);
  expect(texts(page, 'audit-actor')[1]).toBe(`管理员 ${ADMIN}`);
  expect(texts(page, 'audit-at')[1]).toBe(formatFullDateTime(newDept.at));
  expect(texts(page, 'audit-at')[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

  await tap(page, 'subject-department');
  await settled(page);
  expect(texts(page, 'audit-what')).toEqual(['承办单位 · 保存', '承办单位 · 保存']);

  await tap(page, 'period-7');
  await settled(page);
  expect(texts(page, 'audit-what')).toEqual(['承办单位 · 保存']);
  expect(page.data.items).toEqual([expect.objectContaining({ id: newDept.id })]);

  await tap(page, 'subject-all');
  await settled(page);
  expect(texts(page, 'audit-what')).toEqual(['系统设置 · 修改设置', '承办单位 · 保存']);

  await typeInto(page, 'actor', 'actorOpenid', 'o_someone_else');
  await tap(page, 'actor-apply');
  await settled(page);
  expect(byTestId(page, 'empty')).not.toBeNull();
  expect(texts(page, 'audit-item')).toEqual([]);

  await typeInto(page, 'actor', 'actorOpenid', ADMIN);
  await tap(page, 'actor-apply');
  await settled(page);
  expect(texts(page, 'audit-item')).toHaveLength(2);

  // A malformed OPENID: the server's message, on the retry screen.
  await typeInto(page, 'actor', 'actorOpenid', 'not an openid');
  await tap(page, 'actor-apply');
  await waitFor(page, (d) => d.loading === false);
  expect(textOf(page, 'error')).toContain('操作人格式不正确');
});

test('the trail pages on scroll', async () => {
  for (let i = 1; i <= 25; i += 1) await ok(ADMIN, 'admin.departments.save', { name: `部门${i}` });
  const page = await openPage(PAGE);
  expect(texts(page, 'audit-item')).toHaveLength(20);
  expect(page.data.done).toBe(false);
  (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
  await waitFor(page, (d) => d.loadingMore === false && d.done === true);
  expect(texts(page, 'audit-item')).toHaveLength(25);
});

test('a staff member who is not an admin gets the permission message', async () => {
  useIdentity(DISPATCHER);
  const page = mountPage(PAGE);
  await waitFor(page, (d) => d.loading === false);
  expect(textOf(page, 'error')).toContain('您没有权限');
  expect(texts(page, 'audit-item')).toEqual([]);
});
