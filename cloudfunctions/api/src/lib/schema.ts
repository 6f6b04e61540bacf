// Payload schemas are zod; these helpers give every field a Chinese label so a citizen reads
// "标题不能超过 50 个字", not a type error. Objects are strict: an unknown field is refused, not ignored.
import * as z from 'zod';
import { zhCN } from 'zod/v4/locales';
import { charCount, normalizeText, textFlaw, textFlawMessage, visibleLength } from './text';

export { charCount, visibleLength };

// Only the Chinese locale: importing z.locales would bundle every language into the function.
z.config(zhCN());

export interface TextField {
  label: string;
  multiline: boolean;
  min: number;
  max: number;
}

/** Every free-text field of the contract, so tests can find them all by walking the schemas. */
export const TEXT_FIELDS = z.registry<TextField>();

export interface TextOptions {
  /** Minimum visible characters; 0 lets the field be left empty. Default 1. */
  min?: number;
  /** Line breaks and tabs allowed (letters, replies, notes, paragraphs); one-line fields refuse them. */
  multiline?: boolean;
}

/** The one builder of free-text fields: the rule of lib/text.ts, a Chinese message naming the field. */
export function text(label: string, max: number, opts: TextOptions = {}) {
  const min = opts.min ?? 1;
  const multiline = opts.multiline ?? false;
  const schema = z
    .string({ error: `${label}应为文字` })
    .overwrite((s) => normalizeText(s, multiline))
    .check((ctx) => {
      const flaw = textFlaw(ctx.value, multiline);
      if (flaw) ctx.issues.push({ code: 'custom', input: ctx.value, message: textFlawMessage(label, flaw, multiline), abort: true });
    })
    .refine((s) => visibleLength(s) >= min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => charCount(s) <= max, { message: `${label}不能超过 ${max} 个字` });
  schema.register(TEXT_FIELDS, { label, multiline, min, max });
  return schema;
}

export function id(label: string) {
  return z
    .string({ error: `${label}应为文字` })
    .min(1, `请选择${label}`)
    .max(64, `${label}格式不正确`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}格式不正确`);
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}不在可选范围内` });
}

export function int(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
}

export function bool(label: string) {
  return z.boolean({ error: `${label}应为是或否` });
}

/** An instant as ISO 8601 with a zone (UTC `Z` or an offset). */
export function instant(label: string) {
  return z.iso.datetime({ offset: true, error: `${label}不是有效的时间` });
}

/** The version a write was based on; a stale one gets CONFLICT. */
export const version = () => int('版本号', 0, Number.MAX_SAFE_INTEGER);

/** Cursor paging: at most 50 a page, an opaque cursor from the previous page. */
export const pageFields = {
  limit: int('每页条数', 1, 50).optional(),
  cursor: z.string({ error: '分页参数格式不正确' }).max(512, '分页参数格式不正确').optional(),
};

export const empty = () => z.strictObject({});

// Modules import zod as `import * as z from 'zod'`: a namespace only read by property lets esbuild drop what no
// schema uses (every other locale, JSON-schema conversion); re-exporting `z` from here would keep all of it.
