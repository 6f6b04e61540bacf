// The lint rule of eslint.config.mjs that keeps the two ends apart: both may import typings/, neither the other.
// ESLint runs with the project's flat config, in a Node process of its own (the config is ESM, which jest's module
// loader cannot import); one process lints every sample, as starting ESLint is most of the cost.
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.join(__dirname, '../../..');

/** The messages of the no-restricted-imports rule for each sample, as if the code were in `file`. */
function restricted(samples: Array<{ file: string; code: string }>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const samples = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(samples.map((s) => eslint.lintText(s.code, { filePath: s.file }))).then((results) => {
      process.stdout.write(JSON.stringify(results.map(([r]) => r.messages)));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(samples), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  const messages = JSON.parse(run.stdout) as Array<Array<{ ruleId: string | null; message: string }>>;
  return messages.map((ms) => ms.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}

// That both may import typings/ is shown by `npm run lint` passing on the code itself, which does on both ends.
test('a page may not import the cloud function, nor the function a page', () => {
  const [page, fn] = restricted([
    { file: 'miniprogram/utils/x.ts', code: "import { handleRequest } from '../../cloudfunctions/api/src/router';\nexport const x = handleRequest;\n" },
    { file: 'cloudfunctions/api/src/x.ts', code: "import { call } from '../../../miniprogram/services/api';\nexport const x = call;\n" },
  ]);
  expect(page).toHaveLength(1);
  expect(fn).toHaveLength(1);
}, 60000);
