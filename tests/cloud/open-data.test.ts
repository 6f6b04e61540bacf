// Issue 11.2, the public feed, through HTTP against the local cloud's HTTP access (GET /http/api/...): GeoReport v2
// shapes, paging by cursor, no personal data, and an HTTP request that can only ever read the feed.
import { startGateway, type Gateway } from '../../tools/local-cloud/gateway';
import { localCloud } from '../../tools/local-cloud';
import { main } from '../../cloudfunctions/api/src';
import { ok } from '../helpers/cloud';
import { at, CITIZEN, count, DISPATCHER, repliedCase, setUpAgency } from './cases/helpers';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ port: 0, cloud: { filename: ':memory:', strict: { threshold: 0 } } });
});
afterAll(() => gw.close());

const feed = (path: string, init?: RequestInit) => fetch(`${gw.url}/http/api/open311/v2/${path}`, init);

async function json(path: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await feed(path);
  return { status: res.status, body: JSON.parse(await res.text()), headers: res.headers };
}

/** A published letter: a replied case the dispatcher made public; the citizen's name and phone are in the text. */
async function published(minute: number, over: { categoryId?: string; title?: string } = {}) {
  at(`2026-11-25T02:${String(minute).padStart(2, '0')}:00.000Z`);
  const r = await repliedCase({
    type: 'suggestion',
    title: over.title ?? '建议在幸福路增设公交站',
    content: '我是张三，电话 13812345678。幸福路沿线居民多，最近的公交站步行要二十分钟，建议增设一站。',
    contactName: '张三',
    contactPhone: '13812345678',
    ...(over.categoryId ? { categoryId: over.categoryId } : {}),
  });
  return ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });
}

describe('the open-data feed over HTTP', () => {
  beforeEach(() => setUpAgency());

  test('services are the categories', async () => {
    const { status, body, headers } = await json('services.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toEqual([
      expect.objectContaining({ service_code: 'cat-property', service_name: '物业管理', group: '住房和城乡建设局', metadata: false, type: 'realtime' }),
      expect.objectContaining({ service_code: 'cat-bus', service_name: '公交线路', group: '交通运输局' }),
      expect.objectContaining({ service_code: 'cat-noise', service_name: '噪声污染', group: '生态环境局' }),
    ]);
  });

  test('requests are the published letters, newest first, paged by cursor, without personal data', async () => {
    const letters = [];
    for (let i = 0; i < 5; i++) letters.push(await published(i, { title: `建议在幸福路增设公交站（${i}）` }));
    await repliedCase({}, 'o_citizen_unpublished'); // answered but not published: never in the feed

    const first = await json('requests.json?page_size=2');
    expect(first.status).toBe(200);
    const items = first.body as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      service_request_id: letters[4]!.id,
      status: 'closed',
      status_notes: expect.any(String),
      service_name: '物业管理',
      service_code: 'cat-property',
      description: expect.stringContaining('幸福路沿线居民多'),
      agency_responsible: '住房和城乡建设局',
      service_notice: '建议',
      requested_datetime: expect.stringMatching(/^2026-11-25T10:04:00\+08:00$/),
      updated_datetime: expect.stringMatching(/^2026-11-25T\d\d:\d\d:\d\d\+08:00$/),
      title: '建议在幸福路增设公交站（4）',
      cosign_count: 0,
    });
    const next = first.headers.get('x-next-cursor');
    expect(first.headers.get('link')).toContain('rel="next"');
    const seen = [...items];
    let cursor = next;
    while (cursor) {
      const page = await json(`requests.json?page_size=2&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...(page.body as Array<Record<string, unknown>>));
      cursor = page.headers.get('x-next-cursor');
    }
    expect(seen.map((r) => r.service_request_id)).toEqual(letters.map((l) => l.id).reverse());
    const text = JSON.stringify(seen);
    for (const secret of ['张三', '13812345678', CITIZEN, 'MS2026']) expect(text).not.toContain(secret);

    const one = await json(`requests/${letters[0]!.id}.json`);
    expect(one.body).toEqual([expect.objectContaining({ service_request_id: letters[0]!.id, title: '建议在幸福路增设公交站（0）' })]);
    expect((await json('requests.json?status=open')).body).toEqual([]);
    expect((await json('requests.json?service_code=cat-bus')).body).toEqual([]);
    const window = await json(`requests.json?start_date=${encodeURIComponent('2026-11-25T10:00:00+08:00')}&end_date=${encodeURIComponent('2026-11-25T10:02:30+08:00')}`);
    expect((window.body as Array<{ title: string }>).map((r) => r.title)).toEqual(['建议在幸福路增设公交站（2）', '建议在幸福路增设公交站（1）', '建议在幸福路增设公交站（0）']);
  });

  test('statistics: the public monthly figures', async () => {
    const { status, body } = await json('statistics.json?month=2026-11');
    expect(status).toBe(200);
    expect(body).toMatchObject({ month: '2026-11', month_label: '2026年11月', overall: { agency_responsible: '全部单位', note: '样本过少' } });
    expect((body as { departments: unknown[] }).departments).toHaveLength(3);
  });

  test('bad requests get an Open311 error list in Chinese; only GET is served', async () => {
    expect(await json('requests.json?page_size=500')).toMatchObject({ status: 400, body: [{ code: 400, description: 'page_size 应为 1 到 100 的整数' }] });
    expect(await json('requests.json?status=pending')).toMatchObject({ status: 400, body: [{ code: 400, description: 'status 只能是 open 或 closed' }] });
    expect(await json('requests.json?cursor=garbage')).toMatchObject({ status: 400, body: [{ code: 400, description: expect.stringContaining('分页参数') }] });
    expect(await json('statistics.json?month=2026-13')).toMatchObject({ status: 400, body: [{ code: 400, description: '月份格式应为 2026-01' }] });
    expect(await json('requests/nope.json')).toMatchObject({ status: 404, body: [{ code: 404 }] });
    expect(await json('tickets.json')).toMatchObject({ status: 404 });
    const post = await feed('requests.json', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  test('an HTTP request never reaches the actions, whatever it carries; a client call shaped like HTTP is an unknown request', async () => {
    // A body naming an action, sent through HTTP access with a forged identity header: still only the feed, no case.
    const res = await fetch(`${gw.url}/http/api/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': CITIZEN },
      body: JSON.stringify({ action: 'case.submit', payload: {} }),
    });
    expect(res.status).toBe(405);
    expect(count('cases')).toBe(0);
    const get = await fetch(`${gw.url}/http/api/?action=case.submit`, { headers: { 'x-wx-openid': CITIZEN } });
    expect(get.status).toBe(404);
    // In the other direction: a mini program's call with an HTTP-shaped body goes to the router.
    const asClient = await localCloud.invoke(main, { path: '/open311/v2/services.json', httpMethod: 'GET' }, { OPENID: CITIZEN });
    expect(asClient).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求缺少操作名称' } });
  });
});
