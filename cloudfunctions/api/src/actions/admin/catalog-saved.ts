// What saving a department or a category shares: a new id, and the audit entry of the save.
import { randomBytes } from 'crypto';
import type { Caller } from '../../lib/caller';
import { auditActor, type NewAuditEvent } from '../../repositories/audit';

export const newCatalogId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export function savedEvent(subject: 'department' | 'category', subjectId: string, note: string, caller: Caller, now: Date): NewAuditEvent {
  return { subject, subjectId, kind: 'saved', at: now.toISOString(), actor: auditActor(caller, ['admin']), note };
}
