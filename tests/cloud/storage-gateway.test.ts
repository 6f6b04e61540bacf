// The storage side of the gateway as an outside caller meets it: every traversal form of an upload path, oversized
// bodies and foreign content types answer a clear 4xx and write nothing anywhere; uploads with an identity stay under
// that identity's folder; temp URLs are signed and expire (issue 14 item 3, issue 9 item 9).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startGateway, MAX_UPLOAD_BYTES, type Gateway } from '../../tools/local-cloud/gateway';
import { localCloud } from '../../tools/local-cloud';
import { filesUnder } from '../../tools/lib/files-under';

/** Every file under `dir`, relative, sorted. */
const listFiles = (dir: string): string[] => filesUnder(dir).map((file) => path.relative(dir, file)).sort();

async function upload(gw: Gateway, rawQuery: string, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.url}/_storage/upload?${rawQuery}`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'image/png', ...headers } });
  return { status: res.status, json: (await res.json()) as { fileID?: string; error?: { code: string; message: string } } };
}

const OPENID = 'o_up_a';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('storage gateway', () => {
  let gw: Gateway;
  let storageDir: string;
  let outside: string;
  beforeEach(async () => {
    // What lies around the folder, where a traversal would land: a folder of this test's own, so that files other
    // test files write at the same time (jest workers share the system's temporary folder) are not counted.
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-gateway-'));
    const dir = path.join(outside, 'storage');
    fs.mkdirSync(dir);
    gw = await startGateway({ port: 0, cloud: { filename: ':memory:', strict: { threshold: 0 }, storageDir: dir } });
    storageDir = localCloud.storage.dir;
  });
  afterEach(async () => {
    await gw.close();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const TRAVERSALS = [
    '../x.png',
    `cases/${OPENID}/../../x.png`,
    `cases/${OPENID}/../../../etc/x`,
    `cases\\${OPENID}\\x.png`,
    `cases/${OPENID}/..\\..\\x.png`,
    '/etc/x',
    `//cases/${OPENID}/x.png`,
    '%2e%2e/x.png',
    `cases/${OPENID}/%2e%2e/%2e%2e/x.png`,
    `cases%2f${OPENID}%2fx.png`,
    `cases/${OPENID}/..%2f..%2fx.png`,
    `cases/${OPENID}/./x.png`,
    `cases//${OPENID}/x.png`,
    `cases/${OPENID}/x\u0000.png`,
  ];

  test.each(TRAVERSALS)('upload path %j answers 400 with a Chinese message and writes nothing', async (cloudPath) => {
    const before = { inside: listFiles(storageDir), outside: fs.readdirSync(outside).sort() };
    const res = await upload(gw, `cloudPath=${encodeURIComponent(cloudPath)}`, PNG, { 'x-wx-openid': OPENID });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({ code: 'INVALID_CLOUD_PATH', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(listFiles(storageDir)).toEqual(before.inside);
    expect(fs.readdirSync(outside).sort()).toEqual(before.outside);
  });

  test('a traversal sent without double encoding is decoded once and refused too', async () => {
    const before = listFiles(storageDir);
    for (const raw of ['cloudPath=%2e%2e/x.png', `cloudPath=cases/${OPENID}/%2e%2e%2f%2e%2e%2fx.png`, 'cloudPath=%2fetc%2fx']) {
      expect((await upload(gw, raw, PNG, { 'x-wx-openid': OPENID })).status).toBe(400);
    }
    expect(listFiles(storageDir)).toEqual(before);
  });

  test('an upload over the size limit answers 413 and writes nothing', async () => {
    const res = await upload(gw, `cloudPath=cases/${OPENID}/big.png`, Buffer.alloc(MAX_UPLOAD_BYTES + 1), { 'x-wx-openid': OPENID });
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe('BODY_TOO_LARGE');
    expect(listFiles(storageDir)).toEqual([]);
  });

  test.each(['text/html', 'application/x-msdownload', 'application/javascript'])('content type %s answers 415 and writes nothing', async (type) => {
    const res = await upload(gw, `cloudPath=cases/${OPENID}/x.png`, PNG, { 'x-wx-openid': OPENID, 'content-type': type });
    expect(res.status).toBe(415);
    expect(res.json.error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(listFiles(storageDir)).toEqual([]);
  });

  test('with an identity, uploads go only under that identity’s folder', async () => {
    const foreign = await upload(gw, 'cloudPath=cases/o_up_b/x.png', PNG, { 'x-wx-openid': OPENID });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error?.code).toBe('PATH_NOT_OWNED');
    const top = await upload(gw, `cloudPath=${OPENID}.png`, PNG, { 'x-wx-openid': OPENID });
    expect(top.status).toBe(403);
    expect(listFiles(storageDir)).toEqual([]);

    const own = await upload(gw, `cloudPath=cases/${OPENID}/a.png`, PNG, { 'x-wx-openid': OPENID });
    expect(own.status).toBe(200);
    expect(listFiles(storageDir)).toEqual([path.join('cases', OPENID, 'a.png')]);
  });

  test('temp URLs are signed and expire; a forged or missing signature answers 403', async () => {
    const fileID = localCloud.storage.write(`cases/${OPENID}/a b.png`, PNG);
    const temp = (await localCloud.invoke(async () => {
      const cloud = await import('wx-server-sdk');
      return cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    }, {})) as { fileList: Array<{ tempFileURL: string }> };
    const url = new URL(temp.fileList[0]!.tempFileURL);
    expect(url.origin).toBe(gw.url);
    expect(url.searchParams.get('sign')).toMatch(/^[0-9a-f]{64}$/);

    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(PNG);

    const forged = new URL(url);
    forged.searchParams.set('sign', 'a'.repeat(64));
    expect(await fetch(forged).then((r) => r.status)).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('t', String(Number(url.searchParams.get('t')) + 86_400));
    expect(await fetch(longer).then((r) => r.status)).toBe(403);
    const otherFile = new URL(url.href.replace('a%20b.png', 'c.png'));
    localCloud.storage.write(`cases/${OPENID}/c.png`, PNG);
    expect(await fetch(otherFile).then((r) => r.status)).toBe(403);
    expect(await fetch(`${gw.url}/_storage/cases/${OPENID}/a%20b.png`).then((r) => r.status)).toBe(403);

    localCloud.clock.set(new Date(Date.now() + 61_000).toISOString());
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('URL_EXPIRED');
  });

  test('the open route (cloud:// in the preview) redirects to a fresh signed URL', async () => {
    localCloud.storage.write(`cases/${OPENID}/a.png`, PNG);
    const res = await fetch(`${gw.url}/_storage/open/cases/${OPENID}/a.png`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${gw.url}/_storage/cases/${OPENID}/a\\.png\\?t=\\d+&sign=[0-9a-f]{64}$`));
    expect(Buffer.from(await (await fetch(`${gw.url}/_storage/open/cases/${OPENID}/a.png`)).arrayBuffer())).toEqual(PNG);
    expect((await fetch(`${gw.url}/_storage/open/cases/${OPENID}/none.png`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${gw.url}/_storage/open/..%2f..%2fetc%2fpasswd`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${gw.url}/_storage/%E0%A4%A`)).status).toBe(400);
  });
});
