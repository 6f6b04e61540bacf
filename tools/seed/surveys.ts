// Demo surveys (民意调查), made THROUGH THE ACTIONS with the local clock moved back: an open anonymous survey linked to
// the open e-bike consultation, answered by both demo citizens (one text answer approved, one waiting for the editor),
// and a closed survey on the bus network whose results are published. Runs after the policies seeder.
import { atHour, shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ActionName, ApiResponse, RequestOf, ResponseOf, SurveyAnswerItem } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { CLOCK_FROZEN_ENV, CLOCK_OFFSET_ENV } from '../local-cloud/clock';
import { demoIdentity } from './identities';
import type { SeedContext } from './index';

type Main = (event: unknown, context: unknown) => Promise<unknown>;
const DAY = 86_400_000;

/** Neighbours who answered the bus survey besides the two demo citizens (they exist only as openids). */
const NEIGHBOURS = Array.from({ length: 10 }, (_, i) => `o_demo_neighbour_${i + 1}`);

const BUS_ANSWERS = (i: number): SurveyAnswerItem[] => [
  { questionId: 'q1', choice: i % 3 === 0 ? 1 : 0 },
  { questionId: 'q2', choices: i % 2 === 0 ? [0, 2] : [1] },
  { questionId: 'q3', score: [5, 4, 4, 3, 5, 2, 4][i % 7]! },
];

export async function seedSurveys(ctx: SeedContext): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const call = async <N extends ActionName>(openid: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid })) as ApiResponse<ResponseOf<N>>;
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };
  const editor = demoIdentity('editor').openid;
  const citizenA = demoIdentity('citizenA').openid;
  const citizenB = demoIdentity('citizenB').openid;
  const frozen = process.env[CLOCK_FROZEN_ENV];
  const shifted = process.env[CLOCK_OFFSET_ENV];
  const dayAt = (daysAgo: number, hour: number) => atHour(shanghaiDay(new Date(ctx.now.getTime() - daysAgo * DAY)), hour).toISOString();
  const at = (daysAgo: number, hour: number) => localCloud.clock.set(new Date(Math.min(Date.parse(dayAt(daysAgo, hour)), ctx.now.getTime() - 60_000)), { frozen: true });
  try {
    // ---- published results --------------------------------------------------------------------------------
    at(40, 9);
    let bus = await call(editor, 'survey.save', {
      title: '中心城区公交线网优化满意度调查',
      intro: '公交线网调整已实施一个月，请告诉我们您的乘车感受，结果将用于下一步优化。',
      questions: [
        { kind: 'single', title: '调整后您的日常出行是否更方便？', options: ['更方便了', '没有变化或更不方便'] },
        { kind: 'multiple', title: '您最希望继续改进哪些方面？', options: ['高峰班次', '换乘衔接', '站点位置', '车内环境'], maxChoices: 2 },
        { kind: 'scale', title: '您对公交线网调整的总体满意度' },
        { kind: 'text', title: '其他意见和建议', required: false },
      ],
      opensAt: dayAt(40, 9),
      closesAt: dayAt(20, 18),
      audience: { kind: 'everyone' },
      anonymous: false,
      clientRequestId: 'seed-survey-bus',
    });
    if (bus.status === 'draft') {
      bus = await call(editor, 'survey.publish', { id: bus.id, version: bus.version });
      at(38, 20);
      await call(citizenA, 'survey.answer', { id: bus.id, answers: [...BUS_ANSWERS(0), { questionId: 'q4', text: '希望56路末班车延长到晚上11点。' }] });
      await call(citizenB, 'survey.answer', { id: bus.id, answers: [...BUS_ANSWERS(1), { questionId: 'q4', text: '社区微循环线路很方便，老人去医院不用换乘了。' }] });
      for (const [i, openid] of NEIGHBOURS.entries()) await call(openid, 'survey.answer', { id: bus.id, answers: BUS_ANSWERS(i + 2) });
      at(19, 10);
      for (const t of (await call(editor, 'survey.textQueue', { surveyId: bus.id })).items) await call(editor, 'survey.moderateText', { id: t.id, decision: 'approve' });
      const fresh = await call(editor, 'survey.get', { id: bus.id });
      await call(editor, 'survey.publishResults', { id: bus.id, version: fresh.version, summary: '共有 12 位市民参与，多数认为出行更方便；下一步将重点加密高峰班次、改善换乘衔接。' });
    }

    // ---- an open survey, linked to the open consultation ---------------------------------------------------
    at(5, 9);
    const drafts = await call(editor, 'draft.list', { status: 'open', limit: 5 });
    const ebike = drafts.items.find((d) => d.title.startsWith('住宅小区电动自行车'));
    let open = await call(editor, 'survey.save', {
      title: '小区电动自行车充电设施需求调查',
      intro: '配合《住宅小区电动自行车停放充电管理办法》的制定，了解居民的充电需求。匿名填写。',
      questions: [
        { kind: 'single', title: '您家中有几辆电动自行车？', options: ['没有', '1 辆', '2 辆及以上'] },
        { kind: 'multiple', title: '您希望集中充电场所具备哪些条件？', options: ['遮雨棚', '监控', '按度计费', '离楼栋近'], maxChoices: 3 },
        { kind: 'scale', title: '您对小区现有充电条件的满意程度' },
        { kind: 'text', title: '您对充电设施还有什么建议？', required: false },
      ],
      opensAt: dayAt(5, 9),
      closesAt: atHour(shanghaiDay(new Date(ctx.now.getTime() + 20 * DAY)), 18).toISOString(),
      audience: { kind: 'everyone' },
      anonymous: true,
      ...(ebike ? { draftId: ebike.id } : {}),
      clientRequestId: 'seed-survey-ebike',
    });
    if (open.status === 'draft') {
      open = await call(editor, 'survey.publish', { id: open.id, version: open.version });
      at(4, 20);
      await call(citizenB, 'survey.answer', { id: open.id, answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [0, 2] }, { questionId: 'q3', score: 2 }, { questionId: 'q4', text: '希望充电桩多装几个，晚上经常排不上。' }] });
      for (const [i, openid] of NEIGHBOURS.slice(0, 6).entries()) {
        await call(openid, 'survey.answer', { id: open.id, answers: [{ questionId: 'q1', choice: i % 3 }, { questionId: 'q2', choices: [i % 4] }, { questionId: 'q3', score: (i % 4) + 1 }] });
      }
      at(3, 10);
      for (const t of (await call(editor, 'survey.textQueue', { surveyId: open.id })).items) await call(editor, 'survey.moderateText', { id: t.id, decision: 'approve' });
      at(1, 21);
      await call(NEIGHBOURS[6]!, 'survey.answer', { id: open.id, answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [1, 3] }, { questionId: 'q3', score: 3 }, { questionId: 'q4', text: '建议充电区域远离儿童游乐场。' }] });
    }
  } finally {
    if (frozen) localCloud.clock.set(new Date(Number(frozen)), { frozen: true });
    else if (shifted) localCloud.clock.set(ctx.now);
    else localCloud.clock.set(null);
  }
}
