// Volume for the dashboard and the public statistics of `npm start`: a dozen more inquiries (and help requests) this month from other
// residents, through the actions as the people would (answered on time and late, rated, reopened, one extension), so
// the housing and transport departments pass the public threshold of 5 cases and the environment bureau does not
// ("样本过少"). Runs after the cases seeder; the figures come from the events these actions write.
import { shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { demoIdentity } from './identities';
import { clockRestorer, instant } from './cases';
import type { SeedContext } from './index';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

const TRANSPORT_HANDLER = 'o_demo_handler_transport';
const ANSWER = '经核实，相关单位已安排人员处理，预计本周内完成，处理结果将在平台公布，请您留意。';

interface Plan {
  categoryId: string;
  title: string;
  /** Days before the start of the plan's window at which it is answered (null: still open), and how it is rated. */
  answerAfter: number | null;
  rating?: { score: 1 | 2 | 3 | 4 | 5; solved: boolean };
  extension?: boolean;
}

const PLANS: Plan[] = [
  { categoryId: 'cat-property', title: '楼道照明损坏', answerAfter: 1, rating: { score: 5, solved: true } },
  { categoryId: 'cat-property', title: '小区垃圾清运不及时', answerAfter: 2, rating: { score: 4, solved: true } },
  { categoryId: 'cat-property', title: '物业维修基金使用咨询', answerAfter: 1, rating: { score: 3, solved: false } },
  { categoryId: 'cat-old-estate', title: '外墙保温层脱落', answerAfter: 6 },
  { categoryId: 'cat-property', title: '地下车库渗水', answerAfter: null },
  { categoryId: 'cat-property', title: '单元门禁损坏', answerAfter: 0, rating: { score: 5, solved: true } },
  { categoryId: 'cat-bus', title: '公交站台缺少遮雨棚', answerAfter: 1, rating: { score: 4, solved: true } },
  { categoryId: 'cat-bus', title: '早高峰公交班次太少', answerAfter: 7, rating: { score: 2, solved: false } },
  { categoryId: 'cat-bus', title: '公交线路调整咨询', answerAfter: 2, rating: { score: 5, solved: true } },
  { categoryId: 'cat-bus', title: '站牌信息错误', answerAfter: 1 },
  { categoryId: 'cat-bus', title: '新开通线路站点设置建议', answerAfter: null, extension: true },
  { categoryId: 'cat-noise', title: '夜间施工噪声', answerAfter: null },
  { categoryId: 'cat-noise', title: '广场舞音响过响', answerAfter: 1 },
];

export async function seedStats(ctx: SeedContext): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const act = async <N extends ActionName>(openid: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid })) as ApiResponse<ResponseOf<N>>;
    if (!res.ok) throw new Error(`${openid} ${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };
  await ctx.db.collection('users').doc(TRANSPORT_HANDLER).set({ data: { roles: ['handler'], departmentId: 'dept-transport' } });
  const dispatcher = demoIdentity('dispatcher').openid;
  const handlerOf = (categoryId: string) => (categoryId === 'cat-bus' ? TRANSPORT_HANDLER : demoIdentity('handler').openid);
  // The window: from the 1st of this month (at most 10 days back) to today, so "this month" holds it.
  const start = Math.min(10, Number(shanghaiDay(ctx.now).slice(8, 10)) - 1);
  const restoreClock = clockRestorer(ctx.now);
  try {
    for (const [i, plan] of PLANS.entries()) {
      const citizen = `o_demo_resident_${i + 1}`;
      const submitAt = Math.max(0, start - (i % 3));
      localCloud.clock.set(instant(ctx.now, submitAt, 9), { frozen: true });
      const { id } = await act(citizen, 'case.submit', {
        type: plan.categoryId === 'cat-noise' ? 'help' : 'inquiry',
        categoryId: plan.categoryId,
        title: plan.title,
        content: `${plan.title}的问题已经有一段时间了，希望有关部门尽快了解情况并给予答复。`,
        publishConsent: false,
        clientRequestId: `seed-stats-${i + 1}`,
      });
      let c = await act(citizen, 'case.get', { id });
      if (c.version > 1) continue;
      localCloud.clock.set(instant(ctx.now, submitAt, 10), { frozen: true });
      const department = plan.categoryId === 'cat-bus' ? 'dept-transport' : plan.categoryId === 'cat-noise' ? 'dept-env' : 'dept-housing';
      c = await act(dispatcher, 'case.accept', { id, version: c.version, departmentId: department });
      const handler = handlerOf(plan.categoryId);
      if (plan.extension) {
        localCloud.clock.set(instant(ctx.now, Math.max(0, submitAt - 1), 11), { frozen: true });
        c = await act(handler, 'case.requestExtension', { id, version: c.version, days: 3, reason: '需要与公交公司共同论证站点设置' });
        c = await act(demoIdentity('supervisor').openid, 'case.approveExtension', { id, version: c.version, approve: true });
      }
      if (plan.answerAfter === null || department === 'dept-env') continue;
      localCloud.clock.set(instant(ctx.now, Math.max(0, submitAt - plan.answerAfter), 15), { frozen: true });
      c = await act(handler, 'case.reply', { id, version: c.version, content: ANSWER });
      if (!plan.rating) continue;
      localCloud.clock.set(instant(ctx.now, Math.max(0, submitAt - plan.answerAfter), 20), { frozen: true });
      await act(citizen, 'case.rate', { id, version: c.version, ...plan.rating });
    }
  } finally {
    restoreClock();
  }
}
