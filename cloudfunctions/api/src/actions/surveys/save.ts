import { checkSurveySave, surveyStatus, type SurveyContent, type SurveyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { findDraft } from '../../repositories/drafts';
import { findPolicy } from '../../repositories/policies';
import { loadCatalogMaps } from '../../repositories/catalog';
import { putSurveyInTx, surveyInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { idForRequest, newId } from '../policies/ids';
import { surveySaveSchema } from './schemas';
import { surveyView } from './view';

/** One spelling per instant (UTC, milliseconds), so stored instants compare as strings. */
const iso = (s: string): string => new Date(s).toISOString();

function contentOf(input: SurveyContent): SurveyContent {
  const out: SurveyContent = {
    title: input.title,
    questions: input.questions.map((q) => {
      const copy = { kind: q.kind, title: q.title, required: q.required !== false } as SurveyContent['questions'][number];
      if (q.options) copy.options = [...q.options];
      if (q.maxChoices !== undefined) copy.maxChoices = q.maxChoices;
      return copy;
    }),
    opensAt: iso(input.opensAt),
    closesAt: iso(input.closesAt),
    audience: input.audience.kind === 'everyone' ? { kind: 'everyone' } : { kind: 'department', departmentId: input.audience.departmentId },
    anonymous: input.anonymous,
  };
  if (input.intro) out.intro = input.intro;
  if (input.policyId) out.policyId = input.policyId;
  if (input.draftId) out.draftId = input.draftId;
  return out;
}

async function checkLinks(content: SurveyContent): Promise<void> {
  if (content.policyId && !(await findPolicy(content.policyId))) throw errors.invalid('关联的政策不存在', { policyId: '关联的政策不存在' });
  if (content.draftId && !(await findDraft(content.draftId))) throw errors.invalid('关联的意见征集不存在', { draftId: '关联的意见征集不存在' });
  if (content.audience.kind === 'department' && !(await loadCatalogMaps()).departments.has(content.audience.departmentId)) {
    throw errors.invalid('所选承办单位不存在', { 'audience.departmentId': '承办单位不存在' });
  }
}

/**
 * Creates or edits a survey. Every edit names the version it was based on (a stale one gets CONFLICT); once someone
 * has answered, the questions, audience, anonymity and opening are fixed (domain/surveys.ts checkSurveySave).
 */
export const surveySave = defineAction<'survey.save'>({
  schema: surveySaveSchema,
  async run(input, { caller, now }) {
    const { id, version, clientRequestId, ...rest } = input;
    if (id !== undefined && version === undefined) throw errors.invalid('修改调查时需要提供版本号，请刷新后重试', { version: '缺少版本号' });
    const content = contentOf(rest);
    await checkLinks(content);
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx): Promise<SurveyDoc> => {
      let prev: SurveyDoc | null = null;
      let surveyId: string;
      if (id === undefined) {
        surveyId = clientRequestId ? idForRequest('survey', caller.openid!, clientRequestId) : newId();
        if (clientRequestId) {
          const first = await surveyInTx(tx, surveyId);
          if (first) return first;
        }
      } else {
        surveyId = id;
        prev = await surveyInTx(tx, id);
        if (!prev) throw errors.notFound('调查');
        if (prev.version !== version) throw errors.conflict();
      }
      const verdict = checkSurveySave(prev, content, now);
      if (!verdict.ok) throw verdict.kind === 'invalid' ? errors.invalid(`提交的内容有误：${verdict.message}`, verdict.fields) : errors.precondition(verdict.message);
      const next: SurveyDoc = {
        ...(prev ?? { published: false, answered: false, resultsPublished: false, createdAt: nowIso, createdKey: `${nowIso}|${surveyId}` }),
        ...content,
        _id: surveyId,
        closeKey: `${content.closesAt}|${surveyId}`,
        version: (prev?.version ?? 0) + 1,
        updatedAt: nowIso,
      };
      for (const k of ['intro', 'policyId', 'draftId'] as const) if (!content[k]) delete next[k];
      await putSurveyInTx(tx, next);
      await recordEvent(tx, {
        subject: 'survey',
        subjectId: surveyId,
        kind: prev ? 'edited' : 'created',
        at: nowIso,
        actor: auditActor(caller),
        data: { version: next.version, opensAt: next.opensAt, closesAt: next.closesAt, status: surveyStatus(next, now) },
      });
      return next;
    });
    return surveyView(doc, caller, now);
  },
});
