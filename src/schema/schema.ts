/**
 * Schemas (docs/LANGUAGE.md §4): which fields an API accepts, each field's type and operators, known values of enum-like
 * fields, and the logical operators allowed. A schema is plain data made by `defineSchema`, so other EnOS APIs are
 * described without touching the core, and the typed builder derives its types from the same value.
 */
import type { LogicalOperator, Operator } from '../language/ast.js';
import { OPERATORS } from '../language/ast.js';
import { OPERATOR_TABLE, isOperator } from '../language/operators.js';
import { closestMatch } from '../util/did-you-mean.js';
import { isReservedWord } from '../language/grammar-support.js';
import { I18N_DEFAULT_SEGMENTS } from './resolve.js';

/** The type of a schema field, which decides its paths, its values and the operators that make sense on it. */
export type FieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'i18n' | 'map';

/** A string field; `values` lists its known values (an unknown one is a warning, not an error). */
export interface StringFieldSpec {
  readonly type: 'string';
  readonly operators: readonly Operator[];
  readonly values?: readonly string[];
  /**
   * When true, the typed query builder (src/builder/) accepts only `values`. Validation is unchanged: an unknown
   * value stays a warning, as docs/LANGUAGE.md §4 requires, because the server side must accept what older clients send.
   */
  readonly closed?: boolean;
}

/** A number field: its values are JSON numbers and it may allow the ordering operators. */
export interface NumberFieldSpec {
  readonly type: 'number';
  /** The operators the field allows. */
  readonly operators: readonly Operator[];
}

/** A boolean field: its values are `true` and `false`. */
export interface BooleanFieldSpec {
  readonly type: 'boolean';
  /** The operators the field allows. */
  readonly operators: readonly Operator[];
}

/**
 * A date and time as EnOS writes it: a string of exactly the form `YYYY-MM-DD HH:mm:ss` (local wall time). Literals
 * of another form, or not a calendar date and time, are errors; a record value of another form is absent. Values
 * compare as strings, which orders them in time.
 */
export interface DatetimeFieldSpec {
  readonly type: 'datetime';
  readonly operators: readonly Operator[];
}

/**
 * An internationalised field `{ defaultValue, i18nValue: { <locale>: string } }`. Its paths are the bare name
 * (any of default and the listed locales), `.defaultValue` (alias `.default`) and `.<locale>` (docs/LANGUAGE.md §3).
 */
export interface I18nFieldSpec {
  readonly type: 'i18n';
  readonly operators: readonly Operator[];
  readonly locales: readonly string[];
}

/**
 * A map such as `deviceTags`: paths are `deviceTags.<key>`, the key being exactly one path segment. `values` says
 * what an entry holds: `'string'` (the default: tags) or `'scalar'` (attributes: a string, a number or a boolean,
 * compared without coercion, so `floor = 20` does not match `"20"`). An entry of another type is absent.
 */
export interface MapFieldSpec {
  readonly type: 'map';
  readonly operators: readonly Operator[];
  readonly values?: 'string' | 'scalar';
}

/** The definition of one schema field, one interface per field type. */
export type FieldSpec =
  StringFieldSpec | NumberFieldSpec | BooleanFieldSpec | DatetimeFieldSpec | I18nFieldSpec | MapFieldSpec;
/** A schema's fields: each field name with its definition. */
export type FieldMap = { readonly [name: string]: FieldSpec };

/** What `defineSchema` takes: the schema's name, fields, logical operators and optional search rules. */
export interface SchemaDefinition<
  Fields extends FieldMap = FieldMap,
  Logical extends readonly LogicalOperator[] = readonly LogicalOperator[],
> {
  /** A short name used in messages and by the CLI's `--schema`, e.g. `ota-job`. */
  readonly name: string;
  /** The fields expressions may name, by field name. */
  readonly fields: Fields;
  /** The logical operators expressions may use (`and`, `or` or both). */
  readonly logical: Logical;
  /** How the API's searches page its records; without it, searches use Search OTA Job's rules. */
  readonly search?: SearchRules;
}

/**
 * One key of a page order. `type` says how its values compare (strings in code-point order, numbers and integers as
 * numbers, datetimes as their fixed-form strings); a key outside the schema's fields is a record property the SQL
 * table stores in a column of its own.
 */
export interface SortKey {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
  readonly type: 'string' | 'number' | 'integer' | 'datetime';
}

/**
 * An API's search rules (docs/LANGUAGE.md §5): records are scoped by `orgId`; pages follow `order`, then the `id`
 * ascending in code-point order (the id is unique within an organisation, so pages never overlap).
 */
export interface SearchRules {
  /** The record's id: the last key of every order, and with `orgId` the record's key. A string property. */
  readonly id: string;
  /** The default order before the id; `[]` orders by the id alone. */
  readonly order: readonly SortKey[];
  /** Page size when a request gives none, and the most it may ask for. */
  readonly pageSize: { readonly default: number; readonly max: number };
  /**
   * The fields `pagination.sorters` may name (each with its type); absent: the API takes no sorters, they are
   * ignored and `sortedBy` is null.
   */
  readonly sorters?: readonly Omit<SortKey, 'direction'>[];
  /** The SQL table; by default the schema's name with `_` for `-` (`alert_rule`). */
  readonly table?: string;
}

/** A checked schema, made by `defineSchema`: its definition plus the field names in declaration order. */
export interface Schema<
  Fields extends FieldMap = FieldMap,
  Logical extends readonly LogicalOperator[] = readonly LogicalOperator[],
> extends SchemaDefinition<Fields, Logical> {
  /** Field names in declaration order, as listed in "supported fields" messages. */
  readonly fieldNames: readonly string[];
  /** @internal own-property lookup table; never consults Object.prototype. */
  readonly lookup: ReadonlyMap<string, FieldSpec>;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SEGMENT = /^[A-Za-z0-9_\-/]+$/;
const LOGICAL: readonly LogicalOperator[] = ['and', 'or'];

/**
 * What each field type accepts in its definition: the properties beside `type` and `operators`, and whether
 * ordering operators (`<`…) and `like` make sense on it. One row per type, so a new type is one more row.
 */
const FIELD_RULES: Readonly<
  Record<FieldType, { readonly properties: readonly string[]; readonly ordering: boolean; readonly like: boolean }>
> = {
  string: { properties: ['values', 'closed'], ordering: false, like: true },
  number: { properties: [], ordering: true, like: false },
  boolean: { properties: [], ordering: false, like: false },
  datetime: { properties: [], ordering: true, like: false },
  i18n: { properties: ['locales'], ordering: false, like: true },
  map: { properties: ['values'], ordering: false, like: true },
};

/**
 * Makes a schema from a plain definition, checking every part of it once, at run time too (for JavaScript callers
 * and definitions read from JSON): the name, each field's name, type, operators and type-specific properties, and
 * the logical operators. A bad part is a TypeError naming the field and the value. Types are inferred from the
 * literal, for the typed builder.
 * @example
 * ```ts
 * const deviceSchema = defineSchema({
 *   name: 'device',
 *   fields: {
 *     assetId: { type: 'string', operators: ['=', 'in'] },
 *     online: { type: 'boolean', operators: ['='] },
 *   },
 *   logical: ['and', 'or'],
 * });
 * ```
 */
export function defineSchema<const Fields extends FieldMap, const Logical extends readonly LogicalOperator[]>(
  definition: SchemaDefinition<Fields, Logical>,
): Schema<Fields, Logical> {
  checkDefinition(definition);
  return trustedSchema(definition);
}

/**
 * `defineSchema` without the checks, for the built-in API schemas (src/apis/), fixed definitions that a test passes
 * through `defineSchema` too: a browser bundle that uses a built-in schema but not defineSchema then leaves the
 * checks and their messages out.
 * @internal
 */
export function trustedSchema<const Fields extends FieldMap, const Logical extends readonly LogicalOperator[]>(
  definition: SchemaDefinition<Fields, Logical>,
): Schema<Fields, Logical> {
  const lookup = new Map<string, FieldSpec>(Object.entries(definition.fields));
  return Object.freeze({
    name: definition.name,
    fields: definition.fields,
    logical: definition.logical,
    ...(definition.search === undefined ? {} : { search: definition.search }),
    fieldNames: Object.freeze([...lookup.keys()]),
    lookup,
  });
}

function checkDefinition(definition: unknown): void {
  if (!isObject(definition))
    throw new TypeError(
      `defineSchema: the definition must be an object { name, fields, logical }, found ${describe(definition)}`,
    );
  for (const key of Object.keys(definition)) {
    if (key !== 'name' && key !== 'fields' && key !== 'logical' && key !== 'search')
      throw new TypeError(
        `defineSchema: unknown property ${JSON.stringify(key)}${suggest(key, ['name', 'fields', 'logical', 'search'])}: expected name, fields, logical and search`,
      );
  }
  const { name, fields, logical } = definition;
  if (typeof name !== 'string' || name === '')
    throw new TypeError(`defineSchema: name must be a non-empty string, found ${describe(name)}`);
  if (!isObject(fields))
    throw new TypeError(
      `defineSchema ${name}: fields must be an object of field definitions, found ${describe(fields)}`,
    );
  if (!Array.isArray(logical) || !logical.every((op) => (LOGICAL as readonly unknown[]).includes(op))) {
    const bad = Array.isArray(logical) ? logical.find((op) => !(LOGICAL as readonly unknown[]).includes(op)) : logical;
    throw new TypeError(`defineSchema ${name}: logical must be an array of and, or: found ${describe(bad)}`);
  }
  for (const field of Object.keys(fields)) checkField(name, field, fields[field]);
  if (definition.search !== undefined) checkSearchRules(name, definition.search);
}

const SORT_TYPES: readonly string[] = ['string', 'number', 'integer', 'datetime'];

function checkSearchRules(schema: string, search: unknown): void {
  const where = `defineSchema ${schema}: search`;
  if (!isObject(search))
    throw new TypeError(
      `${where} must be an object { id, order, pageSize, sorters?, table? }, found ${describe(search)}`,
    );
  const known = ['id', 'order', 'pageSize', 'sorters', 'table'];
  for (const key of Object.keys(search)) {
    if (!known.includes(key))
      throw new TypeError(`${where}: unknown property ${JSON.stringify(key)}${suggest(key, known)}`);
  }
  const isName = (value: unknown): boolean => typeof value === 'string' && FIELD_NAME.test(value);
  if (!isName(search.id)) throw new TypeError(`${where}.id must be a property name, found ${describe(search.id)}`);
  const sortKey = (key: unknown, withDirection: boolean): boolean =>
    isObject(key) &&
    isName(key.field) &&
    SORT_TYPES.includes(key.type as string) &&
    (!withDirection || key.direction === 'asc' || key.direction === 'desc');
  if (!Array.isArray(search.order) || !search.order.every((key) => sortKey(key, true))) {
    throw new TypeError(
      `${where}.order must be an array of { field, direction: 'asc' | 'desc', type: ${SORT_TYPES.join(' | ')} }`,
    );
  }
  const size = search.pageSize;
  const positive = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;
  if (
    !isObject(size) ||
    !positive(size.default) ||
    !positive(size.max) ||
    (size.default as number) > (size.max as number)
  ) {
    throw new TypeError(`${where}.pageSize must be { default, max }, integers with 1 <= default <= max`);
  }
  if (
    search.sorters !== undefined &&
    (!Array.isArray(search.sorters) || !search.sorters.every((key) => sortKey(key, false)))
  ) {
    throw new TypeError(`${where}.sorters must be an array of { field, type: ${SORT_TYPES.join(' | ')} }`);
  }
  if (search.table !== undefined && (typeof search.table !== 'string' || search.table === '')) {
    throw new TypeError(`${where}.table must be a non-empty string, found ${describe(search.table)}`);
  }
}

function checkField(schema: string, name: string, field: unknown): void {
  const where = `defineSchema ${schema}: field ${name}`;
  if (!FIELD_NAME.test(name) || isReservedWord(name)) {
    // A keyword standing alone can never be written as a field in an expression (docs/LANGUAGE.md §1).
    throw new TypeError(
      `defineSchema ${schema}: ${JSON.stringify(name)} is not a valid field name (a letter or _, then letters, digits or _; not a keyword)`,
    );
  }
  if (!isObject(field))
    throw new TypeError(`${where} must be an object { type, operators, … }, found ${describe(field)}`);
  const types = Object.keys(FIELD_RULES) as FieldType[];
  const type = field.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELD_RULES, type)) {
    throw new TypeError(
      `${where}: unknown type ${describe(type)}${suggest(type, types)}: expected ${types.join(', ')}`,
    );
  }
  const rules = FIELD_RULES[type as FieldType];
  const allowed = ['type', 'operators', ...rules.properties];
  for (const key of Object.keys(field)) {
    if (!allowed.includes(key))
      throw new TypeError(
        `${where}: unknown property ${JSON.stringify(key)}${suggest(key, allowed)} for a ${type} field`,
      );
  }
  const operators = field.operators;
  if (!Array.isArray(operators))
    throw new TypeError(`${where}: operators must be an array, found ${describe(operators)}`);
  for (const op of operators as unknown[]) {
    if (!isOperator(op))
      throw new TypeError(
        `${where}: unknown operator ${describe(op)}${suggest(op, OPERATORS)}: expected one of ${OPERATORS.join(', ')}`,
      );
    if (OPERATOR_TABLE[op].ordering && !rules.ordering)
      throw new TypeError(`${where}: ${op} is allowed on number and datetime fields only`);
    if (op === 'like' && !rules.like) throw new TypeError(`${where}: like needs a string, i18n or map field`);
  }
  if (type === 'string') {
    const values = field.values;
    const bad = Array.isArray(values) ? values.find((value) => typeof value !== 'string') : values;
    if (values !== undefined && (!Array.isArray(values) || bad !== undefined)) {
      throw new TypeError(`${where}: values must be an array of strings, found ${describe(bad)}`);
    }
    if (field.closed !== undefined && typeof field.closed !== 'boolean')
      throw new TypeError(`${where}: closed must be true or false, found ${describe(field.closed)}`);
  }
  if (type === 'map' && field.values !== undefined && field.values !== 'string' && field.values !== 'scalar') {
    throw new TypeError(`${where}: values must be 'string' or 'scalar', found ${describe(field.values)}`);
  }
  if (type === 'i18n') {
    if (!Array.isArray(field.locales))
      throw new TypeError(`${where}: locales must be an array of locale names, found ${describe(field.locales)}`);
    for (const locale of field.locales as unknown[]) {
      if (
        typeof locale !== 'string' ||
        !SEGMENT.test(locale) ||
        (I18N_DEFAULT_SEGMENTS as readonly string[]).includes(locale)
      ) {
        throw new TypeError(`${where}: ${describe(locale)} is not a valid locale name`);
      }
    }
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function suggest(value: unknown, candidates: readonly string[]): string {
  const match = typeof value === 'string' ? closestMatch(value, candidates) : undefined;
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
