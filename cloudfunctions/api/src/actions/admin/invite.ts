// admin.invite: an invite for a colleague (single use, expiring); the code is answered once and stored only hashed.
import { ROLE_LABELS } from '../../domain/case-labels';
import { newInviteCode } from '../../domain/invite-code';
import { defineAction } from '../../lib/action';
import { auditActor } from '../../repositories/audit';
import { readCatalogMaps } from '../../repositories/catalog';
import { insertInvite, type InviteDoc } from '../../repositories/invites';
import { inviteSchema } from './schemas';
import { requireStaffDepartment } from './staff-rules';

const DAY_MS = 86_400_000;
const DEFAULT_INVITE_DAYS = 7;

export const adminInvite = defineAction<'admin.invite'>({
  schema: inviteSchema,
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
