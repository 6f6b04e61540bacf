// Subscribe messages: our message fields, mapped to a template's keywords (thing1, phrase2, time3 …) by settings, and
// cut to WeChat's value rules, which refuse a whole message for one value too long (errCode 47003).
import { shanghaiDateTime, shanghaiDay } from './calendar';

/** What a message can say; a template maps the ones it shows to its keywords. */
export interface MessageFields {
  title?: string;
  status?: string;
  time?: string;
  note?: string;
  trackingNo?: string;
  department?: string;
  due?: string;
}

export const MESSAGE_FIELDS = ['title', 'status', 'time', 'note', 'trackingNo', 'department', 'due'] as const;

export const KEYWORD_RE = /^(thing|phrase|time|date|character_string|number|letter|symbol|name|amount|phone_number|car_number)\d{1,2}$/;

export type SubscribeData = Record<string, { value: string }>;

function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

function isInstant(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(v) && Number.isFinite(Date.parse(v));
}

/** One value in the form its keyword type accepts. */
export function formatValue(type: string, raw: string, limits: Record<string, number>): string {
  const max = limits[type] ?? 20;
  switch (type) {
    case 'time':
      return isInstant(raw) ? shanghaiDateTime(raw) : raw;
    case 'date':
      return isInstant(raw) ? shanghaiDay(raw) : raw;
    case 'phrase':
      // Only Chinese characters are allowed in a phrase.
      return cut(raw.replace(/[^\u4e00-\u9fff]/g, ''), max) || '更新';
    case 'character_string':
    case 'letter':
    case 'symbol':
      return cut(raw.replace(/[^\x21-\x7e]/g, ''), max) || '-';
    case 'number':
    case 'amount':
      return cut(raw.replace(/[^\d.]/g, ''), max) || '0';
    default:
      return cut(raw.replace(/\s+/g, ' ').trim(), max) || '无';
  }
}

/** The `data` of subscribeMessage.send for a template's field mapping (our field -> keyword). */
export function buildSubscribeData(fields: MessageFields, mapping: Record<string, string>, limits: Record<string, number>): SubscribeData {
  const data: SubscribeData = {};
  for (const [field, keyword] of Object.entries(mapping)) {
    const type = keyword.replace(/\d+$/, '');
    data[keyword] = { value: formatValue(type, fields[field as keyof MessageFields] ?? '', limits) };
  }
  return data;
}
