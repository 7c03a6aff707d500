/**
 * The folder boundaries docs/ARCHITECTURE.md describes, checked on the import statements of src/: the generic stages
 * never name an API or an entry point, the language knows nothing of schemas or compilers, and the predicate's
 * closure copies have one door.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const ENTRIES = [
  'index.ts',
  'core.ts',
  'predicate.ts',
  'sql.ts',
  'mongo.ts',
  'search.ts',
  'editor.ts',
  'codemirror.ts',
  'client.ts',
  'kysely.ts',
  'knex.ts',
  'drizzle.ts',
  'cli.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of `file`, as a path under src/ (`language/ast.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match) =>
    relative(SRC, resolve(dirname(file), match[1]!)).replace(/\.js$/, '.ts'),
  );
}

const FILES = sources(SRC).map((file) => ({ file: relative(SRC, file), imports: importsOf(file) }));

function violations(stage: string, forbidden: (target: string) => boolean): string[] {
  return FILES.filter(({ file }) => file.startsWith(`${stage}/`)).flatMap(({ file, imports }) =>
    imports.filter(forbidden).map((target) => `${file} imports ${target}`),
  );
}

const isEntry = (target: string): boolean => ENTRIES.includes(target);

describe('stage boundaries', () => {
  it.each(['language', 'diagnostics', 'schema', 'builder', 'compile', 'search', 'util', 'client'])(
    '%s/ imports neither apis/, cli/ nor an entry point',
    (stage) => {
      expect(
        violations(stage, (target) => target.startsWith('apis/') || target.startsWith('cli/') || isEntry(target)),
      ).toEqual([]);
    },
  );

  it('language/ imports only language/, diagnostics/ and util/', () => {
    expect(violations('language', (target) => !/^(language|diagnostics|util)\//.test(target))).toEqual([]);
  });

  it('schema/ and diagnostics/ import no compiler, search or builder', () => {
    const later = (target: string): boolean => /^(compile|search|builder)\//.test(target);
    expect([...violations('schema', later), ...violations('diagnostics', later)]).toEqual([]);
  });

  it('compilers import no other compiler (shared code sits in compile/shared/)', () => {
    for (const target of ['predicate', 'sql', 'mongo']) {
      const others = ['predicate', 'sql', 'mongo'].filter((name) => name !== target);
      expect(
        violations(`compile/${target}`, (imported) => others.some((other) => imported.startsWith(`compile/${other}/`))),
      ).toEqual([]);
    }
  });

  it('apis/ holds data: it imports only schema/', () => {
    expect(violations('apis', (target) => !/^(schema|apis)\//.test(target))).toEqual([]);
  });

  it('SQL dialect differences live in dialects/: no other SQL file names an engine', () => {
    const sqlFiles = FILES.filter(
      ({ file }) => file.startsWith('compile/sql/') && !file.startsWith('compile/sql/dialects/'),
    );
    const named = sqlFiles.filter(({ file }) =>
      /\b(postgres|mysql|sqlite)\b/.test(readFileSync(join(SRC, file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')),
    );
    expect(named.map(({ file }) => file)).toEqual([]);
  });
});
