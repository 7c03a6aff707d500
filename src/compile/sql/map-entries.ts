/**
 * Map entries in SQL (`deviceTags.Region = 'China'`, `exists(tags.k)`): an EXISTS on the entries table
 * (layout.ts `EntryTable`) correlated with the record by its scope and id. The map field, the key and the value are
 * bound parameters, never SQL or JSON-path text; keys compare exactly (the dialect's exact equality: no case or
 * trailing-space folding under any collation), and a value is compared in the column of its own type, so `20` never
 * equals `"20"` and `true` never equals `1`. Meaning as docs/LANGUAGE.md §3: `m.k = v` — k is there with a value
 * equal to v; `m.k != v` — k is there with a value not equal to v; `exists(m.k)` — k is there (with a value of the
 * map's type: others are not stored); `not exists(m.k)` — it is not.
 */
import type { Comparison, Literal } from '../../language/ast.js';
import type { ResolvedPath } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import type { Context } from './compile.js';
import type { ParamFn } from './dialect.js';
import { anyOf, atom, join, type Fragment } from './fragments.js';
import type { EntryTable } from './layout.js';

type MapPath = Extract<ResolvedPath, { kind: 'map' }>;

export function compileMapEntry(node: Comparison, path: MapPath, context: Context): Fragment {
  const entries = context.layout.entries;
  if (entries === undefined) throw new Error(`internal error: ${node.path.text} has no entries table`);
  const { writer } = context;
  const { dialect } = writer;
  const q = (name: string): string => dialect.quoteIdent(name);
  const recordTable = context.table ?? context.layout.table;
  // The entries' alias must not hide the record's table inside the subquery (a caller's join may alias it `e`).
  const alias = recordTable.toLowerCase() === 'e' ? 'ent' : 'e';
  const e = (column: string): string => `${alias}.${q(column)}`;
  const param =
    (value: Literal): ParamFn =>
    () =>
      writer.param(value);
  const record = (column: string): string => `${q(recordTable)}.${q(column)}`;

  /** EXISTS an entry of this field and key for which `test` holds (or any, without a test). */
  const entry = (test?: () => string): Fragment => {
    // Placeholders are created left to right: field, key, then the test's values.
    const conditions = [
      `${e(entries.scope)} = ${record(entries.scope)}`,
      `${e(entries.id)} = ${record(entries.id)}`,
      dialect.exactEquals(e(entries.field), param(path.name)),
      dialect.exactEquals(e(entries.key), param(path.key)),
    ];
    if (test !== undefined) conditions.push(test());
    return atom(`EXISTS (SELECT 1 FROM ${q(entries.table)} ${alias} WHERE ${conditions.join(' AND ')})`);
  };

  switch (node.op) {
    case '=':
      return entry(() => equalsAny(entries, e, [node.value.value], context));
    case 'in':
      return entry(() =>
        equalsAny(
          entries,
          e,
          node.values.map((value) => value.value),
          context,
        ),
      );
    case '!=':
      // One row per key: "there, and not equal" is the row's value failing the equality.
      return entry(() => `NOT (${equalsAny(entries, e, [node.value.value], context)})`);
    case 'like':
      return entry(
        () =>
          `${e(entries.text)} IS NOT NULL AND ${dialect.contains(e(entries.text), node.value.value, (bound) => writer.param(bound))}`,
      );
    case 'exists':
    case 'is not null':
      return entry();
    case 'not exists':
    case 'is null':
      return atom(`NOT ${entry().sql}`);
    case '<':
    case '<=':
    case '>':
    case '>=':
      // defineSchema allows no ordering operator on a map field.
      throw new Error(`internal error: ${node.op} on the map entry ${node.path.text}`);
    default:
      return assertNever(node);
  }
}

/**
 * The entry's value is one of `values`, each compared in the column of its type (a string with the dialect's exact
 * equality). Two-valued: a NULL column makes its test false, never UNKNOWN, through the IS NOT NULL guard.
 */
function equalsAny(
  entries: EntryTable,
  e: (column: string) => string,
  values: readonly Literal[],
  context: Context,
): string {
  const { writer } = context;
  const { dialect } = writer;
  const strings = values.filter((value): value is string => typeof value === 'string');
  const numbers = values.filter((value): value is number => typeof value === 'number');
  const booleans = values.filter((value): value is boolean => typeof value === 'boolean');
  const parts: Fragment[] = [];
  const typed = (column: string, test: string): Fragment => join('and', [atom(`${e(column)} IS NOT NULL`), atom(test)]);
  const params = (list: readonly Literal[]): string => list.map((value) => writer.param(value)).join(', ');
  if (strings.length > 0) {
    const column = e(entries.text);
    const test =
      strings.length === 1
        ? dialect.exactEquals(column, () => writer.param(strings[0]!))
        : dialect.exactIn(
            column,
            strings.map((value) => () => writer.param(value)),
          );
    parts.push(typed(entries.text, test));
  }
  if (numbers.length > 0) parts.push(typed(entries.number, `${e(entries.number)} IN (${params(numbers)})`));
  if (booleans.length > 0) parts.push(typed(entries.boolean, `${e(entries.boolean)} IN (${params(booleans)})`));
  const any = anyOf(...parts.map((part) => () => part));
  // Spliced between ANDs: an OR of several typed tests keeps its own parentheses.
  return any.prec === 'or' ? `(${any.sql})` : any.sql;
}
