// Public letters 公开信件: published cases, searchable by keyword and category, readable without signing in. They are
// answered from the letters collection only (scrubbed at publication), so no personal detail can leak from a case.
import type { PublicLetter, PublicLetterDetail } from '../../../../../typings/api';
import type { LetterDoc } from '../../domain/case-doc';
import { cosignId, isCosignable } from '../../domain/cosign';
import { highlight, queryTokens } from '../../domain/search-tokens';
import { defineAction } from '../../lib/action';
import { _, COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { listEvents } from '../../repositories/cases';
import { findCosign } from '../../repositories/cosigns';
import { findLetter } from '../../repositories/letters';
import { phasedPage } from '../../repositories/phased-page';
import { caseEnv, departmentName, typeLabel, type CaseEnv } from './env';
import { getPublicSchema, listPublicSchema } from './schemas';
import { timelineEntry } from './view';

function letterItem(l: LetterDoc, env: CaseEnv, keyword?: string): PublicLetter {
  const item: PublicLetter = {
    id: l._id,
    title: l.title,
    categoryId: l.categoryId,
    categoryName: env.catalog.categories.get(l.categoryId)?.name ?? '',
    typeLabel: typeLabel(env, l.type),
    submittedAt: l.submittedAt,
    repliedAt: l.repliedAt,
    cosignable: isCosignable(l),
    cosignCount: l.cosignCount ?? 0,
  };
  if (keyword) item.titleParts = highlight(l.title, keyword);
  return item;
}

export const caseListPublic = defineAction<'case.listPublic'>({
  schema: listPublicSchema,
  async run(input, { now }) {
    const keyword = input.keyword?.trim() || undefined;
    const tokens = keyword ? queryTokens(keyword) : [];
    const where: Record<string, unknown> = { visible: true };
    if (input.categoryId) where.categoryId = input.categoryId;
    if (tokens.length > 0) where.searchTokens = _.all(tokens);
    const [env, page] = await Promise.all([
      caseEnv(now),
      phasedPage<LetterDoc & Record<string, unknown>>({
        collection: COLLECTIONS.letters,
        phases: [{ where, key: 'listKey', dir: -1 }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
        omit: ['searchTokens'],
      }),
    ]);
    return { items: page.docs.map((d) => letterItem(d, env, keyword)), nextCursor: page.nextCursor };
  },
});

export const caseGetPublic = defineAction<'case.getPublic'>({
  schema: getPublicSchema,
  async run(input, { caller, now }) {
    const letter = await findLetter(input.id);
    if (!letter || !letter.visible) throw errors.notFound('公开信件');
    const [env, events, mine] = await Promise.all([
      caseEnv(now),
      listEvents(letter._id),
      caller.openid ? findCosign(cosignId(letter._id, caller.openid)) : Promise.resolve(null),
    ]);
    const detail: PublicLetterDetail = {
      ...letterItem(letter, env),
      content: letter.content,
      reply: letter.reply,
      // Public events only, and without their notes: the scrubbed reply above is the public text.
      timeline: events.filter((e) => e.visibility === 'public').map((e) => timelineEntry(e, env, false)),
      cosigned: mine !== null,
      cosignThreshold: env.settings.cosignThreshold,
    };
    const dept = departmentName(env, letter.departmentId);
    if (dept) detail.departmentName = dept;
    const r = letter.cosignResponse;
    if (r) {
      detail.cosignResponse = { content: r.content, at: r.at };
      const by = departmentName(env, r.departmentId);
      if (by) detail.cosignResponse.departmentName = by;
    }
    return detail;
  },
});
