// npm run screenshots: a PNG of every page of app.json, for each demo identity that can open it
// (tools/preview/pages.ts), against a fresh in-memory local cloud with the demo data, into screenshots/<identity>/.
// `-- --care` shoots them in 长辈模式 (care mode, miniprogram/utils/care.ts) into screenshots-care/<identity>/.
// Pages that log errors are still shot, and listed at the end.
import fs from 'fs';
import path from 'path';
import { build, ROOT } from '../build';
import { CONTEXT_OPTIONS, launchChromium, PHONE_VIEWPORT, waitForMiniProgram } from './browser';
import { appRoutes, identitiesFor } from './pages';
import { sampleQueries, urlOf } from './samples';
import { startStack } from './stack';

const CARE = process.argv.includes('--care');
const OUT = path.join(ROOT, CARE ? 'screenshots-care' : 'screenshots');

interface MpWindow {
  __mp: { router: { reLaunch(url: string): Promise<void> } };
  wx: { setStorageSync(key: string, value: unknown): void };
}

/** The storage key of care mode (miniprogram/utils/care.ts CARE_KEY). */
const CARE_KEY = 'careMode';

async function main(): Promise<void> {
  const started = Date.now();
  await build();
  const stack = await startStack({ dataDir: null, gatewayPort: 0, previewPort: 0 });
  const browser = await launchChromium();
  const problems: string[] = [];
  let count = 0;
  try {
    fs.rmSync(OUT, { recursive: true, force: true });
    const routes = appRoutes();
    const queryFor = sampleQueries();
    const identities = [...new Set(routes.flatMap((r) => identitiesFor(r)))];
    const shoot = async (identity: string) => {
      const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, ...CONTEXT_OPTIONS });
      const page = await context.newPage();
      let current = '';
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`${identity} ${current}: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${identity} ${current}: ${error.message}`));
      let loaded = false;
      for (const route of routes.filter((r) => identitiesFor(r).includes(identity))) {
        current = route.route;
        const query = await queryFor(route.route, identity);
        try {
          // The first page loads the mini program; the next ones reLaunch inside it (as fast as WeChat, no reload).
          if (loaded) await page.evaluate((u) => (window as unknown as MpWindow).__mp.router.reLaunch(u), urlOf(route.route, query));
          else {
            await page.goto(stack.preview.appUrl({ identity, page: route.route, query }));
            if (CARE) {
              // This user's choice, as the switch on 我的 stores it; the page is opened again to follow it.
              await waitForMiniProgram(page.mainFrame());
              await page.evaluate((key) => (window as unknown as MpWindow).wx.setStorageSync(key, true), CARE_KEY);
              await page.evaluate((u) => (window as unknown as MpWindow).__mp.router.reLaunch(u), urlOf(route.route, query));
            }
          }
          loaded = true;
          await waitForMiniProgram(page.mainFrame());
        } catch (error) {
          problems.push(`${identity} ${route.route}: ${(error as Error).message}`);
          loaded = false;
        }
        // Let transitions (Vant's popups, toasts) finish before the picture.
        await page.waitForTimeout(300);
        const file = path.join(OUT, identity, `${route.route.replace(/\//g, '_')}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        count++;
        console.log(`  ${path.relative(ROOT, file)}`);
      }
      await context.close();
    };
    // Two identities at a time: the browser renders one while the other waits for its cloud calls.
    const queue = [...identities];
    await Promise.all([0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await shoot(next);
    }));
  } finally {
    await browser.close();
    await stack.close();
  }
  console.log(`${count} screenshots in ${path.relative(process.cwd(), OUT) || OUT}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (problems.length) {
    console.log(`\n${problems.length} console errors while shooting:`);
    for (const p of problems) console.log(`  ${p}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
