// The size budgets of what would be uploaded (issue 10.3), in one place for the test that enforces them
// (tests/unit/size-budgets.test.ts) and the bench that prints them (`npm run bench -- size`).
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { packageSizes } from './upload-size';

const ROOT = path.resolve(__dirname, '../..');
export const FUNCTION_BUNDLE = path.join(ROOT, 'cloudfunctions/api/index.js');

const KB = 1024;
export const BUDGETS = { main: 500 * KB, staff: 600 * KB, functionBundle: 600 * KB } as const;

export interface SizeFigure {
  name: keyof typeof BUDGETS;
  bytes: number;
  budget: number;
  files: number;
}

/** Main package, staff subpackage and the api function's bundle (built by `npm run build`), against their budgets. */
export function sizeFigures(): SizeFigure[] {
  const packages = packageSizes();
  const byName = (name: string) => {
    const { bytes, files } = packages.find((p) => p.name === name) ?? { bytes: 0, files: 0 };
    return { bytes, files };
  };
  if (!fs.existsSync(FUNCTION_BUNDLE)) throw new Error(`${FUNCTION_BUNDLE} is missing: run npm run build first`);
  return [
    { name: 'main', ...byName('main'), budget: BUDGETS.main },
    { name: 'staff', ...byName('staff'), budget: BUDGETS.staff },
    { name: 'functionBundle', bytes: fs.statSync(FUNCTION_BUNDLE).size, files: 1, budget: BUDGETS.functionBundle },
  ];
}

/**
 * Milliseconds a fresh Node process spends in `require(target)`, median of `runs` processes: the cold start a
 * function instance pays before its first request.
 */
export function requireMs(target: string, runs = 5): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));process.exit(0)`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { cwd: path.dirname(FUNCTION_BUNDLE), encoding: 'utf8', env: { ...process.env, TCB_ENV: 'local' } });
    if (run.status !== 0) throw new Error(`require(${target}) failed: ${run.stderr}`);
    times.push(Number(run.stdout));
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
