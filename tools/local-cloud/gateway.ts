// The local cloud over HTTP, on 127.0.0.1 only: what the browser preview and black-box tests call.
//   POST /functions/<name>            body = callFunction's `data`, header x-wx-openid = the caller -> { result, errMsg, requestID }
//                                     (a client call, SOURCE wx_client, with or without the header)
//   GET|POST /http/<name>/<path>      the function's HTTP access (云函数 HTTP 访问服务): the request as the platform's
//                                     event { path, httpMethod, headers, queryStringParameters, body, isBase64Encoded },
//                                     SOURCE wx_http and no identity (x-wx-openid is ignored); the function's
//                                     { statusCode, headers, body } is the response (any other answer: 200 JSON)
//   POST /_storage/upload?cloudPath=  raw body, as wx.cloud.uploadFile  -> { fileID, statusCode, errMsg }; with an
//                                      x-wx-openid, only under <area>/<that openid>/ (4xx for bad paths, types, sizes)
//   GET  /_storage/<cloudPath>?t=&sign= a stored file at a signed temp URL (getTempFileURL's); 403 expired or forged
//   GET  /_storage/open/<cloudPath>    302 to a fresh temp URL: the mini program resolving a cloud:// fileID
//   GET|POST /_emulator/clock          { now, frozen? } sets the time functions see; { now: null } returns to real time
//   POST /_emulator/timers/<trigger>   runs a timer trigger from config.json now (SOURCE wx_trigger, no identity)
//   GET  /_emulator/outbox             recorded openapi calls (subscribe messages, content checks); DELETE clears it
//   POST /_emulator/msgsec             { risky: [...], review: [...] } words for security.msgSecCheck
//   POST /_emulator/faults             { kind: db|commit|openapi|storage, n } fails the Nth such operation from now;
//                                      GET: counts since the last DELETE, DELETE disarms and restarts the counts
//   POST /_emulator/reset              drops every document (for tests)
//   GET  /_emulator/health
import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import { CLIENT_SOURCE, HTTP_SOURCE, localCloud, localCloudInternals, type LocalCloudOptions } from './index';
import { yieldToEventLoopBetweenCalls } from './requester';
import { cloudPathProblem } from './storage';
import { loadFunctions, type LoadedFunction } from './functions';
import { FAULT_KINDS, isFaultKind } from './faults';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What the mini program uploads (images, documents); anything else is refused with 415. */
export const UPLOAD_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'application/octet-stream'];

export interface GatewayOptions {
  port?: number;
  /** How to open the local cloud once the port is known (getTempFileURL points at this gateway). */
  cloud?: LocalCloudOptions;
  /** Loaded functions; default: every function under cloudfunctions/. */
  functions?: Map<string, LoadedFunction>;
  /** Called when the local cloud should be emptied (POST /_emulator/reset); default localCloud.reset(). */
  onReset?: () => Promise<void> | void;
}

export interface Gateway {
  url: string;
  port: number;
  functions: Map<string, LoadedFunction>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'request body is not valid JSON');
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Only pages served from this machine may call it from a browser. */
function allowLocalOrigin(req: http.IncomingMessage, res: http.ServerResponse): void {
  const origin = req.headers.origin;
  if (origin && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-headers', 'content-type, x-wx-openid');
    res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  }
}

function openidOf(req: http.IncomingMessage): string | undefined {
  const raw = req.headers['x-wx-openid'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.trim() ? value.trim() : undefined;
}

function uploadPathOf(url: URL, openid: string | undefined): string {
  const cloudPath = url.searchParams.get('cloudPath');
  if (!cloudPath) throw new HttpError(400, 'INVALID_CLOUD_PATH', '缺少文件路径 cloudPath');
  const problem = cloudPathProblem(cloudPath);
  if (problem) throw new HttpError(400, 'INVALID_CLOUD_PATH', problem);
  // As the project's storage rule: a user writes only under their own folder, <area>/<openid>/...
  if (openid !== undefined && cloudPath.split('/')[1] !== openid) {
    throw new HttpError(403, 'PATH_NOT_OWNED', '只能上传到自己的目录（如 cases/<您的 OPENID>/...）');
  }
  return cloudPath;
}

function checkUploadType(req: http.IncomingMessage): void {
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!UPLOAD_CONTENT_TYPES.includes(type)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持上传此类型的文件（${type.slice(0, 80)}），仅支持图片、PDF 和文本`);
  }
}

/** Path segments, decoded; a malformed escape is the caller's mistake, not a crash. */
function segmentsOf(pathname: string): string[] {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new HttpError(400, 'BAD_PATH', '请求路径的编码不正确');
  }
}

function contentTypeOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase();
  const types: Record<string, string> = {
    png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
    pdf: 'application/pdf', txt: 'text/plain; charset=utf-8', json: 'application/json',
    doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8',
  };
  return (ext && types[ext]) || 'application/octet-stream';
}

/** The function's HTTP access: the request as the platform's event, the function's answer as the response. */
async function answerHttpAccess(fn: LoadedFunction, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const body = req.method === 'POST' ? (await readBody(req, MAX_BODY_BYTES)).toString('utf8') : '';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const event = {
    path: url.pathname.slice(`/http/${encodeURIComponent(fn.name)}`.length) || '/',
    httpMethod: req.method,
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body,
    isBase64Encoded: false,
  };
  // Whoever calls, and whatever header they send, an HTTP request carries no WeChat identity.
  const result = (await localCloud.invoke(fn.main, event, { SOURCE: HTTP_SOURCE })) as Record<string, unknown> | null;
  if (result && typeof result === 'object' && typeof result.statusCode === 'number') {
    const out = typeof result.body === 'string' ? Buffer.from(result.body, result.isBase64Encoded === true ? 'base64' : 'utf8') : Buffer.alloc(0);
    const given = (result.headers && typeof result.headers === 'object' ? result.headers : {}) as Record<string, unknown>;
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(given)) if (typeof v === 'string') outHeaders[k.toLowerCase()] = v;
    res.writeHead(result.statusCode, { ...outHeaders, 'content-length': out.length });
    res.end(out);
    return;
  }
  send(res, 200, result);
}

export async function startGateway(opts: GatewayOptions = {}): Promise<Gateway> {
  // Locally the data is rewritten behind the functions' back (seed, reset, the console): unless asked for, the
  // function keeps no warm-instance configuration cache (cloudfunctions/api/src/lib/warm-cache.ts).
  process.env.CONFIG_CACHE_TTL_MS ??= '0';
  const functions = opts.functions ?? loadFunctions();
  yieldToEventLoopBetweenCalls(true); // docs/adr/0055
  const triggerOwner = new Map<string, LoadedFunction>();
  for (const fn of functions.values()) for (const t of fn.triggers) triggerOwner.set(t.name, fn);

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const parts = segmentsOf(url.pathname);

    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }

    if (parts[0] === 'functions' && parts.length === 2 && method === 'POST') {
      const fn = functions.get(parts[1]!);
      if (!fn) throw new HttpError(404, 'FUNCTION_NOT_FOUND', `no cloud function named ${parts[1]}`);
      const data = await readJson(req);
      const requestID = crypto.randomUUID();
      try {
        // Whatever the body says, this is a mini program's wx.cloud.callFunction: a client call, never a trigger.
        const result = await localCloud.invoke(fn.main, data, { OPENID: openidOf(req), SOURCE: CLIENT_SOURCE });
        send(res, 200, { result, errMsg: 'cloud.callFunction:ok', requestID });
      } catch (error) {
        console.error(`[local cloud] function ${fn.name} threw`, error);
        send(res, 500, {
          errCode: -504002,
          errMsg: `cloud.callFunction:fail -504002 functions execute fail. ${(error as Error)?.message ?? error}`,
          requestID,
        });
      }
      return;
    }

    if (parts[0] === 'http' && parts.length >= 2 && (method === 'GET' || method === 'POST')) {
      const fn = functions.get(parts[1]!);
      if (!fn) throw new HttpError(404, 'FUNCTION_NOT_FOUND', `no cloud function named ${parts[1]}`);
      await answerHttpAccess(fn, req, res, url);
      return;
    }

    if (parts[0] === '_storage') {
      const storage = localCloudInternals.storageBackend;
      if (parts[1] === 'upload' && parts.length === 2 && method === 'POST') {
        const cloudPath = uploadPathOf(url, openidOf(req));
        checkUploadType(req);
        const body = await readBody(req, MAX_UPLOAD_BYTES);
        const fileID = storage.write(cloudPath, body);
        send(res, 200, { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
        return;
      }
      if (parts[1] === 'open' && parts.length >= 3 && method === 'GET') {
        const cloudPath = parts.slice(2).join('/');
        if (cloudPathProblem(cloudPath) || !storage.exists(cloudPath)) throw new HttpError(404, 'FILE_NOT_FOUND', `no stored file ${cloudPath}`);
        res.writeHead(302, { location: storage.tempUrlOf(cloudPath) });
        res.end();
        return;
      }
      if (method === 'GET' && parts.length >= 2) {
        const cloudPath = parts.slice(1).join('/');
        if (cloudPathProblem(cloudPath)) throw new HttpError(404, 'FILE_NOT_FOUND', `no stored file ${cloudPath}`);
        const check = storage.checkTempUrl(cloudPath, url.searchParams.get('t'), url.searchParams.get('sign'));
        if (check === 'expired') throw new HttpError(403, 'URL_EXPIRED', '临时链接已过期，请重新获取');
        if (check !== 'ok') throw new HttpError(403, 'SIGNATURE_INVALID', '临时链接的签名无效');
        const content = storage.read(cloudPath);
        if (!content) throw new HttpError(404, 'FILE_NOT_FOUND', `no stored file ${cloudPath}`);
        res.writeHead(200, { 'content-type': contentTypeOf(cloudPath), 'content-length': content.length });
        res.end(content);
        return;
      }
    }

    if (parts[0] === '_emulator') {
      const what = parts[1];
      if (what === 'health' && method === 'GET') {
        send(res, 200, { ok: true, functions: [...functions.keys()], now: localCloud.clock.now().toISOString() });
        return;
      }
      if (what === 'clock' && method === 'GET') {
        send(res, 200, { now: localCloud.clock.now().toISOString() });
        return;
      }
      if (what === 'clock' && method === 'POST') {
        const body = (await readJson(req)) as { now?: unknown; frozen?: unknown };
        if (body.now !== null && (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now)))) {
          throw new HttpError(400, 'BAD_REQUEST', 'now must be an ISO 8601 instant or null');
        }
        localCloud.clock.set(body.now, { frozen: body.frozen === true });
        send(res, 200, { now: localCloud.clock.now().toISOString() });
        return;
      }
      if (what === 'timers' && parts.length === 3 && method === 'POST') {
        const trigger = parts[2]!;
        const fn = triggerOwner.get(trigger);
        if (!fn) throw new HttpError(404, 'TRIGGER_NOT_FOUND', `no timer trigger named ${trigger}`);
        const result = await localCloud.fireTimer(fn.main, trigger);
        send(res, 200, { function: fn.name, trigger, result });
        return;
      }
      if (what === 'outbox' && method === 'GET') {
        send(res, 200, { calls: localCloud.openapi.calls });
        return;
      }
      if (what === 'outbox' && method === 'DELETE') {
        localCloud.openapi.clear();
        send(res, 200, { ok: true });
        return;
      }
      if (what === 'msgsec' && method === 'POST') {
        const body = (await readJson(req)) as { risky?: unknown; review?: unknown };
        const words = (v: unknown) => (Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string' && w.length > 0) : []);
        localCloud.openapi.setMsgSecWords({ risky: words(body.risky), review: words(body.review) });
        send(res, 200, { ok: true });
        return;
      }
      if (what === 'faults' && method === 'POST') {
        const body = (await readJson(req)) as { kind?: unknown; n?: unknown };
        if (!isFaultKind(body.kind)) throw new HttpError(400, 'BAD_REQUEST', `kind must be one of ${FAULT_KINDS.join(', ')}`);
        if (typeof body.n !== 'number' || !Number.isInteger(body.n) || body.n < 1) throw new HttpError(400, 'BAD_REQUEST', 'n must be an integer >= 1');
        localCloud.faults.failNth({ kind: body.kind, n: body.n });
        send(res, 200, { ok: true, counts: localCloud.faults.counts() });
        return;
      }
      if (what === 'faults' && (method === 'GET' || method === 'DELETE')) {
        if (method === 'DELETE') localCloud.faults.clear();
        send(res, 200, { counts: localCloud.faults.counts(), fired: localCloud.faults.fired });
        return;
      }
      if (what === 'reset' && method === 'POST') {
        await (opts.onReset ?? (() => localCloud.reset()))();
        send(res, 200, { ok: true });
        return;
      }
    }

    throw new HttpError(404, 'NOT_FOUND', `no route for ${method} ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    allowLocalOrigin(req, res);
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      req.resume(); // a refused upload's body is drained, so the answer reaches the client
      if (error instanceof HttpError) return send(res, error.status, { error: { code: error.code, message: error.message } });
      console.error('[local cloud] gateway error', error);
      send(res, 500, { error: { code: 'INTERNAL', message: String((error as Error)?.message ?? error) } });
    });
  });

  // Clients keep connections open between calls (wx.cloud, the preview, the load bench). With Node's 5 s default the
  // server closed sockets that had sat idle through a stall just as a client reused them: "socket hang up" errors.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  localCloud.configure({ ...opts.cloud, tempUrlBase: `${url}/_storage` });

  return {
    url,
    port,
    functions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
