/**
 * `toMongoSearch` (docs/LANGUAGE.md §5, §7): the page of a search for a MongoDB collection of the API's records, in
 * two forms. The find form (`filter`, `sort`, `skip`, `limit`) is exact when every stored sort value has its
 * declared type. The `pipeline` is exact on every API: it sorts on computed keys that are the value when it has the
 * key's type and null otherwise, so an absent or wrong-typed value sorts first ascending and last descending, as on
 * every other target.
 */
import { compileMongo } from '../compile/mongo/index.js';
import type { MongoFilter } from '../compile/mongo/types.js';
import { checkOptions } from '../compile/options.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { apiFor, type ApiDefinition } from '../schema/api.js';
import type { SortKey } from '../schema/schema.js';
import { DATETIME_SOURCE } from '../schema/resolve.js';
import { SEARCH_OPTIONS, validateRequest, type AppliedSorter, type SearchOptions } from './request.js';

/** One stage of an aggregation pipeline, as this module writes them. */
export type MongoStage = Readonly<Record<string, unknown>>;

/** What `toMongoSearch` returns: filter, sort, skip and limit of the page, or the same as an aggregation pipeline. */
export interface MongoSearch {
  /** The expression's filter AND the organisation (exact, string-typed). */
  readonly filter: MongoFilter;
  /**
   * The page order for `find().sort()`: for Search OTA Job `{ createTime: -1, jobId: 1 }`. MongoDB compares strings
   * by UTF-8 bytes, i.e. code points, as the other targets do.
   */
  readonly sort: Readonly<Record<string, 1 | -1>>;
  readonly skip: number;
  readonly limit: number;
  /** `$match`, typed sort keys, `$sort`, `$skip`, `$limit`, and a `$project` that drops the sort keys again. */
  readonly pipeline: readonly MongoStage[];
  readonly page: { readonly pageNo: number; readonly pageSize: number };
  readonly sortedBy: readonly AppliedSorter[] | null;
}

/** @throws TypeError for bad options; ExpressionError (99400) on a bad request, with the in-memory search's message. */
export function mongoSearch(
  request: unknown,
  options: SearchOptions | undefined,
  defaultApi: ApiDefinition,
): MongoSearch {
  checkOptions('toMongoSearch', options, SEARCH_OPTIONS);
  const validation = validateRequest(request, options, defaultApi);
  if (!validation.ok) throw new ExpressionError(validation.diagnostics);
  const { orgId, ast, pageNo, pageSize, offset, order, sortedBy } = validation.search;
  const api = apiFor(options?.schema, defaultApi);
  const expression = compileMongo(ast, { schema: api.schema }, api);
  const organisation: MongoFilter = { [api.scope]: { $eq: orgId } };
  const filter: MongoFilter =
    Object.keys(expression).length === 0 ? organisation : { $and: [organisation, expression] };
  const keys: readonly SortKey[] = [...order, { field: api.id, direction: 'asc', type: 'string' }];

  const sort: Record<string, 1 | -1> = {};
  for (const key of keys) sort[key.field] = key.direction === 'desc' ? -1 : 1;

  const computed: Record<string, unknown> = {};
  const pipelineSort: Record<string, 1 | -1> = {};
  const dropped: Record<string, 0> = {};
  keys.forEach((key, index) => {
    const name = `__ota_sort_${index}`;
    computed[name] = typedValue(key);
    pipelineSort[name] = key.direction === 'desc' ? -1 : 1;
    dropped[name] = 0;
  });
  const pipeline: MongoStage[] = [
    { $match: filter },
    { $addFields: computed },
    { $sort: pipelineSort },
    { $skip: offset },
    { $limit: pageSize },
    { $project: dropped },
  ];
  return { filter, sort, skip: offset, limit: pageSize, pipeline, page: { pageNo, pageSize }, sortedBy };
}

const NUMERIC_TYPES = ['double', 'int', 'long', 'decimal'];
const SAFE_INTEGER = 2 ** 53 - 1;

/**
 * The key's value when it has the key's type, null otherwise (null sorts before every number and string). A number
 * must be finite, as in memory: MongoDB stores NaN and ±Infinity doubles, and sorts NaN below every number and
 * compares NaN equal to NaN, so the bounds are two comparisons (which NaN fails) with finite, JSON-safe bounds.
 */
function typedValue(key: SortKey): unknown {
  const field = `$${key.field}`;
  const isType = (types: readonly string[]): unknown => ({ $in: [{ $type: field }, types] });
  const when = (condition: unknown): unknown => ({ $cond: [condition, field, null] });
  const within = (bound: number): unknown[] => [{ $gte: [field, -bound] }, { $lte: [field, bound] }];
  switch (key.type) {
    case 'string':
      return when(isType(['string']));
    case 'number':
      return when({ $and: [isType(NUMERIC_TYPES), ...within(Number.MAX_VALUE)] });
    case 'integer':
      // $trunc fails on a string: the integer test runs only on numbers.
      return {
        $cond: [
          isType(NUMERIC_TYPES),
          { $cond: [{ $and: [{ $eq: [field, { $trunc: [field, 0] }] }, ...within(SAFE_INTEGER)] }, field, null] },
          null,
        ],
      };
    case 'datetime':
      return {
        $cond: [
          isType(['string']),
          { $cond: [{ $regexMatch: { input: field, regex: DATETIME_SOURCE } }, field, null] },
          null,
        ],
      };
    default: {
      const unknownType: never = key.type;
      throw new Error(`unknown sort type ${String(unknownType)}`);
    }
  }
}
