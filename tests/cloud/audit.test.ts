// One audit trail: every admin and editor change appears in admin.audit.list with who (role and OPENID) and when,
// filtered by subject, actor and period, a page at a time (the local cloud is strict about indexes).
import { listAudit, recordEvent } from '../../cloudfunctions/api/src/repositories/audit';
import { localCloud } from '../../tools/local-cloud';
import type { RequestOf } from '../../typings/api';
import { callAs, callRaw, ok } from '../helpers/cloud';
import { ADMIN, at, CITIZEN, DISPATCHER, HANDLER, setUpAgency } from './cases/helpers';
import { policyInput } from './policies/helpers';

const EDITOR = 'o_audit_editor';

beforeEach(async () => {
  await setUpAgency();
  const { code } = await ok(ADMIN, 'admin.invite', { roles: ['editor'], expiresInDays: 3 });
  await ok(EDITOR, 'staff.bind', { code, displayName: '政策编辑' });
});

async function trail(req: RequestOf<'admin.audit.list'> = {}) {
  return ok(ADMIN, 'admin.audit.list', req);
}

describe('admin.audit.list', () => {
  test('invites, binding, staff changes, settings and the catalog are recorded with actor and time', async () => {
    at('2026-11-25T03:00:00.000Z');
    const staff = await ok(ADMIN, 'admin.staff.list', {});
    const handler = staff.items.find((m) => m.openid === HANDLER)!;
    await ok(ADMIN, 'admin.staff.update', { openid: HANDLER, version: handler.version, disabled: true });
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version: settings.version, extensionMaxDays: 12 });
    const dept = await ok(ADMIN, 'admin.departments.save', { name: '城市管理局' });
    await ok(ADMIN, 'admin.categories.save', { name: '占道经营', departmentId: dept.id, types: ['complaint'] });

    const { items } = await trail();
    const seen = items.map((e) => [e.subject, e.kind, e.actor.role, e.actor.openid]);
    expect(seen).toEqual([
      ['category', 'saved', 'admin', ADMIN],
      ['department', 'saved', 'admin', ADMIN],
      ['settings', 'settings_updated', 'admin', ADMIN],
      ['staff', 'staff_updated', 'admin', ADMIN],
      ['staff', 'bound', 'editor', EDITOR],
      ['invite', 'invited', 'admin', ADMIN],
    ]);
    const disabled = items.find((e) => e.kind === 'staff_updated')!;
    expect(disabled).toMatchObject({ subjectId: HANDLER, subjectLabel: '工作人员', kindLabel: '修改工作人员', note: '停用', at: '2026-11-25T03:00:00.000Z' });
    expect(disabled.actor.roleLabel).toBe('管理员');
    expect(items.find((e) => e.subject === 'settings')!.note).toContain('extensionMaxDays');
  });

  test('editor changes to policies and drafts are in the same trail', async () => {
    const policy = await ok(EDITOR, 'policy.save', policyInput());
    await ok(EDITOR, 'policy.publish', { id: policy.id, version: policy.version });
    const { items } = await trail({ subject: 'policy' });
    expect(items.map((e) => [e.kind, e.actor.role, e.actor.openid])).toEqual([
      ['published', 'editor', EDITOR],
      ['created', 'editor', EDITOR],
    ]);
    expect(items.every((e) => e.subjectId === policy.id && e.at)).toBe(true);
  });

  test('filters by subject, actor and period; pages by cursor; only admins read it', async () => {
    at('2026-11-25T03:00:00.000Z');
    await ok(ADMIN, 'admin.departments.save', { name: '一局' });
    at('2026-11-26T03:00:00.000Z');
    await ok(ADMIN, 'admin.departments.save', { name: '二局' });
    await ok(ADMIN, 'admin.departments.save', { name: '三局' });

    expect((await trail({ subject: 'department' })).items.map((e) => e.note)).toEqual(['新建单位：三局', '新建单位：二局', '新建单位：一局']);
    expect((await trail({ actorOpenid: EDITOR })).items.map((e) => e.kind)).toEqual(['bound']);
    const day = await trail({ subject: 'department', from: '2026-11-26T00:00:00+08:00', to: '2026-11-27T00:00:00+08:00' });
    expect(day.items.map((e) => e.note)).toEqual(['新建单位：三局', '新建单位：二局']);

    const first = await trail({ subject: 'department', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await trail({ subject: 'department', limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.note)).toEqual(['新建单位：一局']);
    expect(second.nextCursor).toBeNull();

    expect(await callAs(DISPATCHER, 'admin.audit.list', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await callAs(CITIZEN, 'admin.audit.list', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await callRaw(ADMIN, { action: 'admin.audit.list', payload: { subject: 'case' } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('changes made at the same instant are listed newest first, in the order they were made', async () => {
    // Forty events in a tight loop share their millisecond, as two changes of one action can: only the id orders them.
    const instant = '2026-11-25T03:00:00.000Z';
    const made = Array.from({ length: 40 }, (_, i) => `第${i}次`);
    await localCloud.invoke(async () => {
      for (const note of made) await recordEvent(null, { subject: 'department', subjectId: 'dept-x', kind: 'saved', at: instant, actor: { role: 'admin', openid: ADMIN }, note });
    }, {});
    const listed = await localCloud.invoke(() => listAudit({ subject: 'department', limit: 100 }), {});
    expect(listed.map((e) => e.note)).toEqual([...made].reverse());
  });

  test('a refused change records nothing', async () => {
    const before = (await trail()).items.length;
    expect(await callAs(ADMIN, 'admin.categories.save', { name: '无主', departmentId: 'dept-none', types: ['help'] })).toMatchObject({ ok: false });
    expect((await trail()).items.length).toBe(before);
  });
});
