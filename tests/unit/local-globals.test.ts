// The local-globals wrapper of jest's transforms (tools/jest/local-globals.js, docs/adr/0167): module code run in a vm
// context reads the listed globals once, when it loads, and otherwise behaves as it did unwrapped.
import vm from 'vm';
import { NAMES, withLocalGlobals } from '../../tools/jest/local-globals';

/** A vm context whose global counts the reads of each name, as jest's test contexts are read through an interceptor. */
function countingContext(names = ['Object', 'Array', 'Math', 'Date', 'JSON', 'Map', 'process', 'Buffer']) {
  const reads = new Map<string, number>();
  const target: Record<string, unknown> = {};
  for (const name of names) target[name] = (globalThis as Record<string, unknown>)[name];
  const sandbox = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string') reads.set(key, (reads.get(key) ?? 0) + 1);
      return Reflect.get(t, key, receiver);
    },
  });
  const context = vm.createContext(sandbox);
  // The context's own global, as a jest context's `globalThis` is (a proxy sandbox does not reach it by itself).
  target.globalThis = vm.runInContext('this', context);
  reads.clear();
  return { context, reads };
}

/** Runs `code` as jest does a module: inside a function of module, exports and require, `this` being exports. */
function load(code: string, context: vm.Context): { exports: unknown } {
  const module = { exports: {} as unknown };
  const fn = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context) as (m: unknown, e: unknown, r: unknown) => void;
  fn.call(module.exports, module, module.exports, () => ({}));
  return module;
}

const SOURCE = `module.exports = () => [Array.isArray([]), Math.max(1, 2), typeof Date.now(), JSON.stringify({ a: 1 })];`;

describe('withLocalGlobals', () => {
  test('a wrapped module reads each global once when it loads, not on every call', () => {
    const plain = countingContext();
    const f = load(SOURCE, plain.context).exports as () => unknown[];
    for (let i = 0; i < 50; i++) f();
    expect(plain.reads.get('Array')).toBe(50);

    const wrapped = countingContext();
    const g = load(withLocalGlobals(SOURCE), wrapped.context).exports as () => unknown[];
    const atLoad = wrapped.reads.get('Array');
    for (let i = 0; i < 50; i++) expect(g()).toEqual([true, 2, 'number', '{"a":1}']);
    expect(atLoad).toBe(1);
    expect(wrapped.reads.get('Array')).toBe(1);
    expect(wrapped.reads.get('Math')).toBe(1);
    expect(wrapped.reads.get('Date')).toBe(1);
  });

  test('the module keeps its this, arguments, strict mode and its own declarations of the same names', () => {
    const { context } = countingContext();
    const code = [
      '"use strict";',
      'const Map = function OwnMap() {};',
      'let Buffer = "own";',
      'exports.thisIsExports = this === exports;',
      'exports.args = arguments.length;',
      'exports.strict = (function () { return this === undefined; })();',
      'exports.ownMap = Map.name;',
      'exports.ownBuffer = Buffer;',
      'exports.realArray = Array.isArray([1]);',
      'return;',
      'exports.afterReturn = true;',
    ].join('\n');
    const { exports } = load(withLocalGlobals(code), context);
    expect(exports).toEqual({ thisIsExports: true, args: 3, strict: true, ownMap: 'OwnMap', ownBuffer: 'own', realArray: true });
  });

  test('a host object the context does not define reads as undefined, as a typeof check expects', () => {
    // A plain context: a bare `process` in the wrapper's arguments would throw a ReferenceError here.
    const context = vm.createContext({});
    const { exports } = load(withLocalGlobals('module.exports = [typeof process, typeof Buffer, typeof Array];'), context);
    expect(exports).toEqual(['undefined', 'undefined', 'function']);
  });

  test('lines keep their numbers: the wrapper adds to the first line only', () => {
    const code = 'const a = 1;\nconst b = 2;\nthrow new Error("on line 3");';
    const wrapped = withLocalGlobals(code);
    expect(wrapped.split('\n')).toHaveLength(code.split('\n').length + 1);
    expect(wrapped.split('\n').slice(1, 3)).toEqual(code.split('\n').slice(1, 3));
    expect(NAMES).toEqual(expect.arrayContaining(['Object', 'Array', 'Date', 'Promise', 'process']));
  });
});

describe("jest's transforms", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS config jest itself reads
  const config = require('../../jest.config.js') as { projects: Array<{ displayName: string; transform: Record<string, string>; transformIgnorePatterns?: string[] }> };
  const wiring = (p: (typeof config.projects)[number]) => [p.displayName, Object.values(p.transform).map((t) => t.split('/').pop()), p.transformIgnorePatterns];

  test("unit and cloud wrap their TypeScript and the packages' JavaScript, node_modules included", () => {
    const wrapping = config.projects.filter((p) => p.displayName === 'unit' || p.displayName === 'cloud');
    expect(wrapping.map(wiring)).toEqual([
      ['unit', ['esbuild-transform.js', 'node-modules-transform.js'], []],
      ['cloud', ['esbuild-transform.js', 'node-modules-transform.js'], []],
    ]);
    const js = Object.keys(wrapping[0]!.transform).find((k) => new RegExp(k).test('node_modules/mingo/cjs/index.js'));
    expect(js && new RegExp(js).test('node_modules/x/index.cjs')).toBe(true);
  });

  test('miniprogram (jsdom) and e2e (the browser) wrap only their TypeScript: wrapping the packages there measured slower', () => {
    const others = config.projects.filter((p) => p.displayName === 'miniprogram' || p.displayName === 'e2e');
    expect(others.map(wiring)).toEqual([
      ['miniprogram', ['esbuild-transform.js'], undefined],
      ['e2e', ['esbuild-transform.js'], undefined],
    ]);
  });

  test('both transforms return the code inside the wrapper', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('../../tools/jest/esbuild-transform.js') as { process(src: string, file: string): { code: string } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const packages = require('../../tools/jest/node-modules-transform.js') as { process(src: string, file: string): { code: string } };
    const prefix = withLocalGlobals('').split('\n')[0];
    expect(esbuild.process('export const a: number = 1;', 'a.ts').code.startsWith(prefix!)).toBe(true);
    expect(packages.process('module.exports = 1;', 'node_modules/x/index.js').code).toBe(withLocalGlobals('module.exports = 1;'));
  });
});
