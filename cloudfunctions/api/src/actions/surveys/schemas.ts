// Payload schemas of the survey actions. Limits match the staff survey editor (miniprogram/staff/survey-edit).
import * as z from 'zod';
import { SURVEY_LIMITS as L } from '../../domain/surveys';
import { bool, id, instant, int, oneOf, pageFields, text, version } from '../../lib/schema';
import { clientRequestId } from '../policies/schemas';

const question = z.strictObject(
  {
    kind: oneOf('题型', ['single', 'multiple', 'scale', 'text']),
    title: text('题目', L.questionTitleMax),
    options: z.array(text('选项', L.optionMax), { error: '选项应为列表' }).max(L.optionsMax, `每题最多 ${L.optionsMax} 个选项`).optional(),
    maxChoices: int('最多可选项数', 1, L.optionsMax).optional(),
    required: bool('是否必答').optional(),
  },
  { error: '题目格式不正确' },
);

const audience = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('everyone') }), z.strictObject({ kind: z.literal('department'), departmentId: id('承办单位') })],
  { error: '调查对象不在可选范围内' },
);

export const surveySaveSchema = z.strictObject({
  id: id('调查').optional(),
  version: version().optional(),
  clientRequestId: clientRequestId().optional(),
  title: text('调查标题', L.titleMax),
  intro: text('调查说明', L.introMax, { multiline: true }).optional(),
  questions: z.array(question, { error: '题目应为列表' }).min(1, '调查至少需要一道题').max(L.questionsMax, `调查最多 ${L.questionsMax} 道题`),
  opensAt: instant('开始时间'),
  closesAt: instant('截止时间'),
  audience,
  anonymous: bool('是否匿名'),
  policyId: id('关联政策').optional(),
  draftId: id('关联意见征集').optional(),
});

export const surveyId = z.strictObject({ id: id('调查') });
export const surveyVersioned = z.strictObject({ id: id('调查'), version: version() });

const answerItem = z.strictObject(
  {
    questionId: z.string({ error: '题目编号应为文字' }).regex(/^q\d{1,2}$/, '题目编号格式不正确'),
    choice: int('所选选项', 0, L.optionsMax - 1).optional(),
    choices: z.array(int('所选选项', 0, L.optionsMax - 1), { error: '所选选项应为列表' }).max(L.optionsMax, '所选选项过多').optional(),
    score: int('评分', L.scaleMin, L.scaleMax).optional(),
    text: text('简答', L.textAnswerMax, { multiline: true }).optional(),
  },
  { error: '答卷格式不正确' },
);

export const surveyAnswerSchema = z.strictObject({
  id: id('调查'),
  answers: z.array(answerItem, { error: '答卷应为列表' }).max(L.questionsMax, '答卷题数过多'),
  clientRequestId: clientRequestId().optional(),
});

export const surveyListSchema = z.strictObject({ ...pageFields, status: oneOf('状态', ['open', 'results', 'all']).optional() });
export const surveyTextQueueSchema = z.strictObject({ ...pageFields, surveyId: id('调查').optional() });
export const surveyModerateTextSchema = z.strictObject({ id: id('简答'), decision: oneOf('审核结果', ['approve', 'hide']) });
export const surveyPublishResultsSchema = z.strictObject({ id: id('调查'), version: version(), summary: text('结果说明', L.summaryMax, { multiline: true }).optional() });
