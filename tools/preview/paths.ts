// Where the preview reads the mini program from and writes its build cache.
import path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const MP_ROOT = path.join(ROOT, 'miniprogram');
/** Preview-only pages (test fixtures): mounted under FIXTURE_MOUNT, never part of what WeChat sees. */
export const FIXTURES_ROOT = path.join(__dirname, 'fixtures');
export const FIXTURE_MOUNT = '__preview__';
export const CACHE_ROOT = path.join(ROOT, '.preview');
export const RUNTIME_ENTRY = path.join(__dirname, 'runtime/main.ts');
export const CONSOLE_ENTRY = path.join(__dirname, 'console/main.ts');
