/**
 * The demo dataset (`ota-expr-server --demo`, and the playground's static mode in a browser): deterministic records
 * for every API of the family. No Node built-ins here, so that the module runs in browsers as it is.
 * @example
 * ```ts
 * import { demoRecords } from 'ota-expr-server/demo';
 * const jobs = demoRecords('ota-job', { scale: 0.01 }); // 1,000 OTA jobs
 * ```
 */
import { random, seedFor } from './random.js';
import { GENERATORS, type DemoRecord } from './records.js';
import { universe } from './universe.js';

export type { DemoRecord } from './records.js';
export { DEMO_ORG_IDS } from './universe.js';

export interface DemoOptions {
  /** Fraction of the full dataset (100,000 OTA jobs, 50,000 devices…); default 1. Every API keeps a few records. */
  readonly scale?: number;
  /** Another seed gives another dataset of the same shape (default 1). */
  readonly seed?: number;
}

/** The APIs the demo has records for: every API of the family. */
export const DEMO_APIS: readonly string[] = Object.keys(GENERATORS);

/** How many records `demoRecords(api, options)` returns. */
export function demoCount(api: string, options: DemoOptions = {}): number {
  const spec = GENERATORS[api];
  if (spec === undefined) throw new TypeError(`no demo records for API ${api}; the APIs are ${DEMO_APIS.join(', ')}`);
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new TypeError(`demo scale must be in (0, 10], got ${String(scale)}`);
  return Math.max(Math.min(spec.count, 30), Math.round(spec.count * scale));
}

/** The demo records of one API, the same on every call with the same options. */
export function demoRecords(api: string, options: DemoOptions = {}): DemoRecord[] {
  const count = demoCount(api, options);
  const seed = options.seed ?? 1;
  const world = universe(seed);
  const r = random(seedFor(seed, api));
  const generate = GENERATORS[api]!.generate;
  const records: DemoRecord[] = new Array(count);
  for (let index = 0; index < count; index += 1) records[index] = generate(r, index, world);
  return records;
}
