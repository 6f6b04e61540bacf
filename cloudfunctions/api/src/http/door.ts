// The HTTP access door (云函数 HTTP 访问服务). A request from the web arrives as an API-gateway-like event
// { path, httpMethod, headers, queryStringParameters, body, isBase64Encoded }, with SOURCE `wx_http` and no WeChat
// identity, and the platform turns the answer { statusCode, headers, body } into the HTTP response. Like the timer
// door (docs/adr/0050), it is recognised by its source, never by its shape: a client's callFunction with an
// HTTP-shaped body is an ordinary request; and whatever an HTTP request says, it only ever reaches the read-only
// public feed, never the router (docs/adr/0123-open-data-feed-over-http.md).

/** The platform's SOURCE for an invocation through HTTP access. */
export const HTTP_SOURCE = 'wx_http';

export interface HttpRequest {
  path: string;
  method: string;
  query: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** Whether the platform says this invocation came through HTTP access: then it is answered by the feed, only. */
export function isHttpInvocation(source: { OPENID?: string | undefined; SOURCE?: string | undefined }): boolean {
  return !source.OPENID && source.SOURCE === HTTP_SOURCE;
}

/** The parts of the event the feed reads; anything not a string is left out. */
export function httpRequestOf(event: unknown): HttpRequest {
  const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
  const query: Record<string, string> = {};
  const raw = e.queryStringParameters;
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string') query[k] = v;
  }
  return {
    path: typeof e.path === 'string' ? e.path : '',
    method: typeof e.httpMethod === 'string' ? e.httpMethod.toUpperCase() : '',
    query,
  };
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // Open data: any web page may read it; nothing in it depends on who asks.
      'access-control-allow-origin': '*',
      ...(statusCode === 200 ? { 'cache-control': 'public, max-age=300' } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}
