// survey.textQueue: text answers waiting for moderation.
import { defineAction } from '../../lib/action';
import { findSurveys, pendingTextPage } from '../../repositories/surveys';
import { surveyTextQueueSchema } from './schemas';
import { toTextItem } from './view';

/** Text answers waiting for an editor, oldest first. They carry no trace of who wrote them. */
export const surveyTextQueue = defineAction<'survey.textQueue'>({
  schema: surveyTextQueueSchema,
  async run(input) {
    const page = await pendingTextPage(input.surveyId, input.limit ?? 20, input.cursor);
    const surveys = new Map((await findSurveys(page.docs.map((t) => t.surveyId))).map((s) => [s._id, s]));
    return { items: page.docs.map((t) => toTextItem(t, surveys.get(t.surveyId))), nextCursor: page.nextCursor };
  },
});
