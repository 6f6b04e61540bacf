// Proves that the real SDK's database calls reach this local cloud, so an SDK upgrade that moves the seam fails
// loudly at start-up instead of sending queries to nowhere (or to a real environment).
import { randomBytes } from 'crypto';
import type { LocalCloudInternals } from './index';
import { loadRealSdk, SEAM_DESCRIPTION, verifySeam } from './seam';

interface SdkError {
  errCode?: unknown;
  message?: unknown;
}

type SdkDatabase = {
  collection(name: string): {
    count(): Promise<{ total: number }>;
    add(o: { data: unknown }): Promise<{ _id: string }>;
    doc(id: string): { get(): Promise<{ data: Record<string, unknown> }> };
  };
  createCollection(name: string): Promise<unknown>;
};

function fail(problem: string): never {
  throw new Error(
    `local cloud self-test failed: ${problem}. The seam is ${SEAM_DESCRIPTION}; after a wx-server-sdk upgrade, check ` +
      'node_modules/@cloudbase/database (Db.reqClass, request.send) and update tools/local-cloud/seam.ts.',
  );
}

export async function runSelfTest(cloud: LocalCloudInternals): Promise<void> {
  try {
    verifySeam();
  } catch (e) {
    fail((e as Error).message);
  }
  const sdk = loadRealSdk() as { createNewInstance?: (config: unknown) => { database(): SdkDatabase } };
  if (typeof sdk.createNewInstance !== 'function') fail('wx-server-sdk no longer exports createNewInstance()');
  const db = sdk.createNewInstance({ env: cloud.options.envId }).database();

  const probe = `__local_cloud_selftest_${randomBytes(6).toString('hex')}`;
  const seen: string[] = [];
  const stop = cloud.onDatabaseRequest((action, params) => {
    if (params.collectionName === probe) seen.push(action);
  });
  const statsBefore = cloud.store.stats();
  try {
    try {
      await db.collection(probe).count();
      fail(`count() on the missing collection ${probe} succeeded; it must fail with -502005`);
    } catch (e) {
      if (seen.length === 0) fail('a database call made through wx-server-sdk did not reach the local requester');
      const code = (e as SdkError).errCode;
      if (code !== -502005) fail(`an unknown collection answered errCode ${String(code)} instead of -502005 (${String((e as SdkError).message)})`);
    }
    await db.createCollection(probe);
    const at = new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6));
    const { _id } = await db.collection(probe).add({ data: { n: 1, at, tags: ['a'] } });
    if (typeof _id !== 'string' || !/^[0-9a-f]{32}$/.test(_id)) fail(`add() answered _id ${String(_id)}`);
    const { data } = await db.collection(probe).doc(_id).get();
    const back = data.at;
    if (data.n !== 1 || !(back instanceof Date) || back.getTime() !== at.getTime() || JSON.stringify(data.tags) !== '["a"]') {
      fail(`a document did not round-trip: ${JSON.stringify(data)}`);
    }
    if (!seen.includes('database.insertDocument') || !seen.includes('database.getDocument')) {
      fail(`the requester saw only ${seen.join(', ')}`);
    }
  } finally {
    stop();
    cloud.store.dropCollection(probe);
    cloud.store.restoreStats(statsBefore);
  }
}
