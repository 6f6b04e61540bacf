// The order of the home page's hot questions as the editor moves them: pure, unit-tested.
import type { HotQuestion } from '../../../typings/api';

/** Orders are spaced by ten, so one question moves between two others without renumbering the rest. */
export const ORDER_STEP = 10;
export const ORDER_MAX = 999;

/** The order a new pin takes: after the last one. */
export function nextOrder(pinned: readonly HotQuestion[]): number {
  const last = pinned.reduce((max, q) => Math.max(max, q.order), 0);
  return Math.min(ORDER_MAX, last + ORDER_STEP);
}

/** The order that puts question `index` one place up (-1) or down (+1), or null when it cannot move that way. */
export function movedOrder(pinned: readonly HotQuestion[], index: number, by: -1 | 1): number | null {
  const target = index + by;
  if (target < 0 || target >= pinned.length) return null;
  const beyond = pinned[target + by];
  const neighbour = pinned[target]!.order;
  const other = beyond ? beyond.order : by < 0 ? 0 : neighbour + 2 * ORDER_STEP;
  const order = Math.floor((neighbour + other) / 2);
  // No whole number left between the two: swap with the neighbour's order instead (one more move evens it out).
  if (order === neighbour || order === other || order < 1 || order > ORDER_MAX) return by < 0 ? Math.max(1, neighbour - 1) : Math.min(ORDER_MAX, neighbour + 1);
  return order;
}
