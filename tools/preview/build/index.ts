// Builds everything the browser needs to run the mini program, once per set of inputs, cached on disk under
// .preview/builds/<key>/ (the key hashes every input's path, size and mtime; see sources.ts):
//   simulate.js  miniprogram-simulate's browser build, with the runtime's hooks (simulate-patch.ts)
//   files.js     window.__FILE_MAP__: every .json, .wxss and module of the virtual tree
//   gwx.js       wcc's output for every .wxml and .wxs
//   runtime.js   tools/preview/runtime (the WeChat around the pages), console.js (the emulator console)
//   manifest.json  app.json, page settings, fixtures (shared/manifest.ts)
import esbuild from 'esbuild';
import fs from 'fs';
import path from 'path';
import type { Manifest, PageEntry, WindowConfig } from '../shared/manifest';
import { CACHE_ROOT, CONSOLE_ENTRY, FIXTURE_MOUNT, MP_ROOT, RUNTIME_ENTRY } from '../paths';
import { appRoutes, entryRoute, readAppJson, readJsonFile } from './app-config';
import { compileScripts } from './scripts';
import { patchedSimulate } from './simulate-patch';
import { buildKey, collectSources, type SourceFile } from './sources';
import { compileWxml } from './wxml';
import { embedIconFont, inlineImports, scopePageSelector } from './wxss';

export interface BuiltPreview {
  key: string;
  dir: string;
  manifest: Manifest;
}

export const ASSETS = ['simulate.js', 'files.js', 'gwx.js', 'runtime.js', 'console.js'] as const;

const WINDOW_KEYS: Array<keyof WindowConfig> = [
  'navigationBarTitleText',
  'navigationBarBackgroundColor',
  'navigationBarTextStyle',
  'navigationStyle',
  'backgroundColor',
  'backgroundTextStyle',
  'enablePullDownRefresh',
  'onReachBottomDistance',
  'disableScroll',
];

function pickWindow(json: Record<string, unknown>): WindowConfig {
  const out: Record<string, unknown> = {};
  for (const key of WINDOW_KEYS) if (json[key] !== undefined) out[key] = json[key];
  return out as WindowConfig;
}

/** A custom-element-safe tag, unique per route: it is also the CSS class prefix of the page. */
export function pageTag(route: string): string {
  return `mp-${route.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase()}`;
}

function fixturePages(sources: SourceFile[], byVirtual: Map<string, SourceFile>): string[] {
  return sources
    .filter((s) => s.fixture && s.virtual.endsWith('.wxml'))
    .map((s) => s.virtual.slice(0, -'.wxml'.length))
    .filter((base) => {
      const json = byVirtual.get(`${base}.json`);
      return json && readJsonFile<{ component?: boolean }>(json.absolute).component !== true;
    });
}

function makeManifest(key: string, sources: SourceFile[], wxml: { wxmlList: string[]; wxsList: string[] }): Manifest {
  const app = readAppJson();
  const byVirtual = new Map(sources.map((s) => [s.virtual, s]));
  const pageJson = (route: string) => {
    const file = byVirtual.get(`${route}.json`);
    return file ? readJsonFile<Record<string, unknown>>(file.absolute) : {};
  };
  const pages: PageEntry[] = appRoutes(app).map(({ route, subpackage }) => ({
    route,
    window: pickWindow(pageJson(route)),
    fixture: false,
    tagName: pageTag(route),
    ...(subpackage ? { subpackage } : {}),
  }));
  for (const route of fixturePages(sources, byVirtual)) pages.push({ route, window: pickWindow(pageJson(route)), fixture: true, tagName: pageTag(route) });
  // A page listed before its files exist must not take the whole preview down: it fails when opened.
  for (const page of pages) if (!byVirtual.has(`${page.route}.wxml`) || !byVirtual.has(`${page.route}.json`)) page.missing = true;
  return {
    buildKey: key,
    entryPage: entryRoute(app),
    pages,
    tabBar: app.tabBar ?? null,
    window: app.window ?? {},
    usingComponents: app.usingComponents ?? {},
    wxmlList: wxml.wxmlList,
    wxsList: wxml.wxsList,
  };
}

const GLOBAL_CLASS_OPT_IN = /addGlobalClass\s*:\s*true|styleIsolation\s*:\s*['"](apply-shared|shared)['"]/;

function styleMap(sources: SourceFile[], manifest: Manifest): Record<string, string> {
  const byVirtual = new Map(sources.map((s) => [s.virtual, s]));
  const read = (virtual: string) => {
    const s = byVirtual.get(virtual);
    return s ? fs.readFileSync(s.absolute, 'utf8') : null;
  };
  const out: Record<string, string> = {};
  for (const s of sources) if (s.virtual.endsWith('.wxss')) out[s.virtual] = embedIconFont(inlineImports(s.virtual, read));
  const appStyle = read('app.wxss') === null ? '' : out['app.wxss']!;
  for (const page of manifest.pages) {
    const own = out[`${page.route}.wxss`] ?? '';
    out[`${page.route}.wxss`] = scopePageSelector(`${appStyle}\n${own}`, page.tagName);
  }
  // Own components (not Vant's) that opt into global classes see app.wxss, as in WeChat.
  for (const s of sources) {
    if (!s.virtual.endsWith('.json') || s.virtual.startsWith('miniprogram_npm/') || s.virtual.startsWith(`${FIXTURE_MOUNT}/`)) continue;
    const base = s.virtual.slice(0, -'.json'.length);
    if (manifest.pages.some((p) => p.route === base)) continue;
    const code = read(`${base}.ts`) ?? read(`${base}.js`);
    if (code && GLOBAL_CLASS_OPT_IN.test(code)) out[`${base}.wxss`] = `${appStyle}\n${out[`${base}.wxss`] ?? ''}`;
  }
  return out;
}

async function bundleBrowser(entry: string, maps: boolean): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    sourcemap: maps ? 'inline' : false,
    logLevel: 'silent',
    charset: 'utf8',
  });
  return result.outputFiles[0]!.text;
}

async function buildInto(dir: string, key: string, sources: SourceFile[], maps: boolean): Promise<Manifest> {
  const wxml = compileWxml(sources);
  const manifest = makeManifest(key, sources, wxml);
  const files: Record<string, string> = { ...styleMap(sources, manifest), ...(await compileScripts(sources, maps)) };
  for (const s of sources) if (s.virtual.endsWith('.json')) files[s.virtual] = fs.readFileSync(s.absolute, 'utf8');
  const [runtime, consoleUi] = await Promise.all([bundleBrowser(RUNTIME_ENTRY, maps), bundleBrowser(CONSOLE_ENTRY, maps)]);
  fs.writeFileSync(path.join(dir, 'simulate.js'), patchedSimulate());
  fs.writeFileSync(path.join(dir, 'files.js'), `window.__FILE_MAP__ = ${JSON.stringify(files)};\n`);
  fs.writeFileSync(path.join(dir, 'gwx.js'), `window.__mpGwx = (function () {\n${wxml.code}\n})();\n`);
  fs.writeFileSync(path.join(dir, 'runtime.js'), runtime);
  fs.writeFileSync(path.join(dir, 'console.js'), consoleUi);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

const BUILDS = path.join(CACHE_ROOT, 'builds');
const KEEP_BUILDS = 4;
/** Another process (npm start, a jest worker) may still serve an older build: only long-unused ones go. */
const PRUNE_AFTER_MS = 15 * 60 * 1000;

function prune(keep: string): void {
  const now = Date.now();
  const dirs = fs
    .readdirSync(BUILDS)
    .filter((d) => d !== keep)
    .map((d) => {
      try {
        return { d, t: fs.statSync(path.join(BUILDS, d)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((x): x is { d: string; t: number } => x !== null)
    .sort((a, b) => b.t - a.t);
  for (const { d, t } of dirs.slice(KEEP_BUILDS - 1)) {
    if (now - t > PRUNE_AFTER_MS) fs.rmSync(path.join(BUILDS, d), { recursive: true, force: true });
  }
}

let inFlight: { key: string; promise: Promise<BuiltPreview> } | null = null;

/**
 * PREVIEW_SOURCE_MAPS=0 builds the preview without inline source maps (1.4 MB of its 5.9 MB of scripts). They serve a
 * developer in DevTools; a browser test pays to load them on every boot (docs/performance.md, "The test loop"), so the
 * e2e global setup turns them off. Either build is cached under its own key.
 */
export const SOURCE_MAPS_ENV = 'PREVIEW_SOURCE_MAPS';

const sourceMapsWanted = (): boolean => process.env[SOURCE_MAPS_ENV] !== '0';

/** The build for the current sources: from this process's memory, from .preview/, or made now (about 2 s). */
export function buildPreview(opts: { force?: boolean } = {}): Promise<BuiltPreview> {
  if (!fs.existsSync(path.join(MP_ROOT, 'miniprogram_npm/@vant/weapp'))) {
    return Promise.reject(new Error('miniprogram/miniprogram_npm is missing: run `npm run build` first'));
  }
  const sources = collectSources();
  const maps = sourceMapsWanted();
  const key = buildKey(sources, maps ? '' : 'no source maps');
  if (!opts.force && inFlight?.key === key) return inFlight.promise;
  const promise = (async () => {
    const dir = path.join(BUILDS, key);
    const manifestFile = path.join(dir, 'manifest.json');
    if (!opts.force && fs.existsSync(manifestFile)) {
      const now = new Date();
      fs.utimesSync(dir, now, now); // in use: keep it from being pruned
      return { key, dir, manifest: readJsonFile<Manifest>(manifestFile) };
    }
    fs.mkdirSync(BUILDS, { recursive: true });
    // Several jest workers may build at once: each writes its own folder and renames it into place.
    const tmp = fs.mkdtempSync(path.join(BUILDS, `.tmp-${key}-`));
    try {
      const manifest = await buildInto(tmp, key, sources, maps);
      if (opts.force) fs.rmSync(dir, { recursive: true, force: true });
      if (!fs.existsSync(manifestFile)) {
        try {
          fs.renameSync(tmp, dir);
        } catch {
          if (!fs.existsSync(manifestFile)) throw new Error(`could not move the preview build into ${dir}`);
        }
      }
      prune(key);
      return { key, dir, manifest };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  })();
  inFlight = { key, promise };
  promise.catch(() => {
    if (inFlight?.promise === promise) inFlight = null;
  });
  return promise;
}
