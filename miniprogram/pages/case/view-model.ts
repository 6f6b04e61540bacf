// Case detail for the citizen as plain data: what the page shows, and the checks on the rating (its five levels:
// utils/case.ts) and supplement forms. No wx here: unit-tested.
import type { CaseFormLimits, CaseView } from '../../../typings/api';
import { caseBasics, timelineView, type CaseBasics, type TimelineView } from '../../utils/case';
import { formatDateTime } from '../../utils/time';
import { checkText } from '../../utils/validate';

/** As PRODUCT.md says: 不满意 or below, or "not solved", sends the case back once. */
export function reopens(score: number, solved: boolean): boolean {
  return score <= 2 || !solved;
}

export interface RatingForm {
  score: number;
  /** '' until chosen. */
  solved: '' | 'yes' | 'no';
  comment: string;
}

/** `limits`: the server's (meta.get formLimits.case); without them the length is left to the server. */
export function validateRating(form: RatingForm, limits: CaseFormLimits | undefined): Partial<Record<'score' | 'solved' | 'comment', string>> {
  const errors: Partial<Record<'score' | 'solved' | 'comment', string>> = {};
  if (!Number.isInteger(form.score) || form.score < 1 || form.score > 5) errors.score = '请选择您对答复的评价';
  if (!form.solved) errors.solved = '请选择问题是否已经解决';
  if (limits && form.comment.trim().length > limits.rateCommentMax) errors.comment = `评价说明最多 ${limits.rateCommentMax} 个字`;
  return errors;
}

export function validateSupplement(content: string, limits: CaseFormLimits | undefined): string {
  return checkText(content, '补充内容', limits ? limits.supplementMax : Infinity);
}

export interface CitizenCaseView extends CaseBasics {
  departmentName: string;
  extension: string;
  reply: null | { content: string; time: string; departmentName: string };
  rating: null | { label: string; solved: string; comment: string; time: string };
  reopened: boolean;
  contact: string;
  publishConsent: boolean;
  /** Statuses after which nothing more will happen: no subscribe offer. */
  final: boolean;
}

const FINAL = ['closed', 'rejected', 'withdrawn'];

export function citizenCaseView(c: CaseView, now: number = Date.now()): { view: CitizenCaseView; timeline: TimelineView[] } {
  const extension =
    c.extension && c.extension.status === 'approved'
      ? `答复期限已延长 ${c.extension.days} 个工作日：${c.extension.reason}`
      : '';
  return {
    view: {
      ...caseBasics(c, now),
      departmentName: c.departmentName ?? '',
      extension,
      reply: c.reply ? { content: c.reply.content, time: formatDateTime(c.reply.at, now), departmentName: c.reply.departmentName ?? '' } : null,
      rating: c.rating
        ? { label: c.rating.scoreLabel, solved: c.rating.solved ? '已解决' : '未解决', comment: c.rating.comment ?? '', time: formatDateTime(c.rating.at, now) }
        : null,
      reopened: c.reopenCount > 0,
      contact: [c.contactName, c.contactPhone].filter(Boolean).join(' '),
      publishConsent: c.publishConsent,
      final: FINAL.includes(c.status),
    },
    timeline: timelineView(c.timeline, now),
  };
}
