import type { z } from 'zod';
import { AppError } from './errors';

/** Parses a payload or throws INVALID_ARGUMENT with one Chinese message per field. Nothing is changed on failure. */
export function validate<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const base = issue.path.join('.');
      for (const key of issue.keys) fields[base ? `${base}.${key}` : key] = `不支持的字段：${key}`;
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = Object.values(fields)[0] ?? '提交的内容格式不正确';
  return fail(first, fields);
}

function fail(first: string, fields: Record<string, string>): never {
  throw new AppError('INVALID_ARGUMENT', `提交的内容有误：${first}`, fields);
}
