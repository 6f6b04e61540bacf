// Which category a title points to, from the keywords the agency keeps per category (meta.get): the citizen who
// writes "小区垃圾三天没人清运" is offered 环境卫生 instead of guessing. A suggestion only, never chosen for them.
// Pure: unit-tested.
import type { Category } from '../../typings/domain';

export interface Suggestion {
  id: string;
  name: string;
  /** The keywords of the title that led to it, for the hint ("标题提到：垃圾"). */
  matched: string[];
}

/**
 * The category whose keywords cover most of the title (a longer keyword is more specific, so it weighs its
 * length), among those that take `type` (all when no type is chosen yet); the catalog's order breaks ties. Null
 * when no keyword appears.
 */
export function suggestCategory(title: string, categories: readonly Category[], type = ''): Suggestion | null {
  const text = title.trim().toLowerCase();
  if (!text) return null;
  let best: Suggestion | null = null;
  let bestScore = 0;
  for (const c of categories) {
    if (type && !c.types.includes(type as Category['types'][number])) continue;
    const matched = (c.keywords ?? []).filter((k) => k && text.includes(k.toLowerCase()));
    // A keyword inside a longer matched one ("物业" in "物业费") adds nothing of its own.
    const own = matched.filter((k) => !matched.some((o) => o !== k && o.includes(k)));
    const score = own.reduce((sum, k) => sum + [...k].length, 0);
    if (score > bestScore) {
      best = { id: c.id, name: c.name, matched: own };
      bestScore = score;
    }
  }
  return best;
}
