// npm test: every check of the project on a 2-core machine (docs/adr/0158). After the build, three lanes run at once:
// e2e at normal priority, the CPU-bound unit, cloud and miniprogram projects and lint + type check niced below it.
// Every lane is CPU-bound (measured afterwards, ADR 0158), so this packs no waits; it keeps e2e, the slowest lane,
// ahead and prints one table. `--serial` runs the same commands one after another, in the order they had before.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { isMain } from '../lib/is-main';
import { jobEnv, jobsOf, type Job } from './jobs';
import { machineBusySeconds } from './machine-cpu';

const ROOT = path.resolve(__dirname, '../..');

interface Outcome {
  job: Job;
  code: number;
  seconds: number;
  /** Where the job's output went when it was not streamed. */
  log: string | null;
}

function run(job: Job, logDir: string, stream: boolean): Promise<Outcome> {
  const started = Date.now();
  const log = stream ? null : path.join(logDir, `${job.name}.log`);
  const out = log ? fs.openSync(log, 'w') : 'inherit';
  // `nice` is inherited by the job's children: jest's workers run at the job's priority too.
  const [cmd, args] = job.nice > 0 ? ['nice', ['-n', String(job.nice), ...job.command]] : [job.command[0]!, job.command.slice(1)];
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', out, out], env: jobEnv(process.env) });
  running.add(child.pid!);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child.pid!);
      if (typeof out === 'number') fs.closeSync(out);
      resolve({ job, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000, log });
    });
  });
}

/** A lane runs its jobs in order and stops at the first failure. */
async function lane(jobs: Job[], logDir: string, stream: boolean): Promise<Outcome[]> {
  const done: Outcome[] = [];
  for (const job of jobs) {
    const outcome = await run(job, logDir, stream);
    done.push(outcome);
    if (outcome.code !== 0) break;
  }
  return done;
}

const running = new Set<number>();
function stopAll(): void {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

function report(outcomes: Outcome[], wall: number, cpu: number | null): string {
  const lines = outcomes.map((o) => `  ${o.code === 0 ? 'ok  ' : 'FAIL'}  ${o.job.name.padEnd(10)} ${o.seconds.toFixed(1).padStart(6)} s${o.job.nice ? `  (nice ${o.job.nice})` : ''}`);
  const machine = cpu === null ? '' : `, machine CPU ${cpu.toFixed(0)} s (every process, Chromium included; ${(cpu / wall).toFixed(2)} cores busy)`;
  return ['npm test: where the time went', ...lines, `  total wall ${wall.toFixed(1)} s${machine}`].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const serial = argv.includes('--serial');
  const started = Date.now();
  const cpuAtStart = await machineBusySeconds();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-test-'));
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  const { before, lanes } = jobsOf(serial);
  const outcomes = await lane(before, logDir, true);
  if (outcomes.every((o) => o.code === 0)) {
    // The first lane streams (it is the one a person watches); the others print when everything has finished.
    const results = await Promise.all(lanes.map((jobs, i) => lane(jobs, logDir, serial || i === 0)));
    for (const r of results) outcomes.push(...r);
  }
  for (const o of outcomes) {
    if (!o.log) continue;
    process.stdout.write(`\n==== ${o.job.name} (${o.code === 0 ? 'passed' : 'FAILED'}) ====\n`);
    process.stdout.write(fs.readFileSync(o.log, 'utf8'));
  }
  fs.rmSync(logDir, { recursive: true, force: true });
  const failed = outcomes.filter((o) => o.code !== 0);
  const cpuAtEnd = await machineBusySeconds();
  const cpu = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
  console.log(`\n${report(outcomes, (Date.now() - started) / 1000, cpu)}`);
  if (failed.length > 0) console.log(`\nnpm test FAILED: ${failed.map((o) => o.job.name).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

if (isMain(__filename)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      stopAll();
      process.exit(1);
    },
  );
}
