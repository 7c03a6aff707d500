/**
 * Shared by the tests of grammar/plugins/: a tiny fixture grammar that exercises every pass (literals, a class, `.`,
 * named rules, a per-parse initializer with state and a `scan()` token rule, identical actions), peggy.generate with
 * some of the plugin's passes, a plugin that edits peggy's output before the passes see it (a stand-in for a peggy
 * whose output changed), and loading a generated parser as a module.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import peggy from 'peggy';
import type { Pass, Plugin } from 'peggy';
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
  readonly upTo?: string;
  /** More plugins, used after the plugin under test (see `editOutput`). */
  readonly plugins?: readonly Plugin[];
  readonly format?: 'es' | 'commonjs';
}

/** peggy.generate(grammar) with some of the passes (none when neither `only` nor `upTo` is given). */
export function generate(grammar: string, options: Options = {}): string {
  const passes = options.only !== undefined || options.upTo !== undefined;
  const pluginOptions = {
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(options.upTo === undefined ? {} : { upTo: options.upTo }),
  };
  return peggy.generate(grammar, {
    output: 'source',
    format: options.format ?? 'es',
    allowedStartRules: ['List'],
    plugins: [...(passes ? [otaPlugin(pluginOptions)] : []), ...(options.plugins ?? [])],
  });
}

/**
 * A plugin that edits peggy's generated text right after generateJS, before the plugin's text passes (use it after
 * the plugin under test: it inserts itself directly behind generateJS).
 */
export function editOutput(edit: (text: string) => string): Plugin {
  return {
    use(config) {
      const at = config.passes.generate.findIndex((pass) => pass.name === 'generateJS');
      const pass: Pass = (ast) => {
        const code = (ast as { code?: unknown }).code;
        (ast as { code?: unknown }).code = edit(String(code));
      };
      config.passes.generate.splice(at + 1, 0, pass);
    },
  };
}

/** A plugin that runs `pass` right after the named peggy pass (generate stage). */
export function after(peggyPass: string, pass: Pass): Plugin {
  return {
    use(config) {
      const at = config.passes.generate.findIndex((p) => p.name === peggyPass);
      config.passes.generate.splice(at + 1, 0, pass);
    },
  };
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

/** The body of `peg$parse` (from its head to its closing line), or '' if there is none. */
export function parseBody(source: string): string {
  const start = source.search(/\nfunction peg\$parse\(/);
  if (start < 0) return '';
  return source.slice(start, source.indexOf('\n}\n', start) + 3);
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
