import { surveyStatus } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { seesUnpublished } from '../../permissions';
import { findSurvey } from '../../repositories/surveys';
import { surveyId } from './schemas';
import { surveyView } from './view';

/** A survey being built is the editors' alone; to anyone else it does not exist. */
export const surveyGet = defineAction<'survey.get'>({
  schema: surveyId,
  async run(input, { caller, now }) {
    const doc = await findSurvey(input.id);
    if (!doc || (surveyStatus(doc, now) === 'draft' && !seesUnpublished(caller))) throw errors.notFound('调查');
    return surveyView(doc, caller, now);
  },
});
