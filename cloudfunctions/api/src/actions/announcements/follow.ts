import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { isFollowing, setFollowing } from '../../repositories/announcements';
import { loadCatalogMaps } from '../../repositories/catalog';
import { announcementFollowSchema } from './schemas';

/**
 * A citizen's subscription to a department's announcements: personal state, like a policy favourite, so it leaves no
 * audit event (docs/adr/0140-announcements.md). The wanted state is sent, so a retry or a double tap is harmless.
 */
export const announcementFollow = defineAction<'announcement.follow'>({
  schema: announcementFollowSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    if (input.following) {
      // Unfollowing is always allowed (the department may have been disabled since); following needs a live one.
      const department = (await loadCatalogMaps()).departments.get(input.departmentId);
      if (!department || department.disabled) throw errors.notFound('发布单位');
    }
    if ((await isFollowing(openid, input.departmentId)) !== input.following) await setFollowing(openid, input.departmentId, input.following, now.toISOString());
    return { departmentId: input.departmentId, following: input.following };
  },
});
