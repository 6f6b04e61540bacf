// What a deployment does to a WeChat Cloud environment, computed from the repository alone (no network), so it can
// be printed, reviewed and tested: the collections and indexes of database/indexes.json as WeChat's HTTP API wants
// them (tcb/databasecollectionadd, tcb/updateindex), and each function's timer triggers from its config.json.
import fs from 'fs';
import path from 'path';
import { BACKFILLS } from '../../cloudfunctions/api/src/domain/backfills';

export const ROOT = path.resolve(__dirname, '../..');

interface IndexSpec {
  name: string;
  fields: Array<[string, 1 | -1 | '2dsphere']>;
  unique?: boolean;
}
interface DatabaseSpec {
  collections: Record<string, { indexes: IndexSpec[]; bounded?: boolean }>;
}

export interface CollectionStep {
  collection: string;
  /** Body of POST tcb/updateindex (without env, added at run time). */
  createIndexes: Array<{ name: string; unique: boolean; keys: Array<{ name: string; direction: '1' | '-1' | '2dsphere' }> }>;
}

export interface FunctionStep {
  name: string;
  dir: string;
  triggers: Array<{ name: string; type: 'timer'; config: string }>;
  openapi: string[];
}

/** A data back-fill the deployed function's tick runs until done (cloudfunctions/api/src/domain/backfills.ts). */
export interface BackfillStep {
  name: string;
  note: string;
}

export interface DeployPlan {
  collections: CollectionStep[];
  functions: FunctionStep[];
  backfills: BackfillStep[];
}

export function readDatabaseSpec(file = path.join(ROOT, 'database/indexes.json')): DatabaseSpec {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DatabaseSpec;
}

export function collectionSteps(spec: DatabaseSpec): CollectionStep[] {
  return Object.entries(spec.collections)
    .filter(([name]) => !name.startsWith('//'))
    .map(([collection, { indexes }]) => ({
      collection,
      createIndexes: indexes.map((ix) => ({
        name: ix.name,
        unique: ix.unique === true,
        keys: ix.fields.map(([name, dir]) => ({ name, direction: dir === '2dsphere' ? ('2dsphere' as const) : dir === -1 ? ('-1' as const) : ('1' as const) })),
      })),
    }));
}

export function functionSteps(root = path.join(ROOT, 'cloudfunctions')): FunctionStep[] {
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'package.json')))
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const configFile = path.join(dir, 'config.json');
      const config = fs.existsSync(configFile)
        ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as { triggers?: Array<{ name: string; type: string; config: string }>; permissions?: { openapi?: string[] } })
        : {};
      return {
        name,
        dir,
        triggers: (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, type: 'timer' as const, config: t.config })),
        openapi: config.permissions?.openapi ?? [],
      };
    });
}

export function deployPlan(): DeployPlan {
  return { collections: collectionSteps(readDatabaseSpec()), functions: functionSteps(), backfills: BACKFILLS.map(({ name, note }) => ({ name, note })) };
}

export function describePlan(plan: DeployPlan, env: string): string {
  const lines = [`云环境 ${env}:`];
  for (const c of plan.collections) {
    lines.push(`  集合 ${c.collection}` + (c.createIndexes.length ? `，索引 ${c.createIndexes.map((i) => `${i.name}(${i.keys.map((k) => `${k.name} ${k.direction}`).join(', ')})`).join('；')}` : ''));
  }
  for (const f of plan.functions) {
    lines.push(`  云函数 ${f.name}：上传并在云端安装依赖；定时触发器 ${f.triggers.map((t) => `${t.name} "${t.config}"`).join('、') || '无'}`);
  }
  if (plan.backfills.length) {
    lines.push('  数据补全（部署后由定时触发器 tick 分批执行，完成的不再执行，重复执行不改变数据）：');
    for (const b of plan.backfills) lines.push(`    ${b.name}：${b.note}`);
  }
  return lines.join('\n');
}
