// admin.audit.list: the audit trail, newest first, filtered by subject, actor and period, a page at a time.
import { ACTOR_LABELS } from '../../domain/case-labels';
import { AUDIT_KIND_LABELS, AUDIT_SUBJECT_LABELS } from '../../domain/audit-labels';
import { defineAction } from '../../lib/action';
import { listAudit } from '../../repositories/audit';
import { auditListSchema } from './schemas';

export const adminAuditList = defineAction<'admin.audit.list'>({
  schema: auditListSchema,
  async run(input) {
    const limit = input.limit ?? 20;
    const iso = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);
    const rows = await listAudit({ ...input, from: iso(input.from), to: iso(input.to), limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((e) => ({
        id: e._id,
        subject: e.subject,
        subjectLabel: AUDIT_SUBJECT_LABELS[e.subject],
        subjectId: e.subjectId,
        kind: e.kind,
        kindLabel: AUDIT_KIND_LABELS[e.kind] ?? e.kind,
        at: e.at,
        actor: { role: e.actor.role, roleLabel: ACTOR_LABELS[e.actor.role], openid: e.actor.openid },
        ...(e.note ? { note: e.note } : {}),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1]!.key : null,
    };
  },
});
