// direct-code: writes the parser straight from peggy's AST, in place of peggy's generateBytecode and generateJS
// (the plugin replaces peggy's generate stage with this pass). Peggy still reads the grammar, checks it and runs
// its transform passes (proxy rules, merged classes, the match inference this pass relies on); the rules' code is
// then written by direct-code/emit.mjs and laid out by direct-code/module.mjs.
//
// What it buys (bench/NOTES.md, issue #18): peggy's generic output tests a class with a regular expression on a
// one-character string, builds an array of characters for every repetition even under `$(…)`, an array for every
// sequence, and tries every alternative of a choice; this pass writes `charCodeAt` tests and loops, builds only
// what is read, and dispatches a choice on the next character while no expectation is being recorded. That lets
// the grammar's token rules be plain PEG again (no regular expressions in predicates), as fast as a hand-written
// scanner.
//
// What it relies on (checked here; the build fails naming the pass otherwise):
// - Peggy 5's AST after its transform stage, node types as its visitor lists them, with `match` set by
//   inferenceMatchResult. Not supported (the build fails): imports and library rules, classes with the `i` or `u`
//   flag, repetition boundaries given by code or labels.
// - One start rule, and the options object always given (`options.peg$silentFails` turns recording off).
// - The grammar's code uses `range()`, `text()`, `input`, `options` and `peg$currPos` only (grammar-code.mjs checks it calls none of
//   peggy's other helpers, and not the parser itself).
// The failure report is peggy's: the same expectations, in the same order, at the same offset (as keys, keys.mjs).
import peggy from 'peggy';
import { CharTests } from './direct-code/chars.mjs';
import { Emitter } from './direct-code/emit.mjs';
import { Functions, moduleText } from './direct-code/module.mjs';
import { name } from './direct-code/name.mjs';
import { misused } from './support.mjs';

export { name };

/** Generate stage (alone: peggy's generateBytecode and generateJS are not run). */
export function directCode(ast, options) {
  const startRules = options.allowedStartRules ?? [];
  if (startRules.length !== 1) misused(name, `expected exactly one start rule, found [${startRules.join(', ')}]`);
  if ((ast.imports ?? []).length > 0) misused(name, 'grammar imports are not supported');
  const rules = new Map(ast.rules.map((rule) => [rule.name, rule]));

  // Which rules' values are read: start from the start rule, add every rule referenced where its value is read,
  // until nothing changes (a rule read nowhere, such as white space, then builds nothing).
  const needed = new Set(startRules);
  for (;;) {
    const emitter = new Emitter({
      rules,
      functions: new Functions(),
      needed,
      chars: new CharTests(),
      runtime: new Set(),
    });
    for (const rule of ast.rules) emitter.rule(rule);
    const before = needed.size;
    for (const rule of emitter.refs) needed.add(rule);
    if (needed.size === before) break;
  }
  const functions = new Functions();
  const chars = new CharTests();
  const runtime = new Set();
  const emitter = new Emitter({ rules, functions, needed, chars, runtime });
  const code = ast.rules.map((rule) => emitter.rule(rule));
  ast.code = moduleText({
    ast,
    startRule: startRules[0],
    rules: code,
    functions,
    chars,
    runtime,
    version: peggy.VERSION,
  });
}

export const passes = [{ stage: 'generate', replaces: ['generateBytecode', 'generateJS'], pass: directCode }];
