/**
 * Path resolution, shared by validation and every compiler: what a path such as `name.zh_CN` or `tags.k` refers
 * to in a schema (docs/LANGUAGE.md §3's i18n table), or why it refers to nothing, with a did-you-mean suggestion.
 */
import { assertNever } from '../util/assert-never.js';
import { closestMatch } from '../util/did-you-mean.js';
import type {
  BooleanFieldSpec,
  DatetimeFieldSpec,
  I18nFieldSpec,
  MapFieldSpec,
  NumberFieldSpec,
  Schema,
  StringFieldSpec,
} from './schema.js';

/** The segments that name an i18n value's default: `name.defaultValue` and its alias `name.default`. */
export const I18N_DEFAULT_SEGMENTS = ['defaultValue', 'default'] as const;

/** Which part of an i18n value a path compares against (docs/LANGUAGE.md §3's i18n table). */
export type I18nTarget =
  { readonly kind: 'any' } | { readonly kind: 'default' } | { readonly kind: 'locale'; readonly locale: string };

/** What a valid path refers to: a scalar field, part of an i18n field, or one key of a map field. */
export type ResolvedPath =
  | {
      readonly kind: 'scalar';
      readonly name: string;
      readonly field: StringFieldSpec | NumberFieldSpec | BooleanFieldSpec | DatetimeFieldSpec;
    }
  | { readonly kind: 'i18n'; readonly name: string; readonly field: I18nFieldSpec; readonly target: I18nTarget }
  | { readonly kind: 'map'; readonly name: string; readonly field: MapFieldSpec; readonly key: string };

/**
 * What a path's present values are: a string, number or boolean (their `typeof`); a `datetime` string of the form
 * `YYYY-MM-DD HH:mm:ss`; or, for a map of scalars, any of string, number and boolean. i18n values and the entries of a
 * map of strings are strings.
 */
export type ValueType = 'string' | 'number' | 'boolean' | 'datetime' | 'scalar';

export function valueTypeOf(path: ResolvedPath): ValueType {
  switch (path.kind) {
    case 'scalar':
      return path.field.type;
    case 'i18n':
      return 'string';
    case 'map':
      return path.field.values === 'scalar' ? 'scalar' : 'string';
    default:
      return assertNever(path);
  }
}

/**
 * A datetime value: exactly `YYYY-MM-DD HH:mm:ss` naming a real date and time (no month 13, no 24:00:00, no
 * 2023-02-29; leap years by the Gregorian rule). One regular expression that JavaScript, MongoDB's PCRE and the SQL
 * rows all read alike, so that a record value is present or absent the same way on every target.
 */
export const DATETIME_SOURCE =
  '^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))' +
  '|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)' +
  ' (?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$';

export const DATETIME_FORM = new RegExp(DATETIME_SOURCE);

/** True for a datetime literal or record value of the one form that names a real date and time. */
export function isCalendarDatetime(text: string): boolean {
  return DATETIME_FORM.test(text);
}

/** What `resolvePath` returns: the resolved path, or why the path names nothing, with the supported paths. */
export type PathResolution =
  | { readonly ok: true; readonly path: ResolvedPath }
  | {
      readonly ok: false;
      readonly kind: 'unknown-field' | 'unknown-locale';
      /** The field's name when the field exists and only the rest of the path is wrong. */
      readonly field?: string;
      readonly supported: readonly string[];
      readonly suggestion?: string;
      /** Why the path is wrong when the list of supported paths does not say it. */
      readonly reason?: string;
    };

/**
 * Resolves a field path such as `name.zh_CN` or `tags.k` against `schema`, or says why it names nothing.
 * @example
 * ```ts
 * const resolution = resolvePath(otaJobSchema, 'name.zh_CN');
 * if (resolution.ok) console.log(resolution.path.kind); // 'i18n'
 * ```
 */
export function resolvePath(schema: Schema, pathText: string): PathResolution {
  const dot = pathText.indexOf('.');
  const name = dot < 0 ? pathText : pathText.slice(0, dot);
  const rest = dot < 0 ? undefined : pathText.slice(dot + 1);
  const field = schema.lookup.get(name);
  if (field === undefined) return unknownField(schema, pathText);
  switch (field.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'datetime':
      return rest === undefined ? { ok: true, path: { kind: 'scalar', name, field } } : unknownField(schema, pathText);
    case 'map':
      if (rest === undefined) return { ok: false, kind: 'unknown-field', field: name, supported: [`${name}.<key>`] };
      if (rest.includes('.')) {
        const reason = 'a map key is one segment';
        return { ok: false, kind: 'unknown-field', field: name, supported: [`${name}.<key>`], reason };
      }
      return { ok: true, path: { kind: 'map', name, field, key: rest } };
    case 'i18n': {
      const target = i18nTarget(field, rest);
      if (target !== undefined) return { ok: true, path: { kind: 'i18n', name, field, target } };
      const supported = i18nPaths(name, field);
      return {
        ok: false,
        kind: 'unknown-locale',
        field: name,
        supported,
        ...optionalSuggestion(closestMatch(pathText, supported)),
      };
    }
    default:
      return assertNeverField(field);
  }
}

function i18nTarget(field: I18nFieldSpec, rest: string | undefined): I18nTarget | undefined {
  if (rest === undefined) return { kind: 'any' };
  if ((I18N_DEFAULT_SEGMENTS as readonly string[]).includes(rest)) return { kind: 'default' };
  if (field.locales.includes(rest)) return { kind: 'locale', locale: rest };
  return undefined;
}

/** Every path an i18n field accepts, in the order messages list them. */
export function i18nPaths(name: string, field: I18nFieldSpec): string[] {
  return [
    name,
    ...I18N_DEFAULT_SEGMENTS.map((segment) => `${name}.${segment}`),
    ...field.locales.map((l) => `${name}.${l}`),
  ];
}

function unknownField(schema: Schema, pathText: string): PathResolution {
  const candidates = schema.fieldNames.flatMap((name) => {
    const field = schema.lookup.get(name)!;
    return field.type === 'i18n' ? i18nPaths(name, field) : [name];
  });
  return {
    ok: false,
    kind: 'unknown-field',
    supported: schema.fieldNames,
    ...optionalSuggestion(closestMatch(pathText, candidates)),
  };
}

function optionalSuggestion(suggestion: string | undefined): { suggestion?: string } {
  return suggestion === undefined ? {} : { suggestion };
}

function assertNeverField(field: never): never {
  throw new Error(`unknown field type: ${JSON.stringify(field)}`);
}
