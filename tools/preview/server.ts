// The preview's HTTP server (127.0.0.1 only):
//   GET /                 the emulator console around a phone frame (console/)
//   GET /app.html         the mini program itself, as ?as=<identity>&page=<route>&query=<qs>&fontSize=<n>
//   GET /assets/<key>/... the build (immutable, cached by the browser)
//   GET /mp/<path>        static files of the mini program package (images, icons)
//   GET /vant-cdn/<name>  stand-ins for Vant's CDN pictures, so the preview works offline
//   GET /__preview/state  what the console needs: identities, pages, timer triggers, the gateway's URL
// Each page load checks the sources and rebuilds when they changed, so a browser reload shows an edit.
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import type { PreviewConfig, PreviewIdentity } from './shared/manifest';
import { ASSETS, buildPreview, type BuiltPreview } from './build';
import { MP_ROOT } from './paths';

export interface PreviewServerOptions {
  port?: number;
  gatewayUrl: string;
  identities: PreviewIdentity[];
  /** Timer triggers of the cloud functions (buttons in the console). */
  triggers?: string[];
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The URL of the mini program alone (no console) as a given identity, at a page. */
  appUrl(opts?: { identity?: string; page?: string; query?: Record<string, string> | string; fontSize?: number }): string;
  build(): Promise<BuiltPreview>;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  wxss: 'text/css; charset=utf-8',
};

const VANT_PLACEHOLDER = (name: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160"><title>${name} (stand-in)</title><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f2f3f5"/><stop offset="1" stop-color="#dcdee0"/></linearGradient></defs><ellipse cx="80" cy="138" rx="46" ry="6" fill="#ebedf0"/><rect x="44" y="40" width="72" height="84" rx="8" fill="url(#g)"/><rect x="56" y="58" width="48" height="6" rx="3" fill="#fff"/><rect x="56" y="74" width="36" height="6" rx="3" fill="#fff"/><rect x="56" y="90" width="42" height="6" rx="3" fill="#fff"/></svg>`;

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function appHtml(build: BuiltPreview, config: PreviewConfig): string {
  const asset = (name: string) => `<script src="/assets/${build.key}/${name}"></script>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=375, initial-scale=1">
<title>民声 · 小程序预览</title>
</head>
<body>
<script>window.__PREVIEW__ = ${scriptJson(config)}; window.__MANIFEST__ = ${scriptJson(build.manifest)};</script>
${asset('simulate.js')}
${asset('files.js')}
${asset('gwx.js')}
${asset('runtime.js')}
</body>
</html>`;
}

function consoleHtml(build: BuiltPreview): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>民声 · 本地预览</title>
<link rel="icon" href="data:,">
</head>
<body>
<script src="/assets/${build.key}/console.js"></script>
</body>
</html>`;
}

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const identities = opts.identities;
  if (identities.length === 0) throw new Error('the preview needs at least one identity');

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');

    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, 'text/html; charset=utf-8', consoleHtml(await buildPreview()));

    if (url.pathname === '/app.html') {
      const build = await buildPreview();
      const key = url.searchParams.get('as') ?? identities[0]!.key;
      const identity = identities.find((i) => i.key === key);
      if (!identity) return send(res, 400, 'text/plain; charset=utf-8', `unknown identity ${key}; known: ${identities.map((i) => i.key).join(', ')}`);
      const config: PreviewConfig = {
        gatewayUrl: opts.gatewayUrl,
        identity,
        identities,
        fontSizeSetting: Number(url.searchParams.get('fontSize')) || 16,
        startPage: (url.searchParams.get('page') ?? build.manifest.entryPage).replace(/^\/+/, ''),
        startQuery: url.searchParams.get('query') ?? '',
        assetBase: '',
      };
      return send(res, 200, 'text/html; charset=utf-8', appHtml(build, config), { 'cache-control': 'no-store' });
    }

    if (parts[0] === 'assets' && parts.length === 3) {
      const build = await buildPreview();
      const name = parts[2]!;
      if (parts[1] !== build.key || !(ASSETS as readonly string[]).includes(name)) return send(res, 404, 'text/plain', 'stale or unknown asset');
      const body = fs.readFileSync(path.join(build.dir, name));
      return send(res, 200, 'text/javascript; charset=utf-8', body, { 'cache-control': 'public, max-age=31536000, immutable' });
    }

    if (parts[0] === 'mp' && parts.length > 1) {
      const rel = parts.slice(1).join('/');
      const file = path.resolve(MP_ROOT, rel);
      const ext = path.extname(file).slice(1).toLowerCase();
      if (!file.startsWith(MP_ROOT + path.sep) || !STATIC_TYPES[ext] || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        return send(res, 404, 'text/plain', `no file miniprogram/${rel}`);
      }
      return send(res, 200, STATIC_TYPES[ext]!, fs.readFileSync(file));
    }

    if (parts[0] === 'vant-cdn' && parts.length === 2) return send(res, 200, 'image/svg+xml', VANT_PLACEHOLDER(parts[1]!));

    if (url.pathname === '/__preview/state') {
      const build = await buildPreview();
      const body = JSON.stringify({
        buildKey: build.key,
        gatewayUrl: opts.gatewayUrl,
        identities,
        pages: build.manifest.pages,
        entryPage: build.manifest.entryPage,
        triggers: opts.triggers ?? [],
      });
      return send(res, 200, 'application/json; charset=utf-8', body, { 'cache-control': 'no-store' });
    }

    if (url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
    return send(res, 404, 'text/plain', `no route for ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[preview] server error', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `预览构建失败 / preview build failed:\n${(error as Error)?.stack ?? String(error)}`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/`,
    port,
    appUrl: ({ identity, page, query, fontSize } = {}) => {
      const params = new URLSearchParams();
      if (identity) params.set('as', identity);
      if (page) params.set('page', page.replace(/^\/+/, ''));
      const qs = typeof query === 'string' ? query : query ? new URLSearchParams(query).toString() : '';
      if (qs) params.set('query', qs);
      if (fontSize) params.set('fontSize', String(fontSize));
      const s = params.toString();
      return `${base}/app.html${s ? `?${s}` : ''}`;
    },
    build: () => buildPreview(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
