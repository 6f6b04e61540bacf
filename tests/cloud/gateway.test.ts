// The gateway as the browser preview and black-box tests see it: HTTP on 127.0.0.1, in this process.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startGateway, type Gateway } from '../../tools/local-cloud/gateway';
import { startCloudFromArgs } from '../../tools/local-cloud/cli';
import { localCloud } from '../../tools/local-cloud';

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const callApi = (gw: Gateway, data: unknown, openid?: string) =>
  post(`${gw.url}/functions/api`, JSON.stringify(data), openid ? { 'x-wx-openid': openid } : {});

describe('gateway', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ port: 0, cloud: { filename: ':memory:', strict: { threshold: 0 } } });
  });
  afterEach(async () => {
    await gw.close();
  });

  test('listens on 127.0.0.1 and answers callFunction as wx.cloud.callFunction does', async () => {
    expect(gw.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, json } = await callApi(gw, { action: 'meta.get', payload: {} }, 'o_a');
    expect(status).toBe(200);
    expect(json).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { ok: true } });
    // The body was parsed in Node's realm, not jest's: check arrays structurally.
    expect((json.result as { data: { types: unknown[] } }).data.types.map((t) => (t as { key: string }).key)).toEqual(['inquiry', 'help', 'complaint', 'suggestion']);
    expect(typeof json.requestID).toBe('string');
  });

  test('the caller is the x-wx-openid header', async () => {
    const anon = await callApi(gw, { action: 'me.get', payload: {} });
    expect(anon.json.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const known = await callApi(gw, { action: 'me.get', payload: {} }, 'o_a');
    expect(known.json.result).toEqual({ ok: true, data: { openid: 'o_a', roles: [], isStaff: false } });
  });

  test('garbage gets a JSON 4xx and the next request still succeeds', async () => {
    const bad = await post(`${gw.url}/functions/api`, '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: { code: 'BAD_JSON', message: expect.any(String) } });

    const unknown = await post(`${gw.url}/functions/nope`, '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'FUNCTION_NOT_FOUND' } });

    const huge = await post(`${gw.url}/functions/api`, Buffer.alloc(1024 * 1024 + 10, 0x20));
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });

    const route = await fetch(`${gw.url}/nowhere`);
    expect(route.status).toBe(404);

    const after = await callApi(gw, { action: 'meta.get', payload: {} }, 'o_a');
    expect(after.json.result).toMatchObject({ ok: true });
  });

  test('the clock sets the time functions see, and returns to real time', async () => {
    const set = await post(`${gw.url}/_emulator/clock`, JSON.stringify({ now: '2026-10-09T09:00:00+08:00', frozen: true }));
    expect(set.json).toEqual({ now: '2026-10-09T01:00:00.000Z' });
    expect(Number(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS)).toBe(Date.parse('2026-10-09T01:00:00Z'));
    const bad = await post(`${gw.url}/_emulator/clock`, JSON.stringify({ now: 'yesterday' }));
    expect(bad.status).toBe(400);
    const back = await post(`${gw.url}/_emulator/clock`, JSON.stringify({ now: null }));
    expect(Math.abs(Date.parse(back.json.now as string) - Date.now())).toBeLessThan(5000);
    expect(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS).toBeUndefined();
  });

  test('a timer trigger from config.json runs on demand; an unknown one is a 404', async () => {
    const run = await post(`${gw.url}/_emulator/timers/tick`, '');
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ function: 'api', trigger: 'tick', result: { trigger: 'tick' } });
    const missing = await post(`${gw.url}/_emulator/timers/nightly`, '');
    expect(missing.status).toBe(404);
  });

  test('msgsec words and the outbox', async () => {
    await post(`${gw.url}/_emulator/msgsec`, JSON.stringify({ risky: ['违禁词'], review: ['待审词'] }));
    const verdict = async (content: string) =>
      localCloud.invoke(async () => {
        const cloud = await import('wx-server-sdk');
        const res = await cloud.openapi.security.msgSecCheck({ openid: 'o_a', scene: 2, version: 2, content });
        return res.result.suggest as string;
      }, {}, { OPENID: 'o_a' });
    expect(await verdict('这里有违禁词')).toBe('risky');
    expect(await verdict('这里有待审词')).toBe('review');
    expect(await verdict('你好')).toBe('pass');
    const outbox = await (await fetch(`${gw.url}/_emulator/outbox`)).json();
    expect(outbox.calls.map((c: { api: string }) => c.api)).toEqual(['security.msgSecCheck', 'security.msgSecCheck', 'security.msgSecCheck']);
    await fetch(`${gw.url}/_emulator/outbox`, { method: 'DELETE' });
    expect((await (await fetch(`${gw.url}/_emulator/outbox`)).json()).calls).toEqual([]);
  });

  test('uploads are stored and served back at their temp URL', async () => {
    const up = await post(`${gw.url}/_storage/upload?cloudPath=${encodeURIComponent('cases/o_a/a b.png')}`, Buffer.from([1, 2, 3]), { 'x-wx-openid': 'o_a', 'content-type': 'image/png' });
    expect(up.json).toMatchObject({ fileID: expect.stringMatching(/^cloud:\/\/.+\/cases\/o_a\/a b\.png$/), statusCode: 200 });
    const temp = await localCloud.invoke(async () => {
      const cloud = await import('wx-server-sdk');
      return cloud.getTempFileURL({ fileList: [up.json.fileID as string] });
    }, {});
    const url = (temp as { fileList: Array<{ tempFileURL: string }> }).fileList[0]!.tempFileURL;
    expect(url.startsWith(`${gw.url}/_storage/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  test('CORS only for pages served from this machine', async () => {
    const local = await fetch(`${gw.url}/_emulator/health`, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const foreign = await fetch(`${gw.url}/_emulator/health`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a --data folder', () => {
  test('survives a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-data-'));
    try {
      const first = await startCloudFromArgs(['--port', '0', '--data', dir]);
      await localCloud.invoke(async () => {
        const cloud = await import('wx-server-sdk');
        await cloud.database().collection('departments').add({ data: { _id: 'dept-kept', name: '留存局' } });
      }, {});
      await first.gateway.close();
      localCloud.close();

      const second = await startCloudFromArgs(['--port', '0', '--data', dir]);
      const { json } = await callApi(second.gateway, { action: 'meta.get', payload: {} }, 'o_a');
      expect(json.result).toMatchObject({ ok: true, data: { departments: [{ id: 'dept-kept', name: '留存局' }] } });
      await second.gateway.close();
    } finally {
      localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
