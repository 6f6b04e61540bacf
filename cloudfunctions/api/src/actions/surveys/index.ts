import { answerSurvey } from './answer';
import { exportSurveyCsv } from './export';
import { getSurvey } from './get';
import { listSurveys } from './list';
import { listSurveyTextQueue, moderateSurveyText } from './moderate';
import { publishSurvey, publishSurveyResults } from './publish';
import { getSurveyResults } from './results';
import { saveSurvey } from './save';

export const SURVEY_ACTIONS = {
  'survey.list': listSurveys,
  'survey.get': getSurvey,
  'survey.save': saveSurvey,
  'survey.publish': publishSurvey,
  'survey.answer': answerSurvey,
  'survey.results': getSurveyResults,
  'survey.textQueue': listSurveyTextQueue,
  'survey.moderateText': moderateSurveyText,
  'survey.publishResults': publishSurveyResults,
  'survey.exportCsv': exportSurveyCsv,
} as const;
