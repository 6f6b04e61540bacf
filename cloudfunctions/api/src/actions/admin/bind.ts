// staff.bind: a colleague binds their WeChat account with an invite code; wrong codes are counted per person per day.
import { trackingDay } from '../../domain/tracking';
import { parseInviteCode, secretMatches } from '../../domain/invite-code';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { bumpCounter, readCounter } from '../../repositories/counters';
import { bindInvite, findInvite } from '../../repositories/invites';
import { bindSchema } from './schemas';

/** Wrong codes allowed per person per day: enough for typos, too few to guess a 50-bit secret. */
const BIND_ATTEMPTS_PER_DAY = 10;

export const staffBind = defineAction<'staff.bind'>({
  schema: bindSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    const failKey = `bindfail_${openid}_${trackingDay(now)}`;
    if ((await readCounter(failKey)) >= BIND_ATTEMPTS_PER_DAY) throw errors.rateLimited('邀请码错误次数过多，请明天再试或联系管理员。');
    const parsed = parseInviteCode(input.code);
    const invite = parsed ? await findInvite(parsed.inviteId) : null;
    if (!parsed || !invite || !secretMatches(invite.salt, parsed.secret, invite.hash)) {
      await bumpCounter(failKey);
      throw errors.invalid('邀请码不正确，请核对后重新输入。', { code: '邀请码不正确' });
    }
    return bindInvite(invite._id, openid, input.displayName, now.toISOString());
  },
});
