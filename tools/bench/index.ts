// `npm run bench [-- name...] [--sizes 10k,100k,1M]`: runs every tools/bench/*.bench.ts whose file name contains one of
// the names (all when none), in turn, and prints the table its default export answers, then its checks (figure, goal,
// PASS/FAIL). A new bench is a new file: `export default async function (): Promise<BenchResult>`.
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { isMain } from '../lib/is-main';
import { installSdkRedirect } from '../local-cloud/register';
import { cacheUses } from './data-cache';
import { accountRun, cpuSeconds, type BenchSpend } from './run-account';

export interface BenchResult {
  title: string;
  rows: Array<Record<string, string | number>>;
  notes?: string[];
  /** Every figure that has a goal: printed as `PASS|FAIL  figure: value (goal)`, and the run exits 1 on a FAIL. */
  checks?: BenchCheck[];
}

export interface BenchCheck {
  figure: string;
  value: string;
  goal: string;
  pass: boolean;
}

/** `--sizes 10k,100k,1M` (or BENCH_SIZES): the sizes a scaling bench runs at, or `fallback`. */
export function benchSizes(fallback: number[]): number[] {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const raw = at >= 0 ? args[at + 1] : process.env.BENCH_SIZES;
  if (!raw) return fallback;
  return raw.split(',').map((s) => {
    const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
    if (!m) throw new Error(`--sizes: cannot read "${s}" (e.g. 10k,100k,1M)`);
    return Math.round(Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1));
  });
}

function benchSizesGiven(): boolean {
  return process.argv.includes('--sizes') || !!process.env.BENCH_SIZES;
}

/** The bench names given on the command line (everything that is not an option or an option's value). */
function selectedNames(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--sizes');
}

async function main(): Promise<void> {
  installSdkRedirect();
  const only = selectedNames(process.argv.slice(2));
  let failed = 0;
  const all = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
  const files = all.filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  const runStarted = performance.now();
  const runCpu = cpuSeconds();
  const spent: BenchSpend[] = [];
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<BenchResult> };
    const started = performance.now();
    const cpu = cpuSeconds();
    const usesBefore = cacheUses().length;
    const result = await mod.default();
    const seconds = (performance.now() - started) / 1000;
    spent.push({ file, seconds, cpuSeconds: cpuSeconds() - cpu, data: cacheUses().slice(usesBefore) });
    console.log(`\n${result.title}  (${file}, ${seconds.toFixed(1)} s)`);
    console.table(result.rows);
    for (const note of result.notes ?? []) console.log(`  ${note}`);
    for (const c of result.checks ?? []) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.figure}: ${c.value} (goal: ${c.goal})`);
    failed += (result.checks ?? []).filter((c) => !c.pass).length;
  }
  const account = accountRun({ spent, seconds: (performance.now() - runStarted) / 1000, cpuSeconds: cpuSeconds() - runCpu, notRun: all.filter((f) => !files.includes(f)), sizesGiven: benchSizesGiven() });
  console.log(`\n${account.title}`);
  console.table(account.rows);
  for (const note of account.notes) console.log(`  ${note}`);
  const c = account.check;
  if (c) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.figure}: ${c.value} (goal: ${c.goal})`);
  if (c && !c.pass) failed++;
  if (failed) {
    console.log(`\n${failed} figure(s) miss their goal.`);
    process.exitCode = 1;
  }
}

// Only as the command: a bench or a probe importing `benchSizes` or `call` must not start every bench.
if (isMain(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
