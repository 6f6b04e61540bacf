// Demo policy library and draft consultations, created THROUGH THE ACTIONS as the demo editor and citizens would, with
// the local clock moved back: 14 published policies with explanations (one published twice, one expired, one repealed,
// one with an attachment and related policies), two favourites, an open consultation with approved and pending
// comments, and a closed one whose adoption report is published (its commenters notified through the outbox).
// Runs after the catalogue, staff and cases seeders (it adds the draftReport template to the settings they wrote).
import { atHour, shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ActionName, ApiResponse, PolicyExplanation, RequestOf, ResponseOf } from '../../typings/api';
import { FIXTURE_BY_KEY } from '../../tests/fixtures/policies';
import { localCloud } from '../local-cloud';
import { CLOCK_FROZEN_ENV, CLOCK_OFFSET_ENV } from '../local-cloud/clock';
import { demoIdentity } from './identities';
import type { SeedContext } from './index';

export const DRAFT_REPORT_TEMPLATE = 'demo-tpl-draft-report';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

interface PolicySeed {
  key: string;
  daysAgo: number;
  explanation: PolicyExplanation;
  effectiveFrom?: string;
  expiresAt?: string;
}

const POLICIES: PolicySeed[] = [
  {
    key: 'property-beijing',
    daysAgo: 60,
    effectiveFrom: '2023-05-01',
    explanation: {
      background: '物业服务收费关系千家万户。近年来市民反映较多的是收费项目不清、服务与收费不相称。',
      keyPoints: ['收费项目和标准必须公示', '服务质量与收费水平相适应', '对收费有异议可向街道或区住建部门反映'],
      faq: [
        { q: '物业费标准在哪里查？', a: '物业服务企业应当在小区显著位置公示，也可以在本平台查阅本办法。' },
        { q: '物业擅自涨价怎么办？', a: '可以拨打12345热线或在本小程序提交投诉，相关部门将依法处理。' },
      ],
    },
  },
  {
    key: 'property-committee',
    daysAgo: 58,
    explanation: {
      background: '业主委员会运作不规范、公共收益不透明，是小区矛盾的主要来源之一。',
      keyPoints: ['业委会每半年公布一次收支情况', '街道负责指导监督'],
      faq: [{ q: '公共收益包括哪些？', a: '主要包括小区公共部位广告、公共车位出租等收入，归全体业主所有。' }],
    },
  },
  {
    key: 'property-maintenance-fund',
    daysAgo: 55,
    explanation: {
      background: '维修资金是房屋的“养老钱”，使用程序复杂是业主反映最多的问题。',
      keyPoints: ['专款专用', '紧急情况可走应急程序', '每年至少公布一次使用情况'],
    },
  },
  {
    key: 'old-estate-renovation',
    daysAgo: 50,
    explanation: {
      background: '本市2000年底前建成的老旧小区约有数千个，设施老化问题突出。',
      keyPoints: ['改造分基础类、完善类、提升类', '方案须经三分之二以上业主同意'],
      faq: [{ q: '我们小区能否申请改造？', a: '由街道统一摸排申报，居民可向社区居委会表达改造意愿。' }],
    },
  },
  {
    key: 'elevator-retrofit',
    daysAgo: 48,
    explanation: {
      background: '多层住宅老人上下楼难，加装电梯需求强烈。',
      keyPoints: ['双三分之二业主同意', '可使用维修资金和公积金', '每台补贴不超过20万元'],
      faq: [{ q: '低层住户不同意怎么办？', a: '可由社区组织协商，按楼层给予低层住户适当补偿。' }],
    },
  },
  {
    key: 'bus-fare-elderly',
    daysAgo: 45,
    explanation: {
      background: '为方便老年人出行，落实敬老优待政策。',
      keyPoints: ['65周岁以上免费乘坐公交', '60至64周岁五折优惠', '5个工作日内办结优待卡'],
    },
  },
  {
    key: 'noise-construction',
    daysAgo: 40,
    explanation: {
      background: '夜间施工噪声是夏季投诉最集中的问题。',
      keyPoints: ['22时至次日6时禁止产生噪声的施工', '特殊情况须取得证明并公示'],
      faq: [{ q: '夜间施工如何举报？', a: '拨打12345热线或在本小程序提交投诉，请尽量说明地点和时间。' }],
    },
  },
  {
    key: 'garbage-sorting-shanghai',
    daysAgo: 38,
    explanation: { background: '生活垃圾分类是城市精细化管理的重要内容。', keyPoints: ['四分类', '湿垃圾沥干投放', '定时定点投放'] },
  },
  {
    key: 'housing-fund-loan',
    daysAgo: 30,
    explanation: {
      background: '支持缴存职工刚性住房需求。',
      keyPoints: ['首套最低首付20%', '最高贷款额度120万元'],
      faq: [{ q: '曾经有房但已还清贷款算首套吗？', a: '在本市无住房且已结清购房贷款的，按首套房政策执行。' }],
    },
  },
  {
    key: 'elderly-home-care',
    daysAgo: 25,
    explanation: { background: '绝大多数老年人选择居家养老。', keyPoints: ['助餐助浴助洁助医', '适老化改造每户补贴不超过5000元'] },
  },
  {
    key: 'pension-insurance',
    daysAgo: 22,
    explanation: {
      background: '每年调整退休人员基本养老金，是保障退休人员基本生活的一项制度安排。',
      keyPoints: ['调整后的养老金随当月养老金一并发放', '已按月领取养老金的退休人员自动调整，无需申请', '高龄退休人员适当倾斜'],
      faq: [
        { q: '退休金怎么领？', a: '办理退休手续后，养老金按月发放到本人社会保障卡的金融账户，无需每月申领。' },
        { q: '这次调整要我自己申请吗？', a: '不需要。符合条件的退休人员由社保经办机构统一调整、补发。' },
      ],
    },
  },
  {
    key: 'hotline-12345',
    daysAgo: 20,
    explanation: { background: '各类政务热线号码多、记不住、打不通，群众反映强烈。', keyPoints: ['统一为12345热线', '全天候人工服务', '按时限答复'] },
  },
  {
    key: 'covid-relief',
    daysAgo: 90,
    expiresAt: '2020-12-31',
    explanation: { background: '疫情期间阶段性支持中小微企业的措施，已到期。', keyPoints: ['延期缴纳社保费', '减免国有房屋租金'] },
  },
  {
    key: 'road-excavation',
    daysAgo: 80,
    explanation: { background: '规范城市道路挖掘，减少“马路拉链”。', keyPoints: ['新建道路5年内不得挖掘', '施工现场须设置安全设施'] },
  },
];

/** An instant `daysAgo` days before `now`, at `hour` o'clock Shanghai time, never after now. */
export function instant(now: Date, daysAgo: number, hour: number): string {
  const t = atHour(shanghaiDay(new Date(now.getTime() - daysAgo * 86_400_000)), hour).getTime();
  return new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
}

export async function seedPolicies(ctx: SeedContext): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const call = async <N extends ActionName>(who: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = (await localCloud.invoke(main, { action, payload }, { OPENID: demoIdentity(who).openid })) as ApiResponse<ResponseOf<N>>;
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };
  const frozen = process.env[CLOCK_FROZEN_ENV];
  const shifted = process.env[CLOCK_OFFSET_ENV];
  const at = (daysAgo: number, hour: number) => localCloud.clock.set(instant(ctx.now, daysAgo, hour), { frozen: true });
  try {
    at(90, 9);
    const settings = await call('admin', 'admin.settings.get', {});
    if (!settings.subscribeTemplates.draftReport) {
      await call('admin', 'admin.settings.update', {
        version: settings.version,
        subscribeTemplates: {
          ...settings.subscribeTemplates,
          draftReport: { templateId: DRAFT_REPORT_TEMPLATE, fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' }, page: 'pages/draft/index' },
        },
      });
    }

    // ---- the library ----------------------------------------------------------------------------------------
    const ids = new Map<string, string>();
    const attachment = localCloud.storage.write('policies/demo-property-fees.pdf', Buffer.from('%PDF-1.4\n% 北京市住宅小区物业服务收费标准（示例附件）\n%%EOF\n'));
    for (const p of POLICIES) {
      const f = FIXTURE_BY_KEY.get(p.key)!;
      at(p.daysAgo, 10);
      const input: RequestOf<'policy.save'> = {
        title: f.title,
        ...(f.docNo ? { docNo: f.docNo } : {}),
        issuer: f.issuer,
        categoryId: f.categoryId,
        issuedAt: f.issuedAt,
        ...(p.effectiveFrom ? { effectiveFrom: p.effectiveFrom } : {}),
        ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}),
        paragraphs: f.paragraphs,
        explanation: p.explanation,
        ...(p.key === 'property-beijing' ? { attachments: [{ fileID: attachment, name: '物业服务收费标准.pdf', size: 64 }] } : {}),
        clientRequestId: `seed-policy-${p.key}`,
      };
      const saved = await call('editor', 'policy.save', input);
      ids.set(p.key, saved.id);
      // Seeding again finds it published (or repealed): leave it as it is.
      if (saved.status !== 'draft') continue;
      at(p.daysAgo, 11);
      await call('editor', 'policy.publish', { id: saved.id, version: saved.version });
    }

    // A second version of the fees policy: revised text, the change explained, related policies linked.
    const feesId = ids.get('property-beijing')!;
    const fees = await call('editor', 'policy.get', { id: feesId });
    if (fees.versions.length === 1) {
      at(12, 15);
      const f = FIXTURE_BY_KEY.get('property-beijing')!;
      const edited = await call('editor', 'policy.save', {
        id: feesId,
        version: fees.version,
        title: f.title,
        docNo: f.docNo!,
        issuer: f.issuer,
        categoryId: f.categoryId,
        issuedAt: f.issuedAt,
        effectiveFrom: '2023-05-01',
        paragraphs: [...f.paragraphs.slice(0, 2), '物业服务企业应当每季度公示物业服务资金收支情况，业主有权查询。', f.paragraphs[2]!],
        explanation: { ...POLICIES[0]!.explanation, changes: '新增第三段：物业服务企业每季度公示收支情况，业主有权查询。' },
        attachments: fees.attachments!.map(({ fileID, name, size }) => (size === undefined ? { fileID, name } : { fileID, name, size })),
        relatedIds: [ids.get('property-committee')!, ids.get('property-maintenance-fund')!],
      });
      at(12, 16);
      await call('editor', 'policy.publish', { id: feesId, version: edited.version, note: '新增收支季度公示要求' });
    }

    // Repealed, still readable.
    const road = await call('editor', 'policy.get', { id: ids.get('road-excavation')! });
    if (road.status !== 'repealed') {
      at(5, 10);
      await call('editor', 'policy.unpublish', { id: road.id, version: road.version, reason: '已被新修订的《城市道路管理办法》替代', repeal: true });
    }

    at(3, 20);
    await call('citizenA', 'policy.favorite', { id: feesId, favorited: true });
    await call('citizenA', 'policy.favorite', { id: ids.get('elevator-retrofit')!, favorited: true });

    // ---- a closed consultation with its adoption report -------------------------------------------------------
    at(45, 9);
    const closed = await call('editor', 'draft.save', {
      title: '关于优化调整中心城区公交线网的实施方案（征求意见稿）',
      paragraphs: [
        '一、调整与地铁线路重复度高的公交线路，增加社区微循环线路。',
        '二、早高峰时段加密56路、72路等客流集中线路的班次。',
        '三、线路调整前通过公交站台和政府网站公示不少于15日。',
      ],
      explanation: { background: '地铁新线开通后，部分公交线路客流下降明显，社区出行“最后一公里”问题突出。', keyPoints: ['减少重复线路', '加密高峰班次', '调整前充分公示'] },
      opensAt: instant(ctx.now, 45, 9),
      closesAt: new Date(Date.parse(instant(ctx.now, 45, 9)) + 32 * 86_400_000).toISOString(),
      clientRequestId: 'seed-draft-bus-network',
    });
    if (closed.status !== 'reported') {
      const a = await call('citizenA', 'draft.comment', { id: closed.id, paragraphIndex: 1, content: '56路早高峰非常拥挤，支持加密班次，建议7点到8点每5分钟一班。', clientRequestId: 'seed-c-bus-a' });
      at(44, 10);
      const b = await call('citizenB', 'draft.comment', { id: closed.id, content: '社区微循环线路建议经过菜市场和社区医院，方便老人。', clientRequestId: 'seed-c-bus-b' });
      at(43, 10);
      const c = await call('citizenA', 'draft.comment', { id: closed.id, paragraphIndex: 0, content: '撤销线路前应当保留过渡期，不要一次性全部撤掉。', clientRequestId: 'seed-c-bus-c' });
      const hidden = await call('citizenB', 'draft.comment', { id: closed.id, content: '代办各类证件，价格优惠，联系电话见主页。', clientRequestId: 'seed-c-bus-spam' });
      for (const who of ['citizenA', 'citizenB']) await call(who, 'case.subscribe', { templateIds: [DRAFT_REPORT_TEMPLATE] });
      at(42, 14);
      for (const x of [a, b, c]) await call('editor', 'draft.moderate', { commentId: x.commentId, decision: 'approve' });
      await call('editor', 'draft.moderate', { commentId: hidden.commentId, decision: 'hide', reason: '广告信息，与征求意见内容无关' });
      at(12, 10);
      await call('editor', 'draft.decide', { commentIds: [a.commentId], decision: 'adopted', reason: '已在方案第二条中明确早高峰发车间隔不超过5分钟。' });
      await call('editor', 'draft.decide', { commentIds: [b.commentId], decision: 'partly', reason: '微循环线路将途经社区医院；菜市场周边道路狭窄，暂不具备通行条件。' });
      await call('editor', 'draft.decide', { commentIds: [c.commentId], decision: 'adopted', reason: '线路撤销前设置不少于1个月的过渡期。' });
      at(11, 10);
      const before = await call('editor', 'draft.get', { id: closed.id });
      await call('editor', 'draft.publishReport', {
        id: closed.id,
        version: before.version,
        summary: '征求意见期间共收到意见4条，其中公开意见3条：采纳2条，部分采纳1条。感谢市民朋友的参与！',
      });
    }

    // ---- an open consultation -----------------------------------------------------------------------------
    at(10, 9);
    const open = await call('editor', 'draft.save', {
      title: '住宅小区电动自行车停放充电管理办法（征求意见稿）',
      paragraphs: [
        '第一条 为加强住宅小区电动自行车停放充电管理，预防和减少火灾事故，制定本办法。',
        '第二条 禁止在楼道、疏散通道、安全出口停放电动自行车或者为其充电。',
        '第三条 物业服务企业应当在小区内设置集中停放和充电场所，充电收费标准应当公示。',
        '第四条 违反本办法第二条规定的，由消防救援机构责令改正。',
      ],
      explanation: { background: '近年来电动自行车火灾事故多发，多数发生在楼道和室内充电时。', keyPoints: ['禁止楼道停放充电', '小区设置集中充电场所', '充电收费公示'] },
      opensAt: instant(ctx.now, 10, 9),
      closesAt: atHour(shanghaiDay(new Date(ctx.now.getTime() + 25 * 86_400_000)), 0).toISOString(),
      clientRequestId: 'seed-draft-ebike',
    });
    at(9, 19);
    const o1 = await call('citizenA', 'draft.comment', { id: open.id, paragraphIndex: 2, content: '建议集中充电场所安装遮雨棚和监控，并且按度数收费。', clientRequestId: 'seed-c-ebike-a' });
    at(8, 8);
    const o2 = await call('citizenB', 'draft.comment', { id: open.id, content: '老旧小区没有空地建充电棚，希望政府给予补贴或统筹解决。', clientRequestId: 'seed-c-ebike-b' });
    at(7, 12);
    for (const x of [o1, o2]) await call('editor', 'draft.moderate', { commentId: x.commentId, decision: 'approve' });
    at(1, 21);
    await call('citizenA', 'draft.comment', { id: open.id, paragraphIndex: 1, content: '楼道禁停后车辆没地方放，建议给一个月的过渡期。', clientRequestId: 'seed-c-ebike-c' });
    await call('citizenB', 'draft.comment', { id: open.id, paragraphIndex: 3, content: '建议明确物业发现后的劝阻义务。', clientRequestId: 'seed-c-ebike-d' });
  } finally {
    if (frozen) localCloud.clock.set(new Date(Number(frozen)), { frozen: true });
    else if (shifted) localCloud.clock.set(ctx.now);
    else localCloud.clock.set(null);
  }
}
