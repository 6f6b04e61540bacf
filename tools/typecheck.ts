// npm run typecheck: every tsconfig of the project, each its own program under its own globals and checked in full,
// by TypeScript 7's native compiler (docs/adr/0162). It checks the same five projects as `tsc -p` did, in about a quarter
// of the CPU of TypeScript 5.9 parsing each file once for all of them (ADR 0159, now superseded). TypeScript 5.9 stays
// installed as `typescript` because typescript-eslint's parser needs its JavaScript API, which TypeScript 7 has not.
import { spawnSync } from 'child_process';
import path from 'path';
import { isMain } from './lib/is-main';

const ROOT = path.resolve(__dirname, '..');

/** Every project `npm run typecheck` checks, in the order the old `tsc -p … &&` chain ran them. */
export const PROJECTS = ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.mptest.json', 'tools/preview/tsconfig.json', 'tools/preview/fixtures/tsconfig.json'];

/** TypeScript 7's command line, installed under the alias `typescript-native` (its `tsc` would shadow 5.9's). */
const NATIVE_TSC = path.join(ROOT, 'node_modules', 'typescript-native', 'bin', 'tsc');

export interface Failure {
  project: string;
  /** The compiler's diagnostics, as it printed them. */
  output: string;
}

/**
 * Checks each project in turn; returns those that failed. One thread each: `npm test` runs this beside jest on every
 * core, where the compiler's own threads would only add their overhead (ADR 0162).
 */
export function typecheck(projects: string[] = PROJECTS, pretty = false): Failure[] {
  const failed: Failure[] = [];
  for (const project of projects) {
    const args = [NATIVE_TSC, '-p', path.resolve(ROOT, project), '--noEmit', '--singleThreaded', '--pretty', String(pretty)];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) failed.push({ project, output: `${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}`.trimEnd() });
  }
  return failed;
}

if (isMain(__filename)) {
  const failed = typecheck(process.argv.slice(2).length ? process.argv.slice(2) : PROJECTS, Boolean(process.stdout.isTTY));
  for (const { project, output } of failed) console.error(`typecheck: ${project}\n${output}`);
  if (failed.length > 0) {
    console.error(`typecheck: ${failed.map((f) => f.project).join(', ')} failed`);
    process.exit(1);
  }
}
