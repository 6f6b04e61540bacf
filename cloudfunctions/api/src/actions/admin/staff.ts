// Staff accounts: invites (single use, expiring, shown once, stored hashed), binding by code, the staff list, and
// changes to roles, department and access. Admins named in ADMIN_OPENIDS stay admins whatever is stored here.
import type { StaffMember } from '../../../../../typings/api';
import type { Role } from '../../../../../typings/domain';
import { trackingDay } from '../../domain/tracking';
import { newInviteCode, parseInviteCode, secretMatches } from '../../domain/invite-code';
import { defineAction } from '../../lib/action';
import { adminOpenids, type Caller } from '../../lib/caller';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import * as z from 'zod';
import { bool, id, int, oneOf, pageFields, text } from '../../lib/schema';
import { runTransaction, txGet, withoutId } from '../../lib/transaction';
import { readCatalogMaps, type CatalogMaps } from '../../repositories/catalog';
import { bumpCounter, readCounter } from '../../repositories/counters';
import { findInvite, insertInvite, type InviteDoc } from '../../repositories/invites';
import { phasedPage } from '../../repositories/phased-page';
import type { UserDoc } from '../../repositories/users';
import { ROLE_LABELS } from '../../domain/case-labels';
import { auditActor, recordEvent } from '../../repositories/audit';

const ROLES = ['dispatcher', 'handler', 'supervisor', 'editor', 'admin'] as const satisfies readonly Role[];
const DAY_MS = 86_400_000;
const DEFAULT_INVITE_DAYS = 7;
/** Wrong codes allowed per person per day: enough for typos, too few to guess a 50-bit secret. */
const BIND_ATTEMPTS_PER_DAY = 10;

const roleList = z
  .array(oneOf('角色', ROLES), { error: '角色格式不正确' })
  .min(1, '请至少选择一个角色')
  .max(ROLES.length, '角色格式不正确')
  .refine((r) => new Set(r).size === r.length, { message: '角色不能重复' });

function requireStaffDepartment(catalog: CatalogMaps, roles: readonly Role[], departmentId: string | undefined): void {
  if (departmentId) {
    const d = catalog.departments.get(departmentId);
    if (!d || d.disabled) throw errors.invalid('承办单位不存在', { departmentId: '承办单位不存在' });
  }
  if (roles.includes('handler') && !departmentId) throw errors.invalid('承办人必须选择所属单位', { departmentId: '承办人必须选择所属单位' });
}

export const adminInvite = defineAction<'admin.invite'>({
  schema: z.strictObject({ roles: roleList, departmentId: id('所属单位').optional(), expiresInDays: int('有效天数', 1, 30).optional() }),
  async run(input, { caller, now }) {
    requireStaffDepartment(await readCatalogMaps(), input.roles, input.departmentId);
    const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? DEFAULT_INVITE_DAYS) * DAY_MS).toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newInviteCode();
      const doc: InviteDoc = {
        _id: code.inviteId,
        salt: code.salt,
        hash: code.hash,
        roles: [...input.roles],
        expiresAt,
        createdAt: now.toISOString(),
        createdBy: caller.openid!,
      };
      if (input.departmentId) doc.departmentId = input.departmentId;
      // The code itself is answered once and stored nowhere.
      const note = `角色：${input.roles.map((r) => ROLE_LABELS[r]).join('、')}，有效期至 ${expiresAt}`;
      const event = { subject: 'invite' as const, subjectId: doc._id, kind: 'invited' as const, at: now.toISOString(), actor: auditActor(caller, ['admin']), note };
      if (await insertInvite(doc, event)) return { code: code.code, expiresAt };
    }
    throw new Error('could not draw an unused invite id');
  },
});

export const staffBind = defineAction<'staff.bind'>({
  schema: z.strictObject({
    // Only what a code can be made of: other input is a format error, not a wrong guess counted toward the limit.
    code: z.string({ error: '请输入邀请码' }).trim().min(1, '请输入邀请码').max(40, '邀请码格式不正确').regex(/^[A-Za-z0-9 -]+$/, '邀请码格式不正确'),
    displayName: text('姓名', 20).optional(),
  }),
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    const failKey = `bindfail_${openid}_${trackingDay(now)}`;
    if ((await readCounter(failKey)) >= BIND_ATTEMPTS_PER_DAY) throw errors.rateLimited('邀请码错误次数过多，请明天再试或联系管理员。');
    const parsed = parseInviteCode(input.code);
    const invite = parsed ? await findInvite(parsed.inviteId) : null;
    if (!parsed || !invite || !secretMatches(invite.salt, parsed.secret, invite.hash)) {
      await bumpCounter(failKey);
      throw errors.invalid('邀请码不正确，请核对后重新输入。', { code: '邀请码不正确' });
    }
    const nowIso = now.toISOString();
    return runTransaction(async (tx) => {
      const fresh = await txGet<InviteDoc>(tx, COLLECTIONS.invites, invite._id);
      if (!fresh) throw errors.invalid('邀请码不正确，请核对后重新输入。', { code: '邀请码不正确' });
      // The caller's own binding again (a retry after a lost answer): answered as it stands, nothing written.
      if (fresh.usedBy === openid) return fresh.departmentId ? { roles: [...fresh.roles], departmentId: fresh.departmentId } : { roles: [...fresh.roles] };
      if (fresh.usedBy) throw errors.precondition('该邀请码已被使用，请向管理员索取新的邀请码。');
      if (fresh.revokedAt) throw errors.precondition('该邀请码已被管理员撤销，请向管理员索取新的邀请码。');
      if (fresh.expiresAt < nowIso) throw errors.precondition('该邀请码已过期，请向管理员索取新的邀请码。');
      const existing = await txGet<UserDoc>(tx, COLLECTIONS.users, openid);
      const user: UserDoc = { _id: openid, roles: [...fresh.roles], boundAt: nowIso, version: (existing?.version ?? 0) + 1, inviteId: fresh._id, disabled: false };
      if (fresh.departmentId) user.departmentId = fresh.departmentId;
      const displayName = input.displayName ?? existing?.displayName;
      if (displayName) user.displayName = displayName;
      await tx.collection(COLLECTIONS.invites).doc(fresh._id).update({ data: { usedBy: openid, usedAt: nowIso } });
      await tx.collection(COLLECTIONS.users).doc(openid).set({ data: withoutId(user) });
      const note = `以邀请码 ${fresh._id} 绑定为${user.roles.map((r) => ROLE_LABELS[r]).join('、')}`;
      await recordEvent(tx, { subject: 'staff', subjectId: openid, kind: 'bound', at: nowIso, actor: { role: user.roles[0] ?? 'citizen', openid }, note });
      return fresh.departmentId ? { roles: user.roles, departmentId: fresh.departmentId } : { roles: user.roles };
    });
  },
});

const UNCHANGED = '未改变';

/** What an update changed, in words, for the audit trail. */
function staffChange(before: UserDoc, after: UserDoc): string {
  const parts: string[] = [];
  const roles = (u: UserDoc) => u.roles.map((r) => ROLE_LABELS[r]).join('、') || '无角色';
  if (roles(before) !== roles(after)) parts.push(`角色：${roles(before)} → ${roles(after)}`);
  if ((before.departmentId ?? '') !== (after.departmentId ?? '')) parts.push(`所属单位：${before.departmentId ?? '无'} → ${after.departmentId ?? '无'}`);
  if (Boolean(before.disabled) !== Boolean(after.disabled)) parts.push(after.disabled ? '停用' : '启用');
  if ((before.displayName ?? '') !== (after.displayName ?? '')) parts.push(`姓名：${after.displayName ?? ''}`);
  return parts.join('；') || UNCHANGED;
}

function staffChangeData(input: { roles?: readonly string[]; departmentId?: string | null; disabled?: boolean }): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (input.roles) data.roles = [...input.roles];
  if (input.departmentId !== undefined) data.departmentId = input.departmentId;
  if (input.disabled !== undefined) data.disabled = input.disabled;
  return data;
}

function staffMember(u: UserDoc, catalog: CatalogMaps): StaffMember {
  const m: StaffMember = { openid: u._id, roles: u.roles, disabled: Boolean(u.disabled), version: u.version ?? 0 };
  if (u.displayName) m.displayName = u.displayName;
  if (u.departmentId) {
    m.departmentId = u.departmentId;
    const name = catalog.departments.get(u.departmentId)?.name;
    if (name) m.departmentName = name;
  }
  if (u.boundAt) m.boundAt = u.boundAt;
  return m;
}

export const adminStaffList = defineAction<'admin.staff.list'>({
  schema: z.strictObject({ ...pageFields }),
  async run(input) {
    const [catalog, page] = await Promise.all([
      readCatalogMaps(),
      phasedPage<UserDoc & Record<string, unknown>>({
        collection: COLLECTIONS.users,
        phases: [{ where: {}, key: '_id', dir: 1 }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
      }),
    ]);
    return { items: page.docs.map((u) => staffMember(u, catalog)), nextCursor: page.nextCursor };
  },
});

type StaffUpdate = { roles?: readonly Role[]; departmentId?: string | null; disabled?: boolean; displayName?: string };

function applyStaffUpdate(user: UserDoc, input: StaffUpdate): UserDoc {
  const next: UserDoc = { ...user };
  if (input.roles) next.roles = [...input.roles];
  if (input.departmentId === null) delete next.departmentId;
  else if (input.departmentId !== undefined) next.departmentId = input.departmentId;
  if (input.disabled !== undefined) next.disabled = input.disabled;
  if (input.displayName !== undefined) next.displayName = input.displayName;
  return next;
}

function sameStaff(a: UserDoc, b: UserDoc): boolean {
  return staffChange(a, b) === UNCHANGED;
}

/** An admin cannot lock themselves out by mistake; those in ADMIN_OPENIDS cannot be locked out at all. */
function guardSelf(caller: Caller, openid: string, roles: readonly Role[], disabled: boolean): void {
  if (caller.openid !== openid || adminOpenids().has(openid)) return;
  if (disabled || !roles.includes('admin')) throw errors.precondition('不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。');
}

export const adminStaffUpdate = defineAction<'admin.staff.update'>({
  schema: z.strictObject({
    openid: z.string({ error: '工作人员编号格式不正确' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '工作人员编号格式不正确'),
    version: int('版本号', 0, Number.MAX_SAFE_INTEGER),
    roles: roleList.optional(),
    departmentId: id('所属单位').nullable().optional(),
    disabled: bool('是否停用').optional(),
    displayName: text('姓名', 20).optional(),
  }),
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    return runTransaction(async (tx) => {
      const user = await txGet<UserDoc>(tx, COLLECTIONS.users, input.openid);
      if (!user) throw errors.notFound('工作人员');
      const next = applyStaffUpdate(user, input);
      if ((user.version ?? 0) !== input.version) {
        // This very change, already applied (a retry after a lost answer): answered as it stands.
        if ((user.version ?? 0) === input.version + 1 && sameStaff(next, user)) return staffMember(user, catalog);
        throw errors.conflict();
      }
      next.version = (user.version ?? 0) + 1;
      requireStaffDepartment(catalog, next.roles, next.departmentId);
      guardSelf(caller, input.openid, next.roles, Boolean(next.disabled));
      await tx.collection(COLLECTIONS.users).doc(input.openid).set({ data: { ...withoutId(next), updatedAt: now.toISOString() } });
      await recordEvent(tx, { subject: 'staff', subjectId: input.openid, kind: 'staff_updated', at: now.toISOString(), actor: auditActor(caller, ['admin']), note: staffChange(user, next), data: staffChangeData(input) });
      return staffMember(next, catalog);
    });
  },
});
