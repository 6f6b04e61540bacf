// npm run cloud -- [--port P] [--memory | --data DIR] [--env KEY=VALUE ...] [--strict-threshold N]
// Starts the local WeChat Cloud headless: the project's cloud functions on the real wx-server-sdk, over HTTP on 127.0.0.1.
import fs from 'fs';
import path from 'path';
import { startGateway } from './gateway';
import { localCloud } from './index';
import { isMain } from '../lib/is-main';

export interface CloudCliOptions {
  port: number;
  dataDir: string | null;
  env: Record<string, string>;
  strictThreshold: number | null;
}

export function parseCloudArgs(argv: string[]): CloudCliOptions {
  const opts: CloudCliOptions = { port: 8787, dataDir: null, env: {}, strictThreshold: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') opts.port = Number(value());
    else if (arg === '--memory') opts.dataDir = null;
    else if (arg === '--data') opts.dataDir = path.resolve(value());
    else if (arg === '--env') {
      const [key, ...rest] = value().split('=');
      if (!key || rest.length === 0) throw new Error('--env takes KEY=VALUE');
      opts.env[key] = rest.join('=');
    } else if (arg === '--strict-threshold') opts.strictThreshold = Number(value());
    else if (arg === '--no-strict') opts.strictThreshold = null;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0..65535');
  return opts;
}

export async function startCloudFromArgs(argv: string[]) {
  const opts = parseCloudArgs(argv);
  // As the cloud console's environment variables: the functions read them from process.env.
  Object.assign(process.env, opts.env);
  let filename = ':memory:';
  let storageDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    filename = path.join(opts.dataDir, 'database.sqlite');
    storageDir = path.join(opts.dataDir, 'storage');
  }
  const gateway = await startGateway({
    port: opts.port,
    cloud: {
      filename,
      ...(storageDir ? { storageDir } : {}),
      strict: opts.strictThreshold === null ? false : { threshold: opts.strictThreshold },
    },
  });
  await localCloud.selfTest();
  return { gateway, opts, filename };
}

async function main(): Promise<void> {
  const { gateway, filename } = await startCloudFromArgs(process.argv.slice(2));
  console.log(`local cloud listening on ${gateway.url}`);
  console.log('  for local development only: no authentication, callers choose their OPENID with the x-wx-openid header.');
  console.log(`  functions: ${[...gateway.functions.keys()].join(', ')}; database: ${filename}`);
  const stop = () => {
    gateway.close().then(() => {
      localCloud.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (isMain(__filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
