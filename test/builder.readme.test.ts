/**
 * The README's typed-builder section stays true: its TypeScript blocks, put together as one `example.ts`, compile
 * with exactly the errors its console blocks show (the forbidden calls), and the example prints what it says.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const readme = readFileSync(`${root}/README.md`, 'utf8');
const start = readme.indexOf('## Typed query builder (for clients)');
// The section ends at the next heading of its level, whatever section follows it.
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const blocks = (lang: string): string[] =>
  [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

/** What `tsc` prints for example.ts, `ota-expr` resolving to this checkout's source. */
function compile(source: string): string[] {
  const file = `${root}/example.ts`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    paths: { 'ota-expr': [`${root}/src/index.ts`] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const format: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, format).trimEnd());
}

describe('README: typed query builder', () => {
  const [example, ...forbidden] = blocks('ts');
  const shown = blocks('console').flatMap((block) =>
    block.split('\n').filter((line) => line.startsWith('example.ts(')),
  );

  it('has an example and forbidden calls, each with its error', () => {
    expect(example).toBeDefined();
    expect(forbidden.length).toBeGreaterThan(0);
    expect(shown.length).toBe(forbidden.length);
  });

  it('the example compiles; each forbidden call gets exactly the error shown', () => {
    expect(compile(example!)).toEqual([]);
    expect(compile([example!, ...forbidden].join('\n'))).toEqual(shown);
  }, 60_000);
});
