import { callAs, callRaw, ok } from '../../helpers/cloud';
import { ADMIN, at, CITIZEN, count, DISPATCHER, docs, setUpAgency, submission, TEMPLATE } from './helpers';

beforeEach(() => setUpAgency());

describe('invites and binding', () => {
  test('an invite code is shown once, stored only hashed, and binds its roles and department once', async () => {
    const { code, expiresAt } = await ok(ADMIN, 'admin.invite', { roles: ['handler'], departmentId: 'dept-env', expiresInDays: 3 });
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(expiresAt).toBe('2026-11-28T02:00:00.000Z');
    const stored = await docs('invites', { _id: code.slice(0, 5) });
    expect(JSON.stringify(stored)).not.toContain(code.slice(6).replace('-', ''));
    expect(await ok('o_new_staff', 'staff.bind', { code: code.toLowerCase(), displayName: '王工' })).toEqual({ roles: ['handler'], departmentId: 'dept-env' });
    expect(await ok('o_new_staff', 'me.get', {})).toMatchObject({ roles: ['handler'], departmentId: 'dept-env', isStaff: true });
    expect(await callAs('o_someone', 'staff.bind', { code })).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '该邀请码已被使用，请向管理员索取新的邀请码。' },
    });
  });

  test('expired and wrong codes are refused in Chinese; too many wrong tries are RATE_LIMITED', async () => {
    const { code } = await ok(ADMIN, 'admin.invite', { roles: ['dispatcher'], expiresInDays: 1 });
    at('2026-11-26T03:00:00.000Z');
    expect(await callAs('o_late', 'staff.bind', { code })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('已过期') } });
    const wrong = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`; // the secret's last character changed
    for (let i = 0; i < 10; i++) {
      expect(await callAs('o_guess', 'staff.bind', { code: i % 2 ? wrong : 'not a code' })).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '邀请码不正确，请核对后重新输入。', fields: { code: '邀请码不正确' } },
      });
    }
    expect(await callAs('o_guess', 'staff.bind', { code: wrong })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await ok('o_guess', 'me.get', {})).isStaff).toBe(false);
  });

  test('two people binding one code at the same time: one wins', async () => {
    const { code } = await ok(ADMIN, 'admin.invite', { roles: ['supervisor'] });
    const results = await Promise.all(['o_a', 'o_b', 'o_c'].map((p) => callAs(p, 'staff.bind', { code })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(count('users')).toBe(6); // 5 seeded + 1
  });

  test('invites are checked: a handler needs a department that exists; only admins invite', async () => {
    expect(await callAs(ADMIN, 'admin.invite', { roles: ['handler'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { departmentId: '承办人必须选择所属单位' } } });
    expect(await callAs(ADMIN, 'admin.invite', { roles: ['handler'], departmentId: 'dept-x' })).toMatchObject({ ok: false, error: { fields: { departmentId: '承办单位不存在' } } });
    expect(await callRaw(ADMIN, { action: 'admin.invite', payload: { roles: ['mayor'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { 'roles.0': '角色不在可选范围内' } } });
    expect(await callAs(DISPATCHER, 'admin.invite', { roles: ['admin'] })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('staff administration', () => {
  test('list by cursor; update with version; a stale version is CONFLICT', async () => {
    const p1 = await ok(ADMIN, 'admin.staff.list', { limit: 3 });
    const p2 = await ok(ADMIN, 'admin.staff.list', { limit: 3, cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].map((m) => m.openid)).toEqual(['o_staff_admin', 'o_staff_dispatcher', 'o_staff_handler_housing', 'o_staff_handler_transport', 'o_staff_supervisor']);
    expect(p2.nextCursor).toBeNull();
    const handler = p1.items[2]!;
    expect(handler).toMatchObject({ departmentName: '住房和城乡建设局', disabled: false, version: 0 });
    const moved = await ok(ADMIN, 'admin.staff.update', { openid: handler.openid, version: 0, roles: ['handler', 'supervisor'], departmentId: 'dept-env' });
    expect(moved).toMatchObject({ roles: ['handler', 'supervisor'], departmentId: 'dept-env', version: 1 });
    expect(await callAs(ADMIN, 'admin.staff.update', { openid: handler.openid, version: 0, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await callAs(ADMIN, 'admin.staff.update', { openid: handler.openid, version: 1, departmentId: null })).toMatchObject({ ok: false, error: { fields: { departmentId: '承办人必须选择所属单位' } } });
    await ok(ADMIN, 'admin.staff.update', { openid: handler.openid, version: 1, disabled: true });
    expect(await ok(handler.openid, 'me.get', {})).toMatchObject({ roles: [], isStaff: false });
    expect(await callAs(ADMIN, 'admin.staff.update', { openid: 'o_nobody', version: 0, disabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('an admin cannot lock themselves out; an ADMIN_OPENIDS admin cannot be locked out at all', async () => {
    expect(await callAs(ADMIN, 'admin.staff.update', { openid: ADMIN, version: 0, disabled: true })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const saved = process.env.ADMIN_OPENIDS;
    process.env.ADMIN_OPENIDS = 'o_root';
    try {
      await ok('o_root', 'admin.staff.update', { openid: ADMIN, version: 0, disabled: true });
      expect((await ok(ADMIN, 'me.get', {})).isStaff).toBe(false);
      await callAs('o_root', 'staff.bind', { code: (await ok('o_root', 'admin.invite', { roles: ['editor'] })).code });
      const root = (await ok('o_root', 'admin.staff.list', {})).items.find((m) => m.openid === 'o_root')!;
      await ok('o_root', 'admin.staff.update', { openid: 'o_root', version: root.version, disabled: true });
      expect(await ok('o_root', 'me.get', {})).toMatchObject({ roles: ['admin'], isStaff: true });
    } finally {
      if (saved === undefined) delete process.env.ADMIN_OPENIDS;
      else process.env.ADMIN_OPENIDS = saved;
    }
  });
});

describe('settings', () => {
  test('read and write, versioned; meta.get follows', async () => {
    const s = await ok(ADMIN, 'admin.settings.get', {});
    expect(s).toMatchObject({ version: 1, acceptDays: 1, extensionMaxDays: 10, ratingReminderDays: 3, autoCloseDays: 7, submissionsPerDay: 5, reviewReplies: false, retentionDays: 365 });
    expect(s.calendar.holidays).toContain('2026-10-01');
    expect(s.calendar.workdays).toContain('2026-10-10');
    const types = s.caseTypes.map((t) => (t.key === 'inquiry' ? { ...t, answerDays: 2 } : t));
    const next = await ok(ADMIN, 'admin.settings.update', { version: 1, caseTypes: types, submissionsPerDay: 3 });
    expect(next).toMatchObject({ version: 2, submissionsPerDay: 3 });
    expect(await callAs(ADMIN, 'admin.settings.update', { version: 1, reviewReplies: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const meta = await ok(CITIZEN, 'meta.get', {});
    expect(meta.types.find((t) => t.key === 'inquiry')!.answerDays).toBe(2);
    expect(meta.limits.submissionsPerDay).toBe(3);
    expect(meta.subscribe).toEqual({ caseStatus: TEMPLATE.caseStatus });
    expect(meta.replyTemplates).toBeUndefined();
    expect((await ok(DISPATCHER, 'meta.get', {})).subscribe?.staff).toEqual([TEMPLATE.assigned, TEMPLATE.review, TEMPLATE.due, TEMPLATE.overdue]);
    expect((await ok(DISPATCHER, 'meta.get', {})).replyTemplates).toEqual([{ id: 'thanks', title: '感谢来信', text: expect.any(String) }]);
  });

  test('meta.get serves the vocabulary and the limits the server enforces, the extension maximum as the admin set it', async () => {
    const before = await ok(DISPATCHER, 'meta.get', {});
    expect(before.caseLimits).toEqual({ noteMax: 500, reasonMax: 200, replyMax: 5000, publicTitleMax: 50, extensionMaxDays: 10 });
    expect(before.vocabulary.rejectReasons.find((r) => r.key === 'duplicate')).toEqual({ key: 'duplicate', label: '重复提交，已在其他工单中办理' });
    expect(before.vocabulary.ratings.map((r) => r.key)).toEqual([5, 4, 3, 2, 1]);
    expect(before.vocabulary.ratings[0]!.label).toBe('非常满意');
    expect(before.vocabulary.roles.find((r) => r.key === 'handler')!.label).toBe('承办人');
    expect(before.vocabulary.queueFilters.map((f) => f.key)).toEqual(['all', 'submitted', 'accepted', 'processing', 'needs_info', 'replied', 'overdue', 'dueSoon', 'awaitingReview', 'flagged', 'cosignAwaiting']);
    expect(before.vocabulary.statuses.find((s) => s.key === 'needs_info')!.label).toBe('待补充');
    expect(before.vocabulary.decisions).toEqual([
      { key: 'adopted', label: '采纳' },
      { key: 'partly', label: '部分采纳' },
      { key: 'not_adopted', label: '不予采纳' },
    ]);
    expect(before.vocabulary.policyStatuses.map((s) => s.key)).toEqual(['draft', 'published', 'expired', 'repealed']);
    expect(before.formLimits.settings.retentionDays).toEqual({ min: 30, max: 3650 });
    expect(before.formLimits.policy).toMatchObject({ windowMinDays: 30, windowMinWorkingDays: 7 });
    expect(before.formLimits.case.contentMin).toBe(10);
    const { version } = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version, extensionMaxDays: 15 });
    expect((await ok(DISPATCHER, 'meta.get', {})).caseLimits.extensionMaxDays).toBe(15);
  });

  test('bad values are refused field by field and change nothing', async () => {
    const bad = [
      [{ calendar: { holidays: ['2026-02-30'], workdays: [] } }, 'calendar.holidays.0', '日期格式应为 YYYY-MM-DD，且须为有效日期'],
      [{ calendar: { holidays: ['2026-10-10'], workdays: ['2026-10-10'] } }, 'calendar', '同一天不能既是节假日又是调休上班日'],
      [{ acceptDays: 0 }, 'acceptDays', '受理时限（工作日）不能小于 1'],
      [{ caseTypes: [{ key: 'inquiry', label: '咨询', answerDays: 61 }] }, 'caseTypes.0.answerDays', '答复时限（工作日）不能大于 60'],
      [{ autoCloseDays: 2 }, 'autoCloseDays', '自动办结天数须大于评价提醒天数'],
      [{ subscribeTemplates: { caseStatus: { templateId: 't', fields: { title: 'headline1' } } } }, 'subscribeTemplates.caseStatus.fields.title', '模板关键词应如 thing1、phrase2、time3'],
      [{ retentionDays: 7 }, 'retentionDays', '个人信息保存期限（天）不能小于 30'],
    ] as const;
    for (const [patch, field, message] of bad) {
      const res = await callRaw(ADMIN, { action: 'admin.settings.update', payload: { version: 1, ...patch } });
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { [field]: message } } });
    }
    expect((await ok(ADMIN, 'admin.settings.get', {})).version).toBe(1);
  });

  test('the calendar drives deadlines: a day the admin marks as a holiday is skipped', async () => {
    const s = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version: s.version, calendar: { holidays: [...s.calendar.holidays, '2026-11-26'], workdays: s.calendar.workdays } });
    const res = await ok(CITIZEN, 'case.submit', submission());
    expect(res.acceptDueAt).toBe('2026-11-27T15:59:59.999Z');
  });
});

describe('departments and categories', () => {
  test('saved and shown in meta.get; a category must point to a department that exists', async () => {
    const d = await ok(ADMIN, 'admin.departments.save', { name: '城市管理局', order: 4 });
    expect(d).toEqual({ id: expect.stringMatching(/^dept-[0-9a-f]{10}$/), name: '城市管理局' });
    expect(await callAs(ADMIN, 'admin.departments.save', { name: '城市管理局' })).toMatchObject({ ok: false, error: { fields: { name: '已有同名的单位' } } });
    expect(await callAs(ADMIN, 'admin.categories.save', { name: '占道经营', departmentId: 'dept-none', types: ['complaint'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { departmentId: '默认承办单位不存在' } },
    });
    const c = await ok(ADMIN, 'admin.categories.save', { name: '占道经营', departmentId: d.id, types: ['complaint', 'suggestion'], order: 9 });
    const meta = await ok(CITIZEN, 'meta.get', {});
    expect(meta.departments.map((x) => x.name)).toContain('城市管理局');
    expect(meta.categories.find((x) => x.id === c.id)).toEqual({ id: c.id, name: '占道经营', departmentId: d.id, types: ['complaint', 'suggestion'] });
    await ok(ADMIN, 'admin.categories.save', { id: c.id, name: '占道经营', departmentId: d.id, types: ['complaint'], disabled: true });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.map((x) => x.id)).not.toContain(c.id);
    expect(await callAs(CITIZEN, 'case.submit', submission({ categoryId: c.id }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await ok(ADMIN, 'admin.categories.save', { id: c.id, name: '占道经营摆摊', departmentId: d.id, types: ['complaint'] });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.map((x) => x.id)).not.toContain(c.id);
    await ok(ADMIN, 'admin.categories.save', { id: c.id, name: '占道经营摆摊', departmentId: d.id, types: ['complaint'], disabled: false });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.find((x) => x.id === c.id)?.name).toBe('占道经营摆摊');
  });
});

describe('其他/不确定 and keywords', () => {
  test('a category without a default department leaves routing to the dispatcher; keywords are kept, cleaned and served by meta.get', async () => {
    const other = await ok(ADMIN, 'admin.categories.save', {
      name: '其他/不确定',
      departmentId: null,
      types: ['inquiry', 'help', 'complaint', 'suggestion'],
      keywords: ['垃圾', ' 清运 ', '垃圾', 'BRT'],
      order: 99,
    });
    expect(other).toEqual({ id: other.id, name: '其他/不确定', types: ['inquiry', 'help', 'complaint', 'suggestion'], keywords: ['垃圾', '清运', 'brt'] });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.find((c) => c.id === other.id)).toEqual(other);
    // Saving without keywords keeps them; an empty list clears them.
    await ok(ADMIN, 'admin.categories.save', { id: other.id, name: '其他/不确定', departmentId: null, types: ['complaint', 'inquiry', 'help', 'suggestion'] });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.find((c) => c.id === other.id)?.keywords).toEqual(['垃圾', '清运', 'brt']);

    const created = await ok(CITIZEN, 'case.submit', submission({ categoryId: other.id, type: 'complaint' }));
    const [stored] = await docs('cases', { _id: created.id });
    expect(stored).not.toHaveProperty('routeDepartmentId');
    const seen = await ok(DISPATCHER, 'case.get', { id: created.id });
    expect(seen.suggestedDepartmentId).toBeUndefined();
    // The dispatcher accepts and routes by hand.
    const accepted = await ok(DISPATCHER, 'case.accept', { id: created.id, version: seen.version, departmentId: 'dept-env' });
    expect(accepted.departmentId).toBe('dept-env');

    await ok(ADMIN, 'admin.categories.save', { id: other.id, name: '其他/不确定', departmentId: null, types: ['complaint'], keywords: [] });
    expect((await ok(CITIZEN, 'meta.get', {})).categories.find((c) => c.id === other.id)).not.toHaveProperty('keywords');
  });

  test('bad keywords and a missing department choice are refused in Chinese, and nothing is saved', async () => {
    const before = await count('categories');
    expect(await callAs(ADMIN, 'admin.categories.save', { name: '环境卫生', departmentId: null, types: ['complaint'], keywords: ['这个关键词实在是太长了一点'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { 'keywords.0': '关键词不能超过 10 个字' } },
    });
    expect(await callAs(ADMIN, 'admin.categories.save', { name: '环境卫生', departmentId: null, types: ['complaint'], keywords: Array.from({ length: 31 }, (_, i) => `词${i}`) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { keywords: '关键词最多 30 个' } },
    });
    // departmentId is required: null is a decision (no default department), not something forgotten.
    expect(await callRaw(ADMIN, { action: 'admin.categories.save', payload: { name: '环境卫生', types: ['complaint'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await callAs(CITIZEN, 'admin.categories.save', { name: '环境卫生', departmentId: null, types: ['complaint'] })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await count('categories')).toBe(before);
  });
});

describe('department contact', () => {
  test('phone, address, hours and location are saved, served by meta.get, kept when omitted and cleared with \'\' or null', async () => {
    const d = await ok(ADMIN, 'admin.departments.save', {
      name: '城市管理局',
      phone: ' 0571-87009999 ',
      address: '市民中心 D 座',
      hours: '工作日 9:00-17:00',
      location: { latitude: 30.25, longitude: 120.2 },
    });
    const contact = { phone: '0571-87009999', address: '市民中心 D 座', hours: '工作日 9:00-17:00', location: { latitude: 30.25, longitude: 120.2 } };
    expect(d).toEqual({ id: d.id, name: '城市管理局', ...contact });
    expect((await ok(CITIZEN, 'meta.get', {})).departments.find((x) => x.id === d.id)).toEqual(d);
    expect(await ok(ADMIN, 'admin.departments.save', { id: d.id, name: '城市管理局' })).toEqual(d);
    expect(await ok(ADMIN, 'admin.departments.save', { id: d.id, name: '城市管理局', phone: '', location: null })).toEqual({ id: d.id, name: '城市管理局', address: '市民中心 D 座', hours: '工作日 9:00-17:00' });
  });

  test('a bad phone or location is refused field by field in Chinese and changes nothing', async () => {
    const d = await ok(ADMIN, 'admin.departments.save', { name: '城市管理局', phone: '12345' });
    expect(await callAs(ADMIN, 'admin.departments.save', { id: d.id, name: '城市管理局', phone: '请拨打12345' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { phone: '电话格式不正确：只能填数字和横线，如 0571-87001234 或 12345' } },
    });
    expect(await callAs(ADMIN, 'admin.departments.save', { id: d.id, name: '城市管理局', location: { latitude: 120.2, longitude: 30.25 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { 'location.latitude': '纬度应在 -90 到 90 之间' } },
    });
    expect(await callAs(CITIZEN, 'admin.departments.save', { id: d.id, name: '城市管理局', phone: '110' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await ok(CITIZEN, 'meta.get', {})).departments.find((x) => x.id === d.id)).toEqual({ id: d.id, name: '城市管理局', phone: '12345' });
  });
});
