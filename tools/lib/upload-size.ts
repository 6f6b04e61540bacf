// What an upload of the mini program would weigh, package by package, computed the way the upload builds it
// (project.config.json: ignoreUploadUnusedFiles, minified, TypeScript compiler plugin): starting from app.json,
// only the files something reaches count (pages, their components through usingComponents, required scripts,
// imported WXML/WXS/WXSS), TypeScript counts as the JavaScript it compiles to (esbuild, minified, as each file is
// compiled on its own by the plugin), and a file belongs to the subpackage whose root holds it, everything else to
// the main package (miniprogram_npm included). WXML, WXSS and JSON count as written: an upper bound, the upload
// minifies them too. miniprogram-ci's own compile (getCompiledResult) needs the network even offline
// (docs/performance.md), hence this walk.
import { transformSync } from 'esbuild';
import fs from 'fs';
import path from 'path';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');

export interface PackageSize {
  name: string;
  bytes: number;
  files: number;
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  usingComponents?: Record<string, string>;
  sitemapLocation?: string;
}

const SCRIPT_EXTENSIONS = ['.ts', '.js'];

/** Bytes a file adds to the upload: TypeScript compiled and minified, every other file as it is. */
function uploadedBytes(file: string): { bytes: number; code?: string } {
  if (file.endsWith('.ts')) {
    const code = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', minify: true, target: 'es2018' }).code;
    return { bytes: Buffer.byteLength(code), code };
  }
  return { bytes: fs.statSync(file).size };
}

function existing(candidates: string[]): string | undefined {
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** A path as the mini program resolves it: `/x` from the root, `./x` from the file, `pkg/x` from miniprogram_npm. */
function resolveSpecifier(from: string, spec: string, root: string): string {
  if (spec.startsWith('/')) return path.join(root, spec);
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec);
  return path.join(root, 'miniprogram_npm', spec);
}

function resolveScript(base: string): string | undefined {
  return existing([base, ...SCRIPT_EXTENSIONS.map((e) => base + e), ...SCRIPT_EXTENSIONS.map((e) => path.join(base, 'index' + e))]);
}

export function uploadedFiles(root = MINIPROGRAM_ROOT): Map<string, number> {
  const sizes = new Map<string, number>();
  const queue: string[] = [];
  const add = (file: string | undefined) => {
    if (file && !sizes.has(file) && file.startsWith(root + path.sep)) {
      sizes.set(file, 0);
      queue.push(file);
    }
  };
  /** A page or component: its four files, the script in TypeScript or JavaScript. */
  const addComponent = (base: string) => {
    for (const ext of ['.json', '.wxml', '.wxss']) add(existing([base + ext]));
    add(existing(SCRIPT_EXTENSIONS.map((e) => base + e)));
  };

  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
  add(path.join(root, 'app.json'));
  addComponent(path.join(root, 'app'));
  if (app.sitemapLocation) add(existing([path.join(root, app.sitemapLocation)]));
  for (const page of app.pages) addComponent(path.join(root, page));
  for (const sub of app.subPackages ?? []) for (const page of sub.pages) addComponent(path.join(root, sub.root, page));

  while (queue.length) {
    const file = queue.shift()!;
    const { bytes, code } = uploadedBytes(file);
    sizes.set(file, bytes);
    const text = code ?? (/\.(json|wxml|wxss|wxs|js)$/.test(file) ? fs.readFileSync(file, 'utf8') : '');
    if (file.endsWith('.json')) {
      const using = (JSON.parse(text) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
      for (const spec of Object.values(using)) if (!spec.startsWith('plugin://')) addComponent(resolveSpecifier(file, spec, root));
    } else if (/\.(ts|js|wxs)$/.test(file)) {
      for (const m of text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) add(resolveScript(resolveSpecifier(file, m[1]!, root)));
    } else if (file.endsWith('.wxml')) {
      for (const m of text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc=["']([^"']+)["']/g)) add(existing([resolveSpecifier(file, m[1]!, root)]));
    } else if (file.endsWith('.wxss')) {
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(existing([resolveSpecifier(file, m[1]!, root)]));
    }
  }
  return sizes;
}

/** Upload size per package: `main`, then each subpackage by its root. */
export function packageSizes(root = MINIPROGRAM_ROOT): PackageSize[] {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
  const packages: PackageSize[] = [{ name: 'main', bytes: 0, files: 0 }, ...(app.subPackages ?? []).map((s) => ({ name: s.root, bytes: 0, files: 0 }))];
  for (const [file, bytes] of uploadedFiles(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const pkg = packages.find((p) => p.name !== 'main' && rel.startsWith(p.name + '/')) ?? packages[0]!;
    pkg.bytes += bytes;
    pkg.files += 1;
  }
  return packages;
}
