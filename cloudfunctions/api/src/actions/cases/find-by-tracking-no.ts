// case.findByTrackingNo: the case of a tracking number, for whoever may see it.
import { normalizeTrackingNo } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import { AppError } from '../../lib/errors';
import { caseActors } from '../../permissions';
import { findCaseByTrackingNo } from '../../repositories/cases';
import { findByTrackingNoSchema } from './schemas';

/**
 * "Where is my case": the case of a tracking number, for whoever may see it (the citizen who sent it, staff as
 * their role allows). Anyone else gets the same NOT_FOUND as for a number that does not exist.
 */
export const caseFindByTrackingNo = defineAction<'case.findByTrackingNo'>({
  schema: findByTrackingNoSchema,
  async run(input, { caller }) {
    // The schema has checked that it reads as a tracking number.
    const trackingNo = normalizeTrackingNo(input.trackingNo) ?? input.trackingNo;
    const doc = await findCaseByTrackingNo(trackingNo);
    if (!doc || caseActors(caller, doc).length === 0) throw new AppError('NOT_FOUND', `没有找到编号为 ${trackingNo} 的留言，请核对编号。`);
    return { id: doc._id, trackingNo };
  },
});
