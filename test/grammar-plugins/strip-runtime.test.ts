/** grammar/plugins/strip-runtime.mjs: peggy's runtime for what the project does not use goes. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, editOutput, generate, generateError, load } from './fixture.js';

const withCall = (call: string): string =>
  FIXTURE.replace('{ items += 1; return range(); }\n\nWord', `{ items += 1; return ${call}; }\n\nWord`);

describe('strip-runtime', () => {
  it('removes the error formatting, the location machinery, the start-rule table and peg$library', () => {
    const before = generate(FIXTURE, { only: ['plain-range'] });
    const after = generate(FIXTURE, { upTo: 'strip-runtime' });
    for (const gone of [
      'format(sources) {',
      'static buildMessage(',
      'function peg$computeLocation(',
      'function peg$computePosDetails(',
      'peg$posDetailsCache',
      'function peg$getUnicode(',
      'function peg$buildStructuredError(',
      'function peg$buildSimpleError(',
      'function location() {',
      'function offset() {',
      'function expected(',
      'function error(',
      'peg$startRuleFunctions',
      'options.startRule',
      'options.grammarSource',
      'options.peg$currPos',
      'options.peg$library',
      'StartRules',
    ]) {
      expect(before).toContain(gone);
      expect(after).not.toContain(gone);
    }
    expect(after).toContain('class peg$SyntaxError {\n  constructor(expected, offset) {');
    expect(after).toContain('  peg$result = peg$parseList();\n');
    expect(after).toContain('    throw new peg$SyntaxError(peg$maxFailExpected, peg$maxFailPos);');
    // What the grammar and src/language/parse.ts rely on stays.
    expect(after).toContain('  let peg$silentFails = options.peg$silentFails | 0;');
    expect(after.length).toBeLessThan(before.length * 0.8);
  });

  it('still parses, and a failure is a record of the expectations and the offset', async () => {
    const parser = await load(generate(FIXTURE, { upTo: 'strip-runtime' }));
    expect(parser.parse('(1, xy)', {}).count).toBe(2);
    let failure: unknown;
    try {
      parser.parse('(1,', {});
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(parser.SyntaxError);
    expect(failure).not.toBeInstanceOf(Error);
    expect(Object.keys(failure as object)).toStrictEqual(['expected', 'offset']);
    expect((failure as { offset: number }).offset).toBe(3);
    // peg$silentFails: 1 (src/language/parse.ts's first pass) records nothing, not even the offset.
    expect(() => parser.parse('(1,', { peg$silentFails: 1 })).toThrow(
      expect.objectContaining({ expected: [], offset: 0 }),
    );
  });

  it.each(['location()', 'offset()', 'expected("a digit")', 'error("no")'])(
    'rejects a grammar that calls %s',
    (call) => {
      const error = generateError(withCall(call), { upTo: 'strip-runtime' });
      expect(error.name).toBe('GrammarError');
      expect(error.message).toContain(
        `grammar/plugins/strip-runtime: this action calls ${call.slice(0, call.indexOf('('))}(), which the build removes`,
      );
    },
  );

  it('rejects a grammar whose code calls the parser (it is not reentrant)', () => {
    const error = generateError(withCall('peg$parse("(1)", {})'), { upTo: 'strip-runtime' });
    expect(error.message).toContain(
      'grammar/plugins/strip-runtime: this action calls peg$parse(): the generated parser is not reentrant',
    );
  });

  it('fails, naming itself, on text it does not recognise', () => {
    const error = generateError(FIXTURE, {
      upTo: 'strip-runtime',
      plugins: [
        editOutput((text) =>
          text.replace('  let peg$currPos = options.peg$currPos | 0;', '  let peg$currPos = options.peg$currPos ?? 0;'),
        ),
      ],
    });
    expect(error.message).toMatch(
      /^grammar\/plugins\/strip-runtime: expected exactly one `let peg\$currPos = options\.peg\$currPos \| 0;` \(parsing starts at 0\)\. Peggy's output changed/,
    );
  });

  it('fails when peg$silentFails is no longer an option', () => {
    const error = generateError(FIXTURE, {
      upTo: 'strip-runtime',
      plugins: [editOutput((text) => text.replace('options.peg$silentFails | 0', '0'))],
    });
    expect(error.message).toContain(
      "grammar/plugins/strip-runtime: expected `let peg$silentFails = options.peg$silentFails | 0;` in the generated parser (src/language/parse.ts's first pass sets it)",
    );
  });

  it('needs plain-range first (range() reads the peg$source it removes)', () => {
    expect(generateError(FIXTURE, { only: ['strip-runtime'] }).message).toContain('run plain-range before this pass');
  });

  it('needs ES-module source output', () => {
    expect(generateError(FIXTURE, { upTo: 'strip-runtime', format: 'commonjs' }).message).toContain(
      "grammar/plugins/index: the text passes need `output: 'source'` and `format: 'es'`",
    );
  });
});
