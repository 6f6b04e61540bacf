// The contract's payload schemas, walked: where every free-text field is (so a new one cannot escape the hostile-text
// suite) and who may call each action (so generated input reaches validation).
import type { ActionName } from '../../typings/api';
import type { Role } from '../../typings/domain';
import { ACTIONS } from '../../cloudfunctions/api/src/actions';
import { TEXT_FIELDS, type TextField } from '../../cloudfunctions/api/src/lib/schema';
import { ACCESS } from '../../cloudfunctions/api/src/permissions';
import type { z } from 'zod';

export type PathSegment = string | number;

export interface TextSite {
  action: ActionName;
  /** Array elements are reached at index 0. */
  path: PathSegment[];
  field: TextField;
}

export const ACTION_NAMES = Object.keys(ACTIONS).sort() as ActionName[];

type Def = { type: string; [k: string]: unknown };
export const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch'];

/** The schema under optional/default/... wrappers and transforms: what the value itself must be. */
export function unwrapSchema(schema: unknown): z.ZodType {
  const def = defOf(schema);
  if (WRAPPERS.includes(def.type)) return unwrapSchema(def.innerType);
  if (def.type === 'pipe') return unwrapSchema(def.in);
  return schema as z.ZodType;
}

/** The field names of an object schema; [] for anything else. */
export function fieldNames(schema: z.ZodType): string[] {
  const def = defOf(unwrapSchema(schema));
  return def.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** The schema at a path (array elements at any index). */
export function schemaAt(schema: z.ZodType, path: PathSegment[]): z.ZodType {
  let node: unknown = schema;
  for (const seg of path) {
    const def = defOf(unwrapSchema(node));
    node = typeof seg === 'number' ? def.element : (def.shape as Record<string, unknown>)[seg];
  }
  return unwrapSchema(node);
}

/** Every registered text schema under `schema`, with its path. */
export function textSitesOf(schema: z.ZodType, path: PathSegment[] = []): Array<{ path: PathSegment[]; field: TextField }> {
  const field = TEXT_FIELDS.get(schema);
  if (field) return [{ path, field }];
  const def = defOf(schema);
  const walk = (s: unknown, p: PathSegment[]) => textSitesOf(s as z.ZodType, p);
  if (WRAPPERS.includes(def.type)) return walk(def.innerType, path);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, s]) => walk(s, [...path, k]));
    case 'array':
      return walk(def.element, [...path, 0]);
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'union':
      return (def.options as unknown[]).flatMap((s) => walk(s, path));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'record':
      return walk(def.valueType, [...path, 'key']);
    default:
      return [];
  }
}

export function textSites(): TextSite[] {
  return ACTION_NAMES.flatMap((action) => textSitesOf(ACTIONS[action].schema as z.ZodType).map((s) => ({ action, ...s })));
}

/** `value` placed at `path` in an otherwise empty payload. */
export function payloadWith(path: PathSegment[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      node[seg] = value;
      return;
    }
    const child: Record<string | number, unknown> = typeof path[i + 1] === 'number' ? ([] as unknown as Record<number, unknown>) : {};
    node[seg] = child;
    node = child;
  });
  return root;
}

/** Staff who may call an action, by the first role ACCESS names; citizens for the rest. */
export const ROLE_OPENID: Record<Role, string> = {
  dispatcher: 'o_role_dispatcher',
  handler: 'o_role_handler',
  supervisor: 'o_role_supervisor',
  editor: 'o_role_editor',
  admin: 'o_role_admin',
};
export const A_CITIZEN = 'o_role_citizen';

export function allowedCaller(action: ActionName): string {
  const access = ACCESS[action];
  return access.kind === 'roles' ? ROLE_OPENID[access.roles[0]!] : A_CITIZEN;
}
