// 消息 and 通知公告 at scale: `message.list` (page 1 and a deep page), `message.unread`, `announcement.list` (browse and
// search) and `home.get`, in-process through the cloud function's `main` on the local cloud in strict mode (every
// query proved to be served by a declared index). Sizes are the number of messages (`--sizes 10k,100k`); the
// measured citizen holds 2,000 of them, a third unread; 5,000 announcements (messages-data.ts, kept in the bench cache
// and opened in place: the calls only read).
import { performance } from 'perf_hooks';
import { main } from '../../cloudfunctions/api/src';
import type { ActionName, RequestOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { openInPlace } from './data-cache';
import { benchSizes, type BenchResult } from './index';
import { ANNOUNCEMENTS, CITIZEN, messageData, NOW, OWN } from './messages-data';

const RUNS = 40;
const P95_GOAL_MS = 20;
/** SQLite's page cache: the data's hot pages stay in memory, as when it was built in `:memory:`. */
const PAGE_CACHE_MB = 256;

/** Wall and CPU time of one call: on a loaded machine the wall time is mostly waiting for a core. */
async function timed<N extends ActionName>(action: N, payload: RequestOf<N>): Promise<{ ms: number; cpuMs: number; data: unknown }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const res = (await localCloud.invoke(main, { action, payload }, { OPENID: CITIZEN })) as { ok: boolean; data?: unknown; error?: unknown };
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${action} failed: ${JSON.stringify(res.error)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, data: res.data };
}

async function measure<N extends ActionName>(size: number, name: string, action: N, payloads: Array<RequestOf<N>>): Promise<Record<string, string | number>> {
  for (let i = 0; i < 3; i++) await timed(action, payloads[i % payloads.length]!);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(action, payloads[i % payloads.length]!);
    wall.push(r.ms);
    cpu.push(r.cpuMs);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (xs: number[], x: number) => Number(xs[Math.min(xs.length - 1, Math.ceil(x * xs.length) - 1)]!.toFixed(2));
  return { messages: size, operation: name, 'median ms': q(wall, 0.5), 'p95 ms': q(wall, 0.95), 'max ms': q(wall, 1), 'cpu median ms': q(cpu, 0.5), 'cpu p95 ms': q(cpu, 0.95) };
}

export default async function bench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  for (const size of benchSizes([100_000])) {
    const opened = openInPlace(await messageData(size), { strict: { threshold: 0 }, cacheSizeMb: PAGE_CACHE_MB });
    localCloud.clock.set(NOW, { frozen: true });
    const first = (await timed('message.list', {})).data as { nextCursor: string };
    let deep = first.nextCursor;
    for (let i = 0; i < 40; i++) deep = ((await timed('message.list', { cursor: deep })).data as { nextCursor: string }).nextCursor;
    rows.push(await measure(size, 'message.list page 1', 'message.list', [{}]));
    rows.push(await measure(size, 'message.list page 42', 'message.list', [{ cursor: deep }]));
    rows.push(await measure(size, 'message.unread', 'message.unread', [{}]));
    rows.push(await measure(size, 'announcement.list', 'announcement.list', [{}]));
    rows.push(await measure(size, 'announcement.list search', 'announcement.list', ['停车', '电梯', '燃气管道', '招聘会'].map((keyword) => ({ keyword }))));
    rows.push(await measure(size, 'home.get', 'home.get', [{}]));
    opened.close();
  }
  return {
    title: `消息 and 通知公告: ${OWN.toLocaleString('en')} messages of one citizen among the total, ${ANNOUNCEMENTS.toLocaleString('en')} announcements (local cloud, strict mode, in-process through main)`,
    rows,
    checks: rows.map((r) => ({ figure: `${String(r.operation)} at ${r.messages} messages p95`, value: `${r['p95 ms']} ms`, goal: `<= ${P95_GOAL_MS} ms`, pass: Number(r['p95 ms']) <= P95_GOAL_MS })),
    notes: [`each operation ${RUNS} runs after 3 warm-up runs; a page is 20 items; a quarter of the announcements have expired`],
  };
}
