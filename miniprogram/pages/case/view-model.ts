// Case detail for the citizen as plain data: what the page shows, the five rating levels, and the checks on the
// rating and supplement forms. No wx here: unit-tested.
import type { CaseView } from '../../../typings/api';
import { timelineView, type TimelineView } from '../../utils/case';
import { formatDateTime } from '../../utils/time';
import { checkText } from '../../utils/validate';

export type Score = 1 | 2 | 3 | 4 | 5;

export const RATING_OPTIONS: ReadonlyArray<{ score: Score; label: string }> = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
];

export function ratingLabel(score: number): string {
  return RATING_OPTIONS.find((o) => o.score === score)?.label ?? '';
}

/** As PRODUCT.md says: 不满意 or below, or "not solved", sends the case back once. */
export function reopens(score: number, solved: boolean): boolean {
  return score <= 2 || !solved;
}

export const COMMENT_MAX = 500;
export const SUPPLEMENT_MAX = 2000;

export interface RatingForm {
  score: number;
  /** '' until chosen. */
  solved: '' | 'yes' | 'no';
  comment: string;
}

export function validateRating(form: RatingForm): Partial<Record<'score' | 'solved' | 'comment', string>> {
  const errors: Partial<Record<'score' | 'solved' | 'comment', string>> = {};
  if (!RATING_OPTIONS.some((o) => o.score === form.score)) errors.score = '请选择您对答复的评价';
  if (!form.solved) errors.solved = '请选择问题是否已经解决';
  if (form.comment.trim().length > COMMENT_MAX) errors.comment = `评价说明最多 ${COMMENT_MAX} 个字`;
  return errors;
}

export function validateSupplement(content: string): string {
  return checkText(content, '补充内容', SUPPLEMENT_MAX);
}

export interface CitizenCaseView {
  id: string;
  trackingNo: string;
  title: string;
  content: string;
  typeLabel: string;
  categoryName: string;
  departmentName: string;
  status: string;
  statusLabel: string;
  acceptDueAt: string;
  answerDueAt: string;
  late: boolean;
  dueText: string;
  submittedAt: string;
  images: string[];
  question: string;
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
      id: c.id,
      trackingNo: c.trackingNo,
      title: c.title,
      content: c.content,
      typeLabel: c.typeLabel,
      categoryName: c.categoryName,
      departmentName: c.departmentName ?? '',
      status: c.status,
      statusLabel: c.statusLabel,
      acceptDueAt: c.acceptDueAt,
      answerDueAt: c.answerDueAt ?? '',
      late: c.late,
      dueText: c.dueText,
      submittedAt: formatDateTime(c.submittedAt, now),
      images: c.images.map((i) => i.url).filter((u): u is string => Boolean(u)),
      question: c.status === 'needs_info' ? (c.question ?? '') : '',
      extension,
      reply: c.reply ? { content: c.reply.content, time: formatDateTime(c.reply.at, now), departmentName: c.reply.departmentName ?? '' } : null,
      rating: c.rating
        ? { label: ratingLabel(c.rating.score), solved: c.rating.solved ? '已解决' : '未解决', comment: c.rating.comment ?? '', time: formatDateTime(c.rating.at, now) }
        : null,
      reopened: c.reopenCount > 0,
      contact: [c.contactName, c.contactPhone].filter(Boolean).join(' '),
      publishConsent: c.publishConsent,
      final: FINAL.includes(c.status),
    },
    timeline: timelineView(c.timeline, now),
  };
}
