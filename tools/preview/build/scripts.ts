// The mini program's code for the browser, one CommonJS module per source file (not one bundle per page): WeChat runs
// every page in one JS context with a shared module cache, so a service module is a singleton there; it stays one
// here, because the runtime's require caches modules by path exactly like the base library.
//   .ts under miniprogram/  -> esbuild transform (types stripped, ESM -> CJS), inline source map unless turned off
//   .js (Vant's lib, ours)  -> as is (Vant's lib is already CommonJS)
//   fixtures (.ts)          -> esbuild build of the one file; imports of mini program files stay requires, rewritten to
//                              the path they have in the virtual tree
import esbuild from 'esbuild';
import fs from 'fs';
import path from 'path';
import { FIXTURE_MOUNT, FIXTURES_ROOT, MP_ROOT } from '../paths';
import type { SourceFile } from './sources';

const TARGET = 'es2020';

/** simulate evaluates a module as `new Function('require', 'module', code)`: give CommonJS code its `exports`. */
function asModule(code: string, virtual: string): string {
  return `var exports = module.exports;\n${code}\n//# sourceURL=mp:///${virtual}`;
}

function virtualOf(absolute: string): string | null {
  const inMp = path.relative(MP_ROOT, absolute);
  if (!inMp.startsWith('..') && !path.isAbsolute(inMp)) return inMp.split(path.sep).join('/');
  const inFixtures = path.relative(FIXTURES_ROOT, absolute);
  if (!inFixtures.startsWith('..') && !path.isAbsolute(inFixtures)) return `${FIXTURE_MOUNT}/${inFixtures.split(path.sep).join('/')}`;
  return null;
}

const stripExt = (p: string) => p.replace(/\.(ts|js)$/, '');

async function compileFixture(source: SourceFile, maps: boolean): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [source.absolute],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: TARGET,
    sourcemap: maps ? 'inline' : false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'virtual-tree',
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind === 'entry-point' || args.pluginData === 'inner') return undefined;
            if (!args.path.startsWith('.')) return { errors: [{ text: `fixture ${source.virtual} imports ${args.path}: only relative imports of the mini program's files work` }] };
            const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'inner' });
            if (resolved.errors.length) return { errors: resolved.errors };
            const target = virtualOf(resolved.path);
            if (!target) return { errors: [{ text: `fixture ${source.virtual} imports ${args.path}, outside miniprogram/ and the fixtures` }] };
            const from = path.posix.dirname(source.virtual);
            let rel = path.posix.relative(from, stripExt(target));
            if (!rel.startsWith('.')) rel = `./${rel}`;
            return { path: rel, external: true };
          });
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

async function transformTs(s: SourceFile, maps: boolean): Promise<string> {
  try {
    const result = await esbuild.transform(fs.readFileSync(s.absolute, 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: TARGET,
      sourcemap: maps ? 'inline' : false,
      sourcefile: `mp:///${s.virtual}`,
      logLevel: 'silent',
    });
    return result.code;
  } catch (error) {
    throw new Error(`esbuild could not compile miniprogram/${s.virtual}: ${(error as Error).message}`);
  }
}

export async function compileScripts(sources: SourceFile[], maps: boolean): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tsBases = new Set(sources.filter((s) => s.virtual.endsWith('.ts')).map((s) => stripExt(s.virtual)));
  await Promise.all(
    sources.map(async (s) => {
      const base = stripExt(s.virtual);
      if (s.virtual.endsWith('.ts')) {
        const code = s.fixture ? await compileFixture(s, maps) : await transformTs(s, maps);
        out[`${base}.js`] = asModule(code, s.virtual);
      } else if (s.virtual.endsWith('.js') && !tsBases.has(base)) {
        out[s.virtual] = asModule(fs.readFileSync(s.absolute, 'utf8'), s.virtual);
      }
    }),
  );
  return out;
}
