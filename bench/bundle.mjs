// Section 4: bundle size. Each entry is bundled for the browser by esbuild (ESM, minified, tree-shaken, es2022),
// then gzipped (level 9). ota-expr is bundled from its source, as an application bundler would from the package.
//
//   node bench/bundle.mjs

import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fmt, table } from './lib/measure.mjs';
import { emit, isMain, options } from './lib/section.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const ENTRIES = [
  {
    name: 'ota-expr browser entry (parse + check + OTA schema)',
    code: "export { parse, check, otaJobSchema } from './src/index.ts';",
    target: true,
  },
  { name: 'ota-expr parse only', code: "export { parse } from './src/index.ts';" },
  {
    name: 'ota-expr parse + check + toPredicate',
    code: "export { parse, check, otaJobSchema, toPredicate } from './src/index.ts';",
  },
  { name: 'liqe (parse)', code: "export { parse } from 'liqe';" },
  { name: 'liqe (parse + test)', code: "export { parse, test } from 'liqe';" },
  { name: '@rsql/parser (parse)', code: "export { parse } from '@rsql/parser';" },
  { name: '@marcbachmann/cel-js (parse)', code: "export { parse } from '@marcbachmann/cel-js';" },
  { name: 'filtrex (compileExpression)', code: "export { compileExpression } from 'filtrex';" },
  { name: 'odata-v4-parser (filter)', code: "export { filter } from 'odata-v4-parser';" },
  { name: 'mingo (Query)', code: "export { Query } from 'mingo';" },
  { name: 'sift (default)', code: "export { default } from 'sift';" },
  { name: '@ucast/js + @ucast/mongo2js (guard)', code: "export { guard } from '@ucast/mongo2js';" },
];

async function size(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const bytes = result.outputFiles[0].contents;
  return { min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

export async function run() {
  const rows = [];
  for (const entry of ENTRIES) {
    try {
      rows.push({ ...entry, ...(await size(entry.code)) });
    } catch (error) {
      rows.push({ ...entry, error: String(error.message ?? error).split('\n')[0] });
    }
  }
  const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
  const markdown = [
    'esbuild (bundle, minify, ESM, browser, es2022), then gzip -9. Each row exports what the entry names, nothing else.',
    '',
    table(
      ['entry', 'minified', 'min + gzip'],
      rows.map((row) => [row.name, row.error ? `failed: ${row.error}` : kb(row.min), row.error ? '' : kb(row.gz)]),
    ),
  ].join('\n');
  const entry = rows.find((row) => row.target);
  const targets = [
    {
      target: 'browser entry ≤ 6 KB min+gz',
      met: entry.error === undefined && entry.gz <= 6 * 1024,
      measured: entry.error ?? `${kb(entry.gz)} (${entry.gz} bytes)`,
    },
  ];
  return { title: '4. Bundle size', markdown, targets, data: rows };
}

if (isMain(import.meta.url)) emit(await run(options()));
