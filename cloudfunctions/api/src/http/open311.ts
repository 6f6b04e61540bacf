// The public open-data feed, in the shape of Open311 GeoReport v2 (read-only): services are the categories, requests
// are the published letters (scrubbed at publication: no name, phone, tracking number or OPENID), and statistics are
// stats.public's monthly figures. Documented with examples in docs/open-data.md.
//   GET .../open311/v2/services.json
//   GET .../open311/v2/requests.json?service_code=&status=&start_date=&end_date=&page_size=&cursor=
//   GET .../open311/v2/requests/<service_request_id>.json
//   GET .../open311/v2/statistics.json?month=2026-11           (an extension: figures per department per month)
import * as z from 'zod';
import { SHANGHAI_OFFSET_MS } from '../domain/calendar';
import type { LetterDoc } from '../domain/case-doc';
import { AppError } from '../lib/errors';
import { COLLECTIONS } from '../lib/db';
import { now } from '../lib/clock';
import { findLetter } from '../repositories/letters';
import { phasedPage } from '../repositories/phased-page';
import { caseEnv, departmentName, typeLabel, type CaseEnv } from '../actions/cases/env';
import { statsPublic } from '../actions/stats/public';
import type { PublicStatsRow } from '../../../../typings/api';
import { jsonResponse, type HttpRequest, type HttpResponse } from './door';

export const FEED_PREFIX = '/open311/v2/';
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;

/** An Open311 error body: a list of { code, description }. */
function failure(status: number, description: string): HttpResponse {
  return jsonResponse(status, [{ code: status, description }]);
}

/** W3C date-time in Beijing time, as GeoReport writes its datetimes: "2026-11-25T10:00:00+08:00". */
export function w3cShanghai(instant: string): string {
  return `${new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  /** Extensions: the letter's public title and its co-signs (附议). */
  title: string;
  cosign_count: number;
}

function requestOf(l: LetterDoc, env: CaseEnv): Open311Request {
  return {
    service_request_id: l._id,
    // A letter is published with its answer: the request is answered, so closed in GeoReport's two states.
    status: 'closed',
    status_notes: l.reply,
    service_name: env.catalog.categories.get(l.categoryId)?.name ?? '',
    service_code: l.categoryId,
    description: l.content,
    agency_responsible: departmentName(env, l.departmentId) ?? '',
    service_notice: typeLabel(env, l.type),
    requested_datetime: w3cShanghai(l.submittedAt),
    updated_datetime: w3cShanghai(l.repliedAt),
    title: l.title,
    cosign_count: l.cosignCount ?? 0,
  };
}

const requestsQuery = z.object({
  service_code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'service_code 格式不正确').optional(),
  status: z.enum(['open', 'closed'], { error: 'status 只能是 open 或 closed' }).optional(),
  start_date: z.iso.datetime({ offset: true, error: 'start_date 应为带时区的时间，如 2026-11-01T00:00:00+08:00' }).optional(),
  end_date: z.iso.datetime({ offset: true, error: 'end_date 应为带时区的时间，如 2026-12-01T00:00:00+08:00' }).optional(),
  page_size: z
    .string()
    .regex(/^\d{1,3}$/, `page_size 应为 1 到 ${PAGE_SIZE_MAX} 的整数`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= PAGE_SIZE_MAX, `page_size 应为 1 到 ${PAGE_SIZE_MAX} 的整数`)
    .optional(),
  cursor: z.string().max(512, 'cursor 格式不正确').optional(),
});

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求参数不正确';
}

async function services(): Promise<HttpResponse> {
  const env = await caseEnv(now());
  const list = [...env.catalog.categories.values()]
    .filter((c) => !c.disabled)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((c) => ({
      service_code: c._id,
      service_name: c.name,
      description: `受理：${c.types.map((t) => typeLabel(env, t)).join('、')}`,
      metadata: false,
      type: 'realtime',
      keywords: (c.keywords ?? []).join(','),
      group: departmentName(env, c.departmentId) ?? '',
    }));
  return jsonResponse(200, list);
}

async function requests(req: HttpRequest, selfPath: string): Promise<HttpResponse> {
  const parsed = requestsQuery.safeParse(req.query);
  if (!parsed.success) return failure(400, firstIssue(parsed.error));
  const q = parsed.data;
  // Every published letter is answered: nothing is open.
  if (q.status === 'open') return jsonResponse(200, []);
  const bounds: Array<['gte' | 'lt', string]> = [];
  if (q.start_date) bounds.push(['gte', new Date(q.start_date).toISOString()]);
  if (q.end_date) bounds.push(['lt', new Date(q.end_date).toISOString()]);
  const where: Record<string, unknown> = { visible: true };
  if (q.service_code) where.categoryId = q.service_code;
  const [env, page] = await Promise.all([
    caseEnv(now()),
    phasedPage<LetterDoc & Record<string, unknown>>({
      collection: COLLECTIONS.letters,
      phases: [{ where, key: 'listKey', dir: -1, bounds }],
      limit: q.page_size ?? PAGE_SIZE_DEFAULT,
      ...(q.cursor ? { cursor: q.cursor } : {}),
      omit: ['searchTokens'],
    }),
  ]);
  const headers: Record<string, string> = {};
  if (page.nextCursor) {
    const next = new URLSearchParams({ ...req.query, cursor: page.nextCursor });
    headers.link = `<${selfPath}?${next.toString()}>; rel="next"`;
    headers['x-next-cursor'] = page.nextCursor;
  }
  return jsonResponse(200, page.docs.map((d) => requestOf(d, env)), headers);
}

async function oneRequest(id: string): Promise<HttpResponse> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return failure(404, '没有这条公开信件');
  const [letter, env] = await Promise.all([findLetter(id), caseEnv(now())]);
  if (!letter || !letter.visible) return failure(404, '没有这条公开信件');
  return jsonResponse(200, [requestOf(letter, env)]);
}

function statsRowOf(r: PublicStatsRow) {
  return {
    agency_responsible: r.name,
    ...(r.departmentId ? { department_id: r.departmentId } : {}),
    received: r.received,
    answered: r.answered,
    on_time_rate: r.onTimeRate,
    satisfaction: r.satisfaction,
    published: r.published,
    ...(r.note ? { note: r.note } : {}),
  };
}

async function statistics(req: HttpRequest): Promise<HttpResponse> {
  const input = statsPublic.schema.safeParse(req.query.month === undefined ? {} : { month: req.query.month });
  if (!input.success) return failure(400, firstIssue(input.error));
  const s = await statsPublic.run(input.data, { caller: { openid: null, roles: [], isStaff: false }, now: now() });
  return jsonResponse(200, {
    month: s.month,
    month_label: s.monthLabel,
    explanation: s.explanation,
    overall: statsRowOf(s.overall),
    departments: s.departments.map(statsRowOf),
  });
}

/** Answers one HTTP request to the feed. Errors are Open311 error lists; nothing here writes. */
export async function handleOpenData(req: HttpRequest): Promise<HttpResponse> {
  try {
    if (req.method !== 'GET') return jsonResponse(405, [{ code: 405, description: '开放数据接口只读，仅支持 GET' }], { allow: 'GET' });
    const at = req.path.indexOf(FEED_PREFIX);
    const route = at >= 0 ? req.path.slice(at + FEED_PREFIX.length) : null;
    if (route === 'services.json') return await services();
    if (route === 'requests.json') return await requests(req, req.path);
    if (route === 'statistics.json') return await statistics(req);
    const one = route ? /^requests\/([^/]+)\.json$/.exec(route) : null;
    if (one) return await oneRequest(one[1]!);
    return failure(404, `没有这个开放数据接口：${req.path.slice(0, 100)}`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_ARGUMENT') return failure(400, error.message);
    console.error('[open data] unexpected error', error);
    return failure(500, '系统繁忙，请稍后再试');
  }
}
