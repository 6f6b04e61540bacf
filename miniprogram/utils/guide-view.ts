// The service guide's pages as plain data: an item's materials as a checklist the citizen ticks off (remembered on the
// phone per item), the offices' buttons, and the prefilled inquiry of 就此事项咨询. No wx here: unit-tested.
import type { GuideItem, GuideListItem, GuideMaterial } from '../../typings/api';

export interface MaterialRow {
  index: number;
  name: string;
  /** "原件 1 份 · 申请人自备" */
  detail: string;
  note: string;
  required: boolean;
  checked: boolean;
  ariaLabel: string;
}

/** Local storage key of one item's ticks; the ticks are material names, so an edited list keeps what still applies. */
export function checklistKey(itemId: string): string {
  return `guide-checklist:${itemId}`;
}

/** What storage held, kept only when it is a list of names. */
export function ticksOf(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
}

export function materialRows(materials: readonly GuideMaterial[], ticked: readonly string[]): MaterialRow[] {
  const on = new Set(ticked);
  return materials.map((m, index) => {
    const checked = on.has(m.name);
    const parts = [`${m.form}${m.copies > 0 ? ` ${m.copies} 份` : ''}`, m.required ? '必需' : '视情况提供'];
    if (m.source) parts.push(m.source);
    return {
      index,
      name: m.name,
      detail: parts.join(' · '),
      note: m.note ?? '',
      required: m.required,
      checked,
      ariaLabel: `${m.name}，${parts.join('，')}，${checked ? '已备齐' : '未备齐'}`,
    };
  });
}

/** The ticks after one material is tapped. */
export function toggleTick(ticked: readonly string[], name: string): string[] {
  return ticked.includes(name) ? ticked.filter((n) => n !== name) : [...ticked, name];
}

/** "必需材料已备齐 1/2 项" or "必需材料已全部备齐". */
export function checklistProgress(rows: readonly MaterialRow[]): { text: string; complete: boolean } {
  const required = rows.filter((r) => r.required);
  const done = required.filter((r) => r.checked).length;
  const complete = done === required.length;
  return { text: complete ? '必需材料已全部备齐' : `必需材料已备齐 ${done}/${required.length} 项`, complete };
}

/**
 * The prefilled inquiry about an item: linked to it, filed under its case category when it names one; the title cut
 * to the server's `titleMax` (meta.get limits) when known.
 */
export function guideInquiryUrl(item: Pick<GuideItem, 'id' | 'name' | 'caseCategoryId'>, titleMax: number | undefined): string {
  const title = `咨询：${item.name}`;
  const short = titleMax !== undefined && title.length > titleMax ? `${title.slice(0, titleMax - 1)}…` : title;
  const category = item.caseCategoryId ? `&categoryId=${encodeURIComponent(item.caseCategoryId)}` : '';
  return `/pages/submit/index?type=inquiry&guideItemId=${encodeURIComponent(item.id)}&title=${encodeURIComponent(short)}${category}`;
}

export function guideItemPath(id: string): string {
  return `/pages/guide-item/index?id=${encodeURIComponent(id)}`;
}

export interface GuideCardView {
  id: string;
  name: string;
  nameParts: Array<{ text: string; hit: boolean }>;
  meta: string;
  ariaLabel: string;
}

/** A row of the guide list: what it shows and nothing more (it goes to setData). */
export function guideCardView(item: GuideListItem): GuideCardView {
  const meta = `${item.categoryName} · ${item.authority} · ${item.timeLimitText}`;
  return { id: item.id, name: item.name, nameParts: item.nameParts ?? [{ text: item.name, hit: false }], meta, ariaLabel: `${item.name}，${meta}` };
}
