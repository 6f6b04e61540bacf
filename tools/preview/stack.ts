// Everything `npm start` and the e2e tests run in one process: the local cloud (SQLite file or memory) behind its HTTP
// gateway, the demo data, and the preview server pointing at the gateway.
import fs from 'fs';
import path from 'path';
import { localCloud } from '../local-cloud';
import { loadFunctions } from '../local-cloud/functions';
import { startGateway, type Gateway } from '../local-cloud/gateway';
import { DEMO_IDENTITIES } from '../seed/identities';
import { isSeeded, seedDemo } from '../seed';
import { startPreviewServer, type PreviewServer } from './server';

export interface StackOptions {
  /** A folder for the database and stored files, or null for memory (tests). */
  dataDir: string | null;
  /** Wipe the data folder first. */
  reset?: boolean;
  /** 0 picks a free port; otherwise this port, or the next free one after it. */
  gatewayPort?: number;
  previewPort?: number;
  /** Strict mode: queries no index serves fail on collections above this many documents (null: off). */
  strictThreshold?: number | null;
  /** Seed the demo agency when the database is empty (default true). */
  seed?: boolean;
}

export interface Stack {
  gateway: Gateway;
  preview: PreviewServer;
  seeded: boolean;
  close(): Promise<void>;
}

/** Tries `preferred`, then the next ports, then any free port: a busy default never stops `npm start`. */
async function onFreePort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<{ value: T; fellBack: boolean }> {
  if (preferred === 0) return { value: await start(0), fellBack: false };
  for (let port = preferred; port < preferred + 10; port++) {
    try {
      return { value: await start(port), fellBack: port !== preferred };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return { value: await start(0), fellBack: true };
}

export const DEMO_ADMIN_OPENIDS = DEMO_IDENTITIES.filter((i) => i.roles.includes('admin')).map((i) => i.openid);

export async function startStack(opts: StackOptions): Promise<Stack & { portsFellBack: boolean }> {
  // As the function's environment variable in the cloud console: the demo admin is an admin.
  const admins = new Set((process.env.ADMIN_OPENIDS ?? '').split(/[,\s]+/).filter(Boolean));
  for (const openid of DEMO_ADMIN_OPENIDS) admins.add(openid);
  process.env.ADMIN_OPENIDS = [...admins].join(',');

  let filename = ':memory:';
  let storageDir: string | undefined;
  if (opts.dataDir) {
    if (opts.reset) {
      for (const f of ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm']) fs.rmSync(path.join(opts.dataDir, f), { force: true });
      fs.rmSync(path.join(opts.dataDir, 'storage'), { recursive: true, force: true });
    }
    fs.mkdirSync(path.join(opts.dataDir, 'storage'), { recursive: true });
    filename = path.join(opts.dataDir, 'database.sqlite');
    storageDir = path.join(opts.dataDir, 'storage');
  }
  const threshold = opts.strictThreshold === undefined ? 500 : opts.strictThreshold;
  const functions = loadFunctions();
  const gatewayStart = await onFreePort(opts.gatewayPort ?? 0, (port) =>
    startGateway({
      port,
      functions,
      cloud: { filename, ...(storageDir ? { storageDir } : {}), strict: threshold === null ? false : { threshold } },
      // "Reset demo data" in the console: empty the cloud, then the demo agency again.
      onReset: async () => {
        localCloud.reset();
        await seedDemo();
        localCloud.openapi.clear();
      },
    }),
  );
  const gateway = gatewayStart.value;
  try {
    await localCloud.selfTest();
    let seeded = false;
    if (opts.seed !== false && !isSeeded()) {
      await seedDemo();
      // Seeding goes through the real actions (content checks, notifications): the console's outbox starts empty.
      localCloud.openapi.clear();
      seeded = true;
    }
    const triggers = [...functions.values()].flatMap((fn) => fn.triggers.map((t) => t.name));
    const identities = DEMO_IDENTITIES.map((i) => ({ key: i.key, openid: i.openid, label: i.label, roles: [...i.roles] }));
    const previewStart = await onFreePort(opts.previewPort ?? 0, (port) => startPreviewServer({ port, gatewayUrl: gateway.url, identities, triggers }));
    const preview = previewStart.value;
    return {
      gateway,
      preview,
      seeded,
      portsFellBack: gatewayStart.fellBack || previewStart.fellBack,
      close: async () => {
        await preview.close();
        await gateway.close();
        localCloud.close();
      },
    };
  } catch (error) {
    await gateway.close();
    localCloud.close();
    throw error;
  }
}
