// The platform around the database: caller identity, invocation, openapi outbox, storage, the clock, callFunction,
// the SDK facade and the self-test.
import fs from 'fs';
import * as cloud from 'wx-server-sdk';
import { localCloud, registerFunction } from '../../tools/local-cloud';
import { sdkPaths } from '../../tools/local-cloud/sdk-paths';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the SDK facade', () => {
  test('exposes a getter for every key of the real SDK and the same object to CommonJS', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require(sdkPaths().sdkEntry) as Record<string, unknown>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const viaRequire = require('wx-server-sdk') as Record<string, unknown>;
    for (const key of Object.keys(real)) {
      expect(Object.getOwnPropertyDescriptor(viaRequire, key)?.get).toEqual(expect.any(Function));
    }
    expect(viaRequire.database).toBe(real.database);
    expect(viaRequire.getWXContext).not.toBe(real.getWXContext);
    expect(typeof cloud.logger).toBe('function');
  });

  test('selfTest() passes: the real SDK reaches the local requester and documents round-trip', async () => {
    const statsBefore = localCloud.db.stats();
    await expect(localCloud.selfTest()).resolves.toBeUndefined();
    expect(localCloud.db.stats()).toEqual(statsBefore);
  });
});

describe('getWXContext and invoke', () => {
  test('each concurrent invocation sees its own identity across awaits', async () => {
    const main = async (event: { delay: number }) => {
      const before = cloud.getWXContext().OPENID;
      await sleep(event.delay);
      await cloud.database().collection('users').where({ _id: 'nobody' }).get();
      return { before, after: cloud.getWXContext().OPENID };
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_v, i) => localCloud.invoke(main, { delay: (i * 7) % 5 }, { OPENID: `o_${i}` })),
    );
    results.forEach((r, i) => expect(r).toEqual({ before: `o_${i}`, after: `o_${i}` }));
  });

  test('the context has OPENID, APPID, UNIONID, ENV and SOURCE; no identity outside an invocation', async () => {
    const inside = await localCloud.invoke(async () => cloud.getWXContext(), {}, { OPENID: 'o_x', UNIONID: 'u_x' });
    expect(inside).toEqual({ OPENID: 'o_x', APPID: 'wx-local-app', UNIONID: 'u_x', ENV: 'local-dev', SOURCE: 'wx_client' });
    expect(cloud.getWXContext().OPENID).toBeUndefined();
    const timer = await localCloud.fireTimer(async () => cloud.getWXContext(), 't');
    expect(timer).toEqual({ APPID: 'wx-local-app', ENV: 'local-dev', SOURCE: 'wx_trigger' });
    // An event shaped like a timer's is not a trigger: only fireTimer marks one.
    const forged = await localCloud.invoke(async () => cloud.getWXContext(), { Type: 'Timer', TriggerName: 't' });
    expect(forged).toEqual({ APPID: 'wx-local-app', ENV: 'local-dev', SOURCE: 'wx_unknown' });
    expect(localCloud.runWithContext({ OPENID: 'o_sync' }, () => cloud.getWXContext().OPENID)).toBe('o_sync');
  });

  test('closing the local cloud lets go of the identities: a chain still running sees none; a new invocation does', async () => {
    // Node 20 pays a hook per promise for every storage left enabled, and each jest file loads its own (ADR 0165).
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const late = localCloud.runWithContext({ OPENID: 'o_late' }, async () => {
      const before = cloud.getWXContext().OPENID;
      await gate;
      return { before, after: cloud.getWXContext().OPENID };
    });
    localCloud.close();
    release();
    expect(await late).toEqual({ before: 'o_late', after: undefined });
    expect(await localCloud.invoke(async () => cloud.getWXContext().OPENID, {}, { OPENID: 'o_next' })).toBe('o_next');
  });

  test('invoke passes event.userInfo and a cloud-shaped context, and answers JSON like the platform', async () => {
    const seen = await localCloud.invoke(
      (event: Record<string, unknown>, context: Record<string, unknown>) => ({ event, context, when: new Date(0) }),
      { a: 1, at: new Date(5), userInfo: { openId: 'forged' } },
      { OPENID: 'o_real' },
    );
    expect(seen.event).toEqual({ a: 1, at: '1970-01-01T00:00:00.005Z', userInfo: { appId: 'wx-local-app', openId: 'o_real' } });
    expect(seen.context).toMatchObject({
      function_name: expect.any(String),
      namespace: 'local-dev',
      request_id: expect.any(String),
      memory_limit_in_mb: expect.any(Number),
      time_limit_in_ms: expect.any(Number),
    });
    expect(seen.when).toBe('1970-01-01T00:00:00.000Z');
  });

  test('callFunction runs a registered function with the caller identity and answers the SDK shape', async () => {
    registerFunction('echo', async (event: Record<string, unknown>) => ({ got: event.x, openid: cloud.getWXContext().OPENID }));
    registerFunction('fails', async () => {
      throw new Error('nope');
    });
    const res = await localCloud.invoke(async () => cloud.callFunction({ name: 'echo', data: { x: 2 } }), {}, { OPENID: 'o_caller' });
    expect(res).toEqual({ result: { got: 2, openid: 'o_caller' }, errMsg: 'callFunction:ok', requestID: expect.any(String) });
    // SOURCE follows the call chain, as the cloud's does: the callee of a client call reads `wx_client,scf`.
    registerFunction('source', async () => cloud.getWXContext().SOURCE);
    const chained = await localCloud.invoke(async () => cloud.callFunction({ name: 'source' }), {}, { OPENID: 'o_caller' });
    expect(chained.result).toBe('wx_client,scf');
    await expect(cloud.callFunction({ name: 'fails' })).rejects.toMatchObject({ errCode: -504002, errMsg: expect.stringContaining('nope') });
    await expect(cloud.callFunction({ name: 'missing' })).rejects.toMatchObject({ errCode: -501000 });
  });
});

describe('openapi', () => {
  test('any path is callable; calls are recorded with the caller OPENID and the local clock', async () => {
    localCloud.clock.set('2031-01-01T00:00:00.000Z', { frozen: true });
    const args = { touser: 'o_b', templateId: 'T1', data: { thing1: { value: 'x' } } };
    const res = await localCloud.invoke(async () => cloud.openapi.subscribeMessage.send(args), {}, { OPENID: 'o_a' });
    expect(res).toEqual({ errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 });
    expect(localCloud.openapi.calls).toEqual([
      { api: 'subscribeMessage.send', args, at: '2031-01-01T00:00:00.000Z', openid: 'o_a', result: { errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 } },
    ]);
    // The real cloud.openapi is also callable with options (cross-account appid); the typings omit it.
    const withOptions = cloud.openapi as unknown as (options: { appid: string }) => typeof cloud.openapi;
    await withOptions({ appid: 'wx-other' }).customerServiceMessage.send({ touser: 'o_c' });
    expect(localCloud.openapi.calls.map((c) => c.api)).toEqual(['subscribeMessage.send', 'customerServiceMessage.send']);
    localCloud.openapi.clear();
    expect(localCloud.openapi.calls).toEqual([]);
  });

  test('a mock can fail a call with {errCode, errMsg}; the failure is recorded and thrown like the SDK', async () => {
    localCloud.openapi.mock('subscribeMessage.send', () => {
      throw { errCode: 43101, errMsg: 'user refuse to accept the msg' };
    });
    const e = (await cloud.openapi.subscribeMessage.send({ touser: 'o' }).catch((err: unknown) => err)) as { errCode: number; errMsg: string };
    expect(e.errCode).toBe(43101);
    expect(e.errMsg).toBe('openapi.subscribeMessage.send:fail user refuse to accept the msg');
    expect(localCloud.openapi.calls[0]!.error).toEqual({ errCode: 43101, errMsg: e.errMsg });
    localCloud.openapi.mock('subscribeMessage.send', null);
    await expect(cloud.openapi.subscribeMessage.send({ touser: 'o' })).resolves.toMatchObject({ errCode: 0 });
  });

  test('msgSecCheck v2 verdicts follow the configured words (risky wins over review)', async () => {
    localCloud.openapi.setMsgSecWords({ risky: ['违禁'], review: ['待审', 'Maybe'] });
    const check = async (content: string) => cloud.openapi.security.msgSecCheck({ openid: 'o', scene: 2, version: 2, content });
    const pass = await check('你好');
    expect(pass).toEqual({
      result: { suggest: 'pass', label: 100 },
      detail: expect.any(Array),
      traceId: expect.any(String),
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
    });
    expect((await check('一个待审的词')).result).toEqual({ suggest: 'review', label: expect.any(Number) });
    expect((await check('maybe so')).result.suggest).toBe('review');
    const risky = await check('待审 和 违禁');
    expect(risky.result).toEqual({ suggest: 'risky', label: 20001 });
    expect(risky.detail[0]).toMatchObject({ strategy: 'keyword', keyword: '违禁', suggest: 'risky' });
  });

  test('msgSecCheck v1 throws 87014 on risky text; imgSecCheck and mediaCheckAsync answer ok', async () => {
    localCloud.openapi.setMsgSecWords({ risky: ['bad'] });
    await expect(cloud.openapi.security.msgSecCheck({ content: 'bad words' })).rejects.toMatchObject({ errCode: 87014 });
    await expect(cloud.openapi.security.msgSecCheck({ content: 'fine' })).resolves.toMatchObject({ errCode: 0 });
    await expect(cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: Buffer.from([1]) } })).resolves.toEqual({
      errCode: 0,
      errMsg: 'openapi.security.imgSecCheck:ok',
    });
    expect(await cloud.openapi.security.mediaCheckAsync({ mediaUrl: 'http://x', mediaType: 2 })).toEqual({
      traceId: expect.any(String),
      errCode: 0,
      errMsg: 'openapi.security.mediaCheckAsync:ok',
    });
  });

  test('reset() clears the outbox, the words and the mocks', async () => {
    localCloud.openapi.setMsgSecWords({ risky: ['bad'] });
    localCloud.openapi.mock('x.y', () => ({ z: 1 }));
    await cloud.openapi.x.y({});
    localCloud.reset();
    expect(localCloud.openapi.calls).toEqual([]);
    expect((await cloud.openapi.security.msgSecCheck({ version: 2, content: 'bad' })).result.suggest).toBe('pass');
    expect(await cloud.openapi.x.y({})).toEqual({ errCode: 0, errMsg: 'openapi.x.y:ok' });
  });
});

describe('storage', () => {
  test('upload, temp URL, download, delete round trip', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'cases/c1/photo 1.png', fileContent: Buffer.from([1, 2, 3]) });
    expect(up).toEqual({ fileID: expect.stringMatching(/^cloud:\/\/local-dev\.[^/]+\/cases\/c1\/photo 1\.png$/), statusCode: 200, errMsg: 'uploadFile:ok' });
    expect(localCloud.storage.read(up.fileID)).toEqual(Buffer.from([1, 2, 3]));
    expect(localCloud.storage.read('cases/c1/photo 1.png')).toEqual(Buffer.from([1, 2, 3]));

    const temp = await cloud.getTempFileURL({ fileList: [up.fileID, { fileID: 'cloud://local-dev.x/none.png', maxAge: 60 }] });
    expect(temp.fileList).toEqual([
      { fileID: up.fileID, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:0\/_storage\/cases\/c1\/photo%201\.png\?t=\d+&sign=[0-9a-f]{64}$/), maxAge: 86400, status: 0, errMsg: 'ok' },
      { fileID: 'cloud://local-dev.x/none.png', tempFileURL: '', maxAge: 60, status: -1, errMsg: expect.any(String) },
    ]);

    const down = await cloud.downloadFile({ fileID: up.fileID });
    expect(down).toEqual({ fileContent: Buffer.from([1, 2, 3]), statusCode: 200, errMsg: 'downloadFile:ok' });

    const del = await cloud.deleteFile({ fileList: [up.fileID, up.fileID] });
    expect(del.fileList).toEqual([
      { fileID: up.fileID, status: 0, errMsg: 'ok' },
      { fileID: up.fileID, status: -1, errMsg: expect.any(String) },
    ]);
    await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toMatchObject({ errCode: -503003 });
  });

  test('a stream uploads too; writes from the control API are readable through the SDK', async () => {
    const src = `${localCloud.storage.dir}/../local-cloud-stream-src.txt`;
    fs.writeFileSync(src, 'streamed');
    try {
      const up = await cloud.uploadFile({ cloudPath: 'a/b.txt', fileContent: fs.createReadStream(src) });
      expect(localCloud.storage.read(up.fileID)?.toString()).toBe('streamed');
    } finally {
      fs.rmSync(src, { force: true });
    }
    const fileID = localCloud.storage.write('seeded/x.bin', Buffer.from('hi'));
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('hi');
  });

  test('paths that leave the storage folder are refused; more than 50 files per call are refused', async () => {
    await expect(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ errMsg: expect.stringContaining('invalid cloudPath') });
    await expect(cloud.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy();
    expect(localCloud.storage.read('../../etc/passwd')).toBeNull();
    await expect(cloud.getTempFileURL({ fileList: Array.from({ length: 51 }, (_v, i) => `f${i}`) })).rejects.toMatchObject({ errMsg: expect.stringContaining('50') });
  });
});

describe('the clock', () => {
  test('set() makes time flow from an instant and publishes the offset to function code; null returns to real time', async () => {
    localCloud.clock.set('2030-06-01T00:00:00.000Z');
    const offset = Number(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS);
    expect(Math.abs(Date.now() + offset - Date.parse('2030-06-01T00:00:00.000Z'))).toBeLessThan(1000);
    expect(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS).toBeUndefined();
    const first = localCloud.clock.now().getTime();
    await sleep(15);
    expect(localCloud.clock.now().getTime()).toBeGreaterThan(first);

    localCloud.clock.set(new Date('2030-06-02T00:00:00.000Z'), { frozen: true });
    expect(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS).toBe(String(Date.parse('2030-06-02T00:00:00.000Z')));
    expect(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS).toBeUndefined();
    await sleep(5);
    expect(localCloud.clock.now().toISOString()).toBe('2030-06-02T00:00:00.000Z');

    localCloud.clock.set(null);
    expect(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS).toBeUndefined();
    expect(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS).toBeUndefined();
    expect(Math.abs(localCloud.clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  test('reset() returns the clock to real time', () => {
    localCloud.clock.set('2000-01-01T00:00:00.000Z', { frozen: true });
    localCloud.reset();
    expect(process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS).toBeUndefined();
    expect(localCloud.clock.now().getFullYear()).toBeGreaterThan(2020);
  });
});
