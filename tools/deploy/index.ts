// npm run deploy -- [--plan] [--skip-miniprogram] [--skip-database] [--skip-functions]
// Deploys to a real WeChat account: database collections and indexes, the cloud functions with their timer
// triggers, then the mini program code (as a development version for the admin to submit for review).
// Credentials come from the environment, never from the repository:
//   WX_APPID, WX_CLOUD_ENV          the mini program and its cloud environment id
//   WX_PRIVATE_KEY_PATH             the code-upload key (公众平台 → 开发管理 → 开发设置 → 小程序代码上传)
//   WX_APPSECRET                    only for the database step (collections and indexes through WeChat's HTTP API)
//   DEPLOY_VERSION, DEPLOY_DESC     optional; default: package.json version, "民声 <version>"
import fs from 'fs';
import path from 'path';
import type * as MiniprogramCi from 'miniprogram-ci';
import { build } from '../build';
import { ROOT, deployPlan, describePlan } from './plan';
import { accessToken, provisionCollection } from './wechat-http';
import { isMain } from '../lib/is-main';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`缺少环境变量 ${name}（见 docs/deploy.md）`);
  return value;
}

function configuredCloudEnv(): string {
  const text = fs.readFileSync(path.join(ROOT, 'miniprogram/config.ts'), 'utf8');
  return /cloudEnv:\s*'([^']*)'/.exec(text)?.[1] ?? '';
}

async function main(argv: string[]): Promise<void> {
  const flags = new Set(argv);
  const plan = deployPlan();
  const env = process.env.WX_CLOUD_ENV ?? '<WX_CLOUD_ENV>';
  console.log(describePlan(plan, env));
  if (flags.has('--plan')) return;

  const appid = requireEnv('WX_APPID');
  const cloudEnv = requireEnv('WX_CLOUD_ENV');
  const keyPath = requireEnv('WX_PRIVATE_KEY_PATH');
  const inSource = configuredCloudEnv();
  if (inSource && inSource !== cloudEnv) {
    throw new Error(`miniprogram/config.ts 的 cloudEnv 是 ${inSource}，与 WX_CLOUD_ENV=${cloudEnv} 不一致`);
  }

  await build(true);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy; only when deploying
  const ci = require('miniprogram-ci') as typeof MiniprogramCi;
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: ROOT, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });

  if (!flags.has('--skip-database')) {
    console.log('数据库：');
    const token = await accessToken(appid, requireEnv('WX_APPSECRET'));
    for (const step of plan.collections) await provisionCollection(token, cloudEnv, step, console.log);
  }

  if (!flags.has('--skip-functions')) {
    for (const fn of plan.functions) {
      const result = await ci.cloud.uploadFunction({ project, env: cloudEnv, name: fn.name, path: fn.dir, remoteNpmInstall: true });
      console.log(`云函数 ${fn.name}：已上传 ${result.filesCount} 个文件`);
      if (fn.triggers.length) {
        console.log(`  定时触发器：${await ci.cloud.createTimeTrigger({ project, envId: cloudEnv, functionName: fn.name, triggersConfig: fn.triggers })}`);
      }
    }
  }

  if (!flags.has('--skip-miniprogram')) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = process.env.DEPLOY_VERSION ?? pkg.version;
    const result = await ci.upload({
      project,
      version,
      desc: process.env.DEPLOY_DESC ?? `民声 ${version}`,
      setting: { useProjectConfig: true },
      robot: 1,
    });
    console.log(`小程序：已上传版本 ${version}`, JSON.stringify(result.subPackageInfo ?? []));
  }
  console.log('完成。请在云开发控制台为云函数 api 设置环境变量 ADMIN_OPENIDS，并把各集合权限设为“所有用户不可读写”（见 docs/deploy.md）。');
}

if (isMain(__filename)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
