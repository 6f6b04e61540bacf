// The load bench's data (load.bench.ts): the demo agency plus a few thousand cases and policies written through the
// actions in-process, with the storage files the demo writes; kept in the bench cache (data-cache.ts) under this
// module's version (which covers the function and the demo seed) and the day it was seeded.
import { main } from '../../cloudfunctions/api/src';
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import type { CaseType } from '../../typings/domain';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES } from '../seed/catalog';
import { demoIdentity } from '../seed/identities';
import { seedDemo } from '../seed';
import { cachedDatabase, type CachedDatabase } from './data-cache';

const EDITOR = demoIdentity('editor').openid;
export const DISPATCHER = demoIdentity('dispatcher').openid;
export const HANDLER = demoIdentity('handler').openid;
export const HANDLER_DEPT = demoIdentity('handler').departmentId!;

/** A deterministic sequence, so every run seeds and plays the same mix. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TITLES = ['小区电梯长期故障无人维修', '夜间施工噪声扰民', '公交线路调整建议', '老旧小区加装电梯咨询', '拖欠工资三个月未发', '社保转移手续咨询', '路面塌陷存在安全隐患', '餐馆油烟直排影响居民'];
const SENTENCES = ['我住在幸福小区三栋，这个问题已经持续了两个多星期。', '多次向物业和社区反映，一直没有得到答复。', '希望有关部门尽快核实处理，并告知处理结果。', '请问需要准备哪些材料，到哪个窗口办理？'];
export const KEYWORDS = ['物业', '电梯', '公交', '养老', '社保', '噪声', '工资', '补贴'];

export function submitPayload(rand: () => number, tag: string): RequestOf<'case.submit'> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const category = pick(DEMO_CATEGORIES);
  const type: CaseType = pick(category.types);
  return {
    type,
    categoryId: category._id,
    title: pick(TITLES),
    content: `${pick(SENTENCES)}${pick(SENTENCES)}${pick(SENTENCES)}`,
    contactName: '张女士',
    contactPhone: '13800138000',
    publishConsent: rand() < 0.5,
    clientRequestId: `load-${tag}`,
  };
}

function policyPayload(i: number, rand: () => number): RequestOf<'policy.save'> {
  const category = DEMO_CATEGORIES[i % DEMO_CATEGORIES.length]!;
  const kw = KEYWORDS[i % KEYWORDS.length]!;
  return {
    title: `关于${kw}服务管理的若干措施（第${i + 1}号）`,
    docNo: `市政办发〔2026〕${i + 1}号`,
    issuer: '市人民政府办公室',
    categoryId: category._id,
    issuedAt: '2026-02-20',
    effectiveFrom: '2026-03-01',
    paragraphs: Array.from({ length: 3 + Math.floor(rand() * 5) }, (_, p) => `第${p + 1}条 ${kw}相关事项按照本措施办理，${SENTENCES[p % SENTENCES.length]}`),
    explanation: { background: `近年来${kw}方面的诉求增多。`, keyPoints: ['明确办理时限', '公开办理流程'], faq: [{ q: `${kw}在哪里办理？`, a: '在政务服务中心和本平台。' }] },
  };
}

async function inProcess<N extends ActionName>(openid: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid })) as ApiResponse<ResponseOf<N>>;
  if (!res.ok) throw new Error(`seed ${action} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** Runs `count` jobs, `width` at a time. */
export async function inBatches(count: number, width: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await job(next++);
  }));
}

/** The demo agency plus `cases` cases (some accepted and routed) and `policies` published policies. */
async function seed(cases: number, policies: number): Promise<Record<string, never>> {
  await seedDemo();
  const rand = rng(20261206);
  await inBatches(cases, 8, async (i) => {
    const citizen = `o_load_seed_${Math.floor(i / 4)}`;
    const res = await inProcess(citizen, 'case.submit', submitPayload(rand, `seed-${i}`));
    if (i % 3 === 0) {
      const view = await inProcess(DISPATCHER, 'case.get', { id: res.id });
      await inProcess(DISPATCHER, 'case.accept', { id: res.id, version: view.version, departmentId: i % 2 ? HANDLER_DEPT : (view.suggestedDepartmentId ?? HANDLER_DEPT) });
    }
  });
  await inBatches(policies, 8, async (i) => {
    const saved = await inProcess(EDITOR, 'policy.save', policyPayload(i, rand));
    await inProcess(EDITOR, 'policy.publish', { id: saved.id, version: saved.version });
  });
  return {};
}

/**
 * The load bench's data with its storage (the demo's attachments), from the cache or seeded into it. Seeded at the
 * real clock (the gateway serves at the real clock: deadlines, consultation windows and rate limits are relative to
 * it), so it is kept for the day it was seeded.
 */
export function loadData(cases: number, policies: number): Promise<CachedDatabase<Record<string, never>>> {
  return cachedDatabase('load', cases, __filename, () => seed(cases, policies), { withStorage: true, alsoKeyedBy: `${policies} policies, seeded on ${new Date().toISOString().slice(0, 10)}` });
}
