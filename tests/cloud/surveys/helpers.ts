// Surveys as the tests build them: an editor's survey with one question of each kind, published and open.
import { localCloud } from '../../../tools/local-cloud';
import type { RequestOf, Survey } from '../../../typings/api';
import { ok } from '../../helpers/cloud';

const DAY = 86_400_000;
let serial = 0;

export function surveyInput(over: Partial<RequestOf<'survey.save'>> = {}): RequestOf<'survey.save'> {
  const now = localCloud.clock.now().getTime();
  return {
    title: `社区养老服务需求调查${++serial}`,
    intro: '了解居民对社区养老服务的需求，结果将用于明年的服务规划。',
    questions: [
      { kind: 'single', title: '您家中是否有 60 岁以上老人？', options: ['有', '没有'] },
      { kind: 'multiple', title: '您最需要哪些养老服务？', options: ['助餐', '助浴', '日间照料', '上门医疗'], maxChoices: 2 },
      { kind: 'scale', title: '您对目前社区养老服务的满意程度', required: false },
      { kind: 'text', title: '您还有什么建议？', required: false },
    ],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    audience: { kind: 'everyone' },
    anonymous: false,
    ...over,
  };
}

/** A published survey whose window is open now. */
export async function openSurvey(editor: string, over: Partial<RequestOf<'survey.save'>> = {}): Promise<Survey> {
  const s = await ok(editor, 'survey.save', surveyInput(over));
  return ok(editor, 'survey.publish', { id: s.id, version: s.version });
}

export const fullAnswer = (text?: string): RequestOf<'survey.answer'>['answers'] => [
  { questionId: 'q1', choice: 0 },
  { questionId: 'q2', choices: [0, 2] },
  { questionId: 'q3', score: 4 },
  ...(text ? [{ questionId: 'q4', text }] : []),
];

/** Moves the local cloud's clock past the survey's close. */
export function pastClose(survey: { closesAt: string }): void {
  localCloud.clock.set(new Date(Date.parse(survey.closesAt) + 60_000).toISOString());
}
