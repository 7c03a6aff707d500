/**
 * What a SQL engine does differently, as one object of hooks per engine (STYLE pattern 3): the WHERE hooks the
 * compiler calls, and the DDL hooks `createTableSql` calls. One file per engine under dialects/; the compiler picks
 * one object once and never tests which engine it has. Each hook that dodges an engine trap says which and links the
 * manual. SQL that is the same on every engine (IS NULL guards, `length()`, AND/OR, parentheses) is written once, in
 * compile.ts and ddl.ts.
 */
import type { ColumnType, SqlLayout } from './layout.js';
import type { SqlParam } from './writer.js';

/** Builds a placeholder for the next parameter; called once per placeholder, left to right. */
export type ParamFn = () => string;

/** One SQL engine's hooks: how it writes placeholders, identifiers, exact comparisons, `like`, orders and DDL. */
export interface SqlDialect {
  /** The engine's name: `postgres`, `mysql` or `sqlite`. */
  readonly name: string;

  // --- WHERE ---------------------------------------------------------------------------------------------------
  /** The placeholder of the n-th parameter (1-based). */
  placeholder(n: number): string;
  /** A quoted identifier; the quote character inside the name is doubled. */
  quoteIdent(name: string): string;
  /** How a literal travels as a parameter (SQLite has no boolean type). */
  encodeParam(value: SqlParam): SqlParam;
  /** `column = value`, exact: case-sensitive, no trailing-space padding. `column` is known to be non-null. */
  exactEquals(column: string, param: ParamFn): string;
  /** `column in (values)`, exact as `exactEquals`; `column` is known to be non-null. */
  exactIn(column: string, params: readonly ParamFn[]): string;
  /** `column != value`, exact; `column` is known to be non-null. */
  exactNotEquals(column: string, param: ParamFn): string;
  /**
   * `column` contains `pattern`, folding ASCII A–Z only and taking every character literally (docs/LANGUAGE.md §3
   * `like`). `bind(value)` binds the text the engine needs (the pattern folded, escaped or wrapped as this hook
   * requires) and returns its placeholder; it is called exactly once. `column` is known to be non-null.
   */
  contains(column: string, pattern: string, bind: (value: string) => string): string;
  /**
   * A sort key for `column` that orders strings by Unicode code point, whatever the column's collation, so that
   * search pages agree across engines (src/search/order.ts). `column` is known to be non-null.
   */
  codePointOrder(column: string): string;
  /**
   * One ORDER BY key in which NULL (an absent value) is smaller than every value: first ascending, last descending.
   * The DDL's index columns are declared the same way (`indexColumn`), so the search index serves the order.
   */
  orderKey(expression: string, descending: boolean): string;
  /** An index column in the order `orderKey` sorts by. */
  indexColumn(column: string, descending: boolean): string;

  // --- DDL -----------------------------------------------------------------------------------------------------
  /** The column type (with NULL / NOT NULL and collation) of each kind of column. */
  readonly columnTypes: Readonly<Record<ColumnType, string>>;
  /** Statements to run before CREATE TABLE (extensions). */
  readonly setup: readonly string[];
  /** Text after the closing parenthesis of CREATE TABLE (engine, charset). */
  readonly tableOptions: string;
  /** True when indexes are declared inside CREATE TABLE (`KEY name (…)`) rather than by CREATE INDEX. */
  readonly inlineIndexes: boolean;
  /** Indexes only this engine has (PostgreSQL's trigram indexes for `like`), as statements. */
  extraIndexes(layout: SqlLayout): string[];
}
