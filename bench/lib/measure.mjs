// Interleaved measurement: in every round, each contender runs once over that round's inputs (fresh, distinct
// inputs every round, so no cache can flatter a figure), in an order that rotates from round to round. A ratio is
// taken within each round (the contender against the baseline, on the same round's inputs) and the median over
// rounds is reported, so a neighbour's load on the shared machine hits both sides of a ratio alike.

import { performance } from 'node:perf_hooks';

/** A sink that keeps the optimiser from dropping work whose result is unused. */
export let sink = 0;
export function consume(value) {
  sink = (sink + (value === null || value === undefined ? 1 : typeof value === 'object' ? 3 : 7)) | 0;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The clock. By default, CPU time of this process (user + system, µs resolution): on a machine shared with other
 * jobs, time spent descheduled is not charged to whichever contender happened to be running. V8's helper threads
 * (concurrent GC, compilation) are charged, as they are part of the work. `BENCH_CLOCK=wall` uses wall time.
 */
export const CLOCK = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';
export function clock(f) {
  if (CLOCK === 'wall') {
    const t0 = performance.now();
    f();
    return (performance.now() - t0) * 1e6;
  }
  const t0 = process.cpuUsage();
  f();
  const t1 = process.cpuUsage(t0);
  return (t1.user + t1.system) * 1e3;
}

/**
 * @param {object} spec
 * @param {number} spec.rounds   measured rounds; round r runs on `slice(r)`
 * @param {number} spec.warmup   unmeasured passes over `slice(-1)` first, so that every contender is optimised by
 *   the JIT before it is timed (warm-up may repeat texts; measurements never do)
 * @param {(round: number) => unknown} spec.slice   the round's inputs (built outside the timing)
 * @param {{ name: string, prepare: (slice) => { items: unknown[], units: number }, run: (items) => void }[]} spec.contenders
 *   `prepare` returns the contender's inputs for the round and how many units (characters, records…) they hold.
 * @returns {Map<string, { ns: number[], units: number[], counts: number[] }>} per contender, per round
 */
export function interleave({ rounds, warmup, slice, contenders }) {
  const samples = new Map(contenders.map((c) => [c.name, { ns: [], units: [], counts: [] }]));
  const warm = slice(-1);
  const warmPrepared = contenders.map((c) => c.prepare(warm));
  for (let pass = 0; pass < warmup; pass += 1) {
    contenders.forEach((c, index) => c.run(warmPrepared[index].items));
  }
  for (let round = 0; round < rounds; round += 1) {
    const data = slice(round);
    const prepared = contenders.map((c) => c.prepare(data));
    for (let k = 0; k < contenders.length; k += 1) {
      const index = (k + round) % contenders.length;
      const contender = contenders[index];
      const { items, units } = prepared[index];
      const ns = clock(() => contender.run(items));
      const s = samples.get(contender.name);
      s.ns.push(ns);
      s.units.push(units);
      s.counts.push(items.length);
    }
  }
  return samples;
}

/** Median over rounds of a per-round figure. */
export function perRound(sample, f) {
  return median(sample.ns.map((ns, i) => f(ns, sample.units[i], sample.counts[i])));
}

/** Median over rounds of (contender per-unit time) / (baseline per-unit time), both from the same round. */
export function ratio(sample, baseline) {
  return median(sample.ns.map((ns, i) => ns / sample.units[i] / (baseline.ns[i] / baseline.units[i])));
}

/** Same, per item (expression, record) rather than per unit. */
export function ratioPerItem(sample, baseline) {
  return median(sample.ns.map((ns, i) => ns / sample.counts[i] / (baseline.ns[i] / baseline.counts[i])));
}

export function fmt(value, digits = 2) {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (Math.abs(value) >= 1e4) return `${(value / 1e3).toFixed(0)} k`;
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(digits);
}

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
