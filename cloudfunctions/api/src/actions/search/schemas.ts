import * as z from 'zod';
import { int, oneOf, pageFields, text } from '../../lib/schema';

export const SEARCH_LIMITS = { queryMax: 50, firstPage: 3, page: 10 } as const;

export const searchQuerySchema = z
  .strictObject({
    q: text('搜索内容', SEARCH_LIMITS.queryMax),
    kind: oneOf('搜索范围', ['policy', 'guide', 'draft', 'announcement', 'letter']).optional(),
    limit: int('每页条数', 1, 20).optional(),
    cursor: pageFields.cursor,
  })
  .refine((v) => v.cursor === undefined || v.kind !== undefined, { message: '查看更多时需要指明搜索范围', path: ['kind'] });
