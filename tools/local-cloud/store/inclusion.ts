// An inclusion projection of plain dot paths ({ day: true, 'depts.d1': true }) done by hand: the fields mingo's
// general projection gives, in the document's order as MongoDB returns them (mingo sorts them), without compiling a
// query and copying every document through it, which cost more than the reads it cut (a dashboard's day documents,
// a list's few fields). Anything else (operators, `$` paths, an array or a non-plain object on a path, a path inside
// another, values other than 1/true) is left to mingo: `null` says so.
import type { Doc } from '../ejson';

/** The projection as a tree of path segments: `true` at a kept field. */
type Tree = Map<string, Tree | true>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
const included = (v: unknown) => v === true || v === 1;

/** The tree of a plain inclusion projection (with `_id` unless it is excluded); null when it is not one. */
function inclusionTree(projection: Record<string, unknown>): Tree | null {
  const tree: Tree = new Map();
  let keepId = true;
  for (const [key, value] of Object.entries(projection)) {
    if (key === '_id') {
      if (value === false || value === 0) keepId = false;
      else if (!included(value)) return null;
      continue;
    }
    if (!included(value) || key.includes('$')) return null;
    const segments = key.split('.');
    if (segments.some((s) => s === '')) return null;
    let node = tree;
    for (let i = 0; i < segments.length; i++) {
      const at = node.get(segments[i]!);
      if (i === segments.length - 1) {
        if (at !== undefined) return null;
        node.set(segments[i]!, true);
      } else if (at === true) {
        return null;
      } else {
        const next: Tree = at ?? new Map();
        node.set(segments[i]!, next);
        node = next;
      }
    }
  }
  if (tree.size === 0) return null;
  if (keepId) tree.set('_id', true);
  return tree;
}

/** `src` cut to the tree, keys in `src`'s order; null when an array or a non-plain object stands on a path. */
function cut(src: Record<string, unknown>, tree: Tree): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src)) {
    const node = tree.get(key);
    const value = src[key];
    if (node === undefined || value === undefined) continue;
    if (node === true) {
      out[key] = value;
      continue;
    }
    if (Array.isArray(value) || (value !== null && typeof value === 'object' && !isPlainObject(value))) return null;
    if (!isPlainObject(value)) continue;
    const inner = cut(value, node);
    if (!inner) return null;
    out[key] = inner;
  }
  return out;
}

/** The documents cut to a plain inclusion projection, or null when mingo must do it. */
export function projectInclusion(docs: readonly Doc[], projection: Record<string, unknown>): Doc[] | null {
  const tree = inclusionTree(projection);
  if (!tree) return null;
  const out: Doc[] = [];
  for (const doc of docs) {
    const kept = cut(doc, tree);
    if (!kept) return null;
    out.push(kept);
  }
  return out;
}
