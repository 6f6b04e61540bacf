// What saving a department or a category shares: a new id, and the audit entry of the save.
import { randomBytes } from 'crypto';
import type { Caller } from '../../lib/caller';
import { sameContent } from '../../lib/same-content';
import { auditActor, type NewAuditEvent } from '../../repositories/audit';

export const newCatalogId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export function savedEvent(subject: 'department' | 'category', subjectId: string, note: string, caller: Caller, now: Date): NewAuditEvent {
  return { subject, subjectId, kind: 'saved', at: now.toISOString(), actor: auditActor(caller, ['admin']), note };
}

/**
 * The record this save would write, if it is stored already (a retry after a lost answer, a double tap): it is
 * answered as it stands, with no second record and no second event. A new record (no id) matches by name and content.
 */
export function alreadySaved<T extends { _id: string; name: string }>(doc: T, existing: Iterable<T>, id: string | undefined): T | undefined {
  for (const e of existing) if ((id ? e._id === id : e.name === doc.name) && sameContent(e, doc)) return e;
  return undefined;
}
