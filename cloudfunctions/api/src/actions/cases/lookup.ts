// Progress lookup 进度查询 by tracking number and the last 4 digits of the phone given at submit: status and promised
// dates only. Every wrong pair answers the same NOT_FOUND; failures are counted per caller and per tracking number
// for the day, and past the limits even a right pair waits until tomorrow, so 10,000 guesses cannot be made.
// docs/adr/0086-progress-lookup.md.
import type { LookupResult } from '../../../../../typings/api';
import type { CaseDoc } from '../../domain/case-doc';
import { STATUS_LABELS } from '../../domain/case-labels';
import { dueText } from '../../domain/deadlines';
import { matchesPhoneTail } from '../../domain/phone-tail';
import { trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import { COLLECTIONS, db } from '../../lib/db';
import { errors } from '../../lib/errors';
import { bumpCounter, readCounter } from '../../repositories/counters';
import { caseEnv, departmentName } from './env';
import { lookupSchema } from './schemas';

/** Failed lookups a caller may make in a day, and failures one tracking number may take in a day. */
export const LOOKUP_FAILURES_PER_CALLER = 10;
export const LOOKUP_FAILURES_PER_NUMBER = 5;

export const lookupCallerKey = (openid: string, day: string): string => `lookup_caller_${openid}_${day}`;
export const lookupNumberKey = (trackingNo: string, day: string): string => `lookup_no_${trackingNo}_${day}`;

const notFound = () => errors.notFound('该受理编号或手机号后四位不匹配，诉求');
const limited = () => errors.rateLimited('查询失败次数过多，请明天再试，或拨打 12345 热线查询。');

async function findByTrackingNo(trackingNo: string): Promise<CaseDoc | null> {
  const { data } = await db.collection(COLLECTIONS.cases).where({ trackingNo }).limit(1).get();
  return (data[0] as CaseDoc | undefined) ?? null;
}

export const caseLookup = defineAction<'case.lookup'>({
  schema: lookupSchema,
  async run(input, { caller, now }) {
    const day = trackingDay(now);
    const callerKey = lookupCallerKey(caller.openid!, day);
    const numberKey = lookupNumberKey(input.trackingNo, day);
    const [byCaller, byNumber] = await Promise.all([readCounter(callerKey), readCounter(numberKey)]);
    if (byCaller >= LOOKUP_FAILURES_PER_CALLER || byNumber >= LOOKUP_FAILURES_PER_NUMBER) throw limited();
    const doc = await findByTrackingNo(input.trackingNo);
    if (!doc || !matchesPhoneTail(doc, input.phoneLast4)) {
      await Promise.all([bumpCounter(callerKey), bumpCounter(numberKey)]);
      throw notFound();
    }
    const env = await caseEnv(now);
    const out: LookupResult = {
      trackingNo: doc.trackingNo,
      status: doc.status,
      statusLabel: STATUS_LABELS[doc.status],
      submittedAt: doc.submittedAt,
      acceptDueAt: doc.acceptDueAt,
      dueText: dueText(doc, env.now, env.cal),
    };
    if (doc.answerDueAt) out.answerDueAt = doc.answerDueAt;
    const dept = departmentName(env, doc.departmentId);
    if (dept) out.departmentName = dept;
    return out;
  },
});
