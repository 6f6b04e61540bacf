// survey.results: a survey's results, for citizens once published, for editors from the survey's publication.
import { defineAction } from '../../lib/action';
import { surveyId } from './schemas';
import { requireResults, resultsView } from './view';

export const surveyResults = defineAction<'survey.results'>({
  schema: surveyId,
  async run(input, { caller, now }) {
    return resultsView(await requireResults(input.id, caller, now), caller, now);
  },
});
