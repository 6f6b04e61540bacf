// The configuration cache of a warm function instance, on as in production (jest turns it off everywhere else).
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog } from '../helpers/cloud';

const ADMIN = 'o_cache_admin';
const saved = { ttl: process.env.CONFIG_CACHE_TTL_MS, admins: process.env.ADMIN_OPENIDS };

beforeAll(() => {
  process.env.CONFIG_CACHE_TTL_MS = '60000';
  process.env.ADMIN_OPENIDS = ADMIN;
});
afterAll(() => {
  process.env.CONFIG_CACHE_TTL_MS = saved.ttl;
  if (saved.admins === undefined) delete process.env.ADMIN_OPENIDS;
  else process.env.ADMIN_OPENIDS = saved.admins;
});

const departments = async () => (await ok('o_citizen', 'meta.get', {})).departments.map((d) => d.name);

test('a write behind the instance is seen after the TTL; an edit through it at once; admins always read fresh', async () => {
  await seedCatalog();
  expect(await departments()).toEqual(['住房和城乡建设局', '交通运输局', '生态环境局']);

  // Another instance (here: a direct write) renames a department: this instance keeps its copy for the TTL.
  await localCloud.invoke(() => cloud.database().collection('departments').doc('dept-env').update({ data: { name: '环保局' } }), {});
  expect(await departments()).toContain('生态环境局');

  // The admin's own edit goes through this instance: it is seen at once, and the admin validated against fresh data.
  const saved = await ok(ADMIN, 'admin.departments.save', { id: 'dept-transport', name: '交通局' });
  expect(saved).toEqual({ id: 'dept-transport', name: '交通局' });
  expect(await departments()).toEqual(['住房和城乡建设局', '交通局', '环保局']);

  // Settings: the admin reads the stored version even when the cache holds an older one.
  const before = await ok(ADMIN, 'admin.settings.get', {});
  await localCloud.invoke(
    () => cloud.database().collection('settings').doc('global').set({ data: { version: before.version + 1, reviewReplies: true } }),
    {},
  );
  expect((await ok(ADMIN, 'admin.settings.get', {})).reviewReplies).toBe(true);
});

test('with a TTL of 0 every request reads the database', async () => {
  process.env.CONFIG_CACHE_TTL_MS = '0';
  try {
    await seedCatalog();
    expect(await departments()).toContain('交通运输局');
    await localCloud.invoke(() => cloud.database().collection('departments').doc('dept-transport').update({ data: { name: '交通局' } }), {});
    expect(await departments()).toContain('交通局');
  } finally {
    process.env.CONFIG_CACHE_TTL_MS = '60000';
  }
});
