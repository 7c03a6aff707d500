/** grammar/plugins/hoist-constants.mjs: the constant tables leave peg$parse. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, editOutput, generate, generateError, load, parseBody } from './fixture.js';

describe('hoist-constants', () => {
  it('moves regular expressions to module scope and writes strings in where they are used', () => {
    const before = generate(FIXTURE, { upTo: 'expectation-keys' });
    const after = generate(FIXTURE, { upTo: 'hoist-constants' });
    expect(parseBody(before)).toMatch(/^ {2}const peg\$[cre]\d+ = /m);
    expect(parseBody(after)).not.toMatch(/const peg\$[cre]\d+ = /);
    expect(after).not.toMatch(/peg\$[ce]\d/);
    const moduleScope = after.slice(0, after.indexOf('\nfunction peg$parse('));
    expect(moduleScope).toContain('\nconst peg$r0 = /^[0-9]/;\nconst peg$r1 = /^[a-z]/;\n');
    expect(parseBody(after)).toContain('s1 = "(";');
    expect(parseBody(after)).toContain('peg$fail("item");');
  });

  it('leaves a parser that parses', async () => {
    const parser = await load(generate(FIXTURE, { upTo: 'hoist-constants' }));
    expect(parser.parse("(1, Xab, 'q')", {})).toStrictEqual({
      items: [
        { start: 1, end: 2 },
        { start: 4, end: 7 },
        { char: 'q', span: { start: 9, end: 12 } },
      ],
      count: 3,
    });
    expect(() => parser.parse('(1,', {})).toThrow(expect.objectContaining({ expected: [' ', 'item'], offset: 3 }));
  });

  it('fails, naming itself, on an expectation object (expectation-keys has not run)', () => {
    expect(generateError(FIXTURE, { only: ['hoist-constants'] }).message).toMatch(
      /^grammar\/plugins\/hoist-constants: `const peg\$e0 = peg\$literalExpectation\("\(", false\);` is neither a string nor a regular expression literal/,
    );
  });

  it("fails when the constants do not match the AST's tables", () => {
    const error = generateError(FIXTURE, {
      upTo: 'hoist-constants',
      plugins: [
        editOutput((text) =>
          text.replace('  const peg$c0 = "(";\n', '  const peg$c0 = "(";\n  const peg$c99 = "?";\n'),
        ),
      ],
    });
    expect(error.message).toContain(
      'grammar/plugins/hoist-constants: expected 6 `const peg$cN = …;` lines (ast.literals), found 7',
    );
  });

  it('fails when a constant reads the parse state', () => {
    const error = generateError(FIXTURE, {
      upTo: 'hoist-constants',
      plugins: [
        editOutput((text) => text.replace('  const peg$r0 = /^[0-9]/;', '  const peg$r0 = new RegExp(input);')),
      ],
    });
    expect(error.message).toContain(
      'grammar/plugins/hoist-constants: constant depends on the parse state: const peg$r0 = new RegExp(input);',
    );
  });
});
