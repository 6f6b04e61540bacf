// npm test (tools/test): packing the jobs onto the cores must not drop or add a check, and the tests must come after
// the build they need.
import { JOBS, jobEnv, jobsOf, NODE_OPTIONS_FOR_JOBS } from '../../tools/test/jobs';
import { busyTicks, machineBusySeconds } from '../../tools/test/machine-cpu';

const names = (plan: ReturnType<typeof jobsOf>) => [...plan.before, ...plan.lanes.flat()].map((j) => j.name).sort();

test('packed and serial runs run the same jobs, each once, and every job of the table', () => {
  expect(names(jobsOf(false))).toEqual(names(jobsOf(true)));
  expect(names(jobsOf(false))).toEqual(Object.keys(JOBS).sort());
});

test('the build runs before any test, alone', () => {
  const packed = jobsOf(false);
  expect(packed.before.map((j) => j.name)).toEqual(['build']);
  const serial = jobsOf(true).before.map((j) => j.name);
  expect(serial.indexOf('build')).toBeLessThan(serial.indexOf('jest'));
  expect(serial.indexOf('build')).toBeLessThan(serial.indexOf('e2e'));
});

test('e2e keeps its priority and streams; the CPU-bound jobs yield to it', () => {
  const packed = jobsOf(false);
  expect(packed.lanes[0]!.map((j) => j.name)).toEqual(['e2e']);
  expect(packed.lanes[0]![0]!.nice).toBe(0);
  for (const job of packed.lanes.slice(1).flat()) expect(job.nice).toBeGreaterThan(0);
  expect(jobsOf(true).before.every((j) => j.nice === 0)).toBe(true);
});

test('machine CPU counts the busy columns of /proc/stat (user, nice, system, irq, softirq, steal), not idle or iowait', () => {
  const stat = ['cpu  100 20 30 5000 70 4 6 2 0 0', 'cpu0 50 10 15 2500 35 2 3 1 0 0', 'intr 12345'].join('\n');
  expect(busyTicks(stat)).toBe(100 + 20 + 30 + 4 + 6 + 2);
  // An older kernel without the steal column still adds up.
  expect(busyTicks('cpu  1 2 3 4 5 6 7\n')).toBe(1 + 2 + 3 + 6 + 7);
  expect(() => busyTicks('cpu0 1 2 3\n')).toThrow('no aggregate');
});

test('machine CPU is read on this machine and grows as work is done', async () => {
  const before = await machineBusySeconds();
  let x = 0;
  for (const end = Date.now() + 300; Date.now() < end; ) x += Math.sqrt(x + 1);
  const after = await machineBusySeconds();
  expect(x).toBeGreaterThan(0);
  expect(before).not.toBeNull();
  expect(after! - before!).toBeGreaterThan(0.1);
});

test('every job runs with the larger young generation, after NODE_OPTIONS the caller set, without colours by default', () => {
  expect(jobEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', FORCE_COLOR: '0', NODE_OPTIONS: NODE_OPTIONS_FOR_JOBS });
  expect(jobEnv({ NODE_OPTIONS: '--inspect', FORCE_COLOR: '1' })).toEqual({ NODE_OPTIONS: `--inspect ${NODE_OPTIONS_FOR_JOBS}`, FORCE_COLOR: '1' });
  expect(NODE_OPTIONS_FOR_JOBS).toMatch(/^--max-semi-space-size=\d+$/);
});
