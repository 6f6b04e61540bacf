// Where the pinned wx-server-sdk and the exact copies of its dependencies live. Resolved from the SDK's own folder
// outwards, the way Node resolves them for the SDK, so we touch the same module instances the SDK uses.
import { createRequire } from 'module';
import path from 'path';

// Node's resolver, typed from 'module' (the global `require` may be typed by the mini program typings instead).
const resolver = createRequire(__filename);

function packageDir(name: string, from: string[] | undefined): string {
  const manifest = from ? resolver.resolve(`${name}/package.json`, { paths: from }) : resolver.resolve(`${name}/package.json`);
  return path.dirname(manifest);
}

export interface SdkPaths {
  /** node_modules/wx-server-sdk */
  sdkDir: string;
  /** the real SDK entry, loaded by absolute path so the `wx-server-sdk` redirection never loops */
  sdkEntry: string;
  nodeSdkDir: string;
  /** the @cloudbase/database copy that @cloudbase/node-sdk requires: the one whose Db.reqClass we pin */
  databaseDir: string;
  /** the bson copy that @cloudbase/database uses for EJSON */
  bsonDir: string;
}

let cached: SdkPaths | undefined;

export function sdkPaths(): SdkPaths {
  if (cached) return cached;
  const sdkDir = packageDir('wx-server-sdk', undefined);
  const nodeSdkDir = packageDir('@cloudbase/node-sdk', [sdkDir]);
  const databaseDir = packageDir('@cloudbase/database', [nodeSdkDir]);
  const bsonDir = packageDir('bson', [databaseDir]);
  cached = { sdkDir, sdkEntry: path.join(sdkDir, 'index.js'), nodeSdkDir, databaseDir, bsonDir };
  return cached;
}
