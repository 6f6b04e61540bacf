// The consultation workload at 100k and 1M cases: `case.queue`, `case.listMine` and `case.get`, in-process through the
// cloud function's `main` on the local cloud in strict mode (every query proved to be served by a declared index), as
// the identities that make them. Documents are built by the domain functions the repositories use (deadlines, derived
// keys, counters), with a realistic mix: most cases closed over three years, a few weeks of open work, some overdue.
// `npm run bench -- cases --sizes 10k,100k,1M` sets the sizes (BENCH_CASES=100000 one size, as before); with two sizes
// or more it prints each operation's growth, p95(largest)/p95(smallest), against the goal of staying flat.
import { performance } from 'perf_hooks';
import { main } from '../../cloudfunctions/api/src';
import { makeCalendar, type WorkCalendar } from '../../cloudfunctions/api/src/domain/calendar';
import type { CaseDoc, CaseEventDoc, NewEvent } from '../../cloudfunctions/api/src/domain/case-doc';
import { statDelta, withKeys, type CaseCore } from '../../cloudfunctions/api/src/domain/case-keys';
import { dueAfter, plusDays, reminderAt, runningDue, type CaseRules } from '../../cloudfunctions/api/src/domain/deadlines';
import { DEFAULT_CALENDAR, DEFAULT_RULES } from '../../cloudfunctions/api/src/domain/defaults';
import { formatTrackingNo, trackingDay } from '../../cloudfunctions/api/src/domain/tracking';
import type { ActionName, ApiResponse, RequestOf } from '../../typings/api';
import type { CaseStatus, CaseType } from '../../typings/domain';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, type CategorySeed } from '../seed/catalog';
import { benchSizes, type BenchCheck, type BenchResult } from './index';

type Routed = CategorySeed & { departmentId: string };

const SIZES = benchSizes(process.env.BENCH_CASES ? [Number(process.env.BENCH_CASES)] : [100_000, 1_000_000]);
/** Flat: the largest size's p95 at most this many times the smallest's. */
const GROWTH_GOAL = 2;
/** The heavy citizen has this many cases at every size, so their page 2 is as full at 10k as at 1M. */
const HEAVY_CASES = 50;
/**
 * The first cases are housing complaints in processing whose answer falls due within the next 24 hours, so the
 * handler's "due within 24 h" page is full at every size (the random mix alone gives 1 at 2k and 20 only from ~100k).
 */
const DUE_SOON = 24;
const RUNS = 200;
const WARMUP = 20;
const CHUNK = 10_000;
export const NOW = '2026-11-25T02:00:00.000Z';
const DAY = 86_400_000;

const DISPATCHER = 'o_bench_dispatcher';
const SUPERVISOR = 'o_bench_supervisor';
const HEAVY = 'o_bench_heavy_citizen';
const handlerOf = (dept: string) => `o_bench_handler_${dept}`;

const rules: CaseRules = DEFAULT_RULES;

/** Deterministic, so every run loads the same cases. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TITLES = ['小区电梯长期故障无人维修', '夜间施工噪声扰民', '公交线路调整建议', '老旧小区加装电梯咨询', '拖欠工资三个月未发', '社保转移手续咨询', '路面塌陷存在安全隐患', '餐馆油烟直排影响居民', '养老服务补贴如何申请', '物业费收费标准不透明'];
const SENTENCES = [
  '我住在幸福小区三栋，这个问题已经持续了两个多星期。',
  '多次向物业和社区反映，一直没有得到答复。',
  '家里有老人和小孩，生活受到很大影响。',
  '希望有关部门尽快核实处理，并告知处理结果。',
  '附近居民都有同样的反映，情况比较普遍。',
  '请问需要准备哪些材料，到哪个窗口办理？',
  '之前打过热线电话，说会转给相关部门，但至今没有消息。',
  '建议增加巡查频次，并公开处理进度。',
];
const REPLY = '您好！您反映的问题已收悉。经我局工作人员现场核查，情况基本属实。我局已责成相关单位限期整改，并将持续跟踪落实情况。感谢您对我们工作的关注和支持。';

interface Sample {
  id: string;
  openid: string;
}

interface Generated {
  docs: CaseDoc[];
  events: CaseEventDoc[];
}

export class Generator {
  private readonly rand = rng(20261125);
  private readonly cal: WorkCalendar = makeCalendar(DEFAULT_CALENDAR);
  private readonly perDay = new Map<string, number>();
  readonly stats = new Map<string, Record<string, number>>();
  readonly getSamples: Sample[] = [];
  readonly citizens: string[] = [];
  private readonly nowMs = Date.parse(NOW);
  private readonly categoriesOf = new Map(
    // Only categories with a default department: the bench's cases are routed and handled (其他/不确定 has none).
    (['inquiry', 'help', 'complaint', 'suggestion'] as const).map((t) => [t, DEMO_CATEGORIES.filter((c): c is Routed => Boolean(c.departmentId) && c.types.includes(t))]),
  );

  constructor(private readonly total: number) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  private ago(minDays: number, maxDays: number): string {
    return new Date(this.nowMs - (minDays + this.rand() * (maxDays - minDays)) * DAY).toISOString();
  }

  private status(): CaseStatus {
    const r = this.rand();
    if (r < 0.85) return 'closed';
    if (r < 0.88) return 'rejected';
    if (r < 0.9) return 'withdrawn';
    if (r < 0.93) return 'replied';
    if (r < 0.98) return 'processing';
    if (r < 0.985) return 'needs_info';
    if (r < 0.99) return 'accepted';
    return 'submitted';
  }

  private type(): CaseType {
    const r = this.rand();
    return r < 0.35 ? 'inquiry' : r < 0.5 ? 'help' : r < 0.85 ? 'complaint' : 'suggestion';
  }

  private content(): string {
    const n = 3 + Math.floor(this.rand() * 6);
    return Array.from({ length: n }, () => this.pick(SENTENCES)).join('');
  }

  /** One case, the way the actions would have left it after its life so far. */
  make(i: number): { doc: CaseDoc; events: NewEvent[] } {
    const dueSoon = i < DUE_SOON;
    const status = dueSoon ? 'processing' : this.status();
    const type = dueSoon ? 'complaint' : this.type();
    const category = dueSoon ? DEMO_CATEGORIES.find((c) => c._id === 'cat-property')! : this.pick(this.categoriesOf.get(type)!);
    const openid = i % Math.max(1, Math.floor(this.total / HEAVY_CASES)) === 7 ? HEAVY : `o_bench_c${Math.floor(this.rand() * (this.total / 4))}`;
    const submittedAt =
      status === 'closed' || status === 'rejected' || status === 'withdrawn'
        ? this.ago(10, 1095)
        : status === 'replied'
          ? this.ago(1, 20)
          : status === 'processing' || status === 'needs_info'
            ? this.ago(1, 25)
            : this.ago(0, 2);
    const day = trackingDay(submittedAt);
    const seq = (this.perDay.get(day) ?? 0) + 1;
    this.perDay.set(day, seq);
    const id = `bench${String(i).padStart(8, '0')}`;
    const events: NewEvent[] = [{ at: submittedAt, kind: 'submitted', to: 'submitted', actor: { role: 'citizen' }, visibility: 'public' }];
    const core: CaseCore = {
      _id: id,
      openid,
      trackingNo: formatTrackingNo(day, seq),
      type,
      categoryId: category._id,
      routeDepartmentId: category.departmentId,
      title: this.pick(TITLES),
      content: this.content(),
      images: this.rand() < 0.2 ? [`cloud://local-dev.bucket/cases/${openid}/${id}.jpg`] : [],
      publishConsent: this.rand() < 0.5,
      status: 'submitted',
      version: 1,
      submittedAt,
      acceptDueAt: dueAfter(submittedAt, rules.acceptDays, this.cal),
      reopenCount: 0,
      flagged: this.rand() < 0.005,
      escalated: false,
      awaitingReview: false,
      publishable: false,
      updatedAt: submittedAt,
    };
    if (this.rand() < 0.6) {
      core.contactName = '张先生';
      core.contactPhone = '13812345678';
    }
    const at = (base: string, days: number) => new Date(Math.min(Date.parse(base) + days * DAY, this.nowMs)).toISOString();
    if (status === 'rejected' || status === 'withdrawn') {
      core.status = status;
      core.endedAt = at(submittedAt, 0.3);
      events.push({ at: core.endedAt, kind: status, from: 'submitted', to: status, actor: { role: status === 'rejected' ? 'dispatcher' : 'citizen' }, visibility: 'citizen' });
      if (status === 'rejected') core.rejectReason = 'out_of_scope';
    } else if (status !== 'submitted') {
      const acceptedAt = at(submittedAt, 0.2 + this.rand() * 0.8);
      core.acceptedAt = acceptedAt;
      core.answerDueAt = dueAfter(acceptedAt, rules.answerDays[type], this.cal);
      core.status = 'accepted';
      events.push({ at: acceptedAt, kind: 'accepted', from: 'submitted', to: 'accepted', actor: { role: 'dispatcher' }, visibility: 'public' });
      if (status !== 'accepted') {
        core.departmentId = category.departmentId;
        core.status = 'processing';
        events.push({ at: acceptedAt, kind: 'assigned', from: 'accepted', to: 'processing', actor: { role: 'dispatcher' }, visibility: 'public' });
      }
      if (status === 'needs_info') {
        core.status = 'needs_info';
        core.pausedAt = at(acceptedAt, 1);
        core.question = '请补充具体地址和联系方式';
        events.push({ at: core.pausedAt, kind: 'info_requested', from: 'processing', to: 'needs_info', note: core.question, actor: { role: 'handler', departmentId: core.departmentId! }, visibility: 'citizen' });
      }
      if (status === 'replied' || status === 'closed') {
        const replyAt = status === 'replied' ? this.ago(0, 6.9) : at(acceptedAt, 1 + this.rand() * rules.answerDays[type] * 1.5);
        core.reply = { content: REPLY, at: replyAt, fromTemplate: this.rand() < 0.3, departmentId: core.departmentId! };
        core.status = 'replied';
        events.push({ at: replyAt, kind: 'replied', from: 'processing', to: 'replied', note: REPLY, actor: { role: 'handler', departmentId: core.departmentId! }, visibility: 'public' });
        if (status === 'closed') {
          const rated = this.rand() < 0.8;
          core.status = 'closed';
          core.endedAt = at(replyAt, rated ? 1 : 7);
          if (rated) {
            const score = (this.rand() < 0.85 ? 4 + Math.round(this.rand()) : 3) as 3 | 4 | 5;
            core.rating = { score, solved: true, at: core.endedAt };
            events.push({ at: core.endedAt, kind: 'rated', note: '满意', actor: { role: 'citizen' }, visibility: 'citizen' });
          }
          events.push({ at: core.endedAt, kind: 'closed', from: 'replied', to: 'closed', actor: { role: rated ? 'citizen' : 'system' }, visibility: 'public' });
          if (Date.parse(core.endedAt) < this.nowMs - rules.retentionDays * DAY) {
            delete core.contactName;
            delete core.contactPhone;
            core.images = [];
            core.purgedAt = plusDays(core.endedAt, rules.retentionDays);
          }
        }
      }
    }
    if (dueSoon) core.answerDueAt = new Date(this.nowMs + (1 + (22 * i) / DUE_SOON) * 3600e3).toISOString();
    // What the timer would have done by now: reminders sent, overdue cases flagged and escalated.
    const due = runningDue(core);
    if (core.status === 'processing' && core.answerDueAt && reminderAt(core.answerDueAt, this.cal) < NOW) core.remindedFor = core.answerDueAt;
    if (due && due < NOW) {
      core.overdueFor = due;
      core.escalated = true;
    }
    if (core.status === 'replied' && core.reply && plusDays(core.reply.at, rules.ratingReminderDays) < NOW) core.ratingRemindedFor = core.reply.at;
    core.version = events.length;
    core.updatedAt = events[events.length - 1]!.at;
    const doc = withKeys(core, rules, this.cal);
    return { doc, events };
  }

  /** Cases `from`..`to`; the events of those `withTimeline` picks (one in ten: a realistic events collection). */
  chunk(from: number, to: number, withTimeline: (i: number) => boolean = (i) => i % 10 === 0): Generated {
    const docs: CaseDoc[] = [];
    const events: CaseEventDoc[] = [];
    for (let i = from; i < to; i++) {
      const { doc, events: evs } = this.make(i);
      docs.push(doc);
      for (const [scope, delta] of statDelta(null, doc)) {
        const counts = this.stats.get(scope) ?? {};
        for (const [k, d] of delta) counts[k] = (counts[k] ?? 0) + d;
        this.stats.set(scope, counts);
      }
      if (withTimeline(i)) {
        // Timelines for one case in ten: the events collection at a realistic size, and case.get reads real ones.
        evs.forEach((e, n) => events.push({ ...e, _id: `${doc._id}-${n + 1}-0`, caseId: doc._id, seq: (n + 1) * 100 }));
        if (this.getSamples.length < 2000 && this.rand() < 0.05) this.getSamples.push({ id: doc._id, openid: doc.openid });
      }
      if (i % 997 === 0 && doc.openid !== HEAVY) this.citizens.push(doc.openid);
    }
    return { docs, events };
  }
}

export async function call<N extends ActionName>(openid: string, action: N, payload: RequestOf<N>): Promise<{ ms: number; res: ApiResponse<unknown> }> {
  const t = performance.now();
  const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid })) as ApiResponse<unknown>;
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${action} ${JSON.stringify(payload)} failed: ${JSON.stringify(res.error)}`);
  return { ms, res };
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (x: number) => Number(x.toFixed(2));

type Call = [openid: string, action: ActionName, payload: Record<string, unknown>];

async function measure(size: string, name: string, calls: Call[]): Promise<Record<string, string | number>> {
  const run = (c: Call) => call(c[0], c[1], c[2] as never);
  for (let i = 0; i < WARMUP; i++) await run(calls[i % calls.length]!);
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, res } = await run(calls[i % calls.length]!);
    times.push(ms);
    if (res.ok) items += ((res.data as { items?: unknown[] }).items ?? [res.data]).length;
  }
  times.sort((a, b) => a - b);
  return { cases: size, operation: name, 'median ms': round(quantile(times, 0.5)), 'p95 ms': round(quantile(times, 0.95)), 'max ms': round(times[times.length - 1]!), 'items/call': Number((items / RUNS).toFixed(1)) };
}

async function benchSize(total: number): Promise<{ rows: Array<Record<string, string | number>>; note: string }> {
  localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
  localCloud.clock.set(NOW, { frozen: true });
  localCloud.db.bulkInsert('departments', DEMO_DEPARTMENTS.map((d) => ({ ...d })));
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  localCloud.db.bulkInsert('users', [
    { _id: DISPATCHER, roles: ['dispatcher'] },
    { _id: SUPERVISOR, roles: ['supervisor'] },
    ...DEMO_DEPARTMENTS.map((d) => ({ _id: handlerOf(d._id), roles: ['handler'], departmentId: d._id })),
  ]);

  const t0 = performance.now();
  const gen = new Generator(total);
  let events = 0;
  for (let from = 0; from < total; from += CHUNK) {
    const chunk = gen.chunk(from, Math.min(total, from + CHUNK));
    localCloud.db.bulkInsert('cases', chunk.docs as unknown as Record<string, unknown>[]);
    localCloud.db.bulkInsert('case_events', chunk.events as unknown as Record<string, unknown>[]);
    events += chunk.events.length;
  }
  localCloud.db.bulkInsert('case_stats', [...gen.stats].map(([scope, counts]) => ({ _id: scope, counts })));
  const loadS = (performance.now() - t0) / 1000;

  const size = total >= 1_000_000 ? `${total / 1_000_000}M` : `${total / 1000}k`;
  const housing = handlerOf('dept-housing');
  const first = (await call(DISPATCHER, 'case.queue', {})).res as { ok: true; data: { nextCursor: string | null; counts: Record<string, number> } };
  const secondPages: Call[] = [];
  let cursor = first.data.nextCursor;
  for (let i = 0; i < 20 && cursor; i++) {
    secondPages.push([DISPATCHER, 'case.queue', { cursor }]);
    const next = (await call(DISPATCHER, 'case.queue', { cursor })).res as { ok: true; data: { nextCursor: string | null } };
    cursor = next.data.nextCursor;
  }
  const heavyPage = (await call(HEAVY, 'case.listMine', { tab: 'done', limit: 20 })).res as { ok: true; data: { nextCursor: string | null } };
  const rows = [
    await measure(size, 'case.queue dispatcher, default (page 1)', [[DISPATCHER, 'case.queue', {}]]),
    await measure(size, 'case.queue dispatcher, pages 2-21 by cursor', secondPages),
    await measure(size, 'case.queue handler, own department', [[housing, 'case.queue', {}]]),
    await measure(size, 'case.queue status=processing', [[DISPATCHER, 'case.queue', { status: 'processing' }]]),
    await measure(size, 'case.queue overdue', [[SUPERVISOR, 'case.queue', { overdue: true }]]),
    await measure(size, 'case.queue due within 24 h', [[housing, 'case.queue', { dueWithinHours: 24 }]]),
    await measure(size, 'case.listMine citizens, page 1', gen.citizens.map((o): Call => [o, 'case.listMine', {}])),
    await measure(size, 'case.listMine heavy user, done, page 2', [[HEAVY, 'case.listMine', { tab: 'done', limit: 20, ...(heavyPage.data.nextCursor ? { cursor: heavyPage.data.nextCursor } : {}) }]]),
    await measure(size, 'case.get owner', gen.getSamples.map((s): Call => [s.openid, 'case.get', { id: s.id }])),
    await measure(size, 'case.get dispatcher', gen.getSamples.map((s): Call => [DISPATCHER, 'case.get', { id: s.id }])),
  ];
  const rss = process.memoryUsage().rss / 2 ** 30;
  const open = first.data.counts;
  localCloud.close();
  return {
    rows,
    note: `${size}: ${total.toLocaleString('en')} cases (${open.all} in the queue, ${open.overdue} overdue, ${open.replied} awaiting rating) and ${events.toLocaleString('en')} events generated and bulk-loaded in ${loadS.toFixed(0)} s; RSS ${rss.toFixed(1)} GB`,
  };
}

/** Per operation, p95 at the largest size over p95 at the smallest, and whether it returned as many items at each. */
function growthChecks(rows: Array<Record<string, string | number>>): BenchCheck[] {
  if (SIZES.length < 2) return [];
  const sizes = [...new Set(rows.map((r) => String(r.cases)))];
  const smallest = sizes[0]!;
  const largest = sizes[sizes.length - 1]!;
  const operations = [...new Set(rows.map((r) => String(r.operation)))];
  return operations.flatMap((operation) => {
    const at = (size: string) => rows.find((r) => r.operation === operation && r.cases === size)!;
    const ratio = Number(at(largest)['p95 ms']) / Math.max(0.01, Number(at(smallest)['p95 ms']));
    const items = sizes.map((size) => at(size)['items/call']);
    return [
      { figure: `${operation}: p95 ${largest}/${smallest}`, value: `x${ratio.toFixed(2)}`, goal: `<= x${GROWTH_GOAL}`, pass: ratio <= GROWTH_GOAL },
      { figure: `${operation}: items per call at ${sizes.join(', ')}`, value: items.join(', '), goal: 'the same at every size', pass: new Set(items).size === 1 },
    ];
  });
}

export default async function bench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  for (const total of SIZES) {
    const r = await benchSize(total);
    rows.push(...r.rows);
    notes.push(r.note);
  }
  notes.push(`each line ${RUNS} calls after ${WARMUP} warm-up calls, cycling through its identities and queries; a page is 20 items; queue counts come from maintained counters (docs/adr/0013-case-queries-and-counters.md)`);
  return { title: 'case.queue, case.listMine, case.get (local cloud, strict mode, in-process through main)', rows, notes, checks: growthChecks(rows) };
}
