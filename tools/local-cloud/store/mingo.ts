// mingo with the operators where it departs from MongoDB replaced by ours (checked against MongoDB's manual). Every
// Query, Aggregator and update of the local cloud goes through here, so the whole emulator sees the same semantics.
import { Context, type Aggregator as MingoAggregator, type Query as MingoQuery, type update as mingoUpdate } from 'mingo';

type AnyObject = Record<string, unknown>;
type Any = unknown;
type Options = NonNullable<ConstructorParameters<typeof MingoQuery>[1]>;
type Expression = (obj: AnyObject, expr: Any, options: Options) => Any;
type QueryOperator = (selector: string, value: AnyObject, options: Options) => (o: AnyObject) => boolean;

// mingo's operator modules, by the subpaths its package exports (our TypeScript resolution predates `exports`).
/* eslint-disable @typescript-eslint/no-require-imports */
const expressionOps = require('mingo/operators/expression') as Record<string, Expression>;
const queryOps = require('mingo/operators/query') as Record<string, QueryOperator>;
// The classes without mingo's default context: its index merges the defaults over any context given, so fixes
// passed there would lose to the operators they replace.
const bare = {
  Query: (require('mingo/query') as { Query: typeof MingoQuery }).Query,
  Aggregator: (require('mingo/aggregator') as { Aggregator: typeof MingoAggregator }).Aggregator,
  update: (require('mingo/updater') as { update: typeof mingoUpdate }).update,
};
const { evalExpr } = require('mingo/core') as { evalExpr: (obj: AnyObject, expr: Any, options: Options) => Any };
const { $dayOfWeek, $dayOfYear, $substrBytes } = expressionOps;
const { $elemMatch: mingoElemMatch } = queryOps;
const { resolve } = require('mingo/util') as { resolve: (o: AnyObject, selector: string, opts: { unwrapArray: boolean }) => Any };
/* eslint-enable @typescript-eslint/no-require-imports */
import { isDate, isRegExp } from '../ejson';
import { geoQueryOperators } from './geo';

const isDocument = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v) && !isRegExp(v);

/** `$elemMatch` with a document condition ({a: …}, $and/$or/$nor) only looks at elements that are documents. */
function $elemMatch(selector: string, criteria: AnyObject, options: Options): (o: AnyObject) => boolean {
  const onDocuments = Object.keys(criteria).some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$nor');
  if (!onDocuments) return mingoElemMatch!(selector, criteria, options);
  const query = new bare.Query(criteria, options);
  return (o) => {
    const value = resolve(o, selector, { unwrapArray: true }) as unknown;
    return Array.isArray(value) && value.some((el) => isDocument(el) && query.test(el as AnyObject));
  };
}

/** `$week`: weeks start on Sunday; days before the year's first Sunday are week 0 (2019-05-14 is week 19). */
const $week: Expression = (obj, expr, options) => {
  const dayOfYear = $dayOfYear!(obj, expr, options) as number | null;
  const dayOfWeek = $dayOfWeek!(obj, expr, options) as number | null;
  if (dayOfYear === null || dayOfWeek === null) return null;
  const jan1Weekday = (((dayOfWeek - 1 - (dayOfYear - 1)) % 7) + 7) % 7; // 0 = Sunday
  return Math.floor((dayOfYear - 1 + jan1Weekday) / 7);
};

/** `$substrBytes` (and its old name `$substr`): a negative length takes the rest of the string. */
const substrBytes: Expression = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length !== 3) return $substrBytes!(obj, expr, options);
  const [text, start, length] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
  const rest = typeof text === 'string' && typeof start === 'number' ? Math.max(0, Buffer.byteLength(text, 'utf8') - start) : 0;
  const count = typeof length === 'number' && length < 0 ? rest : length;
  return $substrBytes!(obj, [{ $literal: text }, { $literal: start }, { $literal: count }], options);
};

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** `$indexOfCP`: the code-point index of a substring (characters above U+FFFF count once), -1 when absent. */
const $indexOfCP: Expression = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new Error('$indexOfCP expects an array of 2 to 4 arguments');
  const [text, search, start = 0, end] = evalExpr(obj, expr, options) as unknown[];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') throw new Error('$indexOfCP requires a string as the first argument');
  if (typeof search !== 'string') throw new Error('$indexOfCP requires a string as the second argument');
  const points = Array.from(text);
  const last = end ?? points.length;
  if (!isIndex(start) || !isIndex(last)) throw new Error('$indexOfCP requires non-negative integer start and end indexes');
  const needle = Array.from(search);
  const stop = Math.min(last, points.length);
  for (let i = start; i + needle.length <= stop; i++) {
    if (needle.every((p, j) => points[i + j] === p)) return i;
  }
  return -1;
};

/* eslint-disable @typescript-eslint/no-require-imports */
const FIXES = Context.init({
  accumulator: require('mingo/operators/accumulator') as never,
  expression: { ...expressionOps, $week, $substr: substrBytes, $substrBytes: substrBytes, $indexOfCP } as never,
  pipeline: require('mingo/operators/pipeline') as never,
  projection: require('mingo/operators/projection') as never,
  query: { ...queryOps, $elemMatch, ...geoQueryOperators((o, selector) => resolve(o, selector, { unwrapArray: true })) } as never,
  window: require('mingo/operators/window') as never,
});
/* eslint-enable @typescript-eslint/no-require-imports */

const withFixes = <T extends object>(options?: T): T & { context: Context } => ({ ...(options ?? ({} as T)), context: FIXES });

export class Query<T = AnyObject> extends bare.Query<T> {
  constructor(condition: ConstructorParameters<typeof MingoQuery<T>>[0], options?: Options) {
    super(condition, withFixes(options));
  }
}

export class Aggregator extends bare.Aggregator {
  constructor(pipeline: ConstructorParameters<typeof MingoAggregator>[0], options?: Options) {
    super(pipeline, withFixes(options));
  }
}

export function update(doc: AnyObject, modifier: Parameters<typeof mingoUpdate>[1]): ReturnType<typeof mingoUpdate> {
  return bare.update(doc, modifier, undefined, undefined, { queryOptions: withFixes() });
}
