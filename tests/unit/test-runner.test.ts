// npm test (tools/test): packing the jobs onto the cores must not drop or add a check, and the tests must come after
// the build they need.
import { JOBS, jobsOf } from '../../tools/test/jobs';

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
