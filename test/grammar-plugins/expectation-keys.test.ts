/** grammar/plugins/expectation-keys.mjs: expectations are the strings src/language/syntax-error.ts looks up. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, editOutput, generate, generateError, load } from './fixture.js';

const expectationLines = (source: string): string[] =>
  [...source.matchAll(/^ {2}const peg\$e\d+ = .*;$/gm)].map((match) => match[0].trim());

describe('expectation-keys', () => {
  it("turns each expectation into its key, computed from peggy's AST", () => {
    expect(expectationLines(generate(FIXTURE, { upTo: 'strip-runtime' }))).toContain(
      'const peg$e6 = peg$literalExpectation("X", true);',
    );
    expect(expectationLines(generate(FIXTURE, { upTo: 'expectation-keys' }))).toStrictEqual([
      'const peg$e0 = "(";',
      'const peg$e1 = ",";',
      'const peg$e2 = ")";',
      'const peg$e3 = "item";', // a named rule: its display name
      'const peg$e4 = "number";',
      'const peg$e5 = "character";', // [0-9]
      'const peg$e6 = "x";', // "X"i: the literal in lower case
      'const peg$e7 = "character";', // [a-z]
      'const peg$e8 = "\'";',
      'const peg$e9 = "any character";', // .
      'const peg$e10 = " ";',
    ]);
  });

  it('removes the helpers that built expectation objects, and the end expectation is "end"', () => {
    const source = generate(FIXTURE, { upTo: 'expectation-keys' });
    expect(source).not.toMatch(/peg\$(literal|class|any|end|other)Expectation/);
    expect(source).toContain('peg$fail("end");');
  });

  it('reports keys when a parse fails', async () => {
    const parser = await load(generate(FIXTURE, { upTo: 'expectation-keys' }));
    expect(parser.parse("(1, 'q')", {}).count).toBe(2);
    const failure = (text: string): unknown => {
      try {
        parser.parse(text, {});
      } catch (error) {
        return error;
      }
      throw new Error(`${text} parsed`);
    };
    expect(failure('(')).toStrictEqual(new parser.SyntaxError([' ', 'item'], 1));
    expect(failure('(1)x')).toStrictEqual(new parser.SyntaxError(['end'], 3));
  });

  it('fails, naming itself, when a constant does not match the AST', () => {
    const error = generateError(FIXTURE, {
      upTo: 'expectation-keys',
      plugins: [
        editOutput((text) => text.replace('peg$otherExpectation("item")', 'peg$literalExpectation("item", false)')),
      ],
    });
    expect(error.message).toMatch(
      /^grammar\/plugins\/expectation-keys: peg\$e3 is `peg\$literalExpectation\("item", false\)`, expected a peg\$otherExpectation\(…\) call for a rule expectation\. Peggy's output changed/,
    );
  });

  it('fails when the number of constants does not match the AST', () => {
    const error = generateError(FIXTURE, {
      upTo: 'expectation-keys',
      plugins: [
        editOutput((text) =>
          text.replace('  const peg$e0 = ', '  const peg$e99 = peg$anyExpectation();\n  const peg$e0 = '),
        ),
      ],
    });
    expect(error.message).toContain(
      'grammar/plugins/expectation-keys: expected 11 `const peg$eN = …;` lines (one per entry of ast.expectations), found 12',
    );
  });
});
