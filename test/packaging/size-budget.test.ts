/**
 * The browser entry's size budget (the "size budget checked in CI"): `dist/core.js` and the chunks it
 * imports, bundled and minified by esbuild for the browser, then gzipped at level 9.
 *
 * Target (benchmark issue): 6 KB. Measured when the budget was last set: 8,722 bytes (11,207 when it was first set;
 * the generated parser lost peggy's unused runtime, its message builder and location machinery, and its expectation
 * objects: the passes of grammar/plugins/). That entry also carries the typed builder, the printer and the code frame;
 * bench/bundle.mjs's "parse + check + OTA schema" row is the 6 KB target's own measure. The budget is the measured
 * size plus about 5 %, so any growth is a conscious decision: raise it here, in a reviewed commit.
 *
 * Raised by 600 bytes for the "new user" issue: `describeSchema` (≈220 B gz) and the code frame's window around the
 * caret for long lines (≈340 B gz), measured by removing each from the entry (12,466 → 12,248 → 11,902 B).
 *
 * Raised to 13,200 (measured 12,570 + 5 %) for the EnOS family: the entry now carries the 18 schemas of `schemas`
 * (≈1.2 KB: an editor validates and completes against them), defineSchema's run-time checks of every part of a
 * definition, the datetime type and the search rules. A page that imports only `check` and one schema tree-shakes
 * the rest: bench/bundle.mjs's "parse + check + OTA schema" row (6.7 KB, 6,844 B) is the 6 KB goal's own measure.
 *
 * Raised to 14,200 (measured 13,554 + 5 %) for the editor issue: `check` itself now recognises the common mistakes
 * (src/language/mistakes.ts: `==`, `&&`, `||`, `!`, full-width punctuation, invisible characters, typographic quotes,
 * unquoted words; 604 B gz, measured by stubbing the module out: 13,523 → 12,919 B from src) and diagnostics carry
 * machine-applicable fixes (did-you-mean field, locale and value, quotes around a too-large integer, a missing closing
 * quote; 376 B gz: 12,919 against 12,543 at efcf58e). The CLI shows them too, so they cannot move to ota-expr/editor.
 *
 * Raised to 16,000 (measured 15,226 + 5 %) for issue #18 (the parser written from peggy's AST by grammar/plugins/
 * direct-code.mjs, about 0.7 × the time per expression of the parser before): the generated parser is 3,956 B min+gz
 * against 2,581 (inline code-unit tests and PEG token rules are more code than regular expressions in predicates;
 * the compactions that took 600 B back cost 8-17 % of parse time, bench/NOTES.md), and the entry 1,624 B more in all
 * (13,638 against 15,262 measured from src with the reference parser swapped in). #18 asked for no growth: not met.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DIST, requireDist } from './dist.js';
import { join } from 'node:path';

export const BROWSER_ENTRY_BUDGET_BYTES = 16_000;
/**
 * ota-expr/client (`dist/client.js` and its chunks, bundled alike): 16,001 bytes min+gz when set (55,140 minified),
 * plus 5 %. Most of it is what the client shares with ota-expr/core: the 18 schemas, the parser and the validator
 * (each request is checked before it is sent) and the printer (for builder trees); the client's own code is about
 * 3.7 KB, and the signing helpers alone tree-shake to about 470 bytes. It grows with the parser: a parser change that
 * raises the core's budget raises this one too.
 */
export const CLIENT_BUDGET_BYTES = 16_800;
const TARGET_BYTES = 6 * 1024;

async function minifiedAndGzipped(entry: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    entryPoints: [join(DIST, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const minified = result.outputFiles[0]!.contents;
  return { minified: minified.length, gzipped: gzipSync(minified, { level: 9 }).length };
}

describe('the browser client (ota-expr/client)', () => {
  it(`is at most ${CLIENT_BUDGET_BYTES} bytes minified and gzipped`, async () => {
    requireDist();
    const { minified, gzipped } = await minifiedAndGzipped('client.js');
    console.info(
      `ota-expr/client: ${minified} bytes minified, ${gzipped} bytes min+gz (budget ${CLIENT_BUDGET_BYTES})`,
    );
    expect(gzipped).toBeLessThanOrEqual(CLIENT_BUDGET_BYTES);
  });
});

describe('the browser entry (ota-expr/core)', () => {
  it(`is at most ${BROWSER_ENTRY_BUDGET_BYTES} bytes minified and gzipped`, async () => {
    requireDist();
    const { minified, gzipped } = await minifiedAndGzipped('core.js');
    console.info(
      `ota-expr/core: ${minified} bytes minified, ${gzipped} bytes min+gz (budget ${BROWSER_ENTRY_BUDGET_BYTES}, target ${TARGET_BYTES})`,
    );
    expect(gzipped).toBeLessThanOrEqual(BROWSER_ENTRY_BUDGET_BYTES);
  });
});

/**
 * The editor entries (the editor issue), each measured as what it adds on top of what a page already has, since a
 * page that completes also checks: ota-expr/editor on top of ota-expr/core (2,955 B when set: complete, hover,
 * applyFix, the token table, the context machine, the operator meanings), and ota-expr/codemirror on top of both,
 * CodeMirror and @lezer external (940 B when set: the extension's wiring, theme and tooltips). Budget: 3 KB each.
 */
export const EDITOR_ON_CORE_BUDGET_BYTES = 3 * 1024;
export const CODEMIRROR_ON_EDITOR_BUDGET_BYTES = 3 * 1024;

async function gzippedBundleOf(entries: readonly string[]): Promise<number> {
  const result = await build({
    stdin: {
      contents: entries.map((entry) => `export * from ${JSON.stringify(join(DIST, entry))};`).join('\n'),
      resolveDir: DIST,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: ['@codemirror/*', '@lezer/*'],
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

describe('the editor entries', () => {
  it(`ota-expr/editor adds at most ${EDITOR_ON_CORE_BUDGET_BYTES} bytes min+gz to ota-expr/core`, async () => {
    requireDist();
    const core = await gzippedBundleOf(['core.js']);
    const withEditor = await gzippedBundleOf(['core.js', 'editor.js']);
    console.info(`ota-expr/editor: ${withEditor - core} bytes min+gz on top of ota-expr/core (${core})`);
    expect(withEditor - core).toBeLessThanOrEqual(EDITOR_ON_CORE_BUDGET_BYTES);
  });

  it(`ota-expr/codemirror adds at most ${CODEMIRROR_ON_EDITOR_BUDGET_BYTES} bytes min+gz, CodeMirror excluded`, async () => {
    requireDist();
    const editor = await gzippedBundleOf(['core.js', 'editor.js']);
    const withCodemirror = await gzippedBundleOf(['core.js', 'editor.js', 'codemirror.js']);
    console.info(`ota-expr/codemirror: ${withCodemirror - editor} bytes min+gz on top of core and editor`);
    expect(withCodemirror - editor).toBeLessThanOrEqual(CODEMIRROR_ON_EDITOR_BUDGET_BYTES);
  });
});
