// The lint rule of eslint.config.mjs that keeps the two ends apart: both may import typings/, neither the other.
// ESLint runs as `npm run lint` runs it (its flat config is ESM, which jest's module loader cannot import).
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.join(__dirname, '../../..');

async function restricted(file: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// That both may import typings/ is shown by `npm run lint` passing on the code itself, which does on both ends.
test('a page may not import the cloud function, nor the function a page', async () => {
  expect(await restricted('miniprogram/utils/x.ts', "import { handleRequest } from '../../cloudfunctions/api/src/router';\nexport const x = handleRequest;\n")).toHaveLength(1);
  expect(await restricted('cloudfunctions/api/src/x.ts', "import { call } from '../../../miniprogram/services/api';\nexport const x = call;\n")).toHaveLength(1);
}, 60000);
