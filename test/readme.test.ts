/**
 * The README's code blocks stay true. Every `ts`, `js` and `console` block carries a marker comment before it:
 * - `<!-- readme-test: run -->`: a `ts`/`js` block runs (the blocks of one `##` section run in order, as one
 *   program), and each line `expression; // value` is checked: the expression must equal the value; a `console`
 *   block runs each `$ command` in a shell, `npx ota-expr` being the built dist/cli.js, and must print exactly the
 *   lines under it (standard output and error together);
 * - `<!-- readme-test: output of <expression> -->`: a `sql` or `json` block is what the expression returns, in
 *   its section's program;
 * - `<!-- readme-test: skip (<why>) -->`: checked elsewhere (the reason says where), or not runnable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import * as drizzleOrm from 'drizzle-orm';
import * as drizzleNodePostgres from 'drizzle-orm/node-postgres';
import * as drizzlePgCore from 'drizzle-orm/pg-core';
import knex from 'knex';
import * as kysely from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as drizzleAdapter from '../src/drizzle.js';
import * as lib from '../src/index.js';
import * as knexAdapter from '../src/knex.js';
import * as kyselyAdapter from '../src/kysely.js';

/** What README code may import besides `ota-expr` (and its subpaths, served by src/index.ts): adapters and peers. */
const MODULES: Readonly<Record<string, unknown>> = {
  'ota-expr/kysely': kyselyAdapter,
  'ota-expr/knex': knexAdapter,
  'ota-expr/drizzle': drizzleAdapter,
  kysely,
  knex: { default: knex },
  'drizzle-orm': drizzleOrm,
  'drizzle-orm/node-postgres': drizzleNodePostgres,
  'drizzle-orm/pg-core': drizzlePgCore,
  pg: { default: pg },
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Block {
  readonly section: string;
  readonly lang: string;
  readonly code: string;
  readonly marker: string | undefined;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

function blocks(): Block[] {
  const found: Block[] = [];
  const lines = README.split('\n');
  let section = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.startsWith('## ')) section = line.slice(3);
    const fence = /^```(\w+)$/.exec(line);
    if (fence === null) continue;
    const end = lines.indexOf('```', index + 1);
    const before = lines.slice(Math.max(0, index - 3), index).reverse();
    const marker = before.find((candidate) => candidate.startsWith('<!-- readme-test:'));
    found.push({
      section,
      lang: fence[1]!,
      code: lines.slice(index + 1, end).join('\n'),
      marker: marker === undefined ? undefined : /^<!-- readme-test: (.*) -->$/.exec(marker)![1],
      line: index + 1,
    });
    index = end;
  }
  return found;
}

const ALL = blocks();

/** `expression; // value` lines (the value may go on over `//` lines) become checks. */
function withChecks(code: string, line: number): string {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^(?<expression>[^/].*?);\s*\/\/\s*(?<value>.+)$/.exec(lines[index]!);
    if (match === null) {
      out.push(lines[index]!);
      continue;
    }
    let value = match.groups!['value']!;
    while (lines[index + 1]?.startsWith('//')) {
      index += 1;
      value += ` ${lines[index]!.slice(2).trim()}`;
    }
    out.push(`__check(() => (${match.groups!['expression']!}), ${JSON.stringify(value)}, ${line + index + 1});`);
  }
  return out.join('\n');
}

/** The value a comment states: a JavaScript literal, maybe followed by a note in parentheses. */
function statedValue(text: string): unknown {
  for (const candidate of [text, text.replace(/\s*\([^()]*\)\s*$/, '')]) {
    try {
      return new Function(`return (${candidate});`)() as unknown;
    } catch {
      // try without the note
    }
  }
  throw new Error(`README comment is not a value: ${text}`);
}

/** Runs a section's `ts`/`js` blocks as one program; returns the values of its `output of` expressions. */
function runSection(section: string): unknown[] {
  const sectionBlocks = ALL.filter((block) => block.section === section);
  const parts: string[] = [];
  for (const block of sectionBlocks) {
    if (block.marker?.startsWith('run') === true && (block.lang === 'ts' || block.lang === 'js'))
      parts.push(withChecks(block.code, block.line));
    const output = /^output of (.+)$/.exec(block.marker ?? '');
    if (output !== null) parts.push(`__outputs.push(${output[1]!});`);
  }
  const source = parts
    .join('\n')
    .replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (line, names: string, from: string) =>
      from in MODULES
        ? `var {${names}} = __modules[${JSON.stringify(from)}];`
        : /^ota-expr(\/\w+)?$/.test(from)
          ? `var {${names}} = __lib;`
          : line,
    )
    .replace(/^import (\w+) from '([^']+)';$/gm, (line, name: string, from: string) =>
      from in MODULES ? `var ${name} = __modules[${JSON.stringify(from)}].default;` : line,
    );
  const js = transformSync(source, { loader: 'ts', format: 'esm' }).code;
  const outputs: unknown[] = [];
  const check = (compute: () => unknown, stated: string, line: number): void => {
    expect(compute(), `README.md line ${line}: // ${stated}`).toEqual(statedValue(stated));
  };
  const quiet = { log: () => {}, error: () => {}, warn: () => {} };
  new Function('__lib', '__modules', '__check', '__outputs', 'console', js)(lib, MODULES, check, outputs, quiet);
  return outputs;
}

describe('README code blocks', () => {
  it('every ts, js and console block says whether it runs', () => {
    const unmarked = ALL.filter((block) => ['ts', 'js', 'console'].includes(block.lang) && block.marker === undefined);
    expect(unmarked.map((block) => `README.md line ${block.line}`)).toEqual([]);
    for (const block of ALL) {
      if (block.marker !== undefined) expect(block.marker).toMatch(/^(run( \(.*\))?|skip \(.+\)|output of .+)$/);
    }
  });

  const sections = [
    ...new Set(
      ALL.filter((block) => block.marker?.startsWith('run') && block.lang !== 'console').map((b) => b.section),
    ),
  ];

  it.each(sections)('## %s: its code runs and every stated value holds', (section) => {
    const outputs = runSection(section);
    const outputBlocks = ALL.filter((block) => block.section === section && block.marker?.startsWith('output of'));
    expect(outputs.length).toBe(outputBlocks.length);
    outputBlocks.forEach((block, index) => {
      const value = outputs[index];
      if (block.lang === 'json') {
        expect(value, `README.md line ${block.line}`).toEqual(JSON.parse(block.code));
      } else if (block.lang === 'sql') {
        const [sql, params] = block.code.split('\n-- params: ');
        const where = value as { where: string; params: unknown[] };
        expect(where.where.replace(/\s+/g, ' '), `README.md line ${block.line}`).toBe(sql!.replace(/\s+/g, ' '));
        expect(where.params).toEqual(JSON.parse(params!));
      } else {
        throw new Error(`README.md line ${block.line}: output blocks are sql or json`);
      }
    });
  });

  const hasJq = spawnSync('jq', ['--version']).status === 0;
  const consoleBlocks = ALL.filter((block) => block.lang === 'console' && block.marker?.startsWith('run'));

  it.skipIf(!existsSync(CLI)).each(consoleBlocks.map((block) => [block.line, block] as const))(
    'console block at README.md line %i prints what it shows',
    (_, block) => {
      const commands: { command: string; expected: string[] }[] = [];
      for (const line of block.code.split('\n')) {
        if (line.startsWith('$ ')) commands.push({ command: line.slice(2), expected: [] });
        else commands.at(-1)!.expected.push(line);
      }
      const runnable = commands.filter(({ command }) => hasJq || !/\|\s*jq\b/.test(command));
      const script = runnable
        .map(({ command }, index) => {
          const shell = command
            .replaceAll('npx ota-expr', `"${process.execPath}" "${CLI}"`)
            .replaceAll('$?', '$__status');
          return `printf '@@%d\\n' ${index}; { ${shell}; } 2>&1; __status=$?`;
        })
        .join('\n');
      const run = spawnSync('sh', ['-c', `__status=0\n${script}`], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      });
      const printed = run.stdout.split(/^@@\d+\n/m).slice(1);
      runnable.forEach(({ command, expected }, index) => {
        expect(printed[index], `$ ${command}`).toBe(expected.length === 0 ? '' : `${expected.join('\n')}\n`);
      });
    },
  );
});

describe('README links', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
  const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  const links = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const slug = (heading: string): string =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
  const anchors = (file: string): string[] =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, '')));

  it('are absolute, so that they work on the registry page too', () => {
    expect(links.filter((link) => !/^(https?:|#)/.test(link))).toEqual([]);
  });

  it('into the repository name files and headings of this checkout', () => {
    const inRepository = links.filter((link) => link.startsWith(`${repository}/blob/main/`));
    expect(inRepository.length).toBeGreaterThan(5);
    for (const link of inRepository) {
      const [path, anchor] = link.slice(`${repository}/blob/main/`.length).split('#');
      expect(existsSync(join(ROOT, path!)), link).toBe(true);
      if (anchor !== undefined) expect(anchors(path!), link).toContain(anchor);
    }
    for (const link of links.filter((candidate) => candidate.startsWith('#'))) {
      expect(anchors('README.md'), link).toContain(link.slice(1));
    }
  });
});
