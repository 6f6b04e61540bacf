// Demo announcements (通知公告), created THROUGH THE ACTIONS as the demo editor would, with the local clock moved back:
// a dozen from six departments over the last six weeks, one with an attachment, one revised (version 2 with its
// note), one expired and one withdrawn. 张阿姨 (citizenA) follows 交通运输局 before its announcements appear, so her
// 消息 holds them beside the progress of her cases (written there by the cases seeder's actions).
import { shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { CLOCK_FROZEN_ENV, CLOCK_OFFSET_ENV } from '../local-cloud/clock';
import { demoIdentity } from './identities';
import type { SeedContext } from './index';
import { instant } from './policies';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

interface AnnouncementSeed {
  key: string;
  daysAgo: number;
  departmentId: string;
  title: string;
  paragraphs: string[];
  /** 有效期至, days from the publication (negative: already over). */
  validDays?: number;
}

export const DEMO_ANNOUNCEMENTS: AnnouncementSeed[] = [
  { key: 'hall-hours', daysAgo: 40, departmentId: 'dept-civil', title: '关于市民中心办事大厅延长周末服务时间的通知', paragraphs: ['为方便群众办事，自下月起市民中心办事大厅周六上午增设服务窗口，办理婚姻登记、社会救助等事项。', '服务时间为周六9:00至12:00，法定节假日除外。'] },
  { key: 'bus-12', daysAgo: 36, departmentId: 'dept-transport', title: '关于12路公交线路临时调整的公告', paragraphs: ['因幸福路燃气管道改造施工，12路公交线路临时绕行建设路，幸福路站暂停使用。', '施工结束后恢复原线路，请乘客提前规划出行。'], validDays: 20 },
  { key: 'heat-supply', daysAgo: 33, departmentId: 'dept-housing', title: '关于今冬集中供暖开始时间的通告', paragraphs: ['今年冬季集中供暖将于11月15日开始，各供热单位应提前完成管网检修和试运行。', '居民发现暖气不热，可拨打供热服务热线或在本小程序反映。'] },
  { key: 'air-quality', daysAgo: 30, departmentId: 'dept-env', title: '关于启动重污染天气黄色预警的通知', paragraphs: ['受不利气象条件影响，预计未来三天我市将出现中度至重度污染天气。', '请老人、儿童和呼吸道疾病患者减少户外活动；施工工地停止土石方作业。'] },
  { key: 'job-fair', daysAgo: 27, departmentId: 'dept-hrss', title: '2026年秋季高校毕业生专场招聘会公告', paragraphs: ['本次招聘会共有两百余家用人单位参加，提供岗位三千余个，涵盖制造、信息技术、教育等行业。', '请求职者携带身份证和简历，现场免费入场。'] },
  { key: 'food-check', daysAgo: 24, departmentId: 'dept-market', title: '关于第三季度食品安全抽检结果的公告', paragraphs: ['本季度共抽检食品样品一千二百批次，合格率百分之九十八点六。', '不合格产品已责令下架并依法处置，详细名单见附件。'] },
  { key: 'metro-night', daysAgo: 20, departmentId: 'dept-transport', title: '关于地铁1号线夜间延长运营的通知', paragraphs: ['为满足市民夜间出行需求，地铁1号线每周五、周六末班车延长至23:30。', '首末班车时间以车站公告为准。'] },
  { key: 'elevator-subsidy', daysAgo: 16, departmentId: 'dept-housing', title: '关于老旧小区加装电梯财政补贴申报的通知', paragraphs: ['符合条件的老旧小区加装电梯，每台可申请财政补贴，申报截止时间为本月底。', '申报材料包括业主同意书、施工方案和资金筹措方案，由街道统一受理。'] },
  { key: 'parking-fee', daysAgo: 12, departmentId: 'dept-transport', title: '关于调整中心城区路边停车收费标准的公告', paragraphs: ['经听证，中心城区路边停车收费标准调整为首小时五元，之后每小时三元。', '新标准自下月1日起执行，夜间停车收费标准不变。'] },
  { key: 'pension', daysAgo: 8, departmentId: 'dept-hrss', title: '关于办理养老保险待遇资格认证的提醒', paragraphs: ['领取养老保险待遇的人员，每年需进行一次待遇资格认证。', '可通过手机人脸识别办理，也可到社区服务中心现场办理。'] },
  { key: 'garbage', daysAgo: 4, departmentId: 'dept-env', title: '关于开展垃圾分类集中宣传月活动的通知', paragraphs: ['本月为垃圾分类集中宣传月，各社区将开展入户宣传和定时定点投放指导。', '欢迎市民报名担任垃圾分类志愿者。'] },
  { key: 'road-closure', daysAgo: 2, departmentId: 'dept-transport', title: '关于幸福路燃气管道施工期间交通管制的通告', paragraphs: ['幸福路（建设路至光明路段）燃气管道改造施工期间实行半幅封闭，请过往车辆绕行。', '施工期间给您带来的不便，敬请谅解。'], validDays: 30 },
];

export async function seedAnnouncements(ctx: SeedContext): Promise<void> {
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
    at(45, 9);
    await call('citizenA', 'announcement.follow', { departmentId: 'dept-transport', following: true });
    const attachment = localCloud.storage.write('announcements/demo-food-check.pdf', Buffer.from('%PDF-1.4\n% 第三季度食品安全抽检不合格产品名单（示例附件）\n%%EOF\n'));
    const ids = new Map<string, { id: string; version: number }>();
    for (const a of DEMO_ANNOUNCEMENTS) {
      at(a.daysAgo, 10);
      const date = shanghaiDay(instant(ctx.now, a.daysAgo, 10));
      const saved = await call('editor', 'announcement.save', {
        title: a.title,
        departmentId: a.departmentId,
        date,
        paragraphs: a.paragraphs,
        ...(a.validDays === undefined ? {} : { expiresAt: shanghaiDay(new Date(Date.parse(`${date}T04:00:00Z`) + a.validDays * 86_400_000)) }),
        ...(a.key === 'food-check' ? { attachments: [{ fileID: attachment, name: '不合格产品名单.pdf', size: 72 }] } : {}),
        clientRequestId: `seed-announcement-${a.key}`,
      });
      const published = await call('editor', 'announcement.publish', { id: saved.id, version: saved.version });
      ids.set(a.key, { id: published.id, version: published.version });
    }
    // A correction, published as version 2 with its note.
    at(1, 15);
    const elevator = DEMO_ANNOUNCEMENTS.find((a) => a.key === 'elevator-subsidy')!;
    const e = ids.get('elevator-subsidy')!;
    const edited = await call('editor', 'announcement.save', {
      id: e.id,
      version: e.version,
      title: elevator.title,
      departmentId: elevator.departmentId,
      date: shanghaiDay(instant(ctx.now, elevator.daysAgo, 10)),
      paragraphs: [elevator.paragraphs[0]!.replace('本月底', '下月15日'), elevator.paragraphs[1]!],
      note: '申报截止时间延长至下月15日',
    });
    await call('editor', 'announcement.publish', { id: edited.id, version: edited.version });
    // Published by mistake under the wrong department, and withdrawn.
    const wrong = await call('editor', 'announcement.save', { title: '关于暂停办理不动产登记业务的通知', departmentId: 'dept-market', date: shanghaiDay(instant(ctx.now, 1, 15)), paragraphs: ['因系统升级，暂停办理不动产登记业务一天。'], clientRequestId: 'seed-announcement-withdrawn' });
    const wrongPublished = await call('editor', 'announcement.publish', { id: wrong.id, version: wrong.version });
    await call('editor', 'announcement.withdraw', { id: wrong.id, version: wrongPublished.version, reason: '发布单位有误，将由不动产登记中心重新发布' });
  } finally {
    if (frozen) localCloud.clock.set(new Date(Number(frozen)), { frozen: true });
    else if (shifted) localCloud.clock.set(ctx.now);
    else localCloud.clock.set(null);
  }
}
