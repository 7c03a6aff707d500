/**
 * A test oracle for completion: is `text` a prefix of some valid expression under `schema`? Tried by appending
 * endings built from the schema (close a string, then an operand, an operator and its operand, or a whole
 * comparison, then closing parentheses) and asking `check`. A `false` may be a missing ending, never a wrong `true`:
 * `check` decides.
 */
import { check, type Schema } from '../../src/core.js';
import { i18nPaths } from '../../src/schema/resolve.js';
import type { FieldSpec } from '../../src/schema/schema.js';

function valuesOf(field: FieldSpec): string[] {
  switch (field.type) {
    case 'string':
      return [...(field.values ?? []).map((value) => `'${value}'`), "'a'"];
    case 'number':
      return ['1'];
    case 'boolean':
      return ['true'];
    case 'datetime':
      return ["'2020-01-01 00:00:00'"];
    default:
      return ["'a'"];
  }
}

/** The paths of a field, and for a map the key alone (the rest of `tags.` once the prefix is typed). */
function pathsOf(name: string, field: FieldSpec): string[] {
  if (field.type === 'i18n') return i18nPaths(name, field);
  return field.type === 'map' ? [`${name}.k`, 'k'] : [name];
}

const cache = new WeakMap<Schema, string[]>();

function endings(schema: Schema): string[] {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const middles = new Set<string>(['']);
  for (const name of schema.fieldNames) {
    const field = schema.lookup.get(name)!;
    for (const path of pathsOf(name, field)) {
      middles.add(`${path})`);
      middles.add(`(${path})`);
      for (const op of field.operators) {
        for (const value of valuesOf(field)) {
          middles.add(` ${value}`);
          const tail =
            op === 'in'
              ? ` in (${value})`
              : op === 'like'
                ? " like 'a'"
                : op === 'is null' || op === 'is not null'
                  ? ` ${op}`
                  : op === 'exists' || op === 'not exists'
                    ? undefined
                    : ` ${op} ${value}`;
          if (op === 'exists' || op === 'not exists') middles.add(` ${op}(${path})`);
          if (tail === undefined) continue;
          middles.add(tail);
          middles.add(` ${path}${tail}`).add(`${path}${tail}`);
          if (op === 'is null') middles.add(' null');
          if (op === 'is not null') middles.add(' not null').add(' null');
          if (op === 'in') middles.add(` (${value})`);
        }
      }
    }
  }
  const all: string[] = [];
  for (const close of ['', "'", '"']) {
    for (const middle of middles) for (const parens of ['', ')', '))', ')))']) all.push(close + middle + parens);
  }
  cache.set(schema, all);
  return all;
}

export function isViablePrefix(text: string, schema: Schema): boolean {
  return endings(schema).some((ending) => check(text + ending, { schema }).ok);
}
