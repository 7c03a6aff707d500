// Section 7: the editor functions, at the cost of one keystroke. `complete` and `hover` on the corpus's long
// expressions (150–200 characters) at random offsets, and `check` once per keystroke while a text is typed from its
// first character to its last. Every round reads texts not read before in the run; figures are medians over rounds.
//
//   node --expose-gc bench/editor.mjs [--quick]

import { check, complete, hover } from '../dist/index.js';
import { corpus, prng } from './lib/corpus.mjs';
import { consume, fmt, interleave, perRound, table } from './lib/measure.mjs';
import { emit, isMain, options } from './lib/section.mjs';

const TARGET_MICROSECONDS = 20;

export async function run({ quick }) {
  const rounds = quick ? 5 : 21;
  const warmup = quick ? 4 : 10;
  const perSlice = quick ? 40 : 200;
  const seen = new Set();
  const random = prng(0xed170);
  // Long expressions only: the corpus spans 20–200 characters, and the figure is for the long end.
  const slice = () => {
    const texts = [];
    let seed = 1 + random.int(1e9);
    while (texts.length < perSlice) {
      for (const item of corpus(seed++, perSlice, seen)) if (item.text.length >= 150) texts.push(item.text);
    }
    return texts.slice(0, perSlice).map((text) => ({ text, offset: random.int(text.length + 1) }));
  };
  const calls = (items) => ({ items, units: items.length });
  const contenders = [
    {
      name: 'complete',
      prepare: calls,
      run: (items) => {
        for (const { text, offset } of items) consume(complete(text, offset));
      },
    },
    {
      name: 'hover',
      prepare: calls,
      run: (items) => {
        for (const { text, offset } of items) consume(hover(text, offset));
      },
    },
    {
      name: 'check per keystroke',
      // Every prefix of a few texts, as an editor checks the text after each key.
      prepare: (items) => {
        const prefixes = items.slice(0, 8).flatMap(({ text }) => [...text].map((_, k) => text.slice(0, k + 1)));
        return { items: prefixes, units: prefixes.length };
      },
      run: (items) => {
        for (const text of items) consume(check(text));
      },
    },
  ];
  const samples = interleave({ rounds, warmup, slice, contenders });
  const microseconds = (name) => perRound(samples.get(name), (ns, units) => ns / units / 1000);
  const rows = contenders.map(({ name }) => [name, fmt(microseconds(name), 2)]);
  const lengths = `${perSlice} expressions of 150–200 characters per round, ${rounds} rounds`;
  const markdown = [
    `Median time per call (µs) over ${lengths}; offsets uniform over each text.`,
    '"check per keystroke" checks every prefix of 8 of the round\'s texts, as an editor checks the whole text after',
    'each key.',
    '',
    table(['operation', 'µs per call'], rows),
  ].join('\n');
  const targets = ['complete', 'hover'].map((name) => ({
    target: `${name} ≤ ${TARGET_MICROSECONDS} µs per call on 200-character expressions`,
    met: microseconds(name) <= TARGET_MICROSECONDS,
    measured: `${fmt(microseconds(name), 2)} µs`,
  }));
  return { title: '7. Editor: complete, hover and check per keystroke', markdown, targets, data: rows };
}

if (isMain(import.meta.url)) emit(await run(options()));
