/**
 * `toSql` (SPEC §7): an expression tree to a WHERE condition and its parameters, for PostgreSQL, MySQL/MariaDB
 * and SQLite. Meaning follows docs/SEMANTICS.md exactly; the engine differences are hooks in `dialects.ts`.
 *
 * Every fragment is two-valued: a comparison never yields SQL's UNKNOWN, because each test of a column is guarded
 * by `IS NOT NULL` (NULL stands for "absent", as `toRow` stores it). So `and`/`or` need no three-valued care and a
 * caller may negate the result. Logical composition is always explicit: an `or` inside an `and` is parenthesised,
 * and so is an `and` inside an `or`.
 */
import type { Comparison, Expression, Literal } from '../../language/ast.js';
import { ExpressionError } from '../../diagnostics/expression-error.js';
import { otaJobSchema, resolvePath, type ResolvedPath, type Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import {
  columnName,
  i18nDefaultColumnKey,
  i18nLocaleColumnKey,
  scalarColumnKey,
  type SqlMapping,
} from './columns.js';
import { SQL_DIALECTS, type ParamFn, type SqlDialect, type SqlDialectName } from './dialects.js';
import { sqlDiagnosticsFor } from './sql-diagnostics.js';
import { createWriter, type SqlParam, type SqlWriter } from './writer.js';

export interface ToSqlOptions {
  readonly dialect: SqlDialectName;
  /** Defaults to `otaJobSchema`; the tree is validated against it first. */
  readonly schema?: Schema;
  /** Other table and column names than SPEC §6's `ota_job` layout. */
  readonly mapping?: SqlMapping;
}

export interface SqlWhere {
  /**
   * A boolean SQL condition holding no user value, only placeholders; always true (`1=1`) for an empty
   * expression. A top-level `or` comes parenthesised, so `... AND ${where}` is safe.
   */
  readonly where: string;
  /** Parameter values in placeholder order. */
  readonly params: SqlParam[];
}

/** Always true, and holds no value: the `where` of the empty expression. */
export const ALWAYS_TRUE = '1=1';

/** Throws `ExpressionError` (99400) when the tree is invalid for the schema or holds a value SQL cannot store. */
export function toSql(ast: Expression | null, options: ToSqlOptions): SqlWhere {
  const dialect = pickDialect(options.dialect);
  const schema = options.schema ?? otaJobSchema;
  if (ast === null) return { where: ALWAYS_TRUE, params: [] };
  const diagnostics = sqlDiagnosticsFor(ast, schema);
  if (diagnostics.length > 0) throw new ExpressionError(diagnostics);
  const writer = createWriter(dialect);
  const root = compileNode(ast, { writer, schema, mapping: options.mapping });
  return { where: root.prec === 'or' ? `(${root.sql})` : root.sql, params: [...writer.params] };
}

function pickDialect(name: SqlDialectName): SqlDialect {
  if (typeof name !== 'string' || !Object.hasOwn(SQL_DIALECTS, name)) {
    throw new TypeError(`toSql: unknown dialect ${JSON.stringify(name)}; use one of ${Object.keys(SQL_DIALECTS).join(', ')}`);
  }
  return SQL_DIALECTS[name];
}

interface Context {
  readonly writer: SqlWriter;
  readonly schema: Schema;
  readonly mapping: SqlMapping | undefined;
}

// --- Fragments: SQL text plus the operator that binds it loosest, for explicit parentheses ---------------------

interface Fragment {
  readonly sql: string;
  readonly prec: 'atom' | 'and' | 'or';
}

function atom(sql: string): Fragment {
  return { sql, prec: 'atom' };
}

function join(kind: 'and' | 'or', parts: readonly Fragment[]): Fragment {
  if (parts.length === 1) return parts[0]!;
  const keyword = kind === 'and' ? ' AND ' : ' OR ';
  // Same-kind parts are flattened; any other compound part gets parentheses.
  const sql = parts.map((part) => (part.prec === 'atom' || part.prec === kind ? part.sql : `(${part.sql})`)).join(keyword);
  return { sql, prec: kind };
}

/** Lazily built fragments, so that placeholders are created in text order. */
type Build = () => Fragment;

function allOf(...builds: Build[]): Fragment {
  return join('and', builds.map((build) => build()));
}

function anyOf(...builds: Build[]): Fragment {
  return join('or', builds.map((build) => build()));
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

/**
 * What a path compares against (docs/SEMANTICS.md "candidates"): a column, or for `name.<locale>` the locale's
 * column when it is a non-empty string and the default column otherwise.
 */
type Candidate =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'fallback'; readonly primary: string; readonly fallback: string };

function candidatesOf(path: ResolvedPath, context: Context): Candidate[] {
  const column = (key: string): string => context.writer.dialect.quoteIdent(columnName(key, context.mapping));
  switch (path.kind) {
    case 'scalar':
      return [{ kind: 'column', column: column(scalarColumnKey(path.name)) }];
    case 'i18n': {
      const defaultColumn = column(i18nDefaultColumnKey(path.name));
      const target = path.target;
      switch (target.kind) {
        case 'default':
          return [{ kind: 'column', column: defaultColumn }];
        case 'locale':
          return [{ kind: 'fallback', primary: column(i18nLocaleColumnKey(path.name, target.locale)), fallback: defaultColumn }];
        case 'any':
          return [
            { kind: 'column', column: defaultColumn },
            ...path.field.locales.map((locale): Candidate => ({ kind: 'column', column: column(i18nLocaleColumnKey(path.name, locale)) })),
          ];
        default:
          return assertNever(target);
      }
    }
    case 'map':
      // sqlDiagnosticsFor refuses map paths before compiling: the column layout has no place for arbitrary keys.
      throw new Error(`map path ${path.name}.${path.key} reached the SQL compiler`);
    default:
      return assertNever(path);
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

function present(candidate: Candidate): Fragment {
  switch (candidate.kind) {
    case 'column':
      return atom(`${candidate.column} IS NOT NULL`);
    case 'fallback':
      return join('or', [nonEmpty(candidate.primary), atom(`${candidate.fallback} IS NOT NULL`)]);
    default:
      return assertNever(candidate);
  }
}

function absent(candidate: Candidate): Fragment {
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
function holds(candidate: Candidate, test: (column: string) => string): Fragment {
  switch (candidate.kind) {
    case 'column':
      return allOf(
        () => atom(`${candidate.column} IS NOT NULL`),
        () => atom(test(candidate.column)),
      );
    case 'fallback':
      return anyOf(
        () => allOf(() => nonEmpty(candidate.primary), () => atom(test(candidate.primary))),
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
  const resolution = resolvePath(context.schema, node.path.text);
  if (!resolution.ok) throw new Error(`unvalidated path ${node.path.text} reached the SQL compiler`);
  const candidates = candidatesOf(resolution.path, context);
  const { dialect } = context.writer;
  const param = (value: Literal): ParamFn => () => context.writer.param(value);
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
        ...candidates.map((candidate) => () => anyOf(() => absent(candidate), () => holds(candidate, differs))),
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
      const bound = dialect.likeParam(node.value.value);
      return some((column) => dialect.containsIgnoringAsciiCase(column, param(bound)));
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
