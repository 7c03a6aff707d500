/**
 * The storage layout of an API's table, derived from its definition (schema, scope, key, order) and the mapping
 * option: the columns and their types, which column holds each queryable path, the indexes a search needs, the
 * JSON document column, and how a record becomes a row. `toSql`, `createTableSql`, `toRow`/`insertRow` and
 * `toSqlSearch` all read this one object, so a new schema gets a table, rows, queries and searches with no SQL
 * written for it.
 *
 * Column keys are camelCase and a column's default name is the key in snake_case: a scalar field `productKey` is
 * `product_key`; an i18n field `name` has `nameDefault` (`name_default`) and one key per locale, `nameZhCn`
 * (`name_zh_cn`); record properties outside the schema (the scope, the key, integer order keys) are keyed by their
 * name; the document is `doc`. The mapping renames any of them, and the table. Map fields have no column yet: the
 * SQL target refuses their paths (compile.ts).
 */
import type { ApiDefinition } from '../../schema/api.js';
import type { FieldSpec, SortKey } from '../../schema/schema.js';
import type { ResolvedPath } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { closestMatch } from '../../util/did-you-mean.js';
import { hasOwn } from '../../util/own.js';

/**
 * What a column stores, as the dialects' DDL types it: `key` (scope and key: strings, never NULL, code-point
 * collation), `string` (a scalar string field), `text` (an i18n value: long and searched by `like`), `number`,
 * `integer` (an order key outside the schema, such as epoch milliseconds), `boolean`, `datetime` (`YYYY-MM-DD
 * HH:mm:ss`, ordered byte-wise), `json` (the whole record). Every column but the key columns may be NULL (absent).
 */
export type ColumnType =
  'key' | 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'datetime' | 'json' | 'entryField' | 'entryKey';

/** Where a column's value comes from in a record. */
export type ColumnSource =
  | { readonly kind: 'property'; readonly property: string }
  | { readonly kind: 'i18n-default'; readonly field: string }
  | { readonly kind: 'i18n-locale'; readonly field: string; readonly locale: string }
  | { readonly kind: 'document' };

/** One column of the records' table: its key, its name in the database, its type and where its value comes from. */
export interface LayoutColumn {
  /** The camelCase key the mapping option renames: `productKey`, `nameZhCn`, `doc`. */
  readonly key: string;
  /** The column's name in the database, after the mapping; unquoted. */
  readonly name: string;
  /** What the column stores. */
  readonly type: ColumnType;
  /** Where the column's value comes from in a record. */
  readonly source: ColumnSource;
}

/** An index the searches need: the scope first, then the columns that serve an order or a comparison. */
export interface LayoutIndex {
  /** The index's name. */
  readonly name: string;
  /** The indexed columns, in order, each ascending or descending. */
  readonly columns: readonly { readonly column: LayoutColumn; readonly descending: boolean }[];
}

/**
 * What a path compares against (docs/SEMANTICS.md "candidates"): a column, or for `name.<locale>` the locale's
 * column when it holds a non-empty string and the default column otherwise.
 */
export type Candidate =
  | { readonly kind: 'column'; readonly column: LayoutColumn }
  | { readonly kind: 'fallback'; readonly primary: LayoutColumn; readonly fallback: LayoutColumn };

/** One key of an ORDER BY: a column, its direction, and whether strings sort by code point. */
export interface OrderColumn {
  /** The ordered column. */
  readonly column: LayoutColumn;
  /** True for a descending order. */
  readonly descending: boolean;
  /** Strings sort by code point whatever the column's collation (the dialect's `codePointOrder`). */
  readonly byCodePoint: boolean;
}

/**
 * Where map entries live: a table of their own, one row per (record, map field, key) whose value has the map's type,
 * the value in the column of its type (text, number or boolean), so that scalars compare without coercion. The
 * records' WHERE tests an entry with EXISTS, the key and the value always bound as parameters.
 */
export interface EntryTable {
  /** The entries table's name. */
  readonly table: string;
  /** Column names: the record's scope and id (as in the records' table), then the entry's own. */
  readonly scope: string;
  readonly id: string;
  readonly field: string;
  readonly key: string;
  readonly text: string;
  readonly number: string;
  readonly boolean: string;
  /** The map fields of the schema, in declaration order. */
  readonly maps: readonly string[];
}

/** The SQL tables of an API: the records' columns, key, order, indexes and the map entries table, if any. */
export interface SqlLayout {
  /** The records' table name. */
  readonly table: string;
  /** Every column, in table order: scope and key, scalar fields, integer order keys, i18n columns, document. */
  readonly columns: readonly LayoutColumn[];
  /** The primary key's columns: the scope, then the id. */
  readonly primaryKey: readonly LayoutColumn[];
  /** The scope column (`orgId`). */
  readonly scope: LayoutColumn;
  /** The column that stores the whole record as JSON. */
  readonly document: LayoutColumn;
  /** The default page order, the id last. */
  readonly order: readonly OrderColumn[];
  /** The column of a record property: the scope, the id, a scalar field or an order key; undefined for others. */
  columnFor(property: string): LayoutColumn | undefined;
  /** B-tree indexes (besides the primary key). */
  readonly indexes: readonly LayoutIndex[];
  /** The columns `like` searches, for engines that index infix search (PostgreSQL's trigrams). */
  readonly likeColumns: readonly LayoutColumn[];
  /** The entries table, when the schema has map fields. */
  readonly entries: EntryTable | undefined;
  /** What a map field's entries hold. */
  mapValues(field: string): 'string' | 'scalar';
  /** The candidates of a resolved path; empty for a path with no column (a map entry: see `entries`). */
  candidatesOf(path: ResolvedPath): readonly Candidate[];
}

/**
 * Other names than the default layout's. Keys of `columns` are column keys (`productKey`, `nameZhCn`, `doc`…).
 * Names are always quoted by the dialect, so any name is safe.
 */
export interface SqlMapping {
  readonly table?: string;
  readonly columns?: { readonly [key: string]: string | undefined };
}

const DOCUMENT_KEY = 'doc';
const layouts = new WeakMap<ApiDefinition, WeakMap<SqlMapping, SqlLayout>>();
const NO_MAPPING: SqlMapping = Object.freeze({});

/** The layout of `api` (its schema and search rules) with `mapping`; made once per combination. */
/**
 * @throws TypeError `<what>: mapping.columns: …` when the mapping names a column the table does not have (`what` is
 * the public function, for the message).
 */
export function sqlLayout(api: ApiDefinition, mapping: SqlMapping = NO_MAPPING, what = 'sqlLayout'): SqlLayout {
  let byMapping = layouts.get(api);
  if (byMapping === undefined) layouts.set(api, (byMapping = new WeakMap()));
  let layout = byMapping.get(mapping);
  if (layout === undefined) byMapping.set(mapping, (layout = buildLayout(api, mapping, what)));
  return layout;
}

function buildLayout(api: ApiDefinition, mapping: SqlMapping, what: string): SqlLayout {
  const { schema } = api;
  const column = (key: string, type: ColumnType, source: ColumnSource): LayoutColumn => ({
    key,
    name: columnName(key, mapping),
    type,
    source,
  });
  const property = (name: string, type: ColumnType): LayoutColumn =>
    column(name, type, { kind: 'property', property: name });

  const scope = property(api.scope, 'key');
  const keys = [property(api.id, 'key')];
  const scalars: LayoutColumn[] = [];
  const i18n: LayoutColumn[] = [];
  const byPath = new Map<string, LayoutColumn>();
  const maps: string[] = [];
  for (const name of schema.fieldNames) {
    const field = schema.lookup.get(name)!;
    switch (field.type) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'datetime': {
        // A field that is also the scope or a key (an API may filter on them) reads the column that is already there.
        const existing = [scope, ...keys].find((each) => each.key === name);
        if (existing === undefined) scalars.push(property(name, field.type));
        byPath.set(name, existing ?? scalars[scalars.length - 1]!);
        break;
      }
      case 'i18n': {
        const fallback = column(i18nDefaultColumnKey(name), 'text', { kind: 'i18n-default', field: name });
        i18n.push(fallback);
        byPath.set(`${name}.`, fallback);
        for (const locale of field.locales) {
          const localized = column(i18nLocaleColumnKey(name, locale), 'text', {
            kind: 'i18n-locale',
            field: name,
            locale,
          });
          i18n.push(localized);
          byPath.set(`${name}.${locale}`, localized);
        }
        break;
      }
      case 'map':
        maps.push(name);
        break;
      default:
        assertNever(field);
    }
  }
  // Order keys and sorters outside the schema's fields are record properties with columns of their own.
  const stored = new Set([api.scope, api.id, ...schema.fieldNames]);
  const orderOnly: LayoutColumn[] = [];
  for (const key of [...api.order, ...(api.sorters ?? [])]) {
    if (stored.has(key.field)) continue;
    stored.add(key.field);
    orderOnly.push(property(key.field, key.type));
  }
  const document = column(DOCUMENT_KEY, 'json', { kind: 'document' });
  const columns = [scope, ...keys, ...scalars, ...orderOnly, ...i18n, document];
  const byKey = new Map(columns.map((each) => [each.key, each]));
  for (const key of Object.keys(mapping.columns ?? {})) {
    if (!byKey.has(key)) {
      const hint = closestMatch(key, [...byKey.keys()]);
      throw new TypeError(
        `${what}: mapping.columns: the table of ${schema.name} has no column ${JSON.stringify(key)}${hint === undefined ? '' : ` (did you mean ${hint}?)`}; its columns are ${[...byKey.keys()].join(', ')}`,
      );
    }
  }

  const order = [...api.order, { field: api.id, direction: 'asc', type: 'string' } as const].map((key) =>
    orderColumn(byKey.get(key.field)!, key.direction === 'desc', key.type),
  );
  const table = mapping.table ?? api.table;
  const index = (columnsOfIndex: LayoutIndex['columns']): LayoutIndex => ({
    name: `${table}_${columnsOfIndex
      .slice(0, 2)
      .map((each) => each.column.name)
      .join('_')}_idx`,
    columns: columnsOfIndex,
  });
  const orderIndex = index([
    { column: scope, descending: false },
    ...order.map(({ column: each, descending }) => ({ column: each, descending })),
  ]);
  // A field that is the first order key is served by the order index already (same leading columns).
  const fieldIndexes = scalars
    .filter((each) => servesLookups(schema.lookup.get(each.key)!) && orderIndex.columns[1]?.column !== each)
    .map((each) =>
      index([
        { column: scope, descending: false },
        { column: each, descending: false },
      ]),
    );

  return {
    table,
    columns,
    primaryKey: [scope, ...keys],
    scope,
    document,
    order,
    columnFor: (property) => byKey.get(property),
    mapValues: (field) => {
      const spec = schema.lookup.get(field);
      return spec?.type === 'map' && spec.values === 'scalar' ? 'scalar' : 'string';
    },
    entries:
      maps.length === 0
        ? undefined
        : {
            table: `${table}_entries`,
            scope: scope.name,
            id: keys[0]!.name,
            field: 'field',
            key: 'entry_key',
            text: 'text_value',
            number: 'number_value',
            boolean: 'boolean_value',
            maps,
          },
    indexes: [orderIndex, ...fieldIndexes],
    likeColumns: [
      ...scalars.filter((each) => schema.lookup.get(each.key)!.operators.includes('like')),
      ...i18n.filter((each) => schema.lookup.get(fieldOf(each))!.operators.includes('like')),
    ],
    candidatesOf: (path) => candidates(path, byPath),
  };
}

/** A column in an ORDER BY: strings and datetimes in code-point order, absent values (NULL) the smallest. */
export function orderColumn(column: LayoutColumn, descending: boolean, type: SortKey['type']): OrderColumn {
  return { column, descending, byCodePoint: type === 'string' || type === 'datetime' };
}

/**
 * An index on (scope, field) pays for exact lookups and ranges on fields of many values; a field of a few known
 * values (`type`, `status`) or a boolean would rarely beat the scope's own index.
 */
function servesLookups(field: FieldSpec): boolean {
  if (field.type === 'boolean' || (field.type === 'string' && field.values !== undefined)) return false;
  return field.operators.some(
    (op) => op !== 'like' && op !== 'exists' && op !== 'not exists' && op !== 'is null' && op !== 'is not null',
  );
}

function fieldOf(column: LayoutColumn): string {
  const source = column.source;
  return source.kind === 'i18n-default' || source.kind === 'i18n-locale' ? source.field : column.key;
}

function candidates(path: ResolvedPath, byPath: ReadonlyMap<string, LayoutColumn>): readonly Candidate[] {
  const at = (key: string): LayoutColumn => byPath.get(key)!;
  switch (path.kind) {
    case 'scalar':
      return [{ kind: 'column', column: at(path.name) }];
    case 'i18n': {
      const fallback = at(`${path.name}.`);
      const target = path.target;
      switch (target.kind) {
        case 'default':
          return [{ kind: 'column', column: fallback }];
        case 'locale':
          return [{ kind: 'fallback', primary: at(`${path.name}.${target.locale}`), fallback }];
        case 'any':
          return [fallback, ...path.field.locales.map((locale) => at(`${path.name}.${locale}`))].map((column) => ({
            kind: 'column',
            column,
          }));
        default:
          return assertNever(target);
      }
    }
    case 'map':
      return [];
    default:
      return assertNever(path);
  }
}

export function i18nDefaultColumnKey(field: string): string {
  return `${field}Default`;
}

export function i18nLocaleColumnKey(field: string, locale: string): string {
  const words = locale.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return field + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
}

/** `nameZhCn` → `name_zh_cn`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function columnName(key: string, mapping: SqlMapping): string {
  const mapped = mapping.columns !== undefined && hasOwn(mapping.columns, key) ? mapping.columns[key] : undefined;
  return mapped ?? snakeCase(key);
}
