// The citizen's side of a case: submit, list and read their own, withdraw, supplement, rate, subscribe to messages.
import { createHash } from 'crypto';
import type { CaseDoc } from '../../domain/case-doc';
import type { CaseCore } from '../../domain/case-keys';
import { SCORE_LABELS } from '../../domain/case-labels';
import { ratingOutcome } from '../../domain/case-machine';
import { dueAfter, pauseDays, promiseText, shiftDue } from '../../domain/deadlines';
import { dayLabel, shanghaiDay } from '../../domain/calendar';
import { phoneTail, phoneTailHash } from '../../domain/phone-tail';
import { normalizeTrackingNo, trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { COLLECTIONS } from '../../lib/db';
import { AppError, errors } from '../../lib/errors';
import { caseActors, requireVisible } from '../../permissions';
import { createCase, findCase, findCaseByTrackingNo } from '../../repositories/cases';
import { dailySubmissionsKey, readCounter } from '../../repositories/counters';
import { findGuideItem } from '../../repositories/guide';
import { addGrants } from '../../repositories/notifications';
import { phasedPage } from '../../repositories/phased-page';
import { staffWithRole } from '../../repositories/users';
import { checkImages, checkText, worst } from '../../services/content-security';
import { actorOf, caseEnv, citizenNotice, event, staffNotices, type CaseEnv } from './env';
import { mutateCase } from './mutate';
import { findByTrackingNoSchema, getSchema, listMineSchema, rateSchema, submitSchema, subscribeSchema, supplementSchema, withdrawSchema } from './schemas';
import { caseView, listItem } from './view';

function openidOf(caller: Caller): string {
  if (!caller.openid) throw errors.unauthenticated();
  return caller.openid;
}

/** The case id of a submission: the same citizen retrying the same submit screen lands on the same case. */
export function submissionId(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 32);
}

/** The item an inquiry is linked to must be one citizens can read; its name is kept as the citizen saw it. */
async function guideItemAskedAbout(id: string): Promise<{ id: string; name: string }> {
  const item = await findGuideItem(id);
  if (!item || item.status !== 'published') throw errors.invalid('关联的办事事项不存在或已撤回', { guideItemId: '关联的办事事项不存在或已撤回' });
  return { id: item._id, name: item.name };
}

const rateLimited = (limit: number) =>
  errors.rateLimited(`今天已提交 ${limit} 件诉求，已达每日上限，请明天再来。紧急情况请拨打 12345 热线。`);

function submitAnswer(doc: CaseDoc, env: CaseEnv) {
  const answerDays = env.rules.answerDays[doc.type];
  const res = { id: doc._id, trackingNo: doc.trackingNo, status: doc.status, acceptDueAt: doc.acceptDueAt, promiseText: promiseText(doc.acceptDueAt, answerDays, env.cal) };
  return doc.answerDueAt ? { ...res, answerDueAt: doc.answerDueAt } : res;
}

export const caseSubmit = defineAction<'case.submit'>({
  schema: submitSchema,
  async run(input, { caller, now }) {
    const openid = openidOf(caller);
    const id = submissionId(openid, input.clientRequestId);
    const env = await caseEnv(now);
    // A retry answers the first case, before any check that could now turn it away.
    const existing = await findCase(id);
    if (existing) return submitAnswer(existing, env);

    const category = env.catalog.categories.get(input.categoryId);
    if (!category || category.disabled) throw errors.invalid('请选择有效的诉求分类', { categoryId: '请选择有效的诉求分类' });
    if (!category.types.includes(input.type)) throw errors.invalid('该分类不受理此类诉求，请重新选择类型', { type: '该分类不受理此类诉求' });
    const guideItem = input.guideItemId ? await guideItemAskedAbout(input.guideItemId) : undefined;
    const day = trackingDay(now);
    const limit = env.settings.limits.submissionsPerDay;
    if ((await readCounter(dailySubmissionsKey(openid, day))) >= limit) throw rateLimited(limit);

    const images = input.images ?? [];
    const verdict = worst(await checkText(openid, `${input.title}\n${input.content}`), await checkImages(openid, images));
    const doc: Omit<CaseCore, 'trackingNo' | 'version'> = {
      _id: id,
      openid,
      type: input.type,
      categoryId: category._id,
      // No default department (其他/不确定): the dispatcher picks one on acceptance.
      ...(category.departmentId ? { routeDepartmentId: category.departmentId } : {}),
      title: input.title,
      content: input.content,
      images,
      publishConsent: input.publishConsent,
      status: 'submitted',
      submittedAt: env.now,
      acceptDueAt: dueAfter(env.now, env.rules.acceptDays, env.cal),
      reopenCount: 0,
      flagged: verdict === 'review',
      escalated: false,
      awaitingReview: false,
      publishable: false,
      updatedAt: env.now,
    };
    if (input.contactName) doc.contactName = input.contactName;
    if (input.contactPhone) {
      doc.contactPhone = input.contactPhone;
      const tail = phoneTail(input.contactPhone);
      if (tail) doc.phoneTailHash = phoneTailHash(id, tail);
    }
    if (input.policyId) doc.policyId = input.policyId;
    if (guideItem) doc.guideItem = guideItem;
    const result = await createCase(
      { doc, day, dailyLimit: limit, events: [event(env, 'submitted', { role: 'citizen' }, 'public', { to: 'submitted', actorOpenid: openid })] },
      env,
      rateLimited,
    );
    if (result.created && input.subscribed?.length) {
      await addGrants(openid, configuredTemplates(env, input.subscribed), env.now);
    }
    return submitAnswer(result.doc, env);
  },
});

/** Only templates the agency configured are recorded: a grant for anything else could never be used. */
function configuredTemplates(env: CaseEnv, ids: readonly string[]): string[] {
  const known = new Set(Object.values(env.settings.subscribeTemplates).map((t) => t?.templateId));
  return ids.filter((t) => known.has(t));
}

const TAB_LANES = { open: 'open', replied: 'replied', done: 'done' } as const;

export const caseListMine = defineAction<'case.listMine'>({
  schema: listMineSchema,
  async run(input, { caller, now }) {
    const openid = openidOf(caller);
    const where: Record<string, unknown> = { openid };
    if (input.tab && input.tab !== 'all') where.lane = TAB_LANES[input.tab];
    if (input.status) where.status = input.status;
    const [env, page] = await Promise.all([
      caseEnv(now),
      phasedPage<CaseDoc & Record<string, unknown>>({
        collection: COLLECTIONS.cases,
        phases: [{ where, key: 'mineKey', dir: -1 }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
      }),
    ]);
    return { items: page.docs.map((d) => listItem(d, env)), nextCursor: page.nextCursor };
  },
});

export const caseGet = defineAction<'case.get'>({
  schema: getSchema,
  async run(input, { caller, now }) {
    const [doc, env] = await Promise.all([findCase(input.id), caseEnv(now)]);
    requireVisible(caller, doc);
    return caseView(doc!, caller, env);
  },
});

/**
 * "Where is my case": the case of a tracking number, for whoever may see it (the citizen who sent it, staff as
 * their role allows). Anyone else gets the same NOT_FOUND as for a number that does not exist.
 */
export const caseFindByTrackingNo = defineAction<'case.findByTrackingNo'>({
  schema: findByTrackingNoSchema,
  async run(input, { caller }) {
    // The schema has checked that it reads as a tracking number.
    const trackingNo = normalizeTrackingNo(input.trackingNo) ?? input.trackingNo;
    const doc = await findCaseByTrackingNo(trackingNo);
    if (!doc || caseActors(caller, doc).length === 0) throw new AppError('NOT_FOUND', `没有找到编号为 ${trackingNo} 的留言，请核对编号。`);
    return { id: doc._id, trackingNo };
  },
});

export const caseWithdraw = defineAction<'case.withdraw'>({
  schema: withdrawSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'withdraw',
      build: (doc, { actor, to }, env) => {
        const next: CaseCore = { ...doc, status: to, endedAt: env.now };
        delete next.pendingReply;
        next.awaitingReview = false;
        return {
          next,
          events: [event(env, 'withdrawn', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.reason || undefined, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, to, '您已撤回此件诉求')],
        };
      },
    }),
});

export const caseSupplement = defineAction<'case.supplement'>({
  schema: supplementSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'supplement',
      prepare: async (doc) => {
        const images = input.images ?? [];
        if (doc.images.length + images.length > 12) throw errors.invalid('图片总数不能超过 12 张', { images: '图片总数不能超过 12 张' });
        const openid = openidOf(ctx.caller);
        return worst(await checkText(openid, input.content), await checkImages(openid, images));
      },
      build: (doc, { actor, to }, env, verdict) => {
        const shift = doc.pausedAt ? pauseDays(doc.pausedAt, env.now, env.cal) : 0;
        const next: CaseCore = { ...doc, status: to, images: [...doc.images, ...(input.images ?? [])], flagged: doc.flagged || verdict === 'review' };
        if (doc.answerDueAt) next.answerDueAt = shiftDue(doc.answerDueAt, shift, env.cal);
        delete next.pausedAt;
        delete next.question;
        const events = [event(env, 'supplemented', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.content, actorOpenid: ctx.caller.openid })];
        if (shift > 0 && next.answerDueAt) {
          events.push(
            event(env, 'note', { role: 'system' }, 'citizen', {
              note: `等待补充材料 ${shift} 个工作日不计入办理时限，答复期限顺延至 ${dayLabel(shanghaiDay(next.answerDueAt))}`,
            }),
          );
        }
        return { next, events, notifications: [citizenNotice(env, doc, 'processing', '已收到补充材料，继续办理')] };
      },
    }),
});

export const caseRate = defineAction<'case.rate'>({
  schema: rateSchema,
  run: (input, ctx) => {
    const outcome = (doc: CaseDoc) => ratingOutcome(input.score, input.solved, doc.reopenCount);
    return mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: (doc) => outcome(doc).command,
      prepare: async (doc) => ({
        verdict: input.comment ? await checkText(openidOf(ctx.caller), input.comment) : ('pass' as const),
        supervisors: outcome(doc).escalate ? await staffWithRole('supervisor') : [],
      }),
      build: (doc, { actor, to }, env, { verdict, supervisors }) => {
        const o = outcome(doc);
        const rating = { score: input.score, solved: input.solved, at: env.now, ...(input.comment ? { comment: input.comment } : {}) };
        const who = actorOf(actor, ctx.caller, doc);
        const summary = `${SCORE_LABELS[input.score]}，问题${input.solved ? '已' : '未'}解决${input.comment ? `：${input.comment}` : ''}`;
        const flagged = doc.flagged || verdict === 'review';
        const rated = event(env, 'rated', who, 'citizen', { note: summary, actorOpenid: ctx.caller.openid });
        if (o.command === 'reopen') {
          const next: CaseCore = {
            ...doc,
            status: to,
            rating,
            flagged,
            reopenCount: doc.reopenCount + 1,
            answerDueAt: dueAfter(env.now, env.rules.answerDays[doc.type], env.cal),
          };
          delete next.reply;
          // The reply the citizen disliked stays in the timeline (the `replied` event); the case waits for a new one.
          return {
            next,
            events: [rated, event(env, 'reopened', who, 'citizen', { from: doc.status, to, note: '市民对答复不满意，重新办理' })],
            notifications: [citizenNotice(env, doc, to, '已重新办理，将尽快再次答复')],
          };
        }
        const next: CaseCore = { ...doc, status: to, rating, flagged, endedAt: env.now };
        const events = [rated, event(env, 'closed', who, 'public', { from: doc.status, to })];
        const notice = citizenNotice(env, doc, to, '感谢您的评价');
        if (!o.escalate) return { next, events, notifications: [notice] };
        // A second dissatisfaction does not loop the case again: it closes, and supervisors follow it up.
        next.escalated = true;
        const note = '市民再次表示不满意，转督办跟进';
        events.push(event(env, 'escalated', { role: 'system' }, 'internal', { note }));
        return { next, events, notifications: [notice, ...staffNotices(env, supervisors, 'staff_overdue', doc, '督办', note)] };
      },
    });
  },
});

export const caseSubscribe = defineAction<'case.subscribe'>({
  schema: subscribeSchema,
  async run(input, { caller, now }) {
    const env = await caseEnv(now);
    const known = configuredTemplates(env, input.templateIds);
    if (known.length === 0) throw errors.invalid('订阅的消息模板不存在', { templateIds: '订阅的消息模板不存在' });
    return { granted: await addGrants(openidOf(caller), known, env.now, input.clientRequestId) };
  },
});
