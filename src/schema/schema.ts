/**
 * Schemas (docs/LANGUAGE.md §4): which fields an API accepts, each field's type and operators, known values of enum-like
 * fields, and the logical operators allowed. A schema is plain data made by `defineSchema`, so other EnOS APIs are
 * described without touching the core, and the typed builder derives its types from the same value.
 */
import type { LogicalOperator, Operator } from '../language/ast.js';
import { OPERATOR_TABLE } from '../language/operators.js';
import { isReservedWord } from '../language/grammar-support.js';
import { I18N_DEFAULT_SEGMENTS } from './resolve.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'i18n' | 'map';

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

export interface NumberFieldSpec {
  readonly type: 'number';
  readonly operators: readonly Operator[];
}

export interface BooleanFieldSpec {
  readonly type: 'boolean';
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

/** A map of strings such as `tags`: paths are `tags.<key>`, the key being any segment text after the first dot. */
export interface MapFieldSpec {
  readonly type: 'map';
  readonly operators: readonly Operator[];
}

export type FieldSpec = StringFieldSpec | NumberFieldSpec | BooleanFieldSpec | I18nFieldSpec | MapFieldSpec;
export type FieldMap = { readonly [name: string]: FieldSpec };

export interface SchemaDefinition<
  Fields extends FieldMap = FieldMap,
  Logical extends readonly LogicalOperator[] = readonly LogicalOperator[],
> {
  /** A short name used in messages and by the CLI's `--schema`, e.g. `ota-job`. */
  readonly name: string;
  readonly fields: Fields;
  readonly logical: Logical;
}

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

/**
 * Makes a schema from a plain definition, checking it once: names must be valid paths, ordering operators belong
 * to number fields, `like` to string-like ones. Types are inferred from the literal, for the typed builder.
 */
export function defineSchema<const Fields extends FieldMap, const Logical extends readonly LogicalOperator[]>(
  definition: SchemaDefinition<Fields, Logical>,
): Schema<Fields, Logical> {
  for (const name of Object.keys(definition.fields)) checkField(name, definition.fields[name]!);
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
    fieldNames: Object.freeze([...lookup.keys()]),
    lookup,
  });
}

function checkField(name: string, field: FieldSpec): void {
  if (!FIELD_NAME.test(name) || isReservedWord(name)) {
    // A keyword standing alone can never be written as a field in an expression (docs/LANGUAGE.md §1).
    throw new TypeError(`schema field name ${JSON.stringify(name)} is not a valid field name`);
  }
  for (const op of field.operators) {
    if (OPERATOR_TABLE[op].ordering && field.type !== 'number') {
      throw new TypeError(`schema field ${name}: ${op} is allowed on number fields only`);
    }
    if (op === 'like' && field.type !== 'string' && field.type !== 'i18n' && field.type !== 'map') {
      throw new TypeError(`schema field ${name}: like needs a string, i18n or map field`);
    }
  }
  if (field.type === 'i18n') {
    for (const locale of field.locales) {
      if (!SEGMENT.test(locale) || (I18N_DEFAULT_SEGMENTS as readonly string[]).includes(locale)) {
        throw new TypeError(`schema field ${name}: ${JSON.stringify(locale)} is not a valid locale name`);
      }
    }
  }
}
