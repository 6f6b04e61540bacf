// One jest config, four projects. Type checking is `npm run typecheck`'s job; the tests' TypeScript is only stripped
// of its types, by esbuild (tools/jest/esbuild-transform.js).
const path = require('path');

const sdkFacade = path.join(__dirname, 'tools/local-cloud/sdk.ts');

// Tests reset and rewrite the database between cases: the function's warm-instance configuration cache would serve
// the previous test's settings. tests/cloud/warm-cache.test.ts turns it on where it is the subject.
process.env.CONFIG_CACHE_TTL_MS ??= '0';

const typescript = path.join(__dirname, 'tools/jest/esbuild-transform.js');
// Where the tests' own code does the work (unit, cloud: the local cloud, mingo, zod, the SDK), the packages' JavaScript
// is transformed too, unchanged but for the local-globals wrapper both transforms add: in jest's vm context a global
// read costs ~30 times one in a plain realm, and those packages read `Array` and `Date` in hot loops. Not where jsdom
// or the browser does the work (miniprogram, e2e): wrapping the packages there measured slower (docs/adr/0167).
const javascript = path.join(__dirname, 'tools/jest/node-modules-transform.js');
const wrapPackages = { transform: { '^.+\\.ts$': typescript, '^.+\\.c?js$': javascript }, transformIgnorePatterns: [] };
const tsOnly = { transform: { '^.+\\.ts$': typescript } };

/** @type {import('jest').Config} */
module.exports = {
  // A global option (jest ignores it inside a project): page tests compile their WXML with the real wcc and cloud
  // tests run the real function, seconds rather than milliseconds on a 2-core machine. Speed is measured by the
  // benches, not by this limit.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      ...wrapPackages,
    },
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/cloud/**/*.test.ts', '<rootDir>/tests/local-cloud/**/*.test.ts'],
      ...wrapPackages,
      // The real wx-server-sdk, its database seam pinned to the local cloud (tools/local-cloud/sdk.ts).
      moduleNameMapper: { '^wx-server-sdk$': sdkFacade },
      setupFilesAfterEnv: ['<rootDir>/tests/setup/cloud.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      // The local cloud runs in the same process: resolve packages as Node does, not their browser builds.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      testMatch: ['<rootDir>/tests/miniprogram/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      ...tsOnly,
      moduleNameMapper: { '^wx-server-sdk$': sdkFacade },
      setupFiles: ['<rootDir>/tests/setup/mp-globals.ts', '<rootDir>/tests/setup/wcc-cache.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/mp-after-env.ts'],
    },
    {
      displayName: 'e2e',
      // Node's environment plus one browser context per worker, kept across its files (docs/adr/0160).
      testEnvironment: '<rootDir>/tests/setup/e2e-environment.ts',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      ...tsOnly,
      moduleNameMapper: { '^wx-server-sdk$': sdkFacade },
      // One Chromium and one seeded local cloud for the whole run; each file connects and copies (ADR 0112).
      globalSetup: '<rootDir>/tests/setup/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/e2e-global-teardown.ts',
    },
  ],
};
