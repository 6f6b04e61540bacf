// The largest single setData of every list page (我的留言, 工作台, 政策, 我的收藏, 征求意见, 公开信件, 评论审核, and 搜索
// with its groups opened by 查看更多) while paging through 200 rows (tools/bench/setdata-seed.ts makes them). The pages run
// under miniprogram-simulate (WXML by the official wcc, Vant included) in a jsdom made here, against the real `api`
// function on an in-memory local cloud, and every setData the page instance makes is
// measured as JSON bytes (UTF-8), the size WeChat counts. Goal: none over 16 KB.
import { JSDOM } from 'jsdom';
import type { BenchResult } from './index';

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

interface ListPage {
  label: string;
  route: string;
  openid: string;
  query?: Record<string, string>;
  /** The data key the page pages into (`items` unless told). */
  listKey?: string;
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
  const rows = keys.filter((k) => /^[\w.[\]]+\[\d+\]$/.test(k));
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
  const cases = await import('../../tests/helpers/cases');
  const seed = await import('./setdata-seed');
  const { originOf, workingCopy } = await import('./data-cache');

  // The pages run on a copy of the cached rows: whatever their calls write stays out of the cache.
  const rows = await seed.setdataRows(CITIZEN);
  const copy = workingCopy(rows);
  localCloud.configure({ filename: copy.filename, storageDir: copy.storageDir, strict: { threshold: 0 } });
  mp.useIdentity(CITIZEN);

  async function measure(list: ListPage): Promise<Figure> {
    const { label, route, openid, query = {}, listKey = 'items' } = list;
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
    inst.onLoad(query);
    inst.onShow();
    const data = () => {
      const d = comp.data as Record<string, unknown> & { loading: boolean; hasMore: boolean; error: string };
      return { ...d, items: d[listKey] as unknown[] };
    };
    const idle = async () => {
      for (let i = 0; i < 2000 && data().loading; i++) await simulate.sleep(5);
    };
    await idle();
    if (!Array.isArray(data().items)) throw new Error(`${label}: no items in ${JSON.stringify(Object.keys(data()))} (${data().error})`);
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

  /** 搜索: the first answer (a few of each kind), then 查看更多 on each group in turn until TARGET rows are shown. */
  async function measureSearch(label: string, q: string): Promise<Figure> {
    mp.useIdentity(CITIZEN);
    const comp = simulate.render(mp.loadPage('pages/search/index'));
    type Group = { items: unknown[]; more: boolean; loadingMore: boolean };
    const inst = comp.instance as unknown as {
      setData(patch: Record<string, unknown>, cb?: () => void): void;
      onLoad(q: Record<string, string>): void;
      onMore(e: { currentTarget: { dataset: { index: number } } }): Promise<void>;
    };
    const sizes: Array<{ bytes: number; keys: string }> = [];
    const original = inst.setData.bind(inst);
    inst.setData = (patch, cb) => {
      sizes.push({ bytes: Buffer.byteLength(JSON.stringify(patch), 'utf8'), keys: describeKeys(patch) });
      original(patch, cb);
    };
    comp.attach(document.createElement('parent-wrapper'));
    inst.onLoad({ q: encodeURIComponent(q) });
    const data = () => comp.data as { loading: boolean; error: string; groups: Group[] };
    for (let i = 0; i < 2000 && (data().loading || data().groups.length === 0) && !data().error; i++) await simulate.sleep(5);
    const shown = () => data().groups.reduce((n, g) => n + g.items.length, 0);
    for (let round = 0; shown() < TARGET && data().groups.some((g) => g.more); round++) {
      const index = round % data().groups.length;
      if (!data().groups[index]!.more) continue;
      await inst.onMore({ currentTarget: { dataset: { index } } });
    }
    if (data().error) throw new Error(`${label}: ${data().error}`);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return { page: label, items: shown(), calls: sizes.length, largestBytes: largest.bytes, largestKeys: largest.keys, totalBytes: sizes.reduce((n, s) => n + s.bytes, 0) };
  }

  const lists: ListPage[] = [
    { label: '我的留言 pages/cases', route: 'pages/cases/index', openid: CITIZEN },
    { label: '工作台 staff/queue', route: 'staff/queue/index', openid: cases.DISPATCHER },
    { label: '政策 pages/policies (browse)', route: 'pages/policies/index', openid: CITIZEN },
    { label: '我的收藏 pages/favorites', route: 'pages/favorites/index', openid: CITIZEN },
    { label: '征求意见 pages/drafts', route: 'pages/drafts/index', openid: CITIZEN, listKey: 'past' },
    { label: '公开信件 pages/letters', route: 'pages/letters/index', openid: CITIZEN },
    { label: '评论审核 staff/moderation', route: 'staff/moderation/index', openid: seed.EDITOR },
  ];
  const figures: Figure[] = [];
  for (const list of lists) figures.push(await measure(list));
  figures.push(await measureSearch('搜索 pages/search (管理: policies, drafts, letters)', '管理'));
  localCloud.close();
  copy.remove();
  return {
    title: `Largest single setData of every list page while paging to ${TARGET} rows (goal: none over ${LIMIT_BYTES} bytes)`,
    rows: figures.map((f) => ({
      page: f.page,
      'items shown': f.items,
      'setData calls': f.calls,
      'largest (bytes)': f.largestBytes,
      'largest carried': f.largestKeys,
      'all setData (bytes)': f.totalBytes,
    })),
    notes: [
      'Bytes are JSON, UTF-8, as WeChat counts them. Pages of 20 rows (搜索: 3 of each kind, then 10 per 查看更多); later pages are sent as items[n] paths.',
      `${seed.ROWS} rows per list, seeded through the api function: ${originOf(rows)}.`,
    ],
    checks: figures.map((f) => ({
      figure: `${f.page}: largest setData`,
      value: `${f.largestBytes} bytes`,
      goal: `<= ${LIMIT_BYTES}`,
      pass: f.largestBytes <= LIMIT_BYTES && f.items >= TARGET,
    })),
  };
}
