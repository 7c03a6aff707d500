/**
 * Shared by the tests of grammar/plugins/: a tiny fixture grammar (literals, a class, `.`, named rules, a per-parse
 * initializer with state and a `scan()` token rule that moves the position itself, identical actions),
 * peggy.generate with some of the plugin's passes, and loading a generated parser as a module.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import peggy from 'peggy';
import { afterAll } from 'vitest';
import { otaPlugin } from '../../grammar/plugins/index.mjs';

export const FIXTURE = `
{{
const DIGITS = /[0-9]*/y;
}}

{
  // Per-parse state.
  let items = 0;

  function scan(re) {
    re.lastIndex = peg$currPos;
    if (!re.test(input)) return false;
    peg$currPos = re.lastIndex;
    return true;
  }
}

List
  = "(" _ head:Item tail:(_ "," _ @Item)* _ ")" { return { items: [head, ...tail], count: items }; }

Item "item"
  = Number / Word / Quoted

Number "number"
  = [0-9] &{ return scan(DIGITS); } { items += 1; return range(); }

Word
  = "X"i [a-z]* { items += 1; return range(); }

Quoted
  = "'" char:. "'" { items += 1; return { char, span: range() }; }

_
  = " "*
`;

export interface Options {
  readonly only?: readonly string[];
  readonly format?: 'es' | 'commonjs';
  readonly allowedStartRules?: readonly string[];
}

/** peggy.generate(grammar) with the plugin (all its passes, or `only` these; `only: []`: stock peggy). */
export function generate(grammar: string, options: Options = {}): string {
  return peggy.generate(grammar, {
    output: 'source',
    format: options.format ?? 'es',
    allowedStartRules: [...(options.allowedStartRules ?? ['List'])],
    plugins: [otaPlugin(options.only === undefined ? {} : { only: options.only })],
  });
}

/** What the fixture grammar's start rule returns: the list's items and their count. */
export interface FixtureTree {
  readonly count: number;
  readonly items: readonly unknown[];
}

export interface FixtureParser {
  parse(input: string, options?: object): FixtureTree;
  SyntaxError: new (
    expected: readonly string[],
    offset: number,
  ) => { expected: unknown[]; offset?: number; message?: string };
}

const dir = mkdtempSync(join(tmpdir(), 'ota-grammar-plugins-'));
let loaded = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports a generated ES-module parser. */
export async function load(source: string): Promise<FixtureParser> {
  loaded += 1;
  const file = join(dir, `parser-${loaded}.mjs`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as FixtureParser;
}

/** What peggy.generate threw. */
export function generateError(grammar: string, options: Options = {}): Error {
  try {
    generate(grammar, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('peggy.generate did not throw');
}
