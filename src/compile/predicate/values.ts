/**
 * Value helpers shared by the compilers (docs/SEMANTICS.md): presence by the field's type, own-property reads,
 * ASCII-only case folding, and the one regular expression `like` compiles to.
 */
import type { Literal } from '../../language/ast.js';
import type { RecordTest, ValueTest } from './types.js';

export type { ValueType } from '../../schema/schema.js';

/**
 * An object a path may step into: not null, not an array (SEMANTICS: arrays are never a field's value, so an array
 * where an i18n or map object belongs counts as absent).
 */
export function isContainer(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Object.hasOwn`, bound once: hostile keys (`__proto__`, `constructor`) are data, never prototype lookups. */
export const hasOwn: (object: object, key: PropertyKey) => boolean = Object.hasOwn;

/** The own property `key` of `value`, or undefined when `value` is not an object or the property is inherited. */
export function ownProperty(value: unknown, key: string): unknown {
  return isContainer(value) && hasOwn(value, key) ? value[key] : undefined;
}

/** Folds ASCII `A`–`Z` to `a`–`z` and nothing else (`É`, `ß`, `İ` stay as they are), as `like` compares. */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** The reference meaning of `like` on a present string (SPEC §3): ASCII-folded containment by UTF-16 code units. */
export function containsIgnoringAsciiCase(text: string, pattern: string): boolean {
  return foldAsciiCase(text).includes(foldAsciiCase(pattern));
}

/**
 * The source of a regular expression that matches a string exactly when it contains `pattern`, ignoring the case
 * of ASCII letters only, for both JavaScript (no flags) and MongoDB's PCRE (no options).
 *
 * - Each ASCII letter becomes a two-letter class (`a` → `[aA]`): the `i` flag is not used because both engines fold
 *   non-ASCII letters under it too (`É`/`é`, and PCRE's Unicode mode even `ſ`/`s`), which `like` must not.
 * - Every other ASCII character except digits is written `\xHH`, which means "this code unit" in JavaScript (with or
 *   without the `u` flag) and in PCRE alike, so no character of `pattern` can act as syntax, not even under the
 *   `x` option; NUL, which PCRE refuses in a pattern, is `\x00` too.
 * - Characters beyond ASCII are never syntax in either engine and stay literal.
 *
 * The result has no quantifiers, groups or alternation: matching tries each start once per pattern character
 * (at most |text|·|pattern| steps), so no input can make it backtrack catastrophically.
 */
export function asciiCaseInsensitiveContainsSource(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const code = pattern.charCodeAt(index);
    if (code >= 0x80 || (code >= 0x30 && code <= 0x39)) {
      source += pattern[index];
    } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      const lower = String.fromCharCode(code | 0x20);
      const upper = String.fromCharCode(code & ~0x20);
      source += `[${lower}${upper}]`;
    } else {
      source += `\\x${code.toString(16).padStart(2, '0')}`;
    }
  }
  return source;
}

/** True when `text` holds a UTF-16 surrogate that is not half of a pair (not storable as UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * The record test "`record.<name>[key]` passes `test`", both own properties (the key is data: `__proto__` is just a
 * key). Used for map entries. `test` runs before the own-property checks, which only a passing value needs (the
 * ValueTest contract: `test(undefined)` is false).
 */
export function nestedEntryTest(name: string, key: string, test: ValueTest): RecordTest {
  return (record) => {
    const container = record[name];
    return isContainer(container) && test(container[key]) && hasOwn(container, key) && hasOwn(record, name);
  };
}

/**
 * `like` as a candidate test, the cheapest exact one chosen once. An empty pattern is presence; one without ASCII
 * letters needs no folding, so it is a plain `includes`; otherwise the `[aA]` regular expression that MongoDB also
 * gets (V8 runs it several times faster than folding each record, and it allocates nothing).
 */
export function containsIgnoringAsciiCaseTest(pattern: string): KindedTest {
  if (pattern === '') return { test: (value) => typeof value === 'string', kind: 'like:empty' };
  if (!hasAsciiLetter(pattern))
    return { test: (value) => typeof value === 'string' && value.includes(pattern), kind: 'like:includes' };
  const expression = likeExpression(pattern);
  return { test: (value) => typeof value === 'string' && expression.test(value), kind: 'like:regexp' };
}

/** A candidate test and its kind (types.ts TestKind). */
export interface KindedTest {
  readonly test: ValueTest;
  readonly kind: string;
}

export function hasAsciiLetter(pattern: string): boolean {
  return /[A-Za-z]/.test(pattern);
}

/**
 * The regular expression of a `like` pattern with ASCII letters. No `g` or `y` flag: `test` then ignores and never
 * updates lastIndex, so one instance serves every record.
 */
export function likeExpression(pattern: string): RegExp {
  return new RegExp(asciiCaseInsensitiveContainsSource(pattern));
}

/** Above this many values an `in` looks values up in a Set; below it `===` (unrolled up to four) is faster. */
export const IN_SET_THRESHOLD = 4;

/** `x === v`: v has the field's type, so equality implies presence. */
export function equalTo(expected: Literal): ValueTest {
  return (value) => value === expected;
}

/**
 * The candidate test "one of `values`" (distinct, at least one), for readers without a fused form: `===` for one
 * value, a loop for a few, a Set beyond IN_SET_THRESHOLD.
 */
export function oneOf(values: readonly Literal[], isPresent: ValueTest): KindedTest {
  const [first] = values;
  if (values.length === 1 && first !== undefined) return { test: equalTo(first), kind: 'equal' };
  if (values.length > IN_SET_THRESHOLD) {
    // Set.has uses SameValueZero, which agrees with === here: values are finite (validated), so no NaN.
    const set = new Set<unknown>(values);
    return { test: (value) => isPresent(value) && set.has(value), kind: 'in:set' };
  }
  const list = [...values];
  const count = list.length;
  return {
    test: (value) => {
      for (let index = 0; index < count; index += 1) if (value === list[index]) return true;
      return false;
    },
    kind: 'in:list',
  };
}
