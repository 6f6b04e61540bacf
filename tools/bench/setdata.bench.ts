// The largest single setData of 我的留言 and of the staff queue while paging through 200 cases. Both pages run
// under miniprogram-simulate (WXML by the official wcc, Vant included) in a jsdom made here, against the real `api`
// function on an in-memory local cloud seeded through case.submit, and every setData the page instance makes is
// measured as JSON bytes (UTF-8), the size WeChat counts. Goal: none over 16 KB.
import { JSDOM } from 'jsdom';
import type { BenchResult } from './index';

const CASES = 210;
const TARGET = 200;
const LIMIT_BYTES = 16 * 1024;
const CITIZEN = 'o_bench_setdata_citizen';

/** Makes this Node process look like jest's jsdom environment, which simulate and j-component expect. */
function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
  const g = globalThis as unknown as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g || key.startsWith('_')) continue;
    try {
      g[key] = win[key];
    } catch {
      // A few window properties are getters that refuse another receiver; simulate does not use them.
    }
  }
  g.window = dom.window;
  g.document = dom.window.document;
}

interface Figure {
  page: string;
  items: number;
  calls: number;
  largestBytes: number;
  largestKeys: string;
  totalBytes: number;
}

function describeKeys(payload: Record<string, unknown>): string {
  const keys = Object.keys(payload);
  const rows = keys.filter((k) => /^items\[\d+\]$/.test(k));
  const other = keys.filter((k) => !rows.includes(k));
  const parts = rows.length ? [`${rows[0]}…${rows[rows.length - 1]} (${rows.length})`] : [];
  return [...parts, ...other].join(', ');
}

/**
 * simulate require()s `pages/x/index` without an extension, and a page has index.json beside index.ts: Node tries
 * extensions in registration order, so .ts must come before .json (jest's moduleFileExtensions does the same).
 */
function preferTypeScript(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extensions = (require('module') as { _extensions: Record<string, unknown> })._extensions;
  const json = extensions['.json'];
  if (!extensions['.ts'] || !json) return;
  delete extensions['.json'];
  extensions['.json'] = json;
}

export default async function setdataBench(): Promise<BenchResult> {
  installDom();
  preferTypeScript();
  // Loaded after the DOM exists: simulate defines Component/Behavior/wx on load, the shims wrap them.
  const simulate = (await import('miniprogram-simulate')).default;
  const { installMiniprogramShims } = await import('../mp-shims');
  const shims = installMiniprogramShims(globalThis as unknown as Parameters<typeof installMiniprogramShims>[0]);
  (globalThis as unknown as { __mpShims: typeof shims }).__mpShims = shims;
  const { localCloud } = await import('../local-cloud');
  const mp = await import('../../tests/helpers/mp');
  // tests/helpers/mp.ts loads each page inside jest.isolateModules, so components shared by two pages register for
  // both; outside jest the same is done by dropping the mini program's modules from the require cache.
  (globalThis as unknown as { jest: { isolateModules(fn: () => void): void } }).jest = {
    isolateModules(fn) {
      const cache = (require as unknown as { cache: Record<string, unknown> }).cache;
      for (const key of Object.keys(cache)) if (key.startsWith(mp.MP_ROOT)) delete cache[key];
      fn();
    },
  };
  const { seedCatalog } = await import('../../tests/helpers/cloud');
  const cases = await import('../../tests/helpers/cases');

  mp.connectLocalCloud(CITIZEN);
  await seedCatalog();
  await cases.seedCaseStaff();
  // A citizen may submit at most 100 a day (settings cap it), so the cases are spread over the three days before today.
  await cases.allowSubmissions(100);
  // Titles at the 50-character limit: the heaviest rows the list can get.
  const long = '小区东门外人行道破损严重雨天积水老人孩子出行不便请有关部门尽快安排维修并加强日常巡查管理维护谢谢';
  const DAY = 24 * 3600e3;
  for (let i = 0; i < CASES; i++) {
    if (i % 70 === 0) localCloud.clock.set(new Date(Date.now() - (3 - i / 70) * DAY));
    await cases.submitCase(CITIZEN, { title: `${String(i).padStart(3, '0')}${long}`.slice(0, 50), contactName: '张阿姨', contactPhone: '13800138000' });
  }
  localCloud.clock.set(null);

  async function measure(label: string, route: string, openid: string): Promise<Figure> {
    mp.useIdentity(openid);
    const comp = simulate.render(mp.loadPage(route));
    const inst = comp.instance as unknown as {
      setData(patch: Record<string, unknown>, cb?: () => void): void;
      onLoad(q: Record<string, string>): void;
      onShow(): void;
      onReachBottom(): Promise<void> | void;
    };
    const sizes: Array<{ bytes: number; keys: string }> = [];
    const original = inst.setData.bind(inst);
    inst.setData = (patch, cb) => {
      sizes.push({ bytes: Buffer.byteLength(JSON.stringify(patch), 'utf8'), keys: describeKeys(patch) });
      original(patch, cb);
    };
    comp.attach(document.createElement('parent-wrapper'));
    inst.onLoad({});
    inst.onShow();
    const data = () => comp.data as { loading: boolean; items: unknown[]; hasMore: boolean; error: string };
    const idle = async () => {
      for (let i = 0; i < 2000 && data().loading; i++) await simulate.sleep(5);
    };
    await idle();
    while (data().items.length < TARGET && data().hasMore) {
      const before = data().items.length;
      await inst.onReachBottom();
      for (let i = 0; i < 2000 && data().items.length === before; i++) await simulate.sleep(5);
      if (data().items.length === before) throw new Error(`${label}: paging stopped at ${before} (${data().error})`);
    }
    if (data().error) throw new Error(`${label}: ${data().error}`);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return {
      page: label,
      items: data().items.length,
      calls: sizes.length,
      largestBytes: largest.bytes,
      largestKeys: largest.keys,
      totalBytes: sizes.reduce((n, s) => n + s.bytes, 0),
    };
  }

  const figures = [await measure('我的留言 pages/cases', 'pages/cases/index', CITIZEN), await measure('工作台 staff/queue', 'staff/queue/index', cases.DISPATCHER)];
  localCloud.close();
  const worst = Math.max(...figures.map((f) => f.largestBytes));
  return {
    title: `Largest single setData while paging through ${TARGET} cases (goal: none over ${LIMIT_BYTES} bytes)`,
    rows: figures.map((f) => ({
      page: f.page,
      'items shown': f.items,
      'setData calls': f.calls,
      'largest (bytes)': f.largestBytes,
      'largest carried': f.largestKeys,
      'all setData (bytes)': f.totalBytes,
    })),
    notes: [
      `${worst <= LIMIT_BYTES ? 'PASS' : 'FAIL'}: largest single setData ${worst} bytes (JSON, UTF-8) against ${LIMIT_BYTES}.`,
      'Pages of 20 rows; later pages are sent as items[n] paths, so no call grows with the list.',
    ],
  };
}
