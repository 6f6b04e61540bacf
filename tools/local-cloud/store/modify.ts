// Update semantics: the operators run in mingo (Mongo semantics); we add the rules MongoDB enforces around them.
import { update as mingoUpdate } from './mingo';
import { isDate, isRegExp, type Doc } from '../ejson';
import { requestFailed } from './errors';

type MingoModifier = Parameters<typeof mingoUpdate>[1];

const SUPPORTED = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$pop', '$addToSet', '$currentDate', '$bit']);

export function isOperatorUpdate(data: Record<string, unknown>): boolean {
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Applies update operators to `doc` in place. */
export function applyOperators(doc: Doc, modifier: Record<string, unknown>): void {
  const keys = Object.keys(modifier);
  if (keys.some((k) => !k.startsWith('$'))) {
    if (keys.some((k) => k.startsWith('$'))) throw requestFailed('an update document cannot mix update operators and plain fields');
    throw requestFailed('an update document must contain update operators');
  }
  for (const k of keys) if (!SUPPORTED.has(k)) throw requestFailed(`Unknown modifier: ${k}`);
  const touched = new Set<string>();
  for (const op of keys) {
    for (const path of Object.keys(modifier[op] as object)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
      }
      const root = path.split('.')[0]!;
      if (touched.has(path)) throw requestFailed(`Updating the path '${path}' would create a conflict at '${root}'`);
      touched.add(path);
    }
  }
  try {
    mingoUpdate(doc, modifier as MingoModifier);
  } catch (e) {
    throw requestFailed((e as Error).message);
  }
  assertFieldNames(doc);
}

/**
 * MongoDB keeps `$` for operators: a stored field name may not begin with it. Checked on the document as it would be
 * stored, so a `$` name arriving through add, set, a plain update or an operator's value is refused alike.
 */
export function assertFieldNames(value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object' || isDate(value) || isRegExp(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertFieldNames(item, `${path}.${i}`));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) throw requestFailed(`The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`);
    assertFieldNames(child, at);
  }
}

/** A `set()` replacement keeps the document's _id. */
export function replacement(id: unknown, data: Record<string, unknown>): Doc {
  const out: Doc = { _id: id };
  for (const k of Object.keys(data)) if (k !== '_id') out[k] = data[k];
  return out;
}
