// Section 1: parse and check, per character and per expression, against JSON.parse of the same tree (the floor)
// and against peer parsers reading the same filter in their own syntax.
//
//   node --expose-gc bench/parse.mjs [--quick]      (npm run bench runs it; it needs `npm run build` first)

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { check, parse } from '../dist/index.js';
import { parse as liqeParse } from 'liqe';
import { parse as rsqlParse } from '@rsql/parser';
import { parse as celParse } from '@marcbachmann/cel-js';
import odata from 'odata-v4-parser';
import { corpus, invalidCorpus } from './lib/corpus.mjs';
import { consume, fmt, interleave, median, perRound, ratio, ratioPerItem, table } from './lib/measure.mjs';
import { emit, isMain, options } from './lib/section.mjs';
import { loadReference } from './lib/reference-parser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * filtrex exports only `compileExpression`, which parses, then writes and `new Function`s JavaScript. To time its
 * parser alone, the bench loads a copy of its ES module with one line added that exports the Jison parser.
 */
async function loadFiltrexParser() {
  const source = readFileSync(join(dirname(require.resolve('filtrex')), '..', 'esm', 'filtrex.mjs'), 'utf8');
  if (!/^const parser = _parser;$/m.test(source)) throw new Error('filtrex: the Jison parser binding was not found');
  const dir = join(here, '.cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'filtrex-parser.mjs');
  writeFileSync(file, `${source}\nexport { parser as jisonParser };\n`);
  const module = await import(pathToFileURL(file).href);
  return (text) => module.jisonParser.parse(text);
}

/** The tree's content without its spans: the leaner reading of "the equivalent tree as JSON". */
function withoutSpans(node) {
  if (node === null) return null;
  if (node.type !== 'comparison') return { type: node.type, children: node.children.map(withoutSpans) };
  const out = { type: node.type, path: node.path.text, op: node.op };
  if ('values' in node) out.values = node.values.map((v) => v.value);
  else if ('value' in node) out.value = node.value.value;
  return out;
}

export async function run({ quick }) {
  const filtrexParse = await loadFiltrexParser();
  const reference = await loadReference();
  const perSlice = quick ? 400 : 1000;
  const rounds = quick ? 5 : 31;
  const warmup = quick ? 6 : 12;
  const seen = new Set();
  const slices = new Map();
  const slice = (round) => {
    // Every round reads texts never seen before in this run (no cache can help), with the same mix of shapes.
    if (!slices.has(round)) slices.set(round, corpus(1000 + round, perSlice, seen));
    return slices.get(round);
  };

  const texts = (key) => (data) => {
    const items = data.map((item) => (key === 'ota' ? item.text : item.peers[key]));
    return { items, units: items.reduce((sum, text) => sum + text.length, 0) };
  };
  const each = (f) => (items) => {
    for (let i = 0; i < items.length; i += 1) consume(f(items[i]));
  };

  const contenders = [
    {
      name: 'JSON.parse (floor)',
      prepare: (data) => {
        const items = data.map((item) => JSON.stringify(parse(item.text)));
        return { items, units: items.reduce((sum, json) => sum + json.length, 0) };
      },
      run: each(JSON.parse),
    },
    {
      name: 'JSON.parse (tree without spans)',
      prepare: (data) => {
        const items = data.map((item) => JSON.stringify(withoutSpans(parse(item.text))));
        return { items, units: items.reduce((sum, json) => sum + json.length, 0) };
      },
      run: each(JSON.parse),
    },
    { name: 'ota-expr parse', prepare: texts('ota'), run: each(parse) },
    { name: 'ota-expr check', prepare: texts('ota'), run: each(check) },
    // A/B: the same, with the generated parser of before issue #18 (bench/lib/reference-parser.mjs).
    { name: 'ota-expr parse, parser before #18', prepare: texts('ota'), run: each(reference.parse) },
    { name: 'ota-expr check, parser before #18', prepare: texts('ota'), run: each(reference.check) },
    { name: 'liqe', prepare: texts('liqe'), run: each(liqeParse) },
    { name: 'filtrex (Jison parser only)', prepare: texts('filtrex'), run: each(filtrexParse) },
    { name: 'odata-v4-parser', prepare: texts('odata'), run: each(odata.filter) },
    { name: '@rsql/parser', prepare: texts('rsql'), run: each(rsqlParse) },
    { name: '@marcbachmann/cel-js', prepare: texts('cel'), run: each(celParse) },
  ];
  const kind = {
    'ota-expr parse': 'peggy (generated)',
    'ota-expr check': 'peggy + validation',
    'ota-expr parse, parser before #18': 'peggy (generated, A/B)',
    'ota-expr check, parser before #18': 'peggy + validation (A/B)',
    liqe: 'nearley (generated)',
    'filtrex (Jison parser only)': 'Jison (generated)',
    'odata-v4-parser': 'hand-written',
    '@rsql/parser': 'hand-written',
    '@marcbachmann/cel-js': 'hand-written',
    'JSON.parse (floor)': 'native',
    'JSON.parse (tree without spans)': 'native',
  };

  // Every text must parse in its own syntax before anything is timed.
  for (const item of slice(0)) {
    for (const contender of contenders.slice(2)) contender.run(contender.prepare([item]).items);
    if (!check(item.text).ok) throw new Error(`corpus text fails check: ${item.text}`);
  }

  const samples = interleave({ rounds, warmup, slice, contenders });
  const floor = samples.get('JSON.parse (floor)');
  const lean = samples.get('JSON.parse (tree without spans)');
  const all = [...slices].filter(([round]) => round >= 0).flatMap(([, items]) => items);
  const meanLength = all.reduce((sum, item) => sum + item.text.length, 0) / all.length;
  const jsonLength = perRound(floor, (ns, units, count) => units / count);

  const rows = contenders.map((c) => {
    const s = samples.get(c.name);
    const nsPerChar = perRound(s, (ns, units) => ns / units);
    const perSecond = perRound(s, (ns, units, count) => (count / ns) * 1e9);
    const meanChars = perRound(s, (ns, units, count) => units / count);
    return {
      name: c.name,
      nsPerChar,
      perSecond,
      ratio: ratio(s, floor),
      ratioPerExpression: ratioPerItem(s, floor),
      leanRatio: ratio(s, lean),
      leanRatioPerExpression: ratioPerItem(s, lean),
      meanChars,
    };
  });
  const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
  const ota = byName['ota-expr parse'];
  const main = table(
    [
      'parser',
      'kind',
      'mean chars',
      'ns/char',
      'expressions/s',
      '× JSON.parse per char',
      '× JSON.parse per expression',
      '× JSON.parse (no spans) per char',
      '× JSON.parse (no spans) per expression',
      'ota-expr parse is … × faster',
    ],
    rows.map((row) => [
      row.name,
      kind[row.name],
      fmt(row.meanChars, 0),
      fmt(row.nsPerChar),
      fmt(row.perSecond),
      fmt(row.ratio),
      fmt(row.ratioPerExpression),
      fmt(row.leanRatio),
      fmt(row.leanRatioPerExpression),
      row.name.startsWith('ota-expr') || row.name.startsWith('JSON.')
        ? ''
        : `${fmt(row.perSecond > 0 ? ota.perSecond / row.perSecond : NaN)} (per expression)`,
    ]),
  );

  // The error path: a text with a syntax error costs a second, reporting parse (see grammar header).
  const invalid = invalidCorpus(9000, quick ? 200 : 500, seen).map((item) => item.text);
  const validForErrors = slice(0)
    .slice(0, invalid.length)
    .map((item) => item.text);
  for (const text of invalid)
    if (check(text).diagnostics[0]?.kind !== 'syntax') throw new Error(`not a syntax error: ${text}`);
  const errorSamples = interleave({
    rounds: quick ? 3 : 15,
    warmup: quick ? 5 : 15,
    // Trailing blanks keep the texts of each round distinct from other rounds', errors and spans unchanged.
    slice: (round) => {
      const pad = ' '.repeat(round + 1);
      return { valid: validForErrors.map((t) => `${t}${pad}`), invalid: invalid.map((t) => `${t}${pad}`) };
    },
    contenders: [
      { name: 'valid', prepare: (data) => ({ items: data.valid, units: 1 }), run: each(check) },
      { name: 'invalid', prepare: (data) => ({ items: data.invalid, units: 1 }), run: each(check) },
    ],
  });
  const usPer = (name) => perRound(errorSamples.get(name), (ns, units, count) => ns / count / 1000);

  const checkRatio = byName['ota-expr check'].ratio;
  const before = {
    parse: byName['ota-expr parse, parser before #18'],
    check: byName['ota-expr check, parser before #18'],
  };
  // Same-run A/B: each round times both parsers on that round's texts, so the neighbours' load hits both alike.
  const ab = (name) =>
    median(
      samples.get(`ota-expr ${name}`).ns.map((ns, i) => ns / samples.get(`ota-expr ${name}, parser before #18`).ns[i]),
    );
  const parseRatio = ota.ratio;
  const generatedPeers = ['liqe', 'filtrex (Jison parser only)'];
  const handPeers = ['odata-v4-parser', '@rsql/parser', '@marcbachmann/cel-js'];
  const speedup = (name) => ota.perSecond / byName[name].perSecond;
  const targets = [
    {
      target: '`check` ≤ 4 × JSON.parse per character',
      met: checkRatio <= 4,
      measured: `${fmt(checkRatio)} × (parse alone ${fmt(parseRatio)} ×); long-run goal 2 ×: ${checkRatio <= 2 ? 'met' : 'not yet'}`,
    },
    {
      target: '`parse` ≤ 1.6 × JSON.parse per character (issue #18)',
      met: parseRatio <= 1.6,
      measured: `${fmt(parseRatio)} × (before #18, same run: ${fmt(before.parse.ratio)} ×; time per expression ${fmt(ab('parse'))} × the parser before)`,
    },
    {
      target: '`check` ≤ 2.0 × JSON.parse per character (issue #18)',
      met: checkRatio <= 2,
      measured: `${fmt(checkRatio)} × (before #18, same run: ${fmt(before.check.ratio)} ×; time per expression ${fmt(ab('check'))} × before)`,
    },
    ...generatedPeers.concat(['odata-v4-parser']).map((name) => ({
      target: `faster than ${name} (generated-parser peer)`,
      met: speedup(name) > 1 && ota.nsPerChar < byName[name].nsPerChar,
      measured: `${fmt(speedup(name))} × its expressions/s, ${fmt(byName[name].nsPerChar / ota.nsPerChar)} × its per-character speed`,
    })),
    ...handPeers.slice(1).map((name) => ({
      target: `ratio to ${name} (hand-written peer): report`,
      met: null,
      measured: `ota-expr parse runs at ${fmt(speedup(name))} × its expressions/s, ${fmt(byName[name].nsPerChar / ota.nsPerChar)} × its per-character speed`,
    })),
  ];

  const markdown = [
    `Corpus: ${all.length.toLocaleString('en')} distinct expressions measured (${rounds} rounds × ${perSlice}, after ${warmup} warm-up passes over another ${perSlice}), mean ${fmt(meanLength, 1)} characters (20–200): the seed's shapes, \`in\` lists, \`like\` on i18n fields with Chinese text, nested \`and\`/\`or\` with parentheses, both quote styles, keywords in any case. Peers read the same filters translated into their own syntax (bench/lib/corpus.mjs; a peer without lists gets an \`or\` group, so its texts are longer: compare per character). The floor is \`JSON.parse\` of \`JSON.stringify(parse(text))\`, the very tree ota-expr builds (spans included), mean ${fmt(jsonLength, 0)} characters; the row below it reads the same tree without spans, for reference (ratios are to the floor).`,
    '',
    main,
    '',
    "Ratios are medians of per-round ratios (each round times every contender on that round's texts, in rotating order).",
    '',
    `Error path (\`check\` on ${invalid.length} texts with one syntax error each: \`==\`, \`&&\`, a missing quote or parenthesis, a typographic quote): ${fmt(usPer('invalid'))} µs per expression, against ${fmt(usPer('valid'))} µs for valid ones.`,
  ].join('\n');
  slices.clear();
  return {
    title: '1. Parse and check',
    markdown,
    targets,
    data: { rows, errorPath: { valid: usPer('valid'), invalid: usPer('invalid') } },
  };
}

if (isMain(import.meta.url)) emit(await run(options()));
