// The staff's side of a case: the queue, and every command from acceptance to publication.
import type { QueueFilterCounts } from '../../../../../typings/api';
import { dayLabel, shanghaiDay } from '../../domain/calendar';
import type { CaseDoc } from '../../domain/case-doc';
import { dueBucket, QUEUE_REPLIED, QUEUE_RUNNING, type CaseCore } from '../../domain/case-keys';
import { REJECT_REASON_LABELS, STATUS_LABELS } from '../../domain/case-labels';
import { DONE_STATUSES } from '../../domain/case-machine';
import { dueAfter, isLate, shiftDue } from '../../domain/deadlines';
import { buildLetter } from '../../domain/public-letter';
import { templateUse } from '../../domain/reply-template';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { queueDepartment } from '../../permissions';
import { loadStats } from '../../repositories/cases';
import { phasedPage, type Phase } from '../../repositories/phased-page';
import { departmentHandlers, staffWithRole } from '../../repositories/users';
import { actorOf, caseEnv, citizenNotice, event, staffNotices, type CaseEnv } from './env';
import { mutateCase } from './mutate';
import {
  acceptSchema,
  approveExtensionSchema,
  approveReplySchema,
  askInfoSchema,
  assignSchema,
  clearContentSchema,
  escalateSchema,
  noteSchema,
  queueSchema,
  rejectSchema,
  replySchema,
  requestExtensionSchema,
  setPublishableSchema,
} from './schemas';
import { queueItem } from './view';

const HOUR_MS = 3_600_000;
/** A short excerpt for a message: WeChat's "thing" values hold 20 characters. */
const excerpt = (s: string) => s.replace(/\s+/g, ' ').slice(0, 40);

// ---- queue ------------------------------------------------------------------------------------------------------

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

export const caseQueue = defineAction<'case.queue'>({
  schema: queueSchema,
  async run(input, { caller, now }) {
    const dept = queueDepartment(caller, input.departmentId);
    const nowIso = now.toISOString();
    const where: Record<string, unknown> = dept ? { departmentId: dept } : {};
    const bounds: NonNullable<Phase['bounds']> = [];
    if (input.status) where.status = input.status;
    if (input.flagged) where.flagged = true;
    if (input.awaitingReview) where.awaitingReview = true;
    if (input.cosignAwaiting) where.cosignAwaiting = true;
    if (input.overdue) {
      bounds.push(['gte', `${QUEUE_RUNNING}|`], ['lt', `${QUEUE_RUNNING}|${nowIso}`]);
    } else if (input.dueWithinHours) {
      bounds.push(['gte', `${QUEUE_RUNNING}|${nowIso}`], ['lte', `${QUEUE_RUNNING}|${new Date(now.getTime() + input.dueWithinHours * HOUR_MS).toISOString()}|\uffff`]);
    } else if (!input.status && !input.flagged && !input.awaitingReview && !input.cosignAwaiting) {
      // The default queue: work in hand (clock running, then waiting for the citizen), by deadline.
      bounds.push(['lt', QUEUE_REPLIED]);
    }
    const [env, stats, page] = await Promise.all([
      caseEnv(now),
      loadStats(dept ? `dept:${dept}` : 'all'),
      phasedPage<CaseDoc & Record<string, unknown>>({
        collection: COLLECTIONS.cases,
        // Finished cases read newest first; work in hand by deadline, soonest first.
        phases: [{ where, key: 'queueKey', dir: input.status && DONE_STATUSES.includes(input.status) ? -1 : 1, bounds }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
      }),
    ]);
    return { items: page.docs.map((d) => queueItem(d, env)), nextCursor: page.nextCursor, counts: queueCounts(stats, nowIso) };
  },
});

// ---- routing ----------------------------------------------------------------------------------------------------

function requireDepartment(env: CaseEnv, id: string): string {
  const d = env.catalog.departments.get(id);
  if (!d || d.disabled) throw errors.invalid('请选择有效的承办单位', { departmentId: '请选择有效的承办单位' });
  return d.name;
}

export const caseAccept = defineAction<'case.accept'>({
  schema: acceptSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'accept',
      prepare: async (_doc, env) => {
        if (!input.departmentId) return { handlers: [] as string[], name: '' };
        const name = requireDepartment(env, input.departmentId);
        return { handlers: await departmentHandlers(input.departmentId), name };
      },
      build: (doc, pass, env, { handlers, name }) => {
        const who = actorOf(pass.actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, status: pass.to, acceptedAt: env.now, answerDueAt: dueAfter(env.now, env.rules.answerDays[doc.type], env.cal) };
        const events = [event(env, 'accepted', who, 'public', { from: doc.status, to: pass.to, note: input.note || undefined, actorOpenid: ctx.caller.openid })];
        if (!input.departmentId) {
          return { next, events, notifications: [citizenNotice(env, doc, pass.to, '已受理，正在确定承办单位')] };
        }
        // Accepting with a department routes it at once: the accept and the assignment are two steps of one write.
        next.status = pass.then('assign');
        next.departmentId = input.departmentId;
        events.push(event(env, 'assigned', who, 'public', { from: pass.to, to: next.status, note: `分派至${name}`, actorOpenid: ctx.caller.openid }));
        return {
          next,
          events,
          notifications: [
            citizenNotice(env, doc, next.status, `已受理，由${name}办理`),
            ...staffNotices(env, handlers, 'staff_assigned', doc, '新分派', `新诉求待办理，${dayLabel(shanghaiDay(next.answerDueAt!))}前答复`, next.answerDueAt),
          ],
        };
      },
    }),
});

export const caseReject = defineAction<'case.reject'>({
  schema: rejectSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'reject',
      build: (doc, { actor, to }, env) => {
        const note = input.note ? `${REJECT_REASON_LABELS[input.reason]}：${input.note}` : REJECT_REASON_LABELS[input.reason];
        const next: CaseCore = { ...doc, status: to, rejectReason: input.reason, endedAt: env.now };
        return {
          next,
          events: [event(env, 'rejected', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, to, note)],
        };
      },
    }),
});

export const caseAssign = defineAction<'case.assign'>({
  schema: assignSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'assign',
      prepare: async (doc, env) => {
        const name = requireDepartment(env, input.departmentId);
        if (doc.departmentId === input.departmentId) throw errors.precondition(`此件诉求已由${name}承办。`);
        return { handlers: await departmentHandlers(input.departmentId), name };
      },
      build: (doc, { actor, to }, env, { handlers, name }) => {
        if (doc.departmentId === input.departmentId) throw errors.precondition(`此件诉求已由${name}承办。`);
        const who = actorOf(actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, status: to, departmentId: input.departmentId };
        const first = doc.status === 'accepted';
        // A reply written by the previous department is not the new department's answer.
        delete next.pendingReply;
        next.awaitingReview = false;
        const note = `${first ? '分派至' : '改派至'}${name}${input.note ? `：${input.note}` : ''}`;
        const events = [event(env, first ? 'assigned' : 'reassigned', who, first ? 'public' : 'citizen', { from: doc.status, to: next.status, note, actorOpenid: ctx.caller.openid })];
        const notifications = staffNotices(env, handlers, 'staff_assigned', doc, first ? '新分派' : '改派', note, next.answerDueAt);
        if (first) notifications.unshift(citizenNotice(env, doc, next.status, `由${name}办理`));
        return { next, events, notifications };
      },
    }),
});

export const caseClearContent = defineAction<'case.clearContent'>({
  schema: clearContentSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'clearContent',
      build: (doc, { actor }, env) => ({
        next: { ...doc, flagged: false },
        events: [event(env, 'content_cleared', actorOf(actor, ctx.caller, doc), 'internal', { note: input.note || '内容经人工确认无误', actorOpenid: ctx.caller.openid })],
      }),
    }),
});

// ---- handling ---------------------------------------------------------------------------------------------------

export const caseAskInfo = defineAction<'case.askInfo'>({
  schema: askInfoSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'askInfo',
      build: (doc, { actor, to }, env) => ({
        next: { ...doc, status: to, pausedAt: env.now, question: input.question },
        events: [event(env, 'info_requested', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.question, actorOpenid: ctx.caller.openid })],
        notifications: [citizenNotice(env, doc, 'needs_info', `请补充：${excerpt(input.question)}`)],
      }),
    }),
});

export const caseReply = defineAction<'case.reply'>({
  schema: replySchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: (_doc, env) => (env.rules.reviewReplies ? 'submitReply' : 'reply'),
      prepare: async (_doc, env) => {
        const templates = env.settings.replyTemplates;
        const chosen = input.templateId ? templates.find((t) => t.id === input.templateId) : undefined;
        if (input.templateId && !chosen) throw errors.invalid('答复模板不存在', { templateId: '答复模板不存在' });
        const use = templateUse(input.content, templates, chosen);
        if (use.templateOnly) throw errors.precondition('请结合具体情况作答：答复不能只套用模板，请写明针对此件诉求的办理情况。');
        return { fromTemplate: use.fromTemplate, supervisors: env.rules.reviewReplies ? await staffWithRole('supervisor') : [] };
      },
      build: (doc, { actor, to }, env, { fromTemplate, supervisors }) => {
        const who = actorOf(actor, ctx.caller, doc);
        const reply = { content: input.content, at: env.now, fromTemplate, ...(doc.departmentId ? { departmentId: doc.departmentId } : {}), ...(input.templateId ? { templateId: input.templateId } : {}) };
        if (env.rules.reviewReplies) {
          return {
            next: { ...doc, pendingReply: reply, awaitingReview: true },
            events: [event(env, 'reply_submitted', who, 'internal', { note: input.content, actorOpenid: ctx.caller.openid })],
            notifications: staffNotices(env, supervisors, 'staff_review', doc, '待审核', '答复待审核'),
          };
        }
        const next: CaseCore = { ...doc, status: to, reply };
        delete next.question;
        return {
          next,
          events: [event(env, 'replied', who, 'public', { from: doc.status, to, note: input.content, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, 'replied', `答复：${excerpt(input.content)}`)],
        };
      },
    }),
});

export const caseApproveReply = defineAction<'case.approveReply'>({
  schema: approveReplySchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.approve ? 'approveReply' : 'returnReply',
      prepare: async (doc) => ({ handlers: !input.approve && doc.departmentId ? await departmentHandlers(doc.departmentId) : [] }),
      build: (doc, { actor, to }, env, { handlers }) => {
        const pending = doc.pendingReply!;
        const who = actorOf(actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, awaitingReview: false };
        delete next.pendingReply;
        if (!input.approve) {
          return {
            next,
            events: [event(env, 'reply_returned', who, 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
            notifications: staffNotices(env, handlers, 'staff_assigned', doc, '退回修改', `答复被退回：${excerpt(input.note ?? '')}`, doc.answerDueAt),
          };
        }
        // The citizen receives the answer when it is approved; that is when it was given.
        next.status = to;
        next.reply = { ...pending, at: env.now };
        delete next.question;
        const author = pending.departmentId ? { role: 'handler' as const, departmentId: pending.departmentId } : { role: 'handler' as const };
        const events = [event(env, 'replied', author, 'public', { from: doc.status, to, note: pending.content })];
        events.unshift(event(env, 'note', who, 'internal', { note: `答复审核通过${input.note ? `：${input.note}` : ''}`, actorOpenid: ctx.caller.openid }));
        return { next, events, notifications: [citizenNotice(env, doc, 'replied', `答复：${excerpt(pending.content)}`)] };
      },
    }),
});

export const caseNote = defineAction<'case.note'>({
  schema: noteSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'note',
      build: (doc, { actor }, env) => ({
        next: doc,
        events: [event(env, 'note', actorOf(actor, ctx.caller, doc), 'internal', { note: input.content, actorOpenid: ctx.caller.openid })],
      }),
    }),
});

// ---- deadlines and supervision ------------------------------------------------------------------------------------

export const caseRequestExtension = defineAction<'case.requestExtension'>({
  schema: requestExtensionSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'requestExtension',
      prepare: async (doc, env) => {
        if (input.days > env.rules.extensionMaxDays) {
          throw errors.invalid(`延期不能超过 ${env.rules.extensionMaxDays} 个工作日`, { days: `延期不能超过 ${env.rules.extensionMaxDays} 个工作日` });
        }
        if (isLate(doc, env.now)) throw errors.precondition('已超过答复期限，不能再申请延期，请尽快答复。');
        return { supervisors: await staffWithRole('supervisor') };
      },
      build: (doc, { actor }, env, { supervisors }) => {
        if (isLate(doc, env.now)) throw errors.precondition('已超过答复期限，不能再申请延期，请尽快答复。');
        return {
          next: { ...doc, extension: { status: 'pending', days: input.days, reason: input.reason, requestedAt: env.now } },
          events: [event(env, 'extension_requested', actorOf(actor, ctx.caller, doc), 'internal', { note: `申请延期 ${input.days} 个工作日：${input.reason}`, actorOpenid: ctx.caller.openid })],
          notifications: staffNotices(env, supervisors, 'staff_review', doc, '待审批', `延期申请待审批：${input.days} 个工作日`),
        };
      },
    }),
});

export const caseApproveExtension = defineAction<'case.approveExtension'>({
  schema: approveExtensionSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.approve ? 'approveExtension' : 'rejectExtension',
      build: (doc, { actor }, env) => {
        const ext = doc.extension!;
        const who = actorOf(actor, ctx.caller, doc);
        if (!input.approve) {
          return {
            next: { ...doc, extension: { ...ext, status: 'rejected', decidedAt: env.now } },
            events: [event(env, 'extension_rejected', who, 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
          };
        }
        const answerDueAt = shiftDue(doc.answerDueAt ?? dueAfter(env.now, 0, env.cal), ext.days, env.cal);
        const note = `答复期限延长 ${ext.days} 个工作日，至 ${dayLabel(shanghaiDay(answerDueAt))}。延期理由：${ext.reason}`;
        return {
          next: { ...doc, answerDueAt, extension: { ...ext, status: 'approved', decidedAt: env.now } },
          // The reason is the citizen's to read: the promise changed, they are told why.
          events: [event(env, 'extension_approved', who, 'citizen', { note, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, STATUS_LABELS[doc.status], `答复期限延至${dayLabel(shanghaiDay(answerDueAt))}`)],
        };
      },
    }),
});

export const caseEscalate = defineAction<'case.escalate'>({
  schema: escalateSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'escalate',
      prepare: async (doc) => ({ handlers: doc.departmentId ? await departmentHandlers(doc.departmentId) : [] }),
      build: (doc, { actor }, env, { handlers }) => ({
        next: { ...doc, escalated: true },
        events: [event(env, 'escalated', actorOf(actor, ctx.caller, doc), 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
        notifications: staffNotices(env, handlers, 'staff_overdue', doc, '督办', `督办：${excerpt(input.note)}`, doc.answerDueAt),
      }),
    }),
});

export const caseSetPublishable = defineAction<'case.setPublishable'>({
  schema: setPublishableSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.publishable ? 'setPublishable' : 'unpublish',
      build: (doc, { actor }, env) => {
        const who = actorOf(actor, ctx.caller, doc);
        if (!input.publishable) {
          const next: CaseCore = { ...doc, publishable: false };
          delete next.redactions;
          delete next.publicTitle;
          return { next, events: [event(env, 'publishable_set', who, 'internal', { note: '取消公开', actorOpenid: ctx.caller.openid })], letter: { remove: true } };
        }
        const redactions = input.redactions ?? [];
        const next: CaseCore = { ...doc, publishable: true, redactions };
        if (input.publicTitle) next.publicTitle = input.publicTitle;
        const letter = buildLetter({ ...doc, ...next } as CaseDoc, { redactions, publicTitle: input.publicTitle, now: env.now });
        const note = redactions.length > 0 ? `设为公开信件，隐去 ${redactions.length} 处内容` : '设为公开信件';
        return { next, events: [event(env, 'publishable_set', who, 'internal', { note, actorOpenid: ctx.caller.openid })], letter: { upsert: letter } };
      },
    }),
});

