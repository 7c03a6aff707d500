/**
 * Path resolution, shared by validation and every compiler: what a path such as `name.zh_CN` or `tags.k` refers
 * to in a schema (docs/LANGUAGE.md §3's i18n table), or why it refers to nothing, with a did-you-mean suggestion.
 */
import { assertNever } from '../util/assert-never.js';
import { closestMatch } from '../util/did-you-mean.js';
import type {
  BooleanFieldSpec,
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

export type ResolvedPath =
  | {
      readonly kind: 'scalar';
      readonly name: string;
      readonly field: StringFieldSpec | NumberFieldSpec | BooleanFieldSpec;
    }
  | { readonly kind: 'i18n'; readonly name: string; readonly field: I18nFieldSpec; readonly target: I18nTarget }
  | { readonly kind: 'map'; readonly name: string; readonly field: MapFieldSpec; readonly key: string };

/** The JavaScript type (`typeof`) of a path's present values: i18n and map fields hold strings. */
export type ValueType = 'string' | 'number' | 'boolean';

export function valueTypeOf(path: ResolvedPath): ValueType {
  switch (path.kind) {
    case 'scalar':
      return path.field.type;
    case 'i18n':
    case 'map':
      return 'string';
    default:
      return assertNever(path);
  }
}

export type PathResolution =
  | { readonly ok: true; readonly path: ResolvedPath }
  | {
      readonly ok: false;
      readonly kind: 'unknown-field' | 'unknown-locale';
      /** The field's name when the field exists and only the rest of the path is wrong. */
      readonly field?: string;
      readonly supported: readonly string[];
      readonly suggestion?: string;
    };

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
      return rest === undefined ? { ok: true, path: { kind: 'scalar', name, field } } : unknownField(schema, pathText);
    case 'map':
      return rest === undefined
        ? { ok: false, kind: 'unknown-field', field: name, supported: [`${name}.<key>`] }
        : { ok: true, path: { kind: 'map', name, field, key: rest } };
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
