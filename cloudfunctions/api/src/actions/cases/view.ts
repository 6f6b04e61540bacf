// A case as each caller may see it: the citizen their own case (contact masked, no internal events, no staff names),
// staff the working view (internal events, pending reply, flags; contact unmasked only for those handling it).
import * as cloud from 'wx-server-sdk';
import type { CaseCosign, CaseListItem, CaseReply, CaseView, PublicLetter, QueueFilterCounts, QueueItem, TimelineEntry } from '../../../../../typings/api';
import type { CaseDoc, CaseEventDoc, LetterDoc, ReplyDoc } from '../../domain/case-doc';
import { dueBucket } from '../../domain/case-keys';
import { isCosignable, mayRespond } from '../../domain/cosign';
import { ACTOR_LABELS, EVENT_LABELS, SCORE_LABELS, STATUS_LABELS } from '../../domain/case-labels';
import { answerPromisedBy, dueText, isLate, runningDue } from '../../domain/deadlines';
import { maskName, maskPhone } from '../../domain/privacy';
import { highlight } from '../../domain/search-tokens';
import type { Caller } from '../../lib/caller';
import { caseAbilities, requireVisible, seesContact, seesInternal } from '../../permissions';
import { listEvents } from '../../repositories/cases';
import { findLetter } from '../../repositories/letters';
import { departmentName, typeLabel, type CaseEnv } from './env';

export function timelineEntry(e: CaseEventDoc, env: CaseEnv, withNote: boolean): TimelineEntry {
  const actor: TimelineEntry['actor'] = { role: e.actor.role, roleLabel: ACTOR_LABELS[e.actor.role] };
  if (e.actor.departmentId) {
    actor.departmentId = e.actor.departmentId;
    const name = departmentName(env, e.actor.departmentId);
    if (name) actor.departmentName = name;
  }
  const entry: TimelineEntry = { id: e._id, at: e.at, kind: e.kind, kindLabel: EVENT_LABELS[e.kind], actor, visibility: e.visibility };
  if (e.from) entry.from = e.from;
  if (e.to) entry.to = e.to;
  if (withNote && e.note) entry.note = e.note;
  return entry;
}

function replyView(r: ReplyDoc, env: CaseEnv): CaseReply {
  const out: CaseReply = { content: r.content, at: r.at, fromTemplate: r.fromTemplate };
  const name = departmentName(env, r.departmentId);
  if (name) out.departmentName = name;
  return out;
}

async function imageUrls(fileIDs: string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  try {
    const { fileList } = await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: 3600 })) });
    return new Map(fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
  } catch (error) {
    console.warn('[cases] getTempFileURL failed; images without preview', error);
    return new Map();
  }
}

export async function caseView(doc: CaseDoc, caller: Caller, env: CaseEnv, events?: CaseEventDoc[]): Promise<CaseView> {
  const internal = seesInternal(caller, doc);
  const [all, urls] = await Promise.all([events ?? listEvents(doc._id), imageUrls(doc.images)]);
  const timeline = all.filter((e) => internal || e.visibility !== 'internal').map((e) => timelineEntry(e, env, true));
  const contact = seesContact(caller, doc);
  const deptId = doc.departmentId ?? doc.routeDepartmentId;
  const view: CaseView = {
    id: doc._id,
    trackingNo: doc.trackingNo,
    type: doc.type,
    typeLabel: typeLabel(env, doc.type),
    categoryId: doc.categoryId,
    categoryName: env.catalog.categories.get(doc.categoryId)?.name ?? '',
    title: doc.title,
    content: doc.content,
    images: doc.images.map((fileID) => {
      const url = urls.get(fileID);
      return url ? { fileID, url } : { fileID };
    }),
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    version: doc.version,
    submittedAt: doc.submittedAt,
    acceptDueAt: doc.acceptDueAt,
    dueText: dueText(doc, env.now, env.cal),
    late: isLate(doc, env.now),
    reopenCount: doc.reopenCount,
    publishConsent: doc.publishConsent,
    timeline,
    can: caseAbilities(caller, doc, env.now, env.rules.reviewReplies),
  };
  if (doc.departmentId) {
    view.departmentId = doc.departmentId;
    const name = departmentName(env, doc.departmentId);
    if (name) view.departmentName = name;
  } else if (internal && deptId) {
    view.suggestedDepartmentId = deptId;
  }
  if (doc.answerDueAt) view.answerDueAt = doc.answerDueAt;
  else if (doc.status === 'submitted') view.answerPromisedBy = answerPromisedBy(doc.acceptDueAt, env.rules.answerDays[doc.type], env.cal);
  if (doc.status === 'needs_info' && doc.question) view.question = doc.question;
  if (doc.extension && (internal || doc.extension.status === 'approved')) {
    view.extension = { status: doc.extension.status, days: doc.extension.days, reason: doc.extension.reason, requestedAt: doc.extension.requestedAt };
  }
  if (doc.reply) view.reply = replyView(doc.reply, env);
  if (internal && doc.pendingReply) view.pendingReply = replyView(doc.pendingReply, env);
  if (doc.rating) view.rating = { ...doc.rating, scoreLabel: SCORE_LABELS[doc.rating.score] };
  if (doc.contactName) view.contactName = contact ? doc.contactName : maskName(doc.contactName);
  if (doc.contactPhone) view.contactPhone = contact ? doc.contactPhone : maskPhone(doc.contactPhone);
  if (doc.policyId) view.policyId = doc.policyId;
  if (doc.guideItem) view.guideItem = { ...doc.guideItem };
  if (internal) {
    view.publishable = doc.publishable;
    view.flagged = doc.flagged;
    view.escalated = doc.escalated;
    const cosign = await caseCosignView(doc, caller, env);
    if (cosign) view.cosign = cosign;
  }
  return view;
}

export function listItem(doc: CaseDoc, env: CaseEnv): CaseListItem {
  return {
    id: doc._id,
    trackingNo: doc.trackingNo,
    type: doc.type,
    typeLabel: typeLabel(env, doc.type),
    title: doc.title,
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    submittedAt: doc.submittedAt,
    dueText: dueText(doc, env.now, env.cal),
    late: isLate(doc, env.now),
  };
}

const DAY_MS = 86_400_000;

export function queueItem(doc: CaseDoc, env: CaseEnv): QueueItem {
  const due = runningDue(doc);
  const item: QueueItem = {
    ...listItem(doc, env),
    categoryName: env.catalog.categories.get(doc.categoryId)?.name ?? '',
    acceptDueAt: doc.acceptDueAt,
    overdue: due !== undefined && env.now > due,
    dueSoon: due !== undefined && env.now <= due && Date.parse(due) - Date.parse(env.now) <= DAY_MS,
    flagged: doc.flagged,
    escalated: doc.escalated,
    awaitingReview: doc.awaitingReview,
    extensionPending: doc.extension?.status === 'pending',
  };
  const deptId = doc.departmentId;
  if (deptId) {
    item.departmentId = deptId;
    const name = departmentName(env, deptId);
    if (name) item.departmentName = name;
  }
  if (doc.answerDueAt) item.answerDueAt = doc.answerDueAt;
  if (doc.cosignAwaiting && doc.cosign) item.cosignAwaiting = { count: doc.cosign.count };
  return item;
}

/**
 * Counts from the maintained counters (one document read, docs/adr/0013-case-queries-and-counters.md). Deadlines
 * are ends of days, so "overdue" is every day bucket before today and "due within a day" is today's bucket.
 */
export function queueCounts(stats: Record<string, number>, now: string): QueueFilterCounts {
  const today = dueBucket(now);
  let overdue = 0;
  for (const [k, n] of Object.entries(stats)) if (/^d\d{8}$/.test(k) && k < today) overdue += n;
  const c = (k: string) => stats[k] ?? 0;
  return {
    all: c('submitted') + c('accepted') + c('processing') + c('needs_info'),
    submitted: c('submitted'),
    accepted: c('accepted'),
    processing: c('processing'),
    needs_info: c('needs_info'),
    replied: c('replied'),
    overdue,
    dueSoon: c(today),
    awaitingReview: c('awaitingReview'),
    flagged: c('flagged'),
    cosignAwaiting: c('cosignAwaiting'),
  };
}

/** A public letter in a list, its title parts marked where they match the keyword. */
export function letterItem(l: LetterDoc, env: CaseEnv, keyword?: string): PublicLetter {
  const item: PublicLetter = {
    id: l._id,
    title: l.title,
    categoryId: l.categoryId,
    categoryName: env.catalog.categories.get(l.categoryId)?.name ?? '',
    typeLabel: typeLabel(env, l.type),
    submittedAt: l.submittedAt,
    repliedAt: l.repliedAt,
    cosignable: isCosignable(l),
    cosignCount: l.cosignCount ?? 0,
  };
  if (keyword) item.titleParts = highlight(l.title, keyword);
  return item;
}

/** The staff's view of a case's co-signs, when its letter has any or the threshold was reached. */
export async function caseCosignView(doc: CaseDoc, caller: Caller, env: CaseEnv): Promise<CaseCosign | undefined> {
  if (!doc.publishable && !doc.cosign) return undefined;
  const letter = await findLetter(doc._id);
  const count = letter?.cosignCount ?? doc.cosign?.count ?? 0;
  if (count === 0 && !doc.cosign) return undefined;
  const out: CaseCosign = {
    count,
    threshold: doc.cosign?.threshold ?? env.settings.cosignThreshold,
    awaitingResponse: Boolean(doc.cosignAwaiting),
    canRespond: Boolean(doc.cosignAwaiting) && mayRespond(requireVisible(caller, doc)) !== null,
  };
  if (doc.cosign) out.reachedAt = doc.cosign.reachedAt;
  const r = doc.cosign?.response;
  if (r) {
    out.response = { content: r.content, at: r.at };
    const dept = departmentName(env, r.departmentId);
    if (dept) out.response.departmentName = dept;
  }
  return out;
}
