/** grammar/plugins/dedupe-actions.mjs: identical actions become one generated function (on peggy's AST). */
import type { Pass } from 'peggy';
import { describe, expect, it } from 'vitest';
import { FIXTURE, after, generate, generateError, load } from './fixture.js';

const actions = (source: string): string[] =>
  [...source.matchAll(/^ {2}function (peg\$f\d+)\(([^)]*)\) \{(.*)\}$/gm)].map(
    (match) => `${match[2]}:${match[3]!.trim()}`,
  );

describe('dedupe-actions', () => {
  it('generates one function for actions with the same code and labels', () => {
    const before = actions(generate(FIXTURE));
    const deduped = actions(generate(FIXTURE, { only: ['dedupe-actions'] }));
    expect(before.filter((action) => action === ':items += 1; return range();')).toHaveLength(2);
    expect(deduped.filter((action) => action === ':items += 1; return range();')).toHaveLength(1);
    expect(deduped).toStrictEqual([...new Set(before)]);
  });

  it('keeps the same code under different labels apart', () => {
    const grammar = 'List = A / B / C\nA = x:"a" { return 1; }\nB = "b" { return 1; }\nC = "c" { return 1; }\n';
    expect(actions(generate(grammar))).toStrictEqual(['x:return 1;', ':return 1;', ':return 1;']);
    expect(actions(generate(grammar, { only: ['dedupe-actions'] }))).toStrictEqual(['x:return 1;', ':return 1;']);
  });

  it('leaves a parser that parses', async () => {
    const parser = await load(generate(FIXTURE, { only: ['dedupe-actions'] }));
    expect(parser.parse('(1, xyz)')).toStrictEqual({
      items: [
        { source: undefined, start: 1, end: 2 },
        { source: undefined, start: 4, end: 7 },
      ],
      count: 2,
    });
  });

  it('fails, naming itself, when peggy still generates two alike functions', () => {
    const duplicate: Pass = (ast) => {
      const functions = (ast as unknown as { functions: unknown[] }).functions;
      functions.push(functions[1]);
    };
    const error = generateError(FIXTURE, { only: ['dedupe-actions'], plugins: [after('generateBytecode', duplicate)] });
    expect(error.message).toMatch(
      /^grammar\/plugins\/dedupe-actions: peg\$f1 and peg\$f\d+ have the same parameters and code: peggy no longer interns function constants by code location/,
    );
  });
});
