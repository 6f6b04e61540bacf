// The survey actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { surveyAnswer } from './answer';
import { surveyExportCsv } from './export-csv';
import { surveyGet } from './get';
import { surveyList } from './list';
import { surveyModerateText } from './moderate-text';
import { surveyPublish } from './publish';
import { surveyPublishResults } from './publish-results';
import { surveyResults } from './results';
import { surveySave } from './save';
import { surveyTextQueue } from './text-queue';

export const SURVEY_ACTIONS: Pick<ActionTable, `survey.${string}` & keyof ActionTable> = {
  'survey.list': surveyList,
  'survey.get': surveyGet,
  'survey.save': surveySave,
  'survey.publish': surveyPublish,
  'survey.answer': surveyAnswer,
  'survey.results': surveyResults,
  'survey.textQueue': surveyTextQueue,
  'survey.moderateText': surveyModerateText,
  'survey.publishResults': surveyPublishResults,
  'survey.exportCsv': surveyExportCsv,
};
