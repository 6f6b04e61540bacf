// 公开信件 as plain data: list rows with the keyword highlighted in the title, and the detail page. No wx here.
import type { PublicLetter, PublicLetterDetail } from '../../../typings/api';
import { timelineView, type TimelineView } from '../../utils/case';
import { formatDate, formatDateTime } from '../../utils/time';

export interface TitlePart {
  text: string;
  hit: boolean;
}

/** Splits `title` around every occurrence of `keyword` (case-insensitive); the server's own runs win when sent. */
export function highlightParts(title: string, keyword: string): TitlePart[] {
  const k = keyword.trim();
  if (!k) return [{ text: title, hit: false }];
  const parts: TitlePart[] = [];
  const lower = title.toLowerCase();
  const needle = k.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
    if (i > at) parts.push({ text: title.slice(at, i), hit: false });
    parts.push({ text: title.slice(i, i + k.length), hit: true });
    at = i + k.length;
  }
  if (at < title.length) parts.push({ text: title.slice(at), hit: false });
  return parts;
}

export interface LetterCard {
  id: string;
  title: string;
  parts: TitlePart[];
  category: string;
  typeLabel: string;
  replied: string;
  /** "附议 12" on suggestions; '' on letters that cannot be co-signed. */
  cosign: string;
}

export function letterCard(letter: PublicLetter, keyword: string, now: number = Date.now()): LetterCard {
  return {
    id: letter.id,
    title: letter.title,
    parts: letter.titleParts?.length ? letter.titleParts : highlightParts(letter.title, keyword),
    category: letter.categoryName,
    typeLabel: letter.typeLabel,
    replied: formatDate(letter.repliedAt, now),
    cosign: letter.cosignable ? `附议 ${letter.cosignCount}` : '',
  };
}

export interface LetterDetailView {
  title: string;
  category: string;
  typeLabel: string;
  submitted: string;
  replied: string;
  content: string;
  reply: string;
  departmentName: string;
  timeline: TimelineView[];
  cosign: LetterCosignView;
}

/** The 附议 part of a letter page: the button, the count, and the agency's response once published. */
export interface LetterCosignView {
  cosignable: boolean;
  cosigned: boolean;
  count: number;
  /** "已有 12 人附议，达到 100 人后承办单位将公开回应" */
  text: string;
  response: { content: string; by: string; at: string } | null;
}

export function letterCosign(
  letter: Pick<PublicLetterDetail, 'cosignable' | 'cosignCount' | 'cosigned' | 'cosignThreshold' | 'cosignResponse'>,
  now: number = Date.now(),
): LetterCosignView {
  const n = letter.cosignCount;
  const reached = n >= letter.cosignThreshold;
  const text = letter.cosignResponse || reached ? `已有 ${n} 人附议` : `已有 ${n} 人附议，达到 ${letter.cosignThreshold} 人后承办单位将公开回应`;
  const r = letter.cosignResponse;
  return {
    cosignable: letter.cosignable,
    cosigned: letter.cosigned,
    count: n,
    text,
    response: r ? { content: r.content, by: r.departmentName ?? '承办单位', at: formatDateTime(r.at, now) } : null,
  };
}

export function letterDetail(letter: PublicLetterDetail, now: number = Date.now()): LetterDetailView {
  return {
    title: letter.title,
    category: letter.categoryName,
    typeLabel: letter.typeLabel,
    submitted: formatDateTime(letter.submittedAt, now),
    replied: formatDateTime(letter.repliedAt, now),
    content: letter.content,
    reply: letter.reply,
    departmentName: letter.departmentName ?? '',
    timeline: timelineView(letter.timeline, now),
    cosign: letterCosign(letter, now),
  };
}

export interface CategoryChip {
  id: string;
  name: string;
}

/** "全部" first, then the categories meta.get lists. */
export function categoryChips(categories: ReadonlyArray<{ id: string; name: string }>): CategoryChip[] {
  return [{ id: '', name: '全部' }, ...categories.map((c) => ({ id: c.id, name: c.name }))];
}
