// setupFiles of the miniprogram project. Page tests compile the whole mini program with the official wcc, once per
// test file: miniprogram-simulate keeps the result per module registry, and jest gives every file its own, so 17
// files ran the same 1 MB compile 17 times (about 1 s each). The output depends only on the WXML/WXS sources, the
// options and wcc itself, so it is kept under .cache/wcc, keyed by their hash: wcc still compiles every new source.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

interface WxmlOptions {
  wxmlList?: string[];
  wxsList?: string[];
  [option: string]: unknown;
}
interface Compiler {
  wxmlToJs(rootPath: string, options?: WxmlOptions): string;
}

const CACHE = path.resolve(__dirname, '../../.cache/wcc');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiler = require('miniprogram-compiler') as Compiler;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compilerVersion = (require('miniprogram-compiler/package.json') as { version: string }).version;
const compile = compiler.wxmlToJs.bind(compiler);

function keyOf(rootPath: string, options: WxmlOptions): string | null {
  // Without explicit lists wcc globs the folder itself; not worth keying: compile as before.
  if (!options.wxmlList || !options.wxsList) return null;
  const h = crypto.createHash('sha256').update(compilerVersion).update(JSON.stringify({ ...options, wxmlList: undefined, wxsList: undefined }));
  for (const file of [...options.wxmlList, '\0', ...options.wxsList]) {
    h.update(file).update('\0');
    if (file !== '\0') h.update(fs.readFileSync(path.join(rootPath, file)));
  }
  return h.digest('hex');
}

compiler.wxmlToJs = (rootPath, options = {}) => {
  const key = keyOf(rootPath, options);
  if (!key) return compile(rootPath, options);
  const file = path.join(CACHE, `${key}.js`);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const out = compile(rootPath, options);
  fs.mkdirSync(CACHE, { recursive: true });
  // Two workers may compile the same sources at once: write aside, then rename (atomic), so no reader sees half.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, out);
  fs.renameSync(partial, file);
  return out;
};
