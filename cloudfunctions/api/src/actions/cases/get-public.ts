// case.getPublic: one public letter with its public timeline.
import type { PublicLetterDetail } from '../../../../../typings/api';
import { cosignId } from '../../domain/cosign';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { listEvents } from '../../repositories/cases';
import { findCosign } from '../../repositories/cosigns';
import { findLetter } from '../../repositories/letters';
import { caseEnv, departmentName } from './env';
import { getPublicSchema } from './schemas';
import { letterItem, timelineEntry } from './view';

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
