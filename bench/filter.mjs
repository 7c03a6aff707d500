// Section 2: in-memory filtering of JobInfo records, and what compiling a filter costs.
//
//   node --max-old-space-size=4096 bench/filter.mjs [--quick]
//
// Contenders for each expression: `toPredicate` (ota-expr), a hand-written JavaScript filter for the same
// expression (the floor), mingo, sift and @ucast/js (each running the MongoDB filter `toMongo` compiles, which says
// exactly what docs/LANGUAGE.md §3 says), cel-js and liqe (each given the expression written by hand in its own language).
// Every contender must select exactly the records the floor selects; a row says so when one does not.
// `toPredicate, one copy` is the same compiler with a single copy of each closure (src/compile/predicate/copies/),
// bundled from src apart from dist, so that every run shows what the copies buy.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Query } from 'mingo';
import sift from 'sift';
import { guard } from '@ucast/mongo2js';
import { parse as celParse } from '@marcbachmann/cel-js';
import { parse as liqeParse, test as liqeTest } from 'liqe';
import { parse, toMongo, toPredicate, toSql } from '../dist/index.js';
import { corpus } from './lib/corpus.mjs';
import { consume, fmt, interleave, median, perRound, ratioPerItem, table } from './lib/measure.mjs';
import { expressions, records as makeRecords } from './lib/records.mjs';
import { emit, isMain, options } from './lib/section.mjs';

// ---------------------------------------------------------------------------------------------------------------
// The floor: what a developer writes by hand for exactly these semantics (docs/LANGUAGE.md §3), on records of a known shape.

/** `like`: contains, ignoring the case of ASCII letters only. No pattern here holds regular-expression syntax. */
function likeTest(pattern) {
  if (!/[A-Za-z]/.test(pattern)) return (s) => s.includes(pattern);
  const re = new RegExp(pattern.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`));
  return (s) => re.test(s);
}
const isString = (v) => typeof v === 'string';
/** `name like 'x'`: the default name, the Chinese name or the English name. */
function anyName(like) {
  return (n) =>
    n != null &&
    ((isString(n.defaultValue) && like(n.defaultValue)) ||
      (n.i18nValue != null &&
        ((isString(n.i18nValue.zh_CN) && like(n.i18nValue.zh_CN)) ||
          (isString(n.i18nValue.en_US) && like(n.i18nValue.en_US)))));
}
/** `name.zh_CN like 'x'`: the Chinese name when it is a non-empty string, otherwise the default name. */
function localeName(locale, like) {
  return (n) => {
    if (n == null) return false;
    const v = n.i18nValue != null ? n.i18nValue[locale] : undefined;
    const s = isString(v) && v !== '' ? v : n.defaultValue;
    return isString(s) && like(s);
  };
}

export function floors(p) {
  const pk = p.productKeys;
  const fw = p.firmwareIds;
  const v = p.versions;
  const set = (...values) => new Set(values);
  const s2 = set(pk[2], pk[3], pk[4], pk[5], pk[6]);
  const inverter = anyName(likeTest('inverter'));
  const zhInverter = localeName('zh_CN', likeTest('逆变器'));
  const enHotfix = localeName('en_US', likeTest('hotfix'));
  const s8 = set(pk[9], pk[10], pk[11]);
  const batch = anyName(likeTest('batch'));
  const patch = anyName(likeTest('patch'));
  const s9 = set(v[1], v[2], v[3]);
  const zhUpgrade = localeName('zh_CN', likeTest('升级'));
  return [
    (r) => r.productKey === pk[1],
    (r) => s2.has(r.productKey),
    (r) => r.status === 'started' && r.type === 'verify',
    (r) => inverter(r.name),
    (r) => zhInverter(r.name),
    (r) => enHotfix(r.firmwareName),
    (r) => r.firmwareVersion === v[7] || r.firmwareId === fw[8],
    (r) => s8.has(r.productKey) && (batch(r.name) || patch(r.firmwareName)),
    (r) => (r.status === 'stopped' || r.type === 'verify') && s9.has(r.firmwareVersion),
    (r) => zhUpgrade(r.firmwareName) && (r.productKey === pk[12] || r.productKey === pk[13]),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// cel-js and liqe: the same ten expressions, by hand, in their languages.

const folded = (pattern) => pattern.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const reEscape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The record is the CEL variable `job` (`type` names CEL's type function, so fields are read as `job.type`). */
function celExpressions(p) {
  const pk = p.productKeys;
  const v = p.versions;
  const q = (s) => JSON.stringify(s);
  const like = (expr, pattern) =>
    /[A-Za-z]/.test(pattern) ? `${expr}.matches(${q(folded(pattern))})` : `${expr}.contains(${q(pattern)})`;
  const any = (f, pattern) =>
    `(${like(`${f}.defaultValue`, pattern)} || (has(${f}.i18nValue.zh_CN) && ${like(`${f}.i18nValue.zh_CN`, pattern)}) || (has(${f}.i18nValue.en_US) && ${like(`${f}.i18nValue.en_US`, pattern)}))`;
  const locale = (f, l, pattern) =>
    like(`(has(${f}.i18nValue.${l}) && ${f}.i18nValue.${l} != "" ? ${f}.i18nValue.${l} : ${f}.defaultValue)`, pattern);
  return [
    `job.productKey == ${q(pk[1])}`,
    `job.productKey in [${[2, 3, 4, 5, 6].map((i) => q(pk[i])).join(', ')}]`,
    `job.status == "started" && job.type == "verify"`,
    any('job.name', 'inverter'),
    locale('job.name', 'zh_CN', '逆变器'),
    locale('job.firmwareName', 'en_US', 'hotfix'),
    `job.firmwareVersion == ${q(v[7])} || job.firmwareId == ${q(p.firmwareIds[8])}`,
    `job.productKey in [${[9, 10, 11].map((i) => q(pk[i])).join(', ')}] && (${any('job.name', 'batch')} || ${any('job.firmwareName', 'patch')})`,
    `(job.status == "stopped" || job.type == "verify") && job.firmwareVersion in [${[1, 2, 3].map((i) => q(v[i])).join(', ')}]`,
    `${locale('job.firmwareName', 'zh_CN', '升级')} && (job.productKey == ${q(pk[12])} || job.productKey == ${q(pk[13])})`,
  ];
}

/**
 * liqe's parser finds two regular expressions joined by a boolean operator ambiguous ("Ambiguous results"), so the
 * liqe filters are built as liqe ASTs: each `field:/re/` tag parsed by liqe, joined with liqe's own node shapes.
 * (liqe's `field:"x"` is a substring test, so equality is an anchored regular expression.)
 */
const liqeNode = {
  tag: (field, re) => liqeParse(`${field}:/${re}/`),
  join: (operator, parts) =>
    parts.reduce((left, right) => ({
      type: 'LogicalExpression',
      left,
      right,
      operator: { type: 'BooleanOperator', operator },
    })),
  paren: (expression) => ({ type: 'ParenthesizedExpression', expression }),
  not: (operand) => ({ type: 'UnaryOperator', operator: 'NOT', operand }),
};

function liqeFilters(p) {
  const pk = p.productKeys;
  const v = p.versions;
  const { tag, join, paren, not } = liqeNode;
  const and = (...parts) => join('AND', parts);
  const or = (...parts) => paren(join('OR', parts));
  const eq = (f, ...values) => tag(f, `^(?:${values.map(reEscape).join('|')})$`);
  const like = (f, pattern) => tag(f, folded(reEscape(pattern)));
  const any = (f, pattern) =>
    or(
      like(`${f}.defaultValue`, pattern),
      like(`${f}.i18nValue.zh_CN`, pattern),
      like(`${f}.i18nValue.en_US`, pattern),
    );
  const locale = (f, l, pattern) =>
    or(
      like(`${f}.i18nValue.${l}`, pattern),
      paren(and(not(tag(`${f}.i18nValue.${l}`, '.')), like(`${f}.defaultValue`, pattern))),
    );
  return [
    eq('productKey', pk[1]),
    eq('productKey', pk[2], pk[3], pk[4], pk[5], pk[6]),
    and(eq('status', 'started'), eq('type', 'verify')),
    any('name', 'inverter'),
    locale('name', 'zh_CN', '逆变器'),
    locale('firmwareName', 'en_US', 'hotfix'),
    or(eq('firmwareVersion', v[7]), eq('firmwareId', p.firmwareIds[8])),
    and(eq('productKey', pk[9], pk[10], pk[11]), or(any('name', 'batch'), any('firmwareName', 'patch'))),
    and(or(eq('status', 'stopped'), eq('type', 'verify')), eq('firmwareVersion', v[1], v[2], v[3])),
    and(locale('firmwareName', 'zh_CN', '升级'), or(eq('productKey', pk[12]), eq('productKey', pk[13]))),
  ];
}

/**
 * @ucast/mongo has no `$type`. On these records a present value is always a string, so `$type: 'string'` means
 * `$exists: true` there; @ucast/js runs the filter with that one change (and must still select the floor's records).
 */
function withoutTypeOperator(filter) {
  if (Array.isArray(filter)) return filter.map(withoutTypeOperator);
  if (filter === null || typeof filter !== 'object' || filter instanceof RegExp) return filter;
  const out = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$type' && value === 'string') out.$exists = true;
    else out[key] = withoutTypeOperator(value);
  }
  return out;
}

/** Whether any source file calls `eval` or `new Function` (comments aside). */
function sourceUsesEval() {
  const root = new URL('../src/', import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true }).filter((f) => /\.(ts|js)$/.test(f));
  return files.some((f) => {
    const code = readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    return /\beval\s*\(|new\s+Function\s*\(/.test(code);
  });
}

/**
 * `toPredicateWithOneCopy` (bench/lib/one-copy.ts, in no package entry): bundled from src into a
 * module of its own, so that its single copy of each closure is not dist's copy 0 (which `toPredicate` uses for
 * its first field). Same bundler and target as dist (tsup runs esbuild).
 */
async function loadOneCopy() {
  const cache = new URL('.cache/', import.meta.url).pathname;
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, 'one-copy.mjs');
  await build({
    entryPoints: [new URL('../bench/lib/one-copy.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'error',
  });
  const { toPredicateWithOneCopy } = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
  return toPredicateWithOneCopy;
}

const ONE_COPY = 'toPredicate, one copy';

// ---------------------------------------------------------------------------------------------------------------

const count = (test) => (items) => {
  let n = 0;
  for (let i = 0; i < items.length; i += 1) if (test(items[i])) n += 1;
  consume(n);
  return n;
};

export async function run({ quick }) {
  const total = quick ? 20_000 : 1_000_000;
  const t0 = Date.now();
  const { records, pools } = makeRecords(total);
  const buildSeconds = (Date.now() - t0) / 1000;
  const texts = expressions(pools);
  const hand = floors(pools);
  const cel = celExpressions(pools);
  const liqe = liqeFilters(pools);
  const toPredicateWithOneCopy = await loadOneCopy();
  // The peers read a prefix of the records (the same prefix in every round), so that the run stays within minutes;
  // figures are per record.
  const slowShare = quick ? total : 200_000;
  const prefix = records.slice(0, slowShare);

  const results = [];
  for (let e = 0; e < texts.length; e += 1) {
    const ast = parse(texts[e]);
    const mongo = toMongo(ast);
    const celFn = celParse(cel[e]);
    const liqeAst = liqe[e];
    const contenders = [
      { name: 'hand-written (floor)', test: hand[e] },
      { name: 'ota-expr toPredicate', test: toPredicate(ast) },
      { name: ONE_COPY, test: toPredicateWithOneCopy(ast) },
      { name: 'sift', test: sift(mongo), slow: true },
      { name: '@ucast/js (mongo2js)', test: guard(withoutTypeOperator(mongo)), slow: true },
      {
        name: 'mingo',
        test: (
          (query) => (r) =>
            query.test(r)
        )(new Query(mongo)),
        slow: true,
      },
      { name: 'cel-js', test: (r) => celFn({ job: r }) === true, slow: true },
      { name: 'liqe', test: (r) => liqeTest(liqeAst, r), slow: true },
    ];
    // Correctness first: each contender must select the floor's records (checked on the prefix).
    const expected = count(hand[e])(prefix);
    const agree = new Map();
    for (const c of contenders) {
      let n;
      try {
        n = count(c.test)(prefix);
      } catch (error) {
        n = `error: ${String(error.message ?? error)
          .split('\n')[0]
          .slice(0, 60)}`;
      }
      agree.set(c.name, n === expected ? true : n);
    }
    const runnable = contenders.filter(
      (c) => typeof agree.get(c.name) !== 'string' || !agree.get(c.name).startsWith('error'),
    );
    const samples = interleave({
      rounds: quick ? 2 : 3,
      warmup: 1,
      slice: (round) => (round < 0 ? records.slice(0, 10_000) : records),
      contenders: runnable.map((c) => ({
        name: c.name,
        prepare: (items) => {
          const use = c.slow && items.length > slowShare ? prefix : items;
          return { items: use, units: use.length };
        },
        run: count(c.test),
      })),
    });
    const floor = samples.get('hand-written (floor)');
    const copies = samples.get('ota-expr toPredicate');
    const oneCopy = samples.get(ONE_COPY);
    results.push({
      text: texts[e],
      matches: expected,
      // Records/s with the copies as a multiple of records/s with one copy (per round, median).
      copiesGain: copies && oneCopy && agree.get(ONE_COPY) === true ? ratioPerItem(oneCopy, copies) : NaN,
      contenders: contenders.map((c) => {
        const s = samples.get(c.name);
        return {
          name: c.name,
          agree: agree.get(c.name),
          perSecond: s ? perRound(s, (ns, units) => (units / ns) * 1e9) : NaN,
          // Records/s as a share of the floor's: the floor's time per record over this one's, per round.
          ratio: s ? 1 / ratioPerItem(s, floor) : NaN,
        };
      }),
    });
  }

  // Compile cost: 1,000 distinct corpus expressions, each compiled once per round.
  const asts = corpus(777, quick ? 200 : 1000).map((item) => parse(item.text));
  const compileSamples = interleave({
    rounds: quick ? 5 : 11,
    warmup: 3,
    slice: () => asts,
    contenders: [
      {
        name: 'toPredicate',
        prepare: (items) => ({ items, units: items.length }),
        run: (items) => items.forEach((a) => consume(toPredicate(a))),
      },
      {
        name: 'toSql (postgres)',
        prepare: (items) => ({ items, units: items.length }),
        run: (items) => items.forEach((a) => consume(toSql(a, { dialect: 'postgres' }))),
      },
      {
        name: 'toMongo',
        prepare: (items) => ({ items, units: items.length }),
        run: (items) => items.forEach((a) => consume(toMongo(a))),
      },
    ],
  });
  const names = results[0].contenders.map((c) => c.name);
  const usesEval = sourceUsesEval();
  const mrec = (x) => fmt(x / 1e6, 2);
  const rows = results.map((r, i) => [
    `${i + 1}. \`${r.text.length > 70 ? `${r.text.slice(0, 67)}…` : r.text}\``,
    String(r.matches),
    ...r.contenders.map((c) => (c.agree === true ? `${mrec(c.perSecond)} (${fmt(c.ratio)} ×)` : `wrong: ${c.agree}`)),
  ]);
  const geo = (name) => {
    const ratios = results
      .map((r) => r.contenders.find((c) => c.name === name))
      .filter((c) => c.agree === true)
      .map((c) => c.ratio);
    return ratios.length ? Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length) : NaN;
  };
  rows.push(['geometric mean of the ratios', '', ...names.map((n) => `${fmt(geo(n))} ×`)]);

  const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
  const gains = results.map((r) => r.copiesGain);
  // `and`/`or` of two `=` (expressions 3 and 7): where the combinator copies count most.
  const twoEquals = results
    .map((r, i) => ({ i, r }))
    .filter(({ r }) => /^\w+ = '[^']*' (and|or) \w+ = '[^']*'$/.test(r.text));
  const gainRows = [
    ...results.map((r, i) => [
      `${i + 1}. \`${r.text.length > 70 ? `${r.text.slice(0, 67)}…` : r.text}\``,
      `${fmt(r.copiesGain)} ×`,
    ]),
    ['geometric mean', `${fmt(geomean(gains))} ×`],
  ];
  const predicateVsFloor = geo('ota-expr toPredicate');
  const peerRatios = (peer) =>
    results.map((r) => r.contenders[1].ratio / r.contenders.find((c) => c.name === peer).ratio);
  const minVsFloor = Math.min(...results.map((r) => r.contenders[1].ratio));
  const compileRows = [...compileSamples].map(([name, s]) => [
    name,
    fmt(perRound(s, (ns, units) => ns / units / 1000)),
    fmt(
      median(s.ns.map((ns, i) => ns / s.units[i] / 1000)) > 0
        ? 1e6 / perRound(s, (ns, units) => ns / units / 1000)
        : NaN,
    ),
  ]);
  const markdown = [
    `${total.toLocaleString('en')} distinct JobInfo records (bench/lib/records.mjs, built in ${fmt(buildSeconds, 1)} s), ten expressions. Each cell: million records per second (its records/s as a share of the hand-written floor's, median of per-round ratios: 0.5 × is half the floor's speed). The floor and \`toPredicate\` read all of them; the peers (slower by an order of magnitude) read the first ${slowShare.toLocaleString('en')} (the same ones in every round). Every contender was first checked to select exactly the floor's records (\`wrong: n\` gives its count otherwise). sift, @ucast/js and mingo run the MongoDB filter that \`toMongo\` compiles (for @ucast/js, which has no \`$type\`, with \`$type: 'string'\` read as \`$exists: true\`, the same on these records); cel-js runs the expression written by hand in CEL, the record being the variable \`job\` (CEL reserves \`type\`); liqe runs the same filter built as a liqe AST (its parser calls two regular-expression tags joined by AND/OR ambiguous), with equality as an anchored regular expression since liqe's \`field:"x"\` is a substring test (bench/filter.mjs).`,
    '',
    table(['expression', 'matches', ...names], rows),
    '',
    `What the closure copies buy (bench/NOTES.md, "What made \`toPredicate\` faster"): records/s of \`toPredicate\` as a multiple of the same compiler's with a single copy of each closure (the column \`${ONE_COPY}\`: \`toPredicateWithOneCopy\`, bench/lib/one-copy.ts, bundled from src apart from dist so that its one copy is its own), both measured in the same interleaved rounds, median of per-round ratios. Both compile each expression where the table lists it, so when an expression is measured the single copy has seen the fields of the expressions above it only: the ratio is a lower bound for a process that serves many filters.`,
    '',
    table(['expression', 'copies ÷ one copy'], gainRows),
    '',
    `Compile cost (µs per expression, ${asts.length} distinct corpus expressions, already parsed; the compilers validate the tree first). ota-expr keeps no cache of compiled filters, so there is no cached figure to report.`,
    '',
    table(['compiler', 'µs per expression', 'expressions/s'], compileRows),
  ].join('\n');
  const targets = [
    {
      target: '`toPredicate` ≥ 0.8 × the hand-written filter (records/s)',
      met: predicateVsFloor >= 0.8,
      measured: `${fmt(predicateVsFloor)} × (geometric mean; lowest expression ${fmt(minVsFloor)} ×)`,
    },
    ...['mingo', 'sift'].map((peer) => {
      const s = peerRatios(peer);
      return {
        target: `\`toPredicate\` ≥ 10 × ${peer}`,
        met: Math.min(...s) >= 10,
        measured: `${fmt(Math.exp(s.reduce((a, x) => a + Math.log(x), 0) / s.length))} × (geometric mean; lowest ${fmt(Math.min(...s))} ×)`,
      };
    }),
    {
      target: 'closure copies: `toPredicate` ÷ the same with one copy (records/s): report',
      met: null,
      measured: `${fmt(geomean(gains))} × (geometric mean; \`and\`/\`or\` of two \`=\`: ${twoEquals.map(({ i, r }) => `#${i + 1} ${fmt(r.copiesGain)} ×`).join(', ')}; lowest ${fmt(Math.min(...gains))} ×)`,
    },
    {
      target: 'no eval',
      met: !usesEval,
      measured: usesEval
        ? 'src/ contains eval or new Function'
        : 'no `eval` / `new Function` anywhere in src/ (checked by this bench)',
    },
  ];
  return {
    title: '2. In-memory filtering',
    markdown,
    targets,
    data: { results, compile: compileRows, copiesGain: geomean(gains) },
  };
}

if (isMain(import.meta.url)) emit(await run(options()));
