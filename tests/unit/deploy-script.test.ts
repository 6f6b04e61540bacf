// `npm run deploy -- --plan` as the README tells a deployer to run it: the npm script itself, not the module.
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

test('npm run deploy -- --plan prints the plan and exits 0 without any credential', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WX_')));
  const run = spawnSync('npm', ['run', '--silent', 'deploy', '--', '--plan'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('云函数 api');
  expect(run.stdout).toContain('集合 cases');
  expect(run.stdout).toContain('<WX_CLOUD_ENV>');
}, 60_000);

test('npm run deploy without --plan stops at the first missing credential with a Chinese message', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WX_')));
  const run = spawnSync('npm', ['run', '--silent', 'deploy'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('缺少环境变量 WX_APPID');
}, 60_000);
