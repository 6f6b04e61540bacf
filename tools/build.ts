// npm run build: packs the mini program's npm dependencies (miniprogram-ci packNpmManually: Vant lands in
// miniprogram/miniprogram_npm/) and bundles each cloud function's src/ into its self-contained index.js (esbuild;
// only wx-server-sdk and Node built-ins stay as requires, as the cloud installs wx-server-sdk from package.json).
// Draws the tab bar icons (tools/tab-icons) into miniprogram/images/tabbar/. Skips what is up to date unless --force.
import crypto from 'crypto';
import esbuild from 'esbuild';
import fs from 'fs';
import path from 'path';
import type * as MiniprogramCi from 'miniprogram-ci';
import { isMain } from './lib/is-main';
import { writeTabIcons } from './tab-icons';
import { filesUnder } from './lib/files-under';

export const ROOT = path.resolve(__dirname, '..');
const NPM_DIST = path.join(ROOT, 'miniprogram');
const NPM_STAMP = path.join(ROOT, 'miniprogram/miniprogram_npm/.minsheng-stamp');
const FUNCTIONS = path.join(ROOT, 'cloudfunctions');

function lockHash(): string {
  const lock = path.join(ROOT, 'package-lock.json');
  const pkg = path.join(ROOT, 'package.json');
  const h = crypto.createHash('sha1');
  for (const f of [pkg, lock]) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

export async function packMiniprogramNpm(force = false): Promise<boolean> {
  const hash = lockHash();
  if (!force && fs.existsSync(NPM_STAMP) && fs.readFileSync(NPM_STAMP, 'utf8') === hash) return false;
  // miniprogram-ci is large and slow to load: only when packing is needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as typeof MiniprogramCi;
  fs.rmSync(path.join(NPM_DIST, 'miniprogram_npm'), { recursive: true, force: true });
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(ROOT, 'package.json'),
    miniprogramNpmDistDir: NPM_DIST,
  });
  if (!fs.existsSync(path.join(NPM_DIST, 'miniprogram_npm/@vant/weapp/button/index.js'))) {
    throw new Error(`packNpmManually did not produce @vant/weapp: ${JSON.stringify(result)}`);
  }
  fs.writeFileSync(NPM_STAMP, hash);
  return true;
}

const newestMtime = (dir: string): number => filesUnder(dir).reduce((newest, file) => Math.max(newest, fs.statSync(file).mtimeMs), 0);

export function cloudFunctionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS)
    .filter((name) => fs.existsSync(path.join(FUNCTIONS, name, 'src/index.ts')))
    .sort();
}

export async function bundleCloudFunction(name: string, force = false): Promise<boolean> {
  const dir = path.join(FUNCTIONS, name);
  const out = path.join(dir, 'index.js');
  const sources = Math.max(newestMtime(path.join(dir, 'src')), newestMtime(path.join(ROOT, 'typings')));
  if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= sources) return false;
  await esbuild.build({
    entryPoints: [path.join(dir, 'src/index.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    // Whitespace and syntax only: names stay, so a stack trace in the cloud's log still reads (size budget, ADR 0065).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: false,
    logLevel: 'warning',
    banner: { js: '// Built by `npm run build` from src/ — do not edit; see cloudfunctions/README.md.' },
  });
  return true;
}

export async function build(force = false): Promise<string[]> {
  const done: string[] = [];
  if (await packMiniprogramNpm(force)) done.push('miniprogram_npm');
  done.push(...writeTabIcons(NPM_DIST).map((f) => `miniprogram/${f}`));
  for (const name of cloudFunctionNames()) if (await bundleCloudFunction(name, force)) done.push(`cloudfunctions/${name}/index.js`);
  return done;
}

if (isMain(__filename)) {
  const started = Date.now();
  build(process.argv.includes('--force'))
    .then((done) => console.log(`build: ${done.length ? done.join(', ') : 'everything up to date'} (${Date.now() - started} ms)`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
