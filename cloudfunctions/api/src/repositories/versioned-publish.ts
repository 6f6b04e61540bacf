// Saving, publishing and withdrawing a versioned document (a policy, a service-guide item, an announcement) is one
// transaction with the same steps whatever the document: read it, answer a retry with what already holds, turn a
// stale version away (CONFLICT), check the state, write the document (and the new version's snapshot) and record the
// audit event with it. Each module passes what differs: its collection, its state rules and its event's details.
import type { AuditSubject } from '../../../../typings/api';
import type { Caller } from '../lib/caller';
import { errors } from '../lib/errors';
import { runTransaction, type Transaction } from '../lib/transaction';
import { auditActor, recordEvent, type AuditKind } from './audit';

interface Versioned {
  _id: string;
  /** The edit version a caller must echo (CONFLICT otherwise). */
  version: number;
  /** The published version's number, 0 before the first publication. */
  pubVersion: number;
  /** Edits of a published document waiting for the next publication. */
  pending?: unknown;
}

/** The document's kind: what the audit trail calls it, its name in a NOT_FOUND, and how it is read and written. */
export interface VersionedKind<D extends Versioned> {
  subject: AuditSubject;
  label: string;
  read(tx: Transaction, id: string): Promise<D | null>;
  write(tx: Transaction, doc: D): Promise<void>;
}

export interface PublishSteps<D extends Versioned, S extends { version: number }> extends VersionedKind<D> {
  /** Published with nothing pending: what the caller asked for already holds (a retry, a double tap). */
  publishedAsIs(doc: D): boolean;
  /** The published document and, when the words changed, the new version's snapshot (it may read the last one). */
  publish(tx: Transaction, doc: D, nowIso: string, note: string | undefined): Promise<{ doc: D; snapshot: S | null }>;
  writeVersion(tx: Transaction, snapshot: S): Promise<void>;
}

export type WithdrawOutcome<D> = { kind: 'unchanged' } | { kind: 'refused'; message: string } | { kind: 'changed'; doc: D };

export interface WithdrawSteps<D extends Versioned> extends VersionedKind<D> {
  /** The state rule: already withdrawn (a retry), refused (with the words why), or the withdrawn document. */
  withdraw(doc: D, nowIso: string, reason: string): WithdrawOutcome<D>;
  /** The audit kind: `unpublished`, or `repealed` for a policy that stays readable as 已废止. */
  event: AuditKind;
  /** What the event records beside the new version. */
  eventData?(before: D): Record<string, unknown>;
}

interface VersionedRequest {
  id: string;
  version: number;
}

/** Publishes the working words; changed words become a new version, and every earlier version is kept. */
export function publishVersioned<D extends Versioned, S extends { version: number }>(
  steps: PublishSteps<D, S>,
  request: VersionedRequest & { note?: string },
  caller: Caller,
  now: Date,
): Promise<D> {
  const nowIso = now.toISOString();
  return runTransaction(async (tx) => {
    const existing = await steps.read(tx, request.id);
    if (!existing) throw errors.notFound(steps.label);
    if (steps.publishedAsIs(existing)) return existing;
    if (existing.version !== request.version) throw errors.conflict();
    const { doc: next, snapshot } = await steps.publish(tx, existing, nowIso, request.note);
    if (snapshot) await steps.writeVersion(tx, snapshot);
    await steps.write(tx, next);
    await recordEvent(tx, {
      subject: steps.subject,
      subjectId: next._id,
      kind: 'published',
      at: nowIso,
      actor: auditActor(caller),
      note: snapshot ? `发布第 ${snapshot.version} 版` : '重新发布（内容未变）',
      data: { version: next.version, publishedVersion: next.pubVersion, ...(request.note ? { note: request.note } : {}) },
    });
    return next;
  });
}

/** Takes a published document down with the reason; a second withdrawal is a retry and changes nothing. */
export function withdrawVersioned<D extends Versioned>(steps: WithdrawSteps<D>, request: VersionedRequest & { reason: string }, caller: Caller, now: Date): Promise<D> {
  const nowIso = now.toISOString();
  return runTransaction(async (tx) => {
    const existing = await steps.read(tx, request.id);
    if (!existing) throw errors.notFound(steps.label);
    const outcome = steps.withdraw(existing, nowIso, request.reason);
    if (outcome.kind === 'unchanged') return existing;
    if (outcome.kind === 'refused') throw errors.precondition(outcome.message);
    if (existing.version !== request.version) throw errors.conflict();
    await steps.write(tx, outcome.doc);
    await recordEvent(tx, {
      subject: steps.subject,
      subjectId: existing._id,
      kind: steps.event,
      at: nowIso,
      actor: auditActor(caller),
      note: request.reason,
      data: { version: outcome.doc.version, ...steps.eventData?.(existing) },
    });
    return outcome.doc;
  });
}

export interface SaveSteps<D extends Versioned> extends VersionedKind<D> {
  /** A new document (a draft) under `id`. */
  create(id: string): D;
  /** How the created document is named in the audit trail (its title). */
  nameOf(doc: D): string;
  /** Why a change note is refused for this document (it has never been published), or null when it is taken. */
  noteRefusal(doc: D): string | null;
  /** The document with the new working words. */
  edit(doc: D, nowIso: string, note: string | undefined): D;
}

export interface SaveRequest {
  /** The document edited; absent to create one. */
  id?: string;
  version?: number;
  note?: string;
  /** The id a new document is created under, and whether it is the caller's request key (a retry answers the first). */
  createAs: { id: string; keyed: boolean };
}

/** Creates a document or changes its working words; an edit carries the version it was based on. */
export function saveVersioned<D extends Versioned>(steps: SaveSteps<D>, request: SaveRequest, caller: Caller, now: Date): Promise<D> {
  const nowIso = now.toISOString();
  const actor = auditActor(caller);
  return runTransaction(async (tx) => {
    if (request.id === undefined) {
      const first = request.createAs.keyed ? await steps.read(tx, request.createAs.id) : null;
      if (first) return first;
      const created = steps.create(request.createAs.id);
      await steps.write(tx, created);
      await recordEvent(tx, { subject: steps.subject, subjectId: created._id, kind: 'created', at: nowIso, actor, note: steps.nameOf(created) });
      return created;
    }
    const existing = await steps.read(tx, request.id);
    if (!existing) throw errors.notFound(steps.label);
    if (existing.version !== request.version) throw errors.conflict();
    const refusal = request.note ? steps.noteRefusal(existing) : null;
    if (refusal) throw errors.invalid(`提交的内容有误：${refusal}`, { note: refusal });
    const next = steps.edit(existing, nowIso, request.note);
    await steps.write(tx, next);
    await recordEvent(tx, {
      subject: steps.subject,
      subjectId: request.id,
      kind: 'edited',
      at: nowIso,
      actor,
      data: { version: next.version, pending: !!next.pending, ...(request.note ? { note: request.note } : {}) },
    });
    return next;
  });
}
