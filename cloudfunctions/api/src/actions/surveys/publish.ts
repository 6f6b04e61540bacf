// survey.publish: a survey becomes public and opens for answers within its window.
import { type SurveyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { putSurveyInTx, surveyInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { surveyVersioned } from './schemas';
import { surveyView } from './view';

/** Makes a survey public; it opens for answers with its window. Publishing a published survey again is a retry. */
export const surveyPublish = defineAction<'survey.publish'>({
  schema: surveyVersioned,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx): Promise<SurveyDoc> => {
      const prev = await surveyInTx(tx, input.id);
      if (!prev) throw errors.notFound('调查');
      if (prev.published) return prev;
      if (prev.version !== input.version) throw errors.conflict();
      if (prev.closesAt <= nowIso) throw errors.precondition('截止时间已过，请先修改截止时间再发布');
      const next: SurveyDoc = { ...prev, published: true, publishedAt: nowIso, version: prev.version + 1, updatedAt: nowIso };
      await putSurveyInTx(tx, next);
      await recordEvent(tx, { subject: 'survey', subjectId: prev._id, kind: 'published', at: nowIso, actor: auditActor(caller), data: { version: next.version } });
      return next;
    });
    return surveyView(doc, caller, now);
  },
});
