// The staff queue's filters as plain data: what each asks `case.queue` for and how its count reads. No wx here.
import type { LabelOption, QueueFilterCounts, RequestOf } from '../../../typings/api';
import type { CaseStatus } from '../../../typings/domain';
import { PAGE_SIZE } from '../../utils/list';

export type QueueFilterKey = keyof QueueFilterCounts;

/** The filters the server offers (meta.get vocabulary.queueFilters), in chip order. */
export type QueueFilters = ReadonlyArray<LabelOption<QueueFilterKey>>;

/** "Due within a day" as the server measures it. */
export const DUE_SOON_HOURS = 24;

const STATUS_FILTERS: readonly QueueFilterKey[] = ['submitted', 'accepted', 'processing', 'needs_info', 'replied'];

/** Every filter the queue knows; a record, so a filter added to the contract without a key here fails tsc. */
const FILTER_KEYS: Readonly<Record<QueueFilterKey, true>> = {
  all: true,
  submitted: true,
  accepted: true,
  processing: true,
  needs_info: true,
  replied: true,
  overdue: true,
  dueSoon: true,
  awaitingReview: true,
  flagged: true,
  cosignAwaiting: true,
};

export function filterOf(key: unknown): QueueFilterKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(FILTER_KEYS, key) ? (key as QueueFilterKey) : 'all';
}

export function queueRequest(filter: QueueFilterKey, departmentId: string, cursor: string | null, limit = PAGE_SIZE): RequestOf<'case.queue'> {
  const req: RequestOf<'case.queue'> = { limit };
  if (STATUS_FILTERS.includes(filter)) req.status = filter as CaseStatus;
  else if (filter === 'overdue') req.overdue = true;
  else if (filter === 'dueSoon') req.dueWithinHours = DUE_SOON_HOURS;
  else if (filter === 'awaitingReview') req.awaitingReview = true;
  else if (filter === 'flagged') req.flagged = true;
  else if (filter === 'cosignAwaiting') req.cosignAwaiting = true;
  if (departmentId) req.departmentId = departmentId;
  if (cursor) req.cursor = cursor;
  return req;
}

export interface FilterChip {
  key: QueueFilterKey;
  label: string;
  count: number | null;
  /** "待受理 12"; the count is part of what is read out. */
  text: string;
}

export function filterChips(filters: QueueFilters, counts: QueueFilterCounts | null): FilterChip[] {
  return filters.map((f) => {
    const count = counts ? (counts[f.key] ?? 0) : null;
    return { key: f.key, label: f.label, count, text: count === null ? f.label : `${f.label} ${count}` };
  });
}

export function departmentOptions(departments: ReadonlyArray<{ id: string; name: string }>): Array<{ id: string; name: string }> {
  return [{ id: '', name: '全部部门' }, ...departments.map((d) => ({ id: d.id, name: d.name }))];
}
