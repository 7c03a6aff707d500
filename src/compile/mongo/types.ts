/**
 * The filters `toMongo` builds: a closed subset of MongoDB's query language, typed so that the result is
 * assignable both to `Record<string, unknown>` (docs/LANGUAGE.md §7) and to the official driver's `Filter<JobInfo>`
 * (checked in test/compile/mongo.types.test.ts).
 */
import type { Literal } from '../../language/ast.js';

/** MongoDB `$type` aliases of the three value types (`number` matches double, int, long and decimal). */
export type MongoTypeAlias = 'string' | 'number' | 'bool';

/** The operators of one field's condition. */
export interface MongoCondition {
  $eq?: Literal;
  $ne?: Literal;
  $in?: Literal[];
  /** Numbers, or datetime strings (always beside their `$type` and `$regex` form check). */
  $lt?: number | string;
  $lte?: number | string;
  $gt?: number | string;
  $gte?: number | string;
  /** Always built by escaping a literal (see `asciiCaseInsensitiveContainsSource`), never from user syntax. */
  $regex?: string;
  /** One type, or any of several (a map of scalars). */
  $type?: MongoTypeAlias | readonly MongoTypeAlias[];
  $not?: MongoCondition;
}

/** A query filter: document paths (`productKey`, `name.i18nValue.zh_CN`) to conditions, and logical operators. */
export interface MongoFilter {
  $and?: MongoFilter[];
  $or?: MongoFilter[];
  $nor?: MongoFilter[];
  [path: string]: MongoCondition | MongoFilter[] | undefined;
}
