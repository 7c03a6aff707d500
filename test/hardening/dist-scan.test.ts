/**
 * The built output (SECURITY.md T8, T10): no `eval` or `new Function` anywhere in dist/ (a page with a strict
 * Content-Security-Policy could not run it, and it would turn text into code), and the browser entry pulls in no
 * Node built-in and no compiler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DIST, requireDist } from '../packaging/dist.js';

const CODE_FROM_TEXT = [
  // The bare words, not only calls: `globalThis.eval`, `window['eval']` and `(0, eval)` are calls too.
  { name: 'eval', pattern: /\beval\b/ },
  { name: 'Function (new Function, Function(), .constructor tricks by name)', pattern: /\bFunction\b/ },
  { name: 'setTimeout/setInterval with a string', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'import() of a computed specifier', pattern: /\bimport\s*\(\s*(?!['"`])/ },
];

describe('dist/', () => {
  it('turns no text into code: no eval, new Function, string timers or computed import()', () => {
    requireDist();
    const files = readdirSync(DIST).filter((name) => /\.(c?js)$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(DIST, file), 'utf8');
      for (const { name, pattern } of CODE_FROM_TEXT) if (pattern.test(text)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('the browser entry (core.js and its chunks) needs no Node built-in and holds no compiler', async () => {
    requireDist();
    // platform 'browser' fails to resolve node:* and bare built-ins, so a stray import is a build error here.
    const result = await build({
      entryPoints: [join(DIST, 'core.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.every((input) => input.startsWith('dist/'))).toBe(true);
    const text = result.outputFiles[0]!.text;
    // Markers of the compilers: SQL text, MongoDB operators, the predicate's readers.
    for (const marker of ['IS NOT NULL', '$regex', 'toSql', 'toMongo', 'toPredicate', 'searchRecords'])
      expect(text).not.toContain(marker);
    for (const name of ['process.', 'require(', 'Buffer.', '__dirname']) expect(text).not.toContain(name);
  });
});
