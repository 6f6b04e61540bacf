// The consultation workload the case and dashboard benches run on, generated without the local cloud: cases built by
// the domain functions the repositories use (deadlines, derived keys, counters) with a realistic mix (most closed over
// three years, a few weeks of open work, some overdue), every case's events with the facts the repository would
// have recorded (domain/case-figures.ts), and the daily, weekly and monthly figures those events fold into. This
// module's import closure is the generator's version: data-cache.ts keys the stored files by its hash.
//
// Every measured operation finds the same number of items at every size: the heavy citizen has HEAVY_CASES finished
// cases, each sample citizen exactly SAMPLE_CASES cases, and the first DUE_SOON cases fall due within 24 hours.
import { makeCalendar, type WorkCalendar } from '../../cloudfunctions/api/src/domain/calendar';
import type { CaseDoc, CaseEventDoc, NewEvent } from '../../cloudfunctions/api/src/domain/case-doc';
import { addDaily, eventFacts, foldEvents, type DailyDoc } from '../../cloudfunctions/api/src/domain/case-figures';
import { statDelta, withKeys, type CaseCore } from '../../cloudfunctions/api/src/domain/case-keys';
import { dueAfter, plusDays, reminderAt, runningDue, type CaseRules } from '../../cloudfunctions/api/src/domain/deadlines';
import { DEFAULT_CALENDAR, DEFAULT_RULES } from '../../cloudfunctions/api/src/domain/defaults';
import { monthIdOf, weekIdOf } from '../../cloudfunctions/api/src/domain/rollup-ids';
import { formatTrackingNo, trackingDay } from '../../cloudfunctions/api/src/domain/tracking';
import type { CaseStatus, CaseType } from '../../typings/domain';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, type CategorySeed } from '../seed/catalog';

type Routed = CategorySeed & { departmentId: string };

export const NOW = '2026-11-25T02:00:00.000Z';
const DAY = 86_400_000;

export const DISPATCHER = 'o_bench_dispatcher';
export const SUPERVISOR = 'o_bench_supervisor';
export const HEAVY = 'o_bench_heavy_citizen';
export const handlerOf = (dept: string) => `o_bench_handler_${dept}`;
const sampleCitizen = (k: number) => `o_bench_sample_${k}`;

/** The heavy citizen has this many finished cases at every size, so their page 2 of 'done' is as full at 10k as at 1M. */
const HEAVY_CASES = 50;
/** This many sample citizens (whose first page is measured) with exactly SAMPLE_CASES cases each. */
const SAMPLE_CITIZENS = 20;
const SAMPLE_CASES = 5;
/**
 * The first cases are housing complaints in processing whose answer falls due within the next 24 hours, so the
 * handler's "due within 24 h" page is full at every size (the random mix alone gives 1 at 2k and 20 only from ~100k).
 */
const DUE_SOON = 24;
/** case.get is measured on this many cases (with their timelines). */
const GET_SAMPLES = 2000;

const rules: CaseRules = DEFAULT_RULES;
const cal: WorkCalendar = makeCalendar(DEFAULT_CALENDAR);

/** Deterministic, so every run generates the same cases. */
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

export interface Sample {
  id: string;
  openid: string;
}

/** What the benches need besides the database: who to ask for what. */
export interface CaseDataMeta {
  total: number;
  events: number;
  days: number;
  getSamples: Sample[];
}

/** The facts each event would carry had it been written by the actions (the generator writes cases whole). */
function withFacts(events: readonly CaseEventDoc[], doc: CaseDoc): CaseEventDoc[] {
  return events.map((e) => {
    // The case as it ends is the "after" of every event; before an assignment it had no department.
    const before = e.kind === 'assigned' ? { ...doc, departmentId: undefined } : doc;
    const facts = eventFacts(before, doc, e, { cal });
    return facts ? { ...e, facts } : e;
  });
}

/** Who owns case `i` of `total`: the heavy citizen, a sample citizen, or one of total/4 random citizens. */
function ownerOf(i: number, total: number, rand: () => number): string {
  const heavyStride = Math.max(1, Math.floor(total / HEAVY_CASES));
  if (i % heavyStride === 7 && Math.floor(i / heavyStride) < HEAVY_CASES) return HEAVY;
  const sampleStride = Math.max(1, Math.floor(total / (SAMPLE_CITIZENS * SAMPLE_CASES)));
  const j = Math.floor(i / sampleStride);
  if (i % sampleStride === 3 && j < SAMPLE_CITIZENS * SAMPLE_CASES) return sampleCitizen(j % SAMPLE_CITIZENS);
  return `o_bench_c${Math.floor(rand() * (total / 4))}`;
}

export class Generator {
  private readonly rand = rng(20261125);
  private readonly perDay = new Map<string, number>();
  /** case_stats: counters per scope, as the case transactions would have moved them. */
  readonly stats = new Map<string, Record<string, number>>();
  /** case_daily, folded from every event. */
  readonly daily = new Map<string, DailyDoc>();
  readonly getSamples: Sample[] = [];
  private readonly nowMs = Date.parse(NOW);
  private readonly categoriesOf = new Map(
    // Only categories with a default department: the bench's cases are routed and handled (其他/不确定 has none).
    (['inquiry', 'help', 'complaint', 'suggestion'] as const).map((t) => [t, DEMO_CATEGORIES.filter((c): c is Routed => Boolean(c.departmentId) && c.types.includes(t))]),
  );
  private readonly sampleEvery: number;

  constructor(private readonly total: number) {
    this.sampleEvery = Math.max(1, Math.floor(total / GET_SAMPLES));
  }

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
    const openid = ownerOf(i, this.total, this.rand);
    const randomStatus = this.status();
    const status = dueSoon ? 'processing' : openid === HEAVY ? 'closed' : randomStatus;
    const type = dueSoon ? 'complaint' : this.type();
    const category = dueSoon ? DEMO_CATEGORIES.find((c) => c._id === 'cat-property')! : this.pick(this.categoriesOf.get(type)!);
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
      acceptDueAt: dueAfter(submittedAt, rules.acceptDays, cal),
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
      core.answerDueAt = dueAfter(acceptedAt, rules.answerDays[type], cal);
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
    if (core.status === 'processing' && core.answerDueAt && reminderAt(core.answerDueAt, cal) < NOW) core.remindedFor = core.answerDueAt;
    if (due && due < NOW) {
      core.overdueFor = due;
      core.escalated = true;
    }
    if (core.status === 'replied' && core.reply && plusDays(core.reply.at, rules.ratingReminderDays) < NOW) core.ratingRemindedFor = core.reply.at;
    core.version = events.length;
    core.updatedAt = events[events.length - 1]!.at;
    const doc = withKeys(core, rules, cal);
    return { doc, events };
  }

  /** Cases `from`..`to` with all their events (facts included), counted into the stats and the daily figures. */
  chunk(from: number, to: number): { docs: CaseDoc[]; events: CaseEventDoc[] } {
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
      const annotated = withFacts(
        evs.map((e, n) => ({ ...e, _id: `${doc._id}-${n + 1}-0`, caseId: doc._id, seq: (n + 1) * 100 })),
        doc,
      );
      foldEvents(this.daily, annotated);
      events.push(...annotated);
      if (i % this.sampleEvery === 1 && this.getSamples.length < GET_SAMPLES) this.getSamples.push({ id: doc._id, openid: doc.openid });
    }
    return { docs, events };
  }

  /** The week and month sums of the daily figures (case_weekly, case_monthly). */
  rollups(): { weekly: DailyDoc[]; monthly: DailyDoc[] } {
    const sum = (idOf: (day: string) => string) => {
      const out = new Map<string, DailyDoc>();
      for (const d of this.daily.values()) {
        const id = idOf(d.day);
        out.set(id, addDaily(out.get(id) ?? { _id: id, day: id, all: {}, depts: {} }, d));
      }
      return [...out.values()];
    };
    return { weekly: sum(weekIdOf), monthly: sum(monthIdOf) };
  }
}

/** The sample citizens whose first page of case.listMine is measured. */
export const sampleCitizens = (): string[] => Array.from({ length: SAMPLE_CITIZENS }, (_, k) => sampleCitizen(k));

/** Catalog and staff: the documents besides the cases. */
export function fixedCollections(): Record<string, Array<Record<string, unknown>>> {
  return {
    departments: DEMO_DEPARTMENTS.map((d) => ({ ...d })),
    categories: DEMO_CATEGORIES.map((c) => ({ ...c })),
    users: [
      { _id: DISPATCHER, roles: ['dispatcher'] },
      { _id: SUPERVISOR, roles: ['supervisor'] },
      ...DEMO_DEPARTMENTS.map((d) => ({ _id: handlerOf(d._id), roles: ['handler'], departmentId: d._id })),
    ],
  };
}
