import type { PolicyListItem } from '../../../../../typings/api';
import { policyFilter, type PolicyFilter } from '../../domain/policies/listing';
import { toListItem, type PolicyDoc } from '../../domain/policies/policy';
import { searchTokensFor, snippet, titleParts } from '../../domain/policies/search';
import { defineAction } from '../../lib/action';
import { _ } from '../../lib/db';
import { errors } from '../../lib/errors';
import { assertMayListPolicyStatus, seesUnpublished } from '../../permissions';
import { favoritesPage, findPolicies, listPolicyPage } from '../../repositories/policies';
import { titleThenTextPhases, type Phase } from '../../repositories/phased-page';
import type { Caller } from '../../lib/caller';
import { policyListSchema } from './schemas';

const DEFAULT_LIMIT = 20;

function whereOf(f: PolicyFilter, now: Date): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (f.categoryId) where.categoryId = f.categoryId;
  if (f.status) where.status = f.status;
  if (f.expires) where.expiresKey = f.expires === 'gt' ? _.gt(now.toISOString()) : _.lte(now.toISOString());
  return where;
}

async function favorites(caller: Caller, limit: number, cursor: string | undefined, now: Date) {
  if (!caller.openid) throw errors.unauthenticated();
  const page = await favoritesPage(caller.openid, limit, cursor);
  const docs = new Map((await findPolicies(page.docs.map((f) => f.policyId))).map((d) => [d._id, d]));
  const staff = seesUnpublished(caller);
  // A favourite of a policy withdrawn since is left out rather than shown as a dead link.
  const items = page.docs
    .map((f) => docs.get(f.policyId))
    .filter((d): d is PolicyDoc => !!d && (staff || d.status !== 'draft'))
    .map((d) => toListItem(d, now));
  return { items, nextCursor: page.nextCursor };
}

export const policyList = defineAction<'policy.list'>({
  schema: policyListSchema,
  async run(input, { caller, now }) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (input.favorites) {
      if (input.keyword !== undefined || input.categoryId !== undefined || input.status !== undefined) {
        throw errors.invalid('收藏列表不能同时按关键词、类别或状态筛选', { favorites: '收藏列表不能与其他筛选条件同时使用' });
      }
      return favorites(caller, limit, input.cursor, now);
    }
    assertMayListPolicyStatus(caller, input.status);
    const where = whereOf(policyFilter(seesUnpublished(caller), input.status, input.categoryId), now);
    const keyword = input.keyword;
    let phases: Phase[] = [{ where, key: 'listKey', dir: -1 }];
    if (keyword !== undefined) {
      const tokens = searchTokensFor(keyword);
      if (!tokens) return { items: [], nextCursor: null };
      phases = titleThenTextPhases(where, tokens, 'listKey', -1);
    }
    const page = await listPolicyPage(phases, limit, input.cursor);
    const items = page.docs.map((d): PolicyListItem => {
      const item = toListItem(d, now);
      if (keyword !== undefined) {
        item.titleParts = titleParts(d.title, keyword);
        item.snippet = snippet(d.paragraphs, keyword);
      }
      return item;
    });
    return { items, nextCursor: page.nextCursor };
  },
});
