/**
 * Candidate readers: how a compiled path reaches the value(s) a comparison looks at (docs/SEMANTICS.md). Each
 * reader is built once per comparison from the resolved path, with names and keys fixed in its closure, so that
 * checking a record reads own properties only, looks nothing up in tables and allocates nothing. Scalar fields read
 * through their own copy of the closures (sites.generated.ts, slots.ts), which keeps V8's property loads
 * monomorphic however many filters a process compiles.
 */
import type { Literal } from '../../language/ast.js';
import { valueTypeOf, type ResolvedPath } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { i18nReader } from './i18n.js';
import { SCALAR_SITES, type ScalarSites } from './sites.generated.js';
import { SlotTable } from './slots.js';
import type { CandidateReader, SiteTest, ValueTest } from './types.js';
import {
  containsIgnoringAsciiCaseTest,
  hasAsciiLetter,
  IN_SET_THRESHOLD,
  likeExpression,
  nestedEntryTest,
  oneOf,
  type ValueType,
} from './values.js';

const PRESENCE_TESTS = {
  string: (value: unknown) => typeof value === 'string',
  number: (value: unknown) => typeof value === 'number',
  boolean: (value: unknown) => typeof value === 'boolean',
} as const satisfies Record<ValueType, ValueTest>;

export function presenceTest(valueType: ValueType): ValueTest {
  return PRESENCE_TESTS[valueType];
}

const scalarSlots = new SlotTable(SCALAR_SITES.length);

/** Map entries share one site (no OTA field is a map). */
const MAP_SITE = 'map.entry';

export function readerFor(path: ResolvedPath): CandidateReader {
  const valueType = valueTypeOf(path);
  const isPresent = presenceTest(valueType);
  switch (path.kind) {
    case 'scalar': {
      const { name } = path;
      const slot = scalarSlots.slotOf(name);
      const sites = SCALAR_SITES[slot]!;
      const prefix = `scalar${slot}.`;
      return {
        some: (test) => ({ test: sites.passes(name, test), site: `${prefix}passes` }),
        someEqual: (values) => scalarOneOfTest(sites, prefix, name, values),
        someLike: (pattern) => scalarLikeTest(sites, prefix, name, pattern),
        singleCandidate: true,
        valueType,
        isPresent,
      };
    }
    case 'map': {
      const some = (test: ValueTest): SiteTest => ({ test: nestedEntryTest(path.name, path.key, test), site: MAP_SITE });
      return {
        some,
        someEqual: (values) => some(oneOf(values, isPresent).test),
        someLike: (pattern) => some(containsIgnoringAsciiCaseTest(pattern).test),
        singleCandidate: true,
        valueType,
        isPresent,
      };
    }
    case 'i18n':
      return i18nReader(path.name, path.field.locales, path.target, isPresent);
    default:
      return assertNever(path);
  }
}

/**
 * `record.<name>` is one of `values` (distinct, at least one), read and compared in one closure: unrolled `===`
 * up to IN_SET_THRESHOLD (four) values, a Set beyond. A value equal to one of them has the field's type, so
 * equality alone implies presence; `hasOwn` runs only for a match.
 */
function scalarOneOfTest(sites: ScalarSites, prefix: string, name: string, values: readonly Literal[]): SiteTest {
  const [a, b, c, d] = values;
  if (values.length > IN_SET_THRESHOLD) {
    // Set.has uses SameValueZero, which agrees with === here: values are finite (validated), so no NaN.
    return { test: sites.inSet(name, new Set<unknown>(values)), site: `${prefix}inSet` };
  }
  switch (values.length) {
    case 1:
      return { test: sites.equalsOne(name, a!), site: `${prefix}equalsOne` };
    case 2:
      return { test: sites.equalsTwo(name, a!, b!), site: `${prefix}equalsTwo` };
    case 3:
      return { test: sites.equalsThree(name, a!, b!, c!), site: `${prefix}equalsThree` };
    default:
      return { test: sites.equalsFour(name, a!, b!, c!, d!), site: `${prefix}equalsFour` };
  }
}

/** `record.<name> like pattern` (a string field): presence, `includes`, or the ASCII-folding expression. */
function scalarLikeTest(sites: ScalarSites, prefix: string, name: string, pattern: string): SiteTest {
  if (pattern === '') return { test: sites.isString(name), site: `${prefix}isString` };
  if (!hasAsciiLetter(pattern)) return { test: sites.includes(name, pattern), site: `${prefix}includes` };
  return { test: sites.matches(name, likeExpression(pattern)), site: `${prefix}matches` };
}
