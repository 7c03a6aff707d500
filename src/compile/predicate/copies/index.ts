/**
 * The one door to the predicate's closure copies: the only module that imports sites.generated.ts and slots.ts. The
 * rest of the compiler asks it for record tests (`scalarTests(name).equalsOne(a)`, `combine('all', children)`…) and
 * gets opaque `Compiled` parts back, which it can only hand back to this module (`combine`, `negate`, `root`); it
 * never sees a copy, a slot number or a site.
 *
 * What it does behind the door (bench/NOTES.md, "What made toPredicate faster"): V8 keeps one set of inline caches
 * per function in the source, shared by every closure made from it. So each field name (for i18n: field, target and
 * kind of candidate test) gets its own copy of the reading closures, and its property loads stay monomorphic; and an
 * `and`/`or` gets the copy of the combinators that its children's source sites choose, so that each call site in it
 * always calls closures of one source function, which V8 then inlines. For that choice, each Compiled part holds its
 * record test and the name of the source site the test runs (`scalar3.equalsOne`, `combinator2.all2`, `not`…).
 */
import type { RecordTest, ValueTest } from '../types.js';
import { nestedEntryTest } from '../values.js';
import { COMBINATOR_SITES, I18N_SITES, SCALAR_SITES, type I18nSites, type ScalarSites } from './sites.generated.js';
import { SlotTable } from './slots.js';

declare const opaque: unique symbol;
/** A compiled part of an expression (a comparison, an `and`…). Opaque: only this module looks inside. */
export interface Compiled {
  readonly [opaque]: 'Compiled';
}

/** What a Compiled part is, here: the record test and the source site it runs. */
interface Part {
  readonly test: RecordTest;
  readonly site: string;
}

function part(test: RecordTest, site: string): Compiled {
  const made: Part = { test, site };
  return made as unknown as Compiled;
}

function open(compiled: Compiled): Part {
  return compiled as unknown as Part;
}

function openAll(compiled: readonly Compiled[]): readonly Part[] {
  return compiled as unknown as readonly Part[];
}

/**
 * A copy's makers with the field name already given: `scalarTests('status').equalsOne('started')` is the generated
 * `equalsOne('status', 'started')` of the copy that `status` reads through.
 */
type Bound<Copy> = {
  readonly [Method in keyof Copy]: Copy[Method] extends (name: string, ...rest: infer Rest) => RecordTest
    ? (...rest: Rest) => Compiled
    : never;
};

/** Record tests on one top-level field (sites.generated.ts ScalarSites, without the name). */
export type ScalarTests = Bound<ScalarSites>;
/** Record tests on one reading of an i18n field (sites.generated.ts I18nSites, without the name). */
export type I18nTests = Bound<I18nSites>;

const scalarSlots = new SlotTable(SCALAR_SITES.length);
const i18nSlots = new SlotTable(I18N_SITES.length);
const combinatorSlots = new SlotTable(COMBINATOR_SITES.length);

/** Bound makers by key, made once per field (or reading), so that compiling allocates only the tests themselves. */
const MAX_REMEMBERED = 1024;
const scalarHandles = new Map<string, ScalarTests>();
const i18nHandles = new Map<string, I18nTests>();

/** Set only by withOneCopy: every key gets copy 0. */
let oneCopy = false;

function slotOf(table: SlotTable, key: string): number {
  return oneCopy ? 0 : table.slotOf(key);
}

function remembered<Handle>(handles: Map<string, Handle>, key: string, make: () => Handle): Handle {
  if (oneCopy) return make();
  const known = handles.get(key);
  if (known !== undefined) return known;
  const handle = make();
  if (handles.size < MAX_REMEMBERED) handles.set(key, handle);
  return handle;
}

/** A generated maker: the name, then at most four arguments (`bind` passes four; `never` makes tsc check the count). */
type Maker = (name: string, a: never, b: never, c: never, d: never) => RecordTest;
type Call = (name: string, a: unknown, b: unknown, c: unknown, d: unknown) => RecordTest;

function bind<Copy extends { readonly [Method in keyof Copy]: Maker }>(
  copy: Copy,
  name: string,
  prefix: string,
): Bound<Copy> {
  const bound: Record<string, (a: unknown, b: unknown, c: unknown, d: unknown) => Compiled> = {};
  for (const [method, make] of Object.entries(copy) as [string, Call][]) {
    const site = prefix + method;
    // Arguments a maker does not take arrive as undefined and are ignored.
    bound[method] = (a, b, c, d) => part(make(name, a, b, c, d), site);
  }
  return bound as unknown as Bound<Copy>;
}

/** The record tests on the top-level field `name`, from the copy it reads through (its own, for the first twelve). */
export function scalarTests(name: string): ScalarTests {
  return remembered(scalarHandles, name, () => {
    const slot = slotOf(scalarSlots, name);
    return bind(SCALAR_SITES[slot]!, name, `scalar${slot}.`);
  });
}

/**
 * The record tests on the i18n field `name` for one `reading` of it: a string that tells apart what the tests do
 * with the field (target, kind of candidate test). Each distinct field and reading gets its own copy, so that the
 * loads of `record.name` and `i18nValue.zh_CN` stay monomorphic and the candidate test it calls is always of one
 * kind.
 */
export function i18nTests(name: string, reading: string): I18nTests {
  const key = `${name}\u0000${reading}`;
  return remembered(i18nHandles, key, () => {
    const slot = slotOf(i18nSlots, key);
    return bind(I18N_SITES[slot]!, name, `i18n${slot}.`);
  });
}

/** The record test "`record.<name>[key]` passes `test`" (map entries: one shared closure, as no OTA field is a map). */
export function mapEntryTest(name: string, key: string, test: ValueTest): Compiled {
  return part(nestedEntryTest(name, key, test), 'map.entry');
}

/**
 * `and` (`all`) and `or` (`any`) of `children`: two to four run in an unrolled closure from the copy that their
 * sites choose (the same children's sites always get the same copy); more in a loop; one is itself.
 */
export function combine(kind: 'all' | 'any', children: readonly Compiled[]): Compiled {
  if (children.length === 1) return children[0]!;
  const parts = openAll(children);
  const tests = parts.map((child) => child.test);
  if (tests.length > 4) return part(kind === 'all' ? allInLoop(tests) : anyInLoop(tests), `${kind}Loop`);
  const [a, b, c, d] = tests;
  const slot = slotOf(combinatorSlots, `${kind}${tests.length}(${parts.map((child) => child.site).join(',')})`);
  const copy = COMBINATOR_SITES[slot]!;
  const site = `combinator${slot}.${kind}${tests.length}`;
  switch (tests.length) {
    case 2:
      return part(kind === 'all' ? copy.all2(a!, b!) : copy.any2(a!, b!), site);
    case 3:
      return part(kind === 'all' ? copy.all3(a!, b!, c!) : copy.any3(a!, b!, c!), site);
    default:
      return part(kind === 'all' ? copy.all4(a!, b!, c!, d!) : copy.any4(a!, b!, c!, d!), site);
  }
}

/** `not` of a part. */
export function negate(compiled: Compiled): Compiled {
  const { test } = open(compiled);
  return part((record) => !test(record), 'not');
}

/**
 * The compiled predicate: the one check that the record is an object (every test below reads it as one without
 * checking again), then the part's test, from the copy of the root that the part's site chooses.
 */
export function root(compiled: Compiled): (record: unknown) => boolean {
  const { test, site } = open(compiled);
  return COMBINATOR_SITES[slotOf(combinatorSlots, `root(${site})`)]!.root(test);
}

/**
 * @internal For bench/filter.mjs only (through bench/lib/one-copy.ts, in a bundle of its own): runs `build` with every key
 * given copy 0, as if there were a single copy of each closure, so that the bench can show what the copies buy.
 * Not for a process that also compiles normally: copy 0's caches would see every field name.
 */
export function withOneCopy<T>(build: () => T): T {
  const before = oneCopy;
  oneCopy = true;
  try {
    return build();
  } finally {
    oneCopy = before;
  }
}

function allInLoop(tests: readonly RecordTest[]): RecordTest {
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (!tests[index]!(record)) return false;
    return true;
  };
}

function anyInLoop(tests: readonly RecordTest[]): RecordTest {
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (tests[index]!(record)) return true;
    return false;
  };
}
