/**
 * The condition of `toSql` as the query builders need it: SQL text cut at every value and every identifier, each
 * cut marked as what it is, so that an adapter hands values to its builder as parameters and names as its builder's
 * identifiers (quoted by the builder, for the builder's engine), and writes none of them into the text itself.
 * Compiled by the very same code as `toSql` (`whereOf`, with a dialect that writes markers instead of placeholders
 * and quoted names), so an adapter selects exactly what `toSql` selects.
 */
import type { Expression } from '../../language/ast.js';
import { ExpressionError } from '../../diagnostics/expression-error.js';
import { apiFor, type ApiDefinition } from '../../schema/api.js';
import { checkText } from '../../schema/check.js';
import { admit, type CompileTarget } from '../front-door.js';
import { checkOptions, checkSchema } from '../options.js';
import { SQL_TARGET, checkDialect, checkMapping, checkTable, whereOf, type ToSqlOptions } from '../sql/compile.js';
import type { SqlDialect } from '../sql/dialect.js';
import { SQL_DIALECTS } from '../sql/dialects/index.js';
import { sqlLayout } from '../sql/layout.js';
import type { SqlParam } from '../sql/writer.js';

/**
 * Options every adapter takes: those of `toSql` but `startAt` (the builder numbers the parameters of the whole query).
 */
export type AdapterOptions = Omit<ToSqlOptions, 'startAt'>;

/** What the filter is made of: a tree (from `parse`, `check` or the builder), text validated first, or null. */
export type FilterInput = Expression | string | null;

/** One cut of the text: a value to bind, or a name from the layout to quote as an identifier. */
export type SqlPart =
  { readonly kind: 'value'; readonly value: SqlParam } | { readonly kind: 'identifier'; readonly name: string };

/** The condition cut at its values and names: `strings.length === parts.length + 1`. */
export interface SqlParts {
  readonly strings: readonly string[];
  readonly parts: readonly SqlPart[];
}

/** The front-door target of an adapter: SQL's refusals, under the adapter's own name and options. */
export function adapterTarget(name: string): CompileTarget {
  return {
    name,
    options: { dialect: checkDialect, mapping: checkMapping, table: checkTable },
    required: ['dialect'],
    ...(SQL_TARGET.refuse === undefined ? {} : { refuse: SQL_TARGET.refuse }),
  };
}

/**
 * Admits `input` for `target` (text is parsed and validated with the schema, as `check` does, after the options are
 * checked) and compiles it to parts.
 * @throws TypeError for bad options; ExpressionError (99400) with every problem of the text or tree.
 */
export function compileParts(
  target: CompileTarget,
  input: unknown,
  options: AdapterOptions,
  defaultApi: ApiDefinition,
): SqlParts {
  const tree = typeof input === 'string' ? parsedTree(target, input, options, defaultApi) : input;
  const { ast, api, paths, options: checked } = admit(target, tree, options, defaultApi);
  const names: string[] = [];
  const base = SQL_DIALECTS[checked.dialect];
  const marking: SqlDialect = {
    ...base,
    placeholder: (n) => `${MARK}v${n}${MARK}`,
    quoteIdent: (name) => `${MARK}i${names.push(name) - 1}${MARK}`,
  };
  const { where, params } = whereOf(
    ast,
    paths,
    marking,
    sqlLayout(api, checked.mapping, target.name),
    undefined,
    checked.table,
  );
  return cut(where, params, names);
}

function parsedTree(
  target: CompileTarget,
  text: string,
  options: AdapterOptions,
  defaultApi: ApiDefinition,
): Expression | null {
  // The options first: a caller's mistake is a TypeError even when the user's text is wrong too.
  const checked = checkOptions(target.name, options, { schema: checkSchema, ...target.options }, target.required);
  const result = checkText(text, {}, apiFor(checked.schema, defaultApi).schema);
  if (!result.ok) throw new ExpressionError(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
  return result.ast;
}

/** Brackets a value's or a name's index while the condition is written: no SQL the compiler writes holds U+0000. */
const MARK = '\u0000';
// eslint-disable-next-line no-control-regex -- U+0000 is the marker, chosen because no SQL text here can hold it
const MARKED = /\u0000([vi])(\d+)\u0000/g;

function cut(where: string, params: readonly SqlParam[], names: readonly string[]): SqlParts {
  const strings: string[] = [];
  const parts: SqlPart[] = [];
  let from = 0;
  for (const match of where.matchAll(MARKED)) {
    strings.push(where.slice(from, match.index));
    const index = Number(match[2]);
    parts.push(
      match[1] === 'v' ? { kind: 'value', value: params[index - 1]! } : { kind: 'identifier', name: names[index]! },
    );
    from = match.index + match[0].length;
  }
  strings.push(where.slice(from));
  return { strings, parts };
}

/** `strings` as the first argument of a template tag (`sql` of Kysely and Drizzle), which only reads its items. */
export function templateOf(strings: readonly string[]): TemplateStringsArray {
  return Object.assign([...strings], { raw: [...strings] });
}
