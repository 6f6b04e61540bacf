// Demo consultations, created THROUGH THE ACTIONS as the demo citizens and staff would, with the local clock moved
// back so deadlines look real: cases in every status, one overdue, one awaiting a rating, closed ones with ratings, a
// few public letters; plus the demo subscribe-message templates and reply templates in settings, and subscribe grants
// so the local outbox shows messages. Runs after the catalogue and staff seeders.
import { atHour, shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ActionName, ApiResponse, CaseView, RequestOf, ResponseOf, SubmitRequest } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { CLOCK_FROZEN_ENV, CLOCK_OFFSET_ENV } from '../local-cloud/clock';
import { demoIdentity } from './identities';
import type { SeedContext } from './index';

export const DEMO_TEMPLATES = {
  caseStatus: 'demo-tpl-case-status',
  staffAssigned: 'demo-tpl-staff-assigned',
  staffReview: 'demo-tpl-staff-review',
  staffDue: 'demo-tpl-staff-due',
  staffOverdue: 'demo-tpl-staff-overdue',
  cosignResponse: 'demo-tpl-cosign-response',
} as const;

/** Citizens (not demo identities) who co-sign the demo suggestion, so the letter shows a count. */
export const DEMO_COSIGNERS = 23;

const FIELDS = { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' };

const REPLY_TEMPLATES = [
  { id: 'thanks', title: '感谢来信', text: '感谢您的来信，我们高度重视您反映的问题。' },
  { id: 'verified', title: '现场核查', text: '经我单位工作人员现场核查，情况如下：' },
  { id: 'follow-up', title: '持续跟进', text: '我们将持续跟进，如有新的情况请随时通过本平台反映。' },
];

type Main = (event: unknown, context: unknown) => Promise<unknown>;

interface Script {
  key: string;
  who: 'citizenA' | 'citizenB';
  daysAgo: number;
  submit: Omit<SubmitRequest, 'clientRequestId' | 'publishConsent'> & { publishConsent?: boolean };
  /** The steps after submission: [days ago, hour, actor, action, payload without id/version]. */
  steps: Array<[number, number, string, ActionName, Record<string, unknown>]>;
  publish?: boolean;
}

const CONTACT = { contactName: '张桂芳', contactPhone: '13912345678' };
const HOUSING = 'dept-housing';

const REPLY_LIFT =
  '感谢您的来信，我们高度重视您反映的问题。经我局工作人员现场核查，幸福里小区 3 号楼电梯因主板老化停运，物业已于 11 月 6 日更换主板，电梯恢复运行。我局已责令物业每月检修并在电梯厅公示检修记录。';

const SCRIPTS: Script[] = [
  {
    key: 'closed-rated',
    who: 'citizenA',
    daysAgo: 20,
    submit: { type: 'complaint', categoryId: 'cat-property', title: '小区电梯长期故障无人维修', content: '我住在幸福里小区 3 号楼，电梯已经停了两个星期，物业一直说在等配件。楼里老人多，上下楼非常困难，请帮忙督促。', ...CONTACT },
    steps: [
      [19, 10, 'dispatcher', 'case.accept', { departmentId: HOUSING, note: '请住建局核实处理' }],
      [15, 16, 'handler', 'case.reply', { content: REPLY_LIFT, templateId: 'thanks' }],
      [14, 20, 'citizenA', 'case.rate', { score: 5, solved: true, comment: '电梯修好了，谢谢！' }],
    ],
    publish: true,
  },
  {
    key: 'closed-reopened',
    who: 'citizenB',
    daysAgo: 16,
    submit: { type: 'inquiry', categoryId: 'cat-old-estate', title: '老旧小区加装电梯进度咨询', content: '我们小区去年报名了加装电梯，业主签字都已完成，请问审批到哪一步了，什么时候能开工？' },
    steps: [
      [16, 14, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [14, 11, 'handler', 'case.reply', { content: '您好，您所在小区的加装电梯申请已进入施工图审查阶段，审查通过后即可开工，请耐心等待。' }],
      [13, 9, 'citizenB', 'case.rate', { score: 2, solved: false, comment: '没有说具体什么时候开工' }],
      [10, 15, 'handler', 'case.reply', { content: '经与施工单位确认，施工图审查已于本周通过，计划下月 10 日进场施工，预计工期 3 个月。施工期间如有问题可随时反映。' }],
      [9, 19, 'citizenB', 'case.rate', { score: 4, solved: true }],
    ],
    publish: true,
  },
  {
    key: 'auto-closed',
    who: 'citizenA',
    daysAgo: 18,
    submit: { type: 'inquiry', categoryId: 'cat-property', title: '物业费收费标准咨询', content: '请问普通住宅的物业服务费政府指导价是多少？我们小区每平米收 2.8 元，是否合理？' },
    steps: [
      [17, 10, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [16, 15, 'handler', 'case.reply', { content: '您好，本市普通住宅前期物业服务费实行政府指导价，一级服务标准为每月每平方米 2.2 元，上浮不超过 10%。您所在小区如超出标准，可向区住建局价格监督科反映。' }],
    ],
    publish: true,
  },
  {
    key: 'suggestion-cosigned',
    who: 'citizenB',
    daysAgo: 12,
    submit: {
      type: 'suggestion',
      categoryId: 'cat-old-estate',
      title: '建议老旧小区改造同步增设充电桩',
      content: '老旧小区改造时管线都要重新铺设，建议同步预留电动自行车和汽车充电桩的线路，避免以后重复开挖。',
    },
    steps: [
      [12, 14, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [8, 10, 'handler', 'case.reply', { content: '感谢您的建议。我局已将充电设施线路预留纳入明年老旧小区改造的设计要求，具体以各小区改造方案为准。' }],
    ],
    publish: true,
  },
  {
    key: 'awaiting-rating',
    who: 'citizenB',
    daysAgo: 4,
    submit: { type: 'help', categoryId: 'cat-property', title: '楼道照明损坏一个月未修', content: '2 号楼 1 单元楼道灯坏了一个多月，晚上上下楼很不安全，找物业几次都没人来修。', ...CONTACT },
    steps: [
      [4, 11, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [1, 16, 'handler', 'case.reply', { content: '经核查，物业已于昨日更换 2 号楼 1 单元全部楼道灯，并承诺今后报修 48 小时内处理。如再有类似情况请随时反映。' }],
    ],
  },
  {
    key: 'processing-on-time',
    who: 'citizenA',
    daysAgo: 2,
    submit: { type: 'complaint', categoryId: 'cat-property', title: '小区绿化带被改成停车位', content: '物业未经业主大会同意，把 5 号楼旁的绿化带铲了改成收费停车位，请相关部门调查。', ...CONTACT },
    steps: [[2, 11, 'dispatcher', 'case.accept', { departmentId: HOUSING, note: '涉及公共部位改变用途，请核实' }]],
  },
  {
    key: 'overdue',
    who: 'citizenB',
    daysAgo: 9,
    submit: { type: 'inquiry', categoryId: 'cat-old-estate', title: '老旧小区改造补贴申请条件', content: '请问 2000 年以前建成的小区申请改造补贴需要满足什么条件，由谁来申请？' },
    steps: [[9, 10, 'dispatcher', 'case.accept', { departmentId: HOUSING }]],
  },
  {
    key: 'needs-info',
    who: 'citizenA',
    daysAgo: 3,
    submit: { type: 'help', categoryId: 'cat-property', title: '地下车库渗水严重', content: '小区地下车库顶板一直在渗水，车上全是水渍，物业说是开发商的问题。', ...CONTACT },
    steps: [
      [3, 10, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [1, 14, 'handler', 'case.askInfo', { question: '请提供小区名称、车库具体位置（几号车库、哪一排），如有照片请一并补充。' }],
    ],
  },
  {
    key: 'extension-pending',
    who: 'citizenB',
    daysAgo: 6,
    submit: { type: 'complaint', categoryId: 'cat-property', title: '物业擅自上调收费标准', content: '物业贴出通知下月起物业费上涨 30%，没有开业主大会，也没有公示成本，请查处。' },
    steps: [
      [6, 10, 'dispatcher', 'case.accept', { departmentId: HOUSING }],
      [1, 17, 'handler', 'case.requestExtension', { days: 5, reason: '需调取物业近三年收支账目并委托第三方审计' }],
    ],
  },
  {
    key: 'submitted',
    who: 'citizenA',
    daysAgo: 0,
    submit: { type: 'complaint', categoryId: 'cat-noise', title: '夜间施工噪声扰民', content: '小区对面的工地每天晚上十一点以后还在施工，噪声很大，孩子无法休息。', ...CONTACT },
    steps: [],
  },
  {
    key: 'accepted',
    who: 'citizenB',
    daysAgo: 1,
    submit: { type: 'suggestion', categoryId: 'cat-bus', title: '建议增开早高峰公交班次', content: '56 路公交早上 7 点到 8 点之间非常拥挤，经常上不去车，建议增加班次。' },
    steps: [[1, 15, 'dispatcher', 'case.accept', {}]],
  },
  {
    key: 'transport',
    who: 'citizenB',
    daysAgo: 2,
    submit: { type: 'help', categoryId: 'cat-roads', title: '路面塌陷存在安全隐患', content: '和平路与建设路交叉口东侧路面塌陷，已经有电动车摔倒，请尽快处理。' },
    steps: [[2, 9, 'dispatcher', 'case.accept', { departmentId: 'dept-transport', note: '紧急，请优先处理' }]],
  },
  {
    key: 'rejected',
    who: 'citizenA',
    daysAgo: 5,
    submit: { type: 'complaint', categoryId: 'cat-consumer', title: '网购商品退款纠纷', content: '在某网店买的商品有质量问题，卖家不退款，已经向法院起诉了，想请政府帮忙催一下。' },
    steps: [[5, 15, 'dispatcher', 'case.reject', { reason: 'other_channel', note: '该纠纷已进入诉讼程序，请等待法院判决' }]],
  },
  {
    key: 'withdrawn',
    who: 'citizenB',
    daysAgo: 7,
    submit: { type: 'inquiry', categoryId: 'cat-property', title: '小区停车位租赁政策', content: '请问小区车位只租不售是否符合规定？' },
    steps: [[6, 9, 'citizenB', 'case.withdraw', { reason: '已经在物业处问清楚了' }]],
  },
];

/** An instant `daysAgo` days before `now`, at `hour` o'clock Shanghai time, never after now. */
export function instant(now: Date, daysAgo: number, hour: number): string {
  const t = atHour(shanghaiDay(new Date(now.getTime() - daysAgo * 86_400_000)), hour).getTime();
  return new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
}

export async function seedCases(ctx: SeedContext): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const openid = (key: string) => demoIdentity(key).openid;
  const call = async <N extends ActionName>(who: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid(who) })) as ApiResponse<ResponseOf<N>>;
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };
  const restoreClock = clockRestorer(ctx.now);
  const at = (daysAgo: number, hour: number) => localCloud.clock.set(instant(ctx.now, daysAgo, hour), { frozen: true });
  try {
    at(30, 9);
    const settings = await call('admin', 'admin.settings.get', {});
    await call('admin', 'admin.settings.update', {
      version: settings.version,
      replyTemplates: REPLY_TEMPLATES,
      subscribeTemplates: {
        caseStatus: { templateId: DEMO_TEMPLATES.caseStatus, fields: FIELDS, page: 'pages/case/index' },
        staffAssigned: { templateId: DEMO_TEMPLATES.staffAssigned, fields: FIELDS, page: 'staff/case/index' },
        staffReview: { templateId: DEMO_TEMPLATES.staffReview, fields: FIELDS, page: 'staff/case/index' },
        staffDue: { templateId: DEMO_TEMPLATES.staffDue, fields: FIELDS, page: 'staff/case/index' },
        staffOverdue: { templateId: DEMO_TEMPLATES.staffOverdue, fields: FIELDS, page: 'staff/case/index' },
        cosignResponse: { templateId: DEMO_TEMPLATES.cosignResponse, fields: FIELDS, page: 'pages/letter/index' },
      },
    });
    // What the people accepted in wx.requestSubscribeMessage: one message per acceptance.
    for (const who of ['citizenA', 'citizenB']) await call(who, 'case.subscribe', { templateIds: Array(10).fill(DEMO_TEMPLATES.caseStatus) as string[] });
    for (let i = 0; i < 10; i++) {
      await call('handler', 'case.subscribe', { templateIds: [DEMO_TEMPLATES.staffAssigned, DEMO_TEMPLATES.staffDue] });
      await call('supervisor', 'case.subscribe', { templateIds: [DEMO_TEMPLATES.staffReview, DEMO_TEMPLATES.staffOverdue] });
    }

    const made = new Map<string, string>();
    for (const s of SCRIPTS) {
      at(s.daysAgo, 9);
      const submitted = await call(s.who, 'case.submit', { publishConsent: true, ...s.submit, clientRequestId: `seed-${s.key}` });
      made.set(s.key, submitted.id);
      let view: CaseView = await call(s.who, 'case.get', { id: submitted.id });
      // Seeding twice finds the case already past its first step: leave it as it is.
      if (view.version > 1) continue;
      for (const [daysAgo, hour, who, action, payload] of s.steps) {
        at(daysAgo, hour);
        view = (await call(who, action, { id: view.id, version: view.version, ...payload } as never)) as CaseView;
      }
    }

    // The timer catches up to now: overdue flags and escalation, the unrated reply closed after 7 days.
    localCloud.clock.set(ctx.now, { frozen: true });
    await localCloud.fireTimer(main, 'tick');
    for (const s of SCRIPTS.filter((x) => x.publish)) {
      const view = await call('dispatcher', 'case.get', { id: made.get(s.key)! });
      if (view.publishable || !view.can.setPublishable) continue;
      await call('dispatcher', 'case.setPublishable', { id: view.id, version: view.version, publishable: true, redactions: ['幸福里小区'] });
    }
    // 附议: neighbours back the published suggestion (a repeat on a second seeding changes nothing).
    const suggestion = made.get('suggestion-cosigned')!;
    for (let i = 0; i < DEMO_COSIGNERS; i++) {
      const res = (await localCloud.invoke(main, { action: 'case.cosign', payload: { id: suggestion } }, { OPENID: `o_demo_cosigner_${i}` })) as ApiResponse<unknown>;
      if (!res.ok) throw new Error(`case.cosign: ${res.error.code} ${res.error.message}`);
    }
  } finally {
    restoreClock();
  }
}

/** Puts back the clock as a seeder found it (frozen, shifted to `now`, or real time); read it before moving it. */
export function clockRestorer(now: Date): () => void {
  const frozen = process.env[CLOCK_FROZEN_ENV];
  const shifted = process.env[CLOCK_OFFSET_ENV];
  return () => {
    if (frozen) localCloud.clock.set(new Date(Number(frozen)), { frozen: true });
    else if (shifted) localCloud.clock.set(now);
    else localCloud.clock.set(null);
  };
}
