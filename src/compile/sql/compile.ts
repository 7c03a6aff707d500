/**
 * `toSql` (docs/LANGUAGE.md §7): an expression tree to a WHERE condition and its parameters, for PostgreSQL,
 * MySQL/MariaDB and SQLite. Meaning follows docs/SEMANTICS.md exactly; the engine differences are hooks of the
 * dialect (dialect.ts, one file per engine in dialects/), and which column holds which path comes from the layout
 * (layout.ts).
 *
 * Every fragment is two-valued: a comparison never yields SQL's UNKNOWN, because each test of a column is guarded
 * by `IS NOT NULL` (NULL stands for "absent", as `toRow` stores it). So `and`/`or` need no three-valued care and a
 * caller may negate the result. Logical composition is always explicit: an `or` inside an `and` is parenthesised,
 * and so is an `and` inside an `or`.
 */
import { operandValues, type Comparison, type Expression, type Literal, type Span } from '../../language/ast.js';
import type { ApiDefinition } from '../../schema/api.js';
import type { Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { isContainer } from '../../util/own.js';
import { admit, resolvedPathOf, type CompileTarget, type Refusal, type ResolvedPaths } from '../front-door.js';
import { oneOf, type OptionCheck } from '../options.js';
import { unstorableReason } from '../shared/text.js';
import type { ParamFn, SqlDialect } from './dialect.js';
import { SQL_DIALECT_NAMES, SQL_DIALECTS, type SqlDialectName } from './dialects/index.js';
import { sqlLayout, type Candidate, type SqlLayout, type SqlMapping } from './layout.js';
import { allOf, anyOf, atom, join, type Fragment } from './fragments.js';
import { compileMapEntry } from './map-entries.js';
import { createWriter, type SqlParam, type SqlWriter } from './writer.js';

/** Options of `toSql`: the SQL engine, the schema to validate against, and other table and column names. */
export interface ToSqlOptions {
  /** The SQL engine to write for. */
  readonly dialect: SqlDialectName;
  /** Defaults to `otaJobSchema`; the tree is validated against it first. */
  readonly schema?: Schema;
  /** Other table and column names than the default layout's (docs/LANGUAGE.md §6). */
  readonly mapping?: SqlMapping;
  /**
   * The number of the first placeholder (PostgreSQL's `$n`; default 1), so that the condition can follow parameters
   * of a larger query: `startAt: 2` after the caller's own `$1`. `?` placeholders are positional and unaffected.
   */
  readonly startAt?: number;
  /**
   * The name or alias by which a larger query refers to the records' table (`'j'` in `FROM ota_job AS j JOIN …`):
   * every column is then qualified by it, so that a joined table's column of the same name is never meant.
   */
  readonly table?: string;
}

/** What `toSql` returns: a WHERE condition with placeholders and the parameter values to bind. */
export interface SqlWhere {
  /**
   * A boolean SQL condition holding no user value, only placeholders; always true (`1=1`) for an empty
   * expression. A top-level `or` comes parenthesised, so `... AND ${where}` is safe.
   */
  readonly where: string;
  /** Parameter values in placeholder order. */
  readonly params: SqlParam[];
}

/**
 * A condition as text pieces around its values, the form template tags take (`strings.length === params.length +
 * 1`): Prisma's `Prisma.sql`, postgres.js, Kysely's or Drizzle's `sql` template, or a driver with other
 * placeholders. No user value is in `strings`.
 */
export interface SqlFragments {
  readonly strings: readonly string[];
  readonly params: readonly SqlParam[];
}

/** Always true, and holds no value: the `where` of the empty expression. */
export const ALWAYS_TRUE = '1=1';

export const checkDialect: OptionCheck = oneOf('dialect', SQL_DIALECT_NAMES);

/**
 * `{ table?, columns? }` with names that can be identifiers: non-empty strings without U+0000, which no engine allows
 * in a name (and which `toSqlFragments` uses as its marker). Names are quoted by the dialect, so any other is safe.
 */
export const checkMapping: OptionCheck = (mapping) => {
  if (!isContainer(mapping)) return 'mapping must be an object { table?, columns? }';
  for (const key of Object.keys(mapping)) {
    if (key !== 'table' && key !== 'columns')
      return `unknown mapping key ${JSON.stringify(key)}: expected table or columns`;
  }
  const isName = (name: unknown): boolean => typeof name === 'string' && name !== '' && !name.includes('\u0000');
  if (mapping.table !== undefined && !isName(mapping.table))
    return 'mapping.table must be a non-empty string without NUL';
  if (mapping.columns === undefined) return undefined;
  if (!isContainer(mapping.columns)) return 'mapping.columns must be an object of column names';
  const bad = Object.entries(mapping.columns).find(([, name]) => name !== undefined && !isName(name));
  return bad === undefined ? undefined : `mapping.columns.${bad[0]} must be a non-empty string without NUL`;
};

/** A name to qualify columns with: non-empty, without U+0000 (as mapping names). */
export const checkTable: OptionCheck = (table) =>
  typeof table === 'string' && table !== '' && !table.includes('\u0000')
    ? undefined
    : `table must be a non-empty string without NUL, found ${JSON.stringify(table)}`;

/**
 * What SQL cannot do with a comparison the schema accepts: strings no database can store (NUL, lone surrogates).
 */
export const SQL_TARGET: CompileTarget = {
  name: 'toSql',
  options: {
    dialect: checkDialect,
    mapping: checkMapping,
    table: checkTable,
    startAt: (n) =>
      Number.isSafeInteger(n) && (n as number) >= 1
        ? undefined
        : `startAt must be an integer of at least 1, found ${String(n)}`,
  },
  required: ['dialect'],
  refuse: (node, path) => [
    ...(path.kind === 'map' ? unstorable(`The key of ${node.path.text}`, path.key, node.path.span) : []),
    ...operandValues(node).flatMap((value) =>
      typeof value.value === 'string' ? unstorable(`The value for ${node.path.text}`, value.value, value.span) : [],
    ),
  ],
};

function unstorable(what: string, text: string, span: Span): Refusal[] {
  const reason = unstorableReason(text);
  return reason === undefined ? [] : [{ message: `${what} ${reason}`, span }];
}

/**
 * Throws `TypeError` for bad options, `ExpressionError` (99400) when the tree is invalid for the schema or holds
 * what SQL refuses (SQL_TARGET). `defaultApi` gives the schema and the layout's rules unless the options do.
 */
export function compileSql(ast: Expression | null, options: ToSqlOptions, defaultApi: ApiDefinition): SqlWhere {
  const { ast: tree, api, paths, options: checked } = admit(SQL_TARGET, ast, options, defaultApi);
  const dialect = SQL_DIALECTS[checked.dialect];
  const offset = (checked.startAt ?? 1) - 1;
  const numbered = offset === 0 ? dialect : { ...dialect, placeholder: (n: number) => dialect.placeholder(n + offset) };
  return whereOf(tree, paths, numbered, sqlLayout(api, checked.mapping, 'toSql'), undefined, checked.table);
}

/**
 * `compileSql` as fragments: the condition written once with markers for placeholders, then cut at them (only this
 * entry pays for the cut, not every `toSql`).
 */
export function compileSqlFragments(
  ast: Expression | null,
  options: ToSqlOptions,
  defaultApi: ApiDefinition,
): SqlFragments {
  const { ast: tree, api, paths, options: checked } = admit(SQL_TARGET, ast, options, defaultApi);
  const marking = { ...SQL_DIALECTS[checked.dialect], placeholder: (n: number) => `${MARK}${n}${MARK}` };
  const layout = sqlLayout(api, checked.mapping, 'toSql');
  const { where, params } = whereOf(tree, paths, marking, layout, undefined, checked.table);
  return { strings: where.split(MARKED), params };
}

/** Brackets a placeholder's number while the condition is written: no SQL the compiler writes holds U+0000. */
const MARK = '\u0000';
// eslint-disable-next-line no-control-regex -- U+0000 is the marker, chosen because no SQL text here can hold it
const MARKED = /\u0000\d+\u0000/;

/**
 * The WHERE of an admitted tree, with placeholders numbered after `writer`'s parameters. With `table` (the name or
 * alias a larger query gives the records' table, e.g. in a join), every column is qualified by it; without, columns
 * are bare, as `toSql` writes them.
 */
export function whereOf(
  ast: Expression | null,
  paths: ResolvedPaths,
  dialect: SqlDialect,
  layout: SqlLayout,
  writer: SqlWriter = createWriter(dialect),
  table?: string,
): WhereText {
  if (ast === null) return { where: ALWAYS_TRUE, params: [...writer.params] };
  const root = compileNode(ast, { writer, paths, layout, ...(table === undefined ? {} : { table }) });
  return { where: root.prec === 'or' ? `(${root.sql})` : root.sql, params: [...writer.params] };
}

/** A condition and its parameters, as the search builders embed it. */
export interface WhereText {
  readonly where: string;
  readonly params: SqlParam[];
}

export interface Context {
  readonly writer: SqlWriter;
  readonly paths: ResolvedPaths;
  readonly layout: SqlLayout;
  /** The name (unquoted) that qualifies every column: the caller's alias of the records' table. */
  readonly table?: string;
}

// --- Tree walk ---------------------------------------------------------------------------------------------------

function compileNode(node: Expression, context: Context): Fragment {
  switch (node.type) {
    case 'and':
    case 'or':
      return (node.type === 'and' ? allOf : anyOf)(...node.children.map((child) => () => compileNode(child, context)));
    case 'comparison':
      return compileComparison(node, context);
    default:
      return assertNever(node);
  }
}

/** A layout candidate with its columns quoted: the SQL text the tests below are written on. */
type QuotedCandidate =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'fallback'; readonly primary: string; readonly fallback: string };

function quoted(candidate: Candidate, dialect: SqlDialect, table: string | undefined): QuotedCandidate {
  const q = (name: string): string =>
    table === undefined ? dialect.quoteIdent(name) : `${dialect.quoteIdent(table)}.${dialect.quoteIdent(name)}`;
  switch (candidate.kind) {
    case 'column':
      return { kind: 'column', column: q(candidate.column.name) };
    case 'fallback':
      return { kind: 'fallback', primary: q(candidate.primary.name), fallback: q(candidate.fallback.name) };
    default:
      return assertNever(candidate);
  }
}

// `length(x) > 0` rather than `x <> ''`: under MySQL's PAD SPACE collations `' ' = ''` is true, and a locale value
// of spaces is a non-empty string (docs/SEMANTICS.md). length() is NULL for NULL, hence the explicit guards.
function nonEmpty(column: string): Fragment {
  return join('and', [atom(`${column} IS NOT NULL`), atom(`length(${column}) > 0`)]);
}

function emptyOrNull(column: string): Fragment {
  return join('or', [atom(`${column} IS NULL`), atom(`length(${column}) = 0`)]);
}

function present(candidate: QuotedCandidate): Fragment {
  switch (candidate.kind) {
    case 'column':
      return atom(`${candidate.column} IS NOT NULL`);
    case 'fallback':
      return join('or', [nonEmpty(candidate.primary), atom(`${candidate.fallback} IS NOT NULL`)]);
    default:
      return assertNever(candidate);
  }
}

function absent(candidate: QuotedCandidate): Fragment {
  switch (candidate.kind) {
    case 'column':
      return atom(`${candidate.column} IS NULL`);
    case 'fallback':
      return join('and', [emptyOrNull(candidate.primary), atom(`${candidate.fallback} IS NULL`)]);
    default:
      return assertNever(candidate);
  }
}

/**
 * "The candidate is present and `test` holds on it", two-valued. The fallback form tests the two columns in
 * separate branches rather than on COALESCE(...), so each branch can use the plain column's index.
 */
function holds(candidate: QuotedCandidate, test: (column: string) => string): Fragment {
  switch (candidate.kind) {
    case 'column':
      return allOf(
        () => atom(`${candidate.column} IS NOT NULL`),
        () => atom(test(candidate.column)),
      );
    case 'fallback':
      return anyOf(
        () =>
          allOf(
            () => nonEmpty(candidate.primary),
            () => atom(test(candidate.primary)),
          ),
        () =>
          allOf(
            () => emptyOrNull(candidate.primary),
            () => atom(`${candidate.fallback} IS NOT NULL`),
            () => atom(test(candidate.fallback)),
          ),
      );
    default:
      return assertNever(candidate);
  }
}

function compileComparison(node: Comparison, context: Context): Fragment {
  const { dialect } = context.writer;
  const path = resolvedPathOf(context.paths, node);
  if (path.kind === 'map') return compileMapEntry(node, path, context);
  const candidates = context.layout.candidatesOf(path).map((candidate) => quoted(candidate, dialect, context.table));
  if (candidates.length === 0) throw new Error(`internal error: ${node.path.text} has no column`);
  const param =
    (value: Literal): ParamFn =>
    () =>
      context.writer.param(value);
  const some = (test: (column: string) => string): Fragment =>
    anyOf(...candidates.map((candidate) => () => holds(candidate, test)));

  switch (node.op) {
    case '=': {
      const value = node.value.value;
      return some((column) =>
        typeof value === 'string' ? dialect.exactEquals(column, param(value)) : `${column} = ${param(value)()}`,
      );
    }
    case '!=': {
      const value = node.value.value;
      const differs = (column: string): string =>
        typeof value === 'string' ? dialect.exactNotEquals(column, param(value)) : `${column} <> ${param(value)()}`;
      // docs/SEMANTICS.md: `!=` is `exists and not =`. With one candidate that is "present and different"; with
      // several (bare i18n name), some candidate is present and none of the present ones equals the value.
      if (candidates.length === 1) return holds(candidates[0]!, differs);
      return allOf(
        () => anyOf(...candidates.map((candidate) => () => present(candidate))),
        ...candidates.map(
          (candidate) => () =>
            anyOf(
              () => absent(candidate),
              () => holds(candidate, differs),
            ),
        ),
      );
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const value = node.value.value;
      return some((column) => `${column} ${node.op} ${param(value)()}`);
    }
    case 'in': {
      const values = node.values.map((value) => value.value);
      const allStrings = values.every((value) => typeof value === 'string');
      return some((column) =>
        allStrings
          ? dialect.exactIn(column, values.map(param))
          : `${column} IN (${values.map((value) => param(value)()).join(', ')})`,
      );
    }
    case 'like': {
      const pattern = node.value.value;
      return some((column) => dialect.contains(column, pattern, (bound) => context.writer.param(bound)));
    }
    case 'exists':
    case 'is not null':
      return anyOf(...candidates.map((candidate) => () => present(candidate)));
    case 'not exists':
    case 'is null':
      return allOf(...candidates.map((candidate) => () => absent(candidate)));
    default:
      return assertNever(node);
  }
}
