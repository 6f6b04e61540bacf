// case.submit: a citizen's new case; a retry of the same submit screen answers the case it created.
import { createHash } from 'crypto';
import type { CaseDoc } from '../../domain/case-doc';
import type { CaseCore } from '../../domain/case-keys';
import { dueAfter, promiseText } from '../../domain/deadlines';
import { phoneTail, phoneTailHash } from '../../domain/phone-tail';
import { trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { createCase, findCase } from '../../repositories/cases';
import { dailySubmissionsKey, readCounter } from '../../repositories/counters';
import { findGuideItem } from '../../repositories/guide';
import { addGrants } from '../../repositories/notifications';
import { checkImages, checkText, worst } from '../../services/content-security';
import { caseEnv, event, type CaseEnv } from './env';
import { submitSchema } from './schemas';
import { configuredTemplates, openidOf } from './citizen-rules';

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
