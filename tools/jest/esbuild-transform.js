// Jest's TypeScript transform: esbuild strips the types, one file at a time. Type checking is `npm run typecheck`'s
// job (every tsconfig, strict), so the tests need only JavaScript, and on a fresh clone (an empty jest cache) esbuild
// does in well under a second what ts-jest's transpiler did in tens of seconds of CPU (docs/performance.md). Jest runs
// CommonJS without --experimental-vm-modules, so `await import(...)` becomes a require, as tsc's CommonJS output does.
// The output goes inside the local-globals wrapper (./local-globals.js, docs/adr/0167).
const crypto = require('crypto');
const fs = require('fs');
const { transformSync, version } = require('esbuild');
const { withLocalGlobals, WRAPPER_KEY } = require('./local-globals');

// The compiler options that change the emitted JavaScript (tsconfig.base.json); types-only options do not matter.
const tsconfigRaw = { compilerOptions: { target: 'ES2020', useDefineForClassFields: false, esModuleInterop: true } };
const self = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(WRAPPER_KEY).update(version).digest('hex');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, { loader: filename.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'es2020', sourcemap: 'external', sourcefile: filename, tsconfigRaw, supported: { 'dynamic-import': false } });
    return { code: withLocalGlobals(out.code), map: out.map };
  },
  getCacheKey(source, filename, options) {
    return crypto.createHash('sha256').update(self).update(filename).update('\0').update(source).update('\0').update(options.configString).digest('hex');
  },
};
