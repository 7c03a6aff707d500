/**
 * Options checked at run time, for JavaScript callers and casts: a plain object (or nothing, where allowed) with
 * known keys only, each value checked. A bad option is a `TypeError` naming the function and the option, because
 * options are the caller's code, not user input: a server that answers user mistakes with 99400 should never answer
 * its own that way.
 */
import { isContainer } from '../util/own.js';

/** Checks one option's value; returns what is wrong with it, or undefined when it is fine. */
export type OptionCheck = (value: unknown) => string | undefined;
export type OptionChecks = Readonly<Record<string, OptionCheck>>;

export const checkSchema: OptionCheck = (schema) =>
  isContainer(schema) && schema.lookup instanceof Map && Array.isArray(schema.logical)
    ? undefined
    : 'schema must be a schema made by defineSchema';

export const checkLimits: OptionCheck = (limits) =>
  isContainer(limits) ? undefined : 'limits must be an object { maxLength?, maxDepth?, maxInValues?, maxComparisons? }';

/** The options every schema-reading function takes. */
export const SCHEMA_OPTIONS: OptionChecks = { schema: checkSchema };

/**
 * Returns `options` (an empty object when absent and nothing is required) after checking it against `checks`.
 * @throws TypeError `<what>: unknown option "dialekt": expected schema, dialect or mapping`, and the like.
 */
export function checkOptions<Options extends object>(
  what: string,
  options: Options | undefined,
  checks: OptionChecks,
  required: readonly string[] = [],
): Options {
  if (options === undefined || options === null) {
    if (required.length === 0) return {} as Options;
    throw new TypeError(`${what}: options are required: { ${required.join(', ')} }`);
  }
  if (!isContainer(options)) throw new TypeError(`${what}: options must be an object, found ${typeof options}`);
  const known = Object.keys(checks);
  for (const key of Object.keys(options)) {
    if (!known.includes(key))
      throw new TypeError(`${what}: unknown option ${JSON.stringify(key)}: expected ${listOf(known)}`);
  }
  for (const key of required) {
    if (options[key] === undefined) throw new TypeError(`${what}: the ${key} option is required`);
  }
  for (const key of known) {
    const value = options[key];
    const problem = value === undefined ? undefined : checks[key]!(value);
    if (problem !== undefined) throw new TypeError(`${what}: ${problem}`);
  }
  return options;
}

/** `a, b or c`, as option messages list choices. */
export function listOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** An option check that accepts exactly one of `choices`: `unknown dialect "oracle": expected postgres, mysql or sqlite`. */
export function oneOf(what: string, choices: readonly string[]): OptionCheck {
  return (value) =>
    typeof value === 'string' && choices.includes(value)
      ? undefined
      : `unknown ${what} ${JSON.stringify(value)}: expected ${listOf(choices)}`;
}
