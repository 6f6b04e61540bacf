// Where an e2e file's time goes (docs/performance.md, "The test loop"): with E2E_PHASE_TIMES=<file>, every harness
// phase (browser, preview build, local cloud and seed, first page boot, closing) appends one JSON line
// { file, phase, start, ms } to <file>. Off by default: nothing is written.
import fs from 'fs';
import path from 'path';

const OUT = process.env.E2E_PHASE_TIMES;

function testFile(): string {
  const testPath = typeof expect === 'undefined' ? undefined : expect.getState().testPath;
  return testPath ? path.basename(testPath) : '(setup)';
}

/** Runs `work`, and with E2E_PHASE_TIMES set records how long it took under `phase`. */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!OUT) return work();
  const start = Date.now();
  try {
    return await work();
  } finally {
    fs.appendFileSync(OUT, `${JSON.stringify({ file: testFile(), phase, start, ms: Date.now() - start })}\n`);
  }
}
