// The one seam: @cloudbase/database builds every request as `new Db.reqClass(config).send(action, params)`, and
// @cloudbase/node-sdk assigns its HTTP requester to Db.reqClass on each cloud.database(). We pin that static
// property to our requester with a getter and a setter that swallows the SDK's assignment.
import { LocalDbRequester } from './requester';
import { sdkPaths } from './sdk-paths';

interface DbClass {
  reqClass: unknown;
}

export const SEAM_DESCRIPTION = 'Db.reqClass of @cloudbase/database (as required by @cloudbase/node-sdk inside wx-server-sdk)';

function loadDbClass(): DbClass {
  const dir = sdkPaths().databaseDir;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the exact copy node-sdk resolves, by path
  const mod = require(dir) as { Db?: DbClass };
  if (!mod.Db || typeof mod.Db !== 'function') {
    throw new Error(`local cloud: seam moved: ${dir} no longer exports the Db class (${SEAM_DESCRIPTION}). Check the wx-server-sdk version.`);
  }
  return mod.Db;
}

let pinnedDb: DbClass | undefined;

export function pinSeam(): DbClass {
  if (pinnedDb) return pinnedDb;
  const Db = loadDbClass();
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    enumerable: true,
    get: () => LocalDbRequester,
    set: () => undefined,
  });
  pinnedDb = Db;
  return Db;
}

/** Throws unless the SDK's Db.reqClass resolves to our requester. */
export function verifySeam(): void {
  const Db = pinSeam();
  if (Db.reqClass !== LocalDbRequester) {
    throw new Error(`local cloud: seam moved: ${SEAM_DESCRIPTION} does not return the local requester after pinning.`);
  }
}

let realSdk: Record<string, unknown> | undefined;

/** The real, unmodified wx-server-sdk, loaded by absolute path after the seam is pinned. */
export function loadRealSdk(): Record<string, unknown> {
  if (realSdk) return realSdk;
  pinSeam();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- by absolute path, so the wx-server-sdk redirection never loops
  realSdk = require(sdkPaths().sdkEntry) as Record<string, unknown>;
  verifySeam();
  return realSdk;
}
