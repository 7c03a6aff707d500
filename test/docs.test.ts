/**
 * Generated documentation stays true (scripts/generate-docs.mjs): the schema pages in docs/schemas/ and the
 * README's field table match the schemas of src/apis, the API reference in docs/api/ matches the TSDoc of the
 * sources, and TypeDoc finds no problem that scripts/api-reference-baseline.json does not list. Needs dist/ (the
 * CLI renders the schema pages); `npm test` builds first.
 */
import { describe, expect, it } from 'vitest';
import { APIS } from '../src/apis/index.js';
import { runCli } from '../src/cli/run.js';
import { findings, generateDocs, REGENERATE, type DocsResult } from '../scripts/generate-docs.mjs';
import { requireDist } from './packaging/dist.js';

let result: DocsResult;

describe('generated documentation', () => {
  it('is current: every page, the README table and the API reference', async () => {
    requireDist();
    result = await generateDocs();
    const lines = findings(result);
    expect(lines, `${lines.join('\n')}\nRun \`${REGENERATE}\` to regenerate them.`).toEqual([]);
  }, 120_000);

  it('has one schema page per built-in schema, the one the CLI prints', async () => {
    expect([...result.generated.keys()].filter((path) => path.startsWith('docs/schemas/')).sort()).toEqual(
      [...APIS.keys()].map((name) => `docs/schemas/${name}.md`).sort(),
    );
    for (const name of APIS.keys()) {
      let page = '';
      await runCli(['schema', name, '--markdown'], {
        readStdin: async () => '',
        writeStdout: (text) => {
          page += text;
        },
        writeStderr: () => {},
        stderrIsTty: false,
        version: 'x',
      });
      // The page on disk is the CLI's Markdown as prettier lays it out: the same rows, cell for cell.
      const cells = (text: string) =>
        text
          .split('\n')
          .filter((line) => line.startsWith('| `'))
          .map((line) => line.split('|').map((cell) => cell.trim()));
      expect(cells(result.generated.get(`docs/schemas/${name}.md`)!)).toEqual(cells(page));
    }
  });

  it('the API reference has a page per entry', () => {
    for (const entry of [
      'README',
      'core',
      'predicate',
      'sql',
      'mongo',
      'search',
      'client',
      'kysely',
      'knex',
      'drizzle',
    ]) {
      expect(result.generated.has(`docs/api/${entry}.md`)).toBe(true);
    }
  });
});
