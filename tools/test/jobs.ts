// What `npm test` runs (tools/test/index.ts), and how it is packed onto the machine's cores (docs/adr/0158).
export interface Job {
  name: string;
  command: string[];
  /** 0 keeps the job's normal priority; higher yields the CPU to it (nice(1)). */
  nice: number;
}

const bin = (name: string) => `node_modules/.bin/${name}`;

export const JOBS = {
  lint: { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], nice: 10 },
  typecheck: { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'], nice: 10 },
  build: { name: 'build', command: ['npm', 'run', '--silent', 'build'], nice: 0 },
  // Below e2e, whose files in band end about when this lane does: the browser tests are not left running alone (ADR 0158, 0161).
  jest: { name: 'jest', command: [bin('jest'), '--selectProjects', 'unit', 'cloud', 'miniprogram', '--maxWorkers=2'], nice: 5 },
  // In band: beside the other lanes one worker costs less CPU than two, whose tabs take turns in one renderer (ADR 0161).
  e2e: { name: 'e2e', command: [bin('jest'), '--selectProjects', 'e2e', '--runInBand'], nice: 0 },
} satisfies Record<string, Job>;

/**
 * `before` runs first, alone (the tests need the build); then each lane runs its jobs in order, all lanes at once.
 * Serial: everything in one lane, at normal priority, in the order of the old `&&` chain.
 */
export function jobsOf(serial: boolean): { before: Job[]; lanes: Job[][] } {
  if (serial) return { before: [JOBS.lint, JOBS.typecheck, JOBS.build, JOBS.jest, JOBS.e2e].map((j) => ({ ...j, nice: 0 })), lanes: [] };
  return { before: [JOBS.build], lanes: [[JOBS.e2e], [JOBS.jest], [JOBS.lint, JOBS.typecheck]] };
}

/**
 * Node's young generation at 32 MB a semi-space (16 MB by default): jest's workers, the type check and ESLint allocate
 * fast and briefly, and fewer scavenges cost less CPU. Measured alone on the quiet machine (docs/performance.md, "The
 * test loop"): jest unit + cloud + miniprogram 208 -> 196 s of CPU, the type check 44 -> 41 s.
 */
export const NODE_OPTIONS_FOR_JOBS = '--max-semi-space-size=32';

/** The environment a job runs in: this one, plus NODE_OPTIONS_FOR_JOBS after any NODE_OPTIONS already set. */
export function jobEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, FORCE_COLOR: env.FORCE_COLOR ?? '0', NODE_OPTIONS: [env.NODE_OPTIONS, NODE_OPTIONS_FOR_JOBS].filter(Boolean).join(' ') };
}
