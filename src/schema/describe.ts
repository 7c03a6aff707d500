/**
 * A schema described as data (docs/LANGUAGE.md §4): every field with its type, the paths it is written as, the
 * operators it allows, the type its values must have, its known values and its locales, and the logical operators.
 * The CLI's `ota-expr schema`, the generated pages in docs/schemas/ and the README's field table are rendered from
 * it, so what the documentation says a schema accepts is what validation enforces.
 */
import type { LogicalOperator, Operator } from '../language/ast.js';
import { assertNever } from '../util/assert-never.js';
import { i18nPaths } from './resolve.js';
import type { FieldSpec, FieldType, Schema } from './schema.js';

/** The JavaScript type a comparison's value must have. */
export type DescribedValueType = 'string' | 'number' | 'boolean';

/** One field of a {@link SchemaDescription}. Every property is always present, so scripts need no guards. */
export interface FieldDescription {
  /** The field's name, as written at the start of a path: `productKey`, `name`. */
  readonly name: string;
  readonly type: FieldType;
  /**
   * Every path that names the field in an expression: `['productKey']`; for an i18n field the bare name, `.defaultValue`,
   * `.default` and one per locale; for a map field `tags.<key>`, where `<key>` stands for any key.
   */
  readonly paths: readonly string[];
  /** The operators the field allows, in the schema's order (the order of the "allowed op" message). */
  readonly operators: readonly Operator[];
  /** The types a value compared with the field may have (one for every type but a scalar map). */
  readonly valueTypes: readonly DescribedValueType[];
  /**
   * Known values of an enum-like string field (docs/LANGUAGE.md §4.4); empty when the field has none. A value
   * outside them is a warning, not an error.
   */
  readonly knownValues: readonly string[];
  /** Whether the typed query builder accepts the known values only (`closed: true`); validation is the same. */
  readonly closed: boolean;
  /** The locales of an i18n field (its paths `name.<locale>`); empty for other types. */
  readonly locales: readonly string[];
  /** The form a string value must have, for types that require one (`datetime`: `YYYY-MM-DD HH:mm:ss`); else null. */
  readonly format: string | null;
}

/** What a schema accepts, as plain JSON-compatible data: {@link describeSchema}'s answer. */
export interface SchemaDescription {
  /** The schema's name (`ota-job`), as the CLI's `--schema` takes it. */
  readonly name: string;
  /** The fields in declaration order. */
  readonly fields: readonly FieldDescription[];
  /** The logical operators allowed between comparisons; empty when the schema takes one comparison only. */
  readonly logical: readonly LogicalOperator[];
}

/**
 * Describes a schema as data: its fields (type, paths, operators, value types, known values, locales) and its logical
 * operators. The answer is frozen plain data that `JSON.stringify` writes as it is.
 *
 * @example
 * ```ts
 * import { describeSchema, otaJobSchema } from 'ota-expr';
 *
 * const status = describeSchema(otaJobSchema).fields.find((field) => field.name === 'status');
 * status?.operators; // ['=']
 * status?.knownValues; // ['started', 'stopped']
 * ```
 */
export function describeSchema(schema: Schema): SchemaDescription {
  const fields = schema.fieldNames.map((name) => describeField(name, schema.lookup.get(name)!));
  return Object.freeze({
    name: schema.name,
    fields: Object.freeze(fields),
    logical: Object.freeze([...schema.logical]),
  });
}

/** How EnOS writes a date and time (src/schema/schema.ts, `DatetimeFieldSpec`). */
const DATETIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

function describeField(name: string, field: FieldSpec): FieldDescription {
  const base = { name, type: field.type, operators: Object.freeze([...field.operators]) };
  const none: readonly string[] = Object.freeze([]);
  switch (field.type) {
    case 'string':
      return Object.freeze({
        ...base,
        paths: Object.freeze([name]),
        valueTypes: Object.freeze(['string'] as const),
        knownValues: Object.freeze([...(field.values ?? [])]),
        closed: field.closed === true,
        locales: none,
        format: null,
      });
    case 'number':
    case 'boolean':
      return Object.freeze({
        ...base,
        paths: Object.freeze([name]),
        valueTypes: Object.freeze([field.type]),
        knownValues: none,
        closed: false,
        locales: none,
        format: null,
      });
    case 'datetime':
      return Object.freeze({
        ...base,
        paths: Object.freeze([name]),
        valueTypes: Object.freeze(['string'] as const),
        knownValues: none,
        closed: false,
        locales: none,
        format: DATETIME_FORMAT,
      });
    case 'i18n':
      return Object.freeze({
        ...base,
        paths: Object.freeze(i18nPaths(name, field)),
        valueTypes: Object.freeze(['string'] as const),
        knownValues: none,
        closed: false,
        locales: Object.freeze([...field.locales]),
        format: null,
      });
    case 'map':
      return Object.freeze({
        ...base,
        paths: Object.freeze([`${name}.<key>`]),
        valueTypes: Object.freeze(
          field.values === 'scalar' ? (['string', 'number', 'boolean'] as const) : (['string'] as const),
        ),
        knownValues: none,
        closed: false,
        locales: none,
        format: null,
      });
    default:
      return assertNever(field);
  }
}
