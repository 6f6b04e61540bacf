// How a policy document changes: created, edited, published (a new frozen version when the text changed), unpublished
// or repealed. Pure: each function answers the next document; the action persists it. docs/adr/0031-policy-versions.md.
import {
  contentOf,
  expiresKeyOf,
  listKeyOf,
  sameContent,
  tokensOf,
  versionDocId,
  workingContent,
  type PolicyContent,
  type PolicyDoc,
  type PolicyVersionDoc,
} from './policy';

/** The top level of a document set to `content`, with everything derived from it. */
function withFace(doc: PolicyDoc, content: PolicyContent): PolicyDoc {
  // Drop the old face first: an optional field the new content lacks (docNo, expiresAt ...) must not survive.
  const { title: _t, docNo: _d, issuer: _i, categoryId: _c, issuedAt: _ia, effectiveFrom: _ef, expiresAt: _ea, paragraphs: _p, explanation: _x, attachments: _at, relatedIds: _r, ...rest } = doc;
  const next: PolicyDoc = { ...rest, ...contentOf(content) } as PolicyDoc;
  Object.assign(next, tokensOf(next));
  next.listKey = listKeyOf(next);
  next.expiresKey = expiresKeyOf(next.expiresAt);
  return next;
}

export function newPolicy(id: string, content: PolicyContent, nowIso: string): PolicyDoc {
  const blank = {
    _id: id,
    version: 1,
    status: 'draft',
    createdAt: nowIso,
    updatedAt: nowIso,
    pubVersion: 0,
    versions: [],
    pending: null,
  } as unknown as PolicyDoc;
  return withFace(blank, content);
}

/**
 * An edit. While citizens can see the policy (published, repealed) it waits in `pending` and the public face stays the
 * published text; otherwise it is the document itself.
 */
export function applyEdit(doc: PolicyDoc, content: PolicyContent, nowIso: string, note?: string): PolicyDoc {
  const bump = { version: doc.version + 1, updatedAt: nowIso };
  const { pendingNote, ...rest } = doc;
  if (doc.status === 'draft') return { ...withFace(rest, content), ...bump, pending: null };
  if (sameContent(content, contentOf(doc))) return { ...rest, ...bump, pending: null };
  // The note of the latest save wins; a save without one keeps the note already written for these edits.
  const keptNote = note ?? pendingNote;
  return { ...rest, ...bump, pending: contentOf(content), ...(keptNote ? { pendingNote: keptNote } : {}) };
}

/** A change note belongs to a revision of public text; before the first publication there is nothing to revise. */
export function acceptsChangeNote(doc: PolicyDoc): boolean {
  return doc.status !== 'draft';
}

/** Whether publishing would change anything: a published policy without pending edits is published already. */
export function isPublishedAsIs(doc: PolicyDoc): boolean {
  return doc.status === 'published' && !doc.pending;
}

/**
 * Publishes the working copy. A text that differs from the last published version becomes version n+1, frozen in
 * `policy_versions`; the same text published again (after an unpublish) only makes the policy public again.
 */
export function applyPublish(
  doc: PolicyDoc,
  lastPublished: PolicyContent | null,
  nowIso: string,
  note: string | undefined,
): { doc: PolicyDoc; snapshot: PolicyVersionDoc | null } {
  const content = workingContent(doc);
  const changed = !lastPublished || !sameContent(content, lastPublished);
  note = note ?? doc.pendingNote;
  let next: PolicyDoc = { ...doc, status: 'published', pending: null, version: doc.version + 1, updatedAt: nowIso };
  delete next.pendingNote;
  delete next.unpublishReason;
  delete next.unpublishedAt;
  let snapshot: PolicyVersionDoc | null = null;
  if (changed) {
    const n = doc.pubVersion + 1;
    const entry = note ? { version: n, publishedAt: nowIso, note } : { version: n, publishedAt: nowIso };
    next = { ...next, pubVersion: n, publishedAt: nowIso, firstPublishedAt: doc.firstPublishedAt ?? nowIso, versions: [...doc.versions, entry] };
    snapshot = { _id: versionDocId(doc._id, n), policyId: doc._id, version: n, publishedAt: nowIso, content: contentOf(content) };
    if (note) snapshot.note = note;
  }
  return { doc: withFace(next, content), snapshot };
}

export type UnpublishOutcome = { kind: 'unchanged' } | { kind: 'changed'; doc: PolicyDoc } | { kind: 'refused'; message: string };

/** Takes a policy out of the library (back to draft) or repeals it (still readable, marked 已废止), with the reason. */
export function applyUnpublish(doc: PolicyDoc, nowIso: string, reason: string, repeal: boolean): UnpublishOutcome {
  const target = repeal ? 'repealed' : 'draft';
  if (doc.status === target) return { kind: 'unchanged' };
  if (doc.status === 'draft') return { kind: 'refused', message: '这份政策尚未发布，无需废止' };
  return {
    kind: 'changed',
    doc: { ...doc, status: target, unpublishReason: reason, unpublishedAt: nowIso, version: doc.version + 1, updatedAt: nowIso },
  };
}
