// The home page's one first-render call (docs/adr/0142-home-feed.md): open consultations, the latest announcements, the
// hot questions, the open surveys and the caller's unread messages, each answered as its own action answers it.
import { defineAction } from '../../lib/action';
import { empty } from '../../lib/schema';
import { unreadCount } from '../../repositories/messages';
import { announcementList } from '../announcements/list';
import { draftList } from '../drafts/list';
import { hotQuestions } from '../guide/hot';
import { openSurveys } from '../surveys/link';

const SHOWN = 3;

export const homeGet = defineAction<'home.get'>({
  schema: empty(),
  async run(_input, ctx) {
    const [drafts, announcements, hot, surveys, unread] = await Promise.all([
      draftList.run({ status: 'open', limit: SHOWN }, ctx),
      announcementList.run({ limit: SHOWN }, ctx),
      hotQuestions(),
      openSurveys(SHOWN, ctx.now),
      ctx.caller.openid ? unreadCount(ctx.caller.openid) : Promise.resolve(undefined),
    ]);
    return {
      openDrafts: drafts.items,
      announcements: announcements.items,
      hotQuestions: hot,
      openSurveys: surveys,
      ...(unread === undefined ? {} : { unreadMessages: unread }),
    };
  },
});
