// The demo agency's catalogue: the departments of a city government and the categories a citizen chooses from, each
// routed by default to the department that handles it. Written with fixed _ids, so seeding twice changes nothing.
import type { CaseType } from '../../typings/domain';
import type { SeedContext } from './index';

export interface DepartmentSeed {
  _id: string;
  name: string;
  phone: string;
  address: string;
  hours: string;
  location: { latitude: number; longitude: number };
  order: number;
}

export interface CategorySeed {
  _id: string;
  name: string;
  /** Absent: no default department, the dispatcher routes (其他/不确定). */
  departmentId?: string;
  types: CaseType[];
  /** Title words that suggest the category on the submit form. */
  keywords: string[];
  order: number;
}

const ALL: CaseType[] = ['inquiry', 'help', 'complaint', 'suggestion'];
const HOURS = '工作日 9:00-12:00，13:30-17:30';

export const DEMO_DEPARTMENTS: DepartmentSeed[] = [
  { _id: 'dept-housing', name: '住房和城乡建设局', phone: '0571-87001001', address: '市民中心 A 座 3 楼', hours: HOURS, location: { latitude: 30.245, longitude: 120.21 }, order: 1 },
  { _id: 'dept-transport', name: '交通运输局', phone: '0571-87001002', address: '市民中心 B 座 2 楼', hours: HOURS, location: { latitude: 30.2455, longitude: 120.2108 }, order: 2 },
  { _id: 'dept-env', name: '生态环境局', phone: '0571-87001003', address: '环城北路 108 号', hours: HOURS, location: { latitude: 30.2712, longitude: 120.165 }, order: 3 },
  { _id: 'dept-hrss', name: '人力资源和社会保障局', phone: '0571-87001004', address: '市民中心 C 座 1 楼', hours: HOURS, location: { latitude: 30.246, longitude: 120.2095 }, order: 4 },
  { _id: 'dept-market', name: '市场监督管理局', phone: '0571-87001005', address: '庆春路 56 号', hours: HOURS, location: { latitude: 30.259, longitude: 120.178 }, order: 5 },
  { _id: 'dept-civil', name: '民政局', phone: '0571-87001006', address: '解放路 20 号', hours: HOURS, location: { latitude: 30.253, longitude: 120.172 }, order: 6 },
];

export const DEMO_CATEGORIES: CategorySeed[] = [
  { _id: 'cat-property', name: '物业管理', departmentId: 'dept-housing', types: ALL, keywords: ['物业', '物业费', '电梯', '楼道', '停车', '车位', '绿化', '小区', '渗水', '漏水'], order: 1 },
  { _id: 'cat-old-estate', name: '老旧小区改造', departmentId: 'dept-housing', types: ['inquiry', 'suggestion', 'complaint'], keywords: ['老旧小区', '加装电梯', '改造', '外墙', '管网'], order: 2 },
  { _id: 'cat-bus', name: '公交线路与站点', departmentId: 'dept-transport', types: ['inquiry', 'suggestion', 'complaint'], keywords: ['公交', '班次', '站点', '线路', '地铁', '站台'], order: 3 },
  { _id: 'cat-roads', name: '道路维修', departmentId: 'dept-transport', types: ['help', 'complaint', 'suggestion'], keywords: ['道路', '路面', '塌陷', '坑洼', '井盖', '路灯', '人行道'], order: 4 },
  { _id: 'cat-noise', name: '噪声扰民', departmentId: 'dept-env', types: ['complaint', 'help'], keywords: ['噪声', '噪音', '施工', '扰民', '广场舞', '喇叭'], order: 5 },
  { _id: 'cat-air-water', name: '大气与水污染', departmentId: 'dept-env', types: ['complaint', 'inquiry', 'suggestion'], keywords: ['污染', '排污', '异味', '臭味', '黑烟', '河道', '污水'], order: 6 },
  { _id: 'cat-social-security', name: '社保缴纳与待遇', departmentId: 'dept-hrss', types: ['inquiry', 'help'], keywords: ['社保', '养老金', '退休金', '医保', '失业金', '参保', '缴费'], order: 7 },
  { _id: 'cat-wage-arrears', name: '拖欠工资', departmentId: 'dept-hrss', types: ['help', 'complaint'], keywords: ['工资', '欠薪', '拖欠', '讨薪', '工钱'], order: 8 },
  { _id: 'cat-food-safety', name: '食品安全', departmentId: 'dept-market', types: ['complaint', 'inquiry'], keywords: ['食品', '餐馆', '饭店', '过期', '变质', '外卖'], order: 9 },
  { _id: 'cat-consumer', name: '消费维权', departmentId: 'dept-market', types: ['complaint', 'help', 'inquiry'], keywords: ['退款', '消费', '商家', '网购', '预付卡', '维权', '假货'], order: 10 },
  { _id: 'cat-elderly-care', name: '养老服务', departmentId: 'dept-civil', types: ALL, keywords: ['养老', '老人', '养老院', '助餐', '高龄', '居家养老'], order: 11 },
  // 其他/不确定: for what fits no category (a rubbish-collection complaint): no default department, the dispatcher routes.
  { _id: 'cat-other', name: '其他/不确定', types: ALL, keywords: [], order: 99 },
];

export async function seedCatalog({ db }: SeedContext): Promise<void> {
  for (const { _id, ...data } of DEMO_DEPARTMENTS) await db.collection('departments').doc(_id).set({ data });
  for (const { _id, ...data } of DEMO_CATEGORIES) await db.collection('categories').doc(_id).set({ data });
}
