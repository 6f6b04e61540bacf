// The geo query operators as mingo query operators. `$near`/`$nearSphere` only filter by distance here: the store
// sorts by distance where MongoDB allows them (top level of a find, with a geo index).
import { byDistance, geoIntersectsTest, geoWithinTest, nearClauseOf } from './geo';

type AnyObject = Record<string, unknown>;
type Resolve = (o: AnyObject, selector: string, opts: { unwrapArray: boolean }) => unknown;
type Operator = (selector: string, value: unknown) => (o: AnyObject) => boolean;

export function geoQueryOperators(resolve: Resolve): Record<string, Operator> {
  const on =
    (test: (value: unknown) => boolean) =>
    (selector: string) =>
    (o: AnyObject): boolean =>
      test(resolve(o, selector, { unwrapArray: false }));
  const near = (op: string): Operator => (selector, value) => {
    const clause = nearClauseOf({ [selector]: { [op]: value } })!;
    return on((v) => byDistance([v], (x) => x, clause).length === 1)(selector);
  };
  return {
    $geoWithin: (selector, value) => on(geoWithinTest(value))(selector),
    $geoIntersects: (selector, value) => on(geoIntersectsTest(value))(selector),
    $near: near('$near'),
    $nearSphere: near('$nearSphere'),
  };
}
