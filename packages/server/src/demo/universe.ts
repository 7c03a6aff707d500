/**
 * The things the demo's records refer to, shared by every API so that they agree with each other: organisations,
 * products and their thing models, firmware versions, sites, alert severities and types.
 */
import { random, type Random } from './random.js';
import { EQUIPMENT, SITES } from './words.js';

/** The demo's organisations: most records belong to the first, some to the others (to show the org scope). */
export const DEMO_ORG_IDS: readonly string[] = ['o15427722038191', 'o15427722038192', 'o16153245672503'];

export interface DemoProduct {
  readonly productKey: string;
  readonly modelId: string;
  readonly equipment: number;
  readonly productType: 'Device' | 'Gateway';
  readonly versions: readonly string[];
}

export interface Universe {
  readonly products: readonly DemoProduct[];
  readonly treeIds: readonly string[];
  readonly severityIds: readonly string[];
  readonly typeIds: readonly string[];
  readonly subTypeIds: readonly string[];
}

/** 2024-01-01T00:00:00Z: demo times fall in the year after it. */
export const EPOCH = 1_704_067_200_000;
export const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export function universe(seed: number): Universe {
  const r = random(seed);
  const products = Array.from({ length: 40 }, (_, index): DemoProduct => {
    const equipment = index % EQUIPMENT.length;
    const major = 1 + r.int(3);
    const versions = Array.from({ length: 4 }, (_, v) => `${major}.${v}.${r.int(10)}`);
    return {
      productKey: r.alnum(8),
      modelId: `${EQUIPMENT[equipment]![0].replace(/\W/g, '')}_${index % 7}`,
      equipment,
      productType: equipment === 3 ? 'Gateway' : 'Device',
      versions,
    };
  });
  return {
    products,
    treeIds: Array.from({ length: 12 }, () => r.alnum(8)),
    severityIds: ['critical', 'major', 'minor', 'warning', 'info'],
    typeIds: ['temperature', 'voltage', 'communication', 'grid', 'mechanical', 'security'],
    subTypeIds: ['over', 'under', 'lost', 'fault', 'open', 'high'],
  };
}

/** Which organisation the n-th record of an API belongs to: about 70 %, 20 %, 10 %. */
export function orgOf(r: Random): string {
  const x = r.next();
  return DEMO_ORG_IDS[x < 0.7 ? 0 : x < 0.9 ? 1 : 2]!;
}

/** A time in the demo year, epoch milliseconds. */
export function timeIn(r: Random): number {
  return EPOCH + r.int(YEAR_MS);
}

/** EnOS's local wall time `YYYY-MM-DD HH:mm:ss` of an epoch time, in China Standard Time (UTC+8). */
export function localTime(ms: number): string {
  const d = new Date(ms + 8 * 60 * 60 * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** An id of EnOS's usual look (24 hex digits, like a MongoDB ObjectId) that is unique by its index. */
export function objectId(r: Random, time: number, index: number): string {
  return `${Math.floor(time / 1000)
    .toString(16)
    .padStart(8, '0')}${index.toString(16).padStart(8, '0')}${r.hex(8)}`;
}

export function siteOf(r: Random): number {
  return r.int(SITES.length);
}
