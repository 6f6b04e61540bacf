import { localCloud } from '../../tools/local-cloud';
import { main } from '../../cloudfunctions/api/src';
import { CATEGORIES, DEPARTMENTS, callAs, callRaw, ok, seedCatalog, seedStaff } from '../helpers/cloud';

const CITIZEN = 'o_citizen_a';

describe('meta.get', () => {
  test('answers the default types and limits and the departments and categories in their order', async () => {
    await seedCatalog();
    const meta = await ok(CITIZEN, 'meta.get', {});
    expect(meta.types.map((t) => [t.key, t.label, t.answerDays])).toEqual([
      ['inquiry', '咨询', 3],
      ['help', '求助', 5],
      ['complaint', '投诉', 13],
      ['suggestion', '建议', 13],
    ]);
    expect(meta.departments).toEqual(DEPARTMENTS.map((d) => ({ id: d._id, name: d.name })));
    expect(meta.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c._id));
    expect(meta.categories[1]).toEqual({ id: 'cat-bus', name: '公交线路', departmentId: 'dept-transport', types: ['inquiry', 'suggestion'] });
    expect(meta.limits).toMatchObject({ titleMax: 50, contentMax: 2000, imagesMax: 6, submissionsPerDay: 5 });
    expect(meta.roles).toEqual([]);
  });

  test('stored settings override the defaults', async () => {
    await localCloud.invoke(async () => {
      const cloud = await import('wx-server-sdk');
      await cloud.database().collection('settings').doc('global').set({ data: { limits: { submissionsPerDay: 9 } } });
    }, {});
    const meta = await ok(CITIZEN, 'meta.get', {});
    expect(meta.limits.submissionsPerDay).toBe(9);
    expect(meta.limits.titleMax).toBe(50);
  });

  test('works without a WeChat identity (public data) and hides disabled departments', async () => {
    await seedCatalog();
    await localCloud.invoke(async () => {
      const cloud = await import('wx-server-sdk');
      await cloud.database().collection('departments').doc('dept-env').update({ data: { disabled: true } });
    }, {});
    const meta = await ok(null, 'meta.get', {});
    expect(meta.departments.map((d) => d.id)).toEqual(['dept-housing', 'dept-transport']);
  });
});

describe('me.get', () => {
  const saved = process.env.ADMIN_OPENIDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADMIN_OPENIDS;
    else process.env.ADMIN_OPENIDS = saved;
  });

  test('a citizen has no roles', async () => {
    expect(await ok(CITIZEN, 'me.get', {})).toEqual({ openid: CITIZEN, roles: [], isStaff: false });
  });

  test('staff see their roles and department', async () => {
    await seedStaff('o_handler', ['handler'], 'dept-housing');
    expect(await ok('o_handler', 'me.get', {})).toEqual({ openid: 'o_handler', roles: ['handler'], departmentId: 'dept-housing', isStaff: true });
  });

  test('ADMIN_OPENIDS makes an admin, added to roles held by binding', async () => {
    process.env.ADMIN_OPENIDS = 'o_other, o_boss';
    await seedStaff('o_boss', ['supervisor']);
    expect(await ok('o_boss', 'me.get', {})).toEqual({ openid: 'o_boss', roles: ['admin', 'supervisor'], isStaff: true });
  });

  test('a disabled staff member is a citizen again', async () => {
    await localCloud.invoke(async () => {
      const cloud = await import('wx-server-sdk');
      await cloud.database().collection('users').doc('o_gone').set({ data: { roles: ['dispatcher'], disabled: true } });
    }, {});
    expect(await ok('o_gone', 'me.get', {})).toEqual({ openid: 'o_gone', roles: [], isStaff: false });
  });

  test('without a WeChat identity: UNAUTHENTICATED', async () => {
    const res = await callAs(null, 'me.get', {});
    expect(res).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('身份') } });
  });
});

describe('the router', () => {
  test('an unknown action: INVALID_ARGUMENT naming it, in Chinese', async () => {
    expect(await callRaw(CITIZEN, { action: 'case.explode', payload: {} })).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '不支持的操作：case.explode' },
    });
  });

  test('no action at all', async () => {
    const res = await callRaw(CITIZEN, { payload: {} });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toEqual({ code: 'INVALID_ARGUMENT', message: '请求缺少操作名称' });
  });

  test('an unknown payload field is refused with a field message', async () => {
    const res = await callRaw(CITIZEN, { action: 'me.get', payload: { openid: 'o_someone_else' } });
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '提交的内容有误：不支持的字段：openid', fields: { openid: '不支持的字段：openid' } },
    });
  });

  test('a payload that is not an object is refused', async () => {
    const res = await callRaw(CITIZEN, { action: 'meta.get', payload: 'hello' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INVALID_ARGUMENT');
  });

  test('the userInfo the platform adds to the event is ignored, identity comes from the context', async () => {
    await seedStaff('o_real_staff', ['editor']);
    const res = await localCloud.invoke(main, { action: 'me.get', payload: {}, userInfo: { openId: 'o_real_staff' } }, { OPENID: CITIZEN });
    expect(res).toEqual({ ok: true, data: { openid: CITIZEN, roles: [], isStaff: false } });
  });

  test('an unexpected failure answers INTERNAL without internals', async () => {
    localCloud.configure({ filename: ':memory:', strict: { threshold: 0 }, database: { collections: {} } });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await callRaw(CITIZEN, { action: 'meta.get', payload: {} });
      expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('系统繁忙') } });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
    }
  });
});

describe('timer triggers', () => {
  test('a timer event runs the trigger, not the router', async () => {
    const res = await localCloud.fireTimer(main, 'tick');
    expect(res).toEqual({ trigger: 'tick', jobs: expect.any(Object) });
  });

  test('an unknown trigger is answered like an unknown request, not thrown (tests/cloud/security/timers.test.ts)', async () => {
    expect(await localCloud.fireTimer(main, 'nope')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
