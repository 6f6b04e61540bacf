// Which Chromium the tests, the screenshots and the e2e run start (tools/preview/browser.ts, ADR 0163).
import { chromiumPath, FULL_CHROMIUM, HEADLESS_SHELL } from '../../../tools/preview/browser';

const installed = (...files: string[]) => (file: string) => files.includes(file);

test('the headless shell when Debian installed it', () => {
  expect(chromiumPath({}, installed(HEADLESS_SHELL, FULL_CHROMIUM))).toBe('/usr/bin/chromium-headless-shell');
});

test('the full browser when the shell is not installed', () => {
  expect(chromiumPath({}, installed(FULL_CHROMIUM))).toBe('/usr/bin/chromium');
});

test('CHROMIUM_PATH wins over both', () => {
  expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' }, installed(HEADLESS_SHELL, FULL_CHROMIUM))).toBe('/opt/chromium/chrome');
});
