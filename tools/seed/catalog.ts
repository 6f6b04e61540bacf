// The demo agency's catalogue: the departments of a city government and the categories a citizen chooses from, each
// routed by default to the department that handles it. Written with fixed _ids, so seeding twice changes nothing.
import type { CaseType } from '../../typings/domain';
import type { SeedContext } from './index';

export interface DepartmentSeed {
  _id: string;
  name: string;
  order: number;
}

export interface CategorySeed {
  _id: string;
  name: string;
  departmentId: string;
  types: CaseType[];
  order: number;
}

const ALL: CaseType[] = ['inquiry', 'help', 'complaint', 'suggestion'];

export const DEMO_DEPARTMENTS: DepartmentSeed[] = [
  { _id: 'dept-housing', name: '住房和城乡建设局', order: 1 },
  { _id: 'dept-transport', name: '交通运输局', order: 2 },
  { _id: 'dept-env', name: '生态环境局', order: 3 },
  { _id: 'dept-hrss', name: '人力资源和社会保障局', order: 4 },
  { _id: 'dept-market', name: '市场监督管理局', order: 5 },
  { _id: 'dept-civil', name: '民政局', order: 6 },
];

export const DEMO_CATEGORIES: CategorySeed[] = [
  { _id: 'cat-property', name: '物业管理', departmentId: 'dept-housing', types: ALL, order: 1 },
  { _id: 'cat-old-estate', name: '老旧小区改造', departmentId: 'dept-housing', types: ['inquiry', 'suggestion', 'complaint'], order: 2 },
  { _id: 'cat-bus', name: '公交线路与站点', departmentId: 'dept-transport', types: ['inquiry', 'suggestion', 'complaint'], order: 3 },
  { _id: 'cat-roads', name: '道路维修', departmentId: 'dept-transport', types: ['help', 'complaint', 'suggestion'], order: 4 },
  { _id: 'cat-noise', name: '噪声扰民', departmentId: 'dept-env', types: ['complaint', 'help'], order: 5 },
  { _id: 'cat-air-water', name: '大气与水污染', departmentId: 'dept-env', types: ['complaint', 'inquiry', 'suggestion'], order: 6 },
  { _id: 'cat-social-security', name: '社保缴纳与待遇', departmentId: 'dept-hrss', types: ['inquiry', 'help'], order: 7 },
  { _id: 'cat-wage-arrears', name: '拖欠工资', departmentId: 'dept-hrss', types: ['help', 'complaint'], order: 8 },
  { _id: 'cat-food-safety', name: '食品安全', departmentId: 'dept-market', types: ['complaint', 'inquiry'], order: 9 },
  { _id: 'cat-consumer', name: '消费维权', departmentId: 'dept-market', types: ['complaint', 'help', 'inquiry'], order: 10 },
  { _id: 'cat-elderly-care', name: '养老服务', departmentId: 'dept-civil', types: ALL, order: 11 },
];

export async function seedCatalog({ db }: SeedContext): Promise<void> {
  for (const { _id, ...data } of DEMO_DEPARTMENTS) await db.collection('departments').doc(_id).set({ data });
  for (const { _id, ...data } of DEMO_CATEGORIES) await db.collection('categories').doc(_id).set({ data });
}
