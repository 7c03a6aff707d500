/**
 * The page weight budget: everything the first view loads (index.html, playground.js with CodeMirror and ota-expr,
 * playground.css, favicon.svg), minified and gzipped, at most 250 KB, for the served page and for the static build (which also
 * carries the demo data generator). Printed for the README and docs/DECISIONS.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, STATIC_DIST } from './support/harness.js';

const BUDGET_BYTES = 250 * 1024;
const FIRST_VIEW = ['index.html', 'playground.js', 'playground.css', 'favicon.svg'];

describe('the page weight', () => {
  beforeAll(() => {
    if (!existsSync(join(STATIC_DIST, 'index.html')))
      throw new Error('no build: run npm run build -w ota-expr-playground');
  });

  it.each([
    ['served page', DIST],
    ['static build', STATIC_DIST],
  ])('%s: the first view is at most 250 KB min+gz', (label, dir) => {
    const sizes = FIRST_VIEW.map((file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `${label}: ${(total / 1024).toFixed(1)} KB min+gz (${FIRST_VIEW.map((f, i) => `${f} ${sizes[i]} B`).join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('the page loads nothing else: one script, one style sheet, no inline script or style', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script defer src="playground.js">']);
    expect([...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<link rel="icon" href="favicon.svg" type="image/svg+xml" />',
      '<link rel="stylesheet" href="playground.css" />',
    ]);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });
});
