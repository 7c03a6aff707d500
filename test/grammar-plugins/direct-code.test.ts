/**
 * grammar/plugins/direct-code.mjs: the parser written from peggy's AST behaves as peggy's own on a grammar that uses
 * every node type the pass supports: the same results, and on failure the same expectations, in the same order, at
 * the same offset (peggy's expectation objects compared as the keys src/language/syntax-error.ts reads).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, generateError, load, type FixtureParser } from './fixture.js';

const GRAMMAR = `
{{
const WORD_END = /[a-z]*/y;
}}

{
  // Per-parse state, reset on every call.
  let seen = 0;
  const limit = options.limit ?? 100;

  function scan(re) {
    re.lastIndex = peg$currPos;
    if (!re.test(input)) return false;
    peg$currPos = re.lastIndex;
    return true;
  }
}

Start
  = _ items:Item|1..4, _ "," _| _ end:("!" / ";" { return text(); })? _ { return { items, end, seen }; }

Item "item"
  = "<" _ @Pair _ ">"
  / word:Word { seen += 1; return word; }
  / Number
  / Quoted
  / "(" _ @inner:Item|0.., _| _ ")"
  / "#" @.
  / Keyword
  / "?" rest:$(&[a-z] [a-z]+)? { return { rest, at: range() }; }

Pair
  = key:Word _ ":" _ value:(Number / Word) !{ return seen > limit; } { return [key, value, range()]; }

Word
  = $([a-z_] [a-z0-9_]* ("." [a-z]+)*)

Number "number"
  = digits:$("-"? [0-9]+ ("." [0-9]+)?) &{ return digits.length < 6; } { return Number(digits); }

Quoted
  = "'" chars:([^'\\\\] / "\\\\" @.)* "'" { return chars.join(''); }

Keyword
  = "IF"i [ ]+ word:Word { return ['if', word]; }
  / "%" &{ return scan(WORD_END); } { return ['scanned', text()]; }
  / "~" [A-C] [^A-C] { return 'class'; }
  / "*" ("a" / "b")+ @"c"?
  / "^" [aA] [bB] [cC] { return 'word'; }

_ "white space"
  = [ \\t\\n]*
`;

interface Outcome {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly expected?: readonly string[];
  readonly offset?: number;
}

/** Peggy's expectation objects as the keys direct-code reports. */
function keyOf(expectation: { type: string; text?: string; description?: string }): string {
  switch (expectation.type) {
    case 'literal':
      return expectation.text!.toLowerCase();
    case 'class':
      return 'character';
    case 'any':
      return 'any character';
    case 'end':
      return 'end';
    default:
      return expectation.description!;
  }
}

function run(parser: FixtureParser, text: string, options: object, stock: boolean): Outcome {
  try {
    // Peggy's range() adds `source` (undefined here), which direct-code leaves out: compared as JSON.
    return { ok: true, value: JSON.parse(JSON.stringify(parser.parse(text, options))) as unknown };
  } catch (error) {
    if (!(error instanceof parser.SyntaxError)) throw error;
    const failure = error as unknown as {
      expected: never[];
      offset?: number;
      location?: { start: { offset: number } };
    };
    return stock
      ? { ok: false, expected: failure.expected.map(keyOf), offset: failure.location!.start.offset }
      : { ok: false, expected: failure.expected, offset: failure.offset! };
  }
}

const peggyParser = await load(generate(GRAMMAR, { only: [], allowedStartRules: ['Start'] }));
const directParser = await load(generate(GRAMMAR, { allowedStartRules: ['Start'] }));

const ALPHABET = [
  ..."<>:,;!()#?%~*^'\\ \t-._.abcxyzABCIFif0129",
  'IF ',
  'if',
  "'a'",
  '12.5',
  '-7',
  'a.b',
  '~Bx',
  '^aB',
];
const texts = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 16 }).map((parts) => parts.join(''));

describe('direct-code', () => {
  it('parses as peggy does, and fails as peggy does, on texts from the grammar alphabet', () => {
    let failures = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom(0, 1), fc.constantFrom(1, 100), (text, silent, limit) => {
        const options = { peg$silentFails: silent, limit };
        const expected = run(peggyParser, text, options, true);
        if (!expected.ok) failures += 1;
        expect(run(directParser, text, options, false)).toStrictEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(failures).toBeGreaterThan(300); // the comparison covers failures, not only successes
  });

  it.each(["<ab:12>, x.y, (1 'q\\'')", 'IF zz ; ', '%abc,#!,?xy,~Bx', '*abac', '(1 (2 -3.5)), ?ab!', '~Bx, #,, *ab'])(
    'gives peggy’s result for %j',
    (text) => {
      const expected = run(peggyParser, text, {}, true);
      expect(expected.ok).toBe(true);
      expect(run(directParser, text, {}, false)).toStrictEqual(expected);
    },
  );

  it('writes terminals as code-unit tests, without regular expressions or peggy’s runtime', () => {
    const source = generate(GRAMMAR, { allowedStartRules: ['Start'] });
    expect(source).not.toMatch(/peg\$r\d|peg\$c\d|peg\$e\d|\.test\(input\.charAt|peg\$buildStructuredError/);
    expect(source).toContain('input.charCodeAt(peg$currPos) === 60');
    // A keyword spelled as classes is one word test, which records a failure where peggy's class would.
    expect(source).toContain('peg$word("abc")');
    expect(source).not.toMatch(/\beval\(|new Function/);
    // Identical code under the same labels becomes one function.
    expect(
      generate('S = "a" { return 1; } / "b" { return 1; }', { allowedStartRules: ['S'] }).match(/function peg\$f\d/g),
    ).toHaveLength(1);
  });

  it('builds no array for white space (its value is never read)', () => {
    const source = generate(GRAMMAR, { allowedStartRules: ['Start'] });
    const whiteSpace = source.slice(
      source.indexOf('function peg$parse_()'),
      source.indexOf('\n}\n', source.indexOf('function peg$parse_()')),
    );
    expect(whiteSpace).not.toContain('.push(');
    expect(whiteSpace).toContain('for (;;)');
  });

  it.each([
    ['S = [a-z]i', 'a class with the `i` or `u` flag is not supported'],
    ['S = "a"|1..n|', 'a repetition with variable or code boundaries is not supported'],
    ['S = "a"|1..{ return 2; }|', 'a repetition with variable or code boundaries is not supported'],
  ])('fails, naming itself, on what it does not support: %s', (grammar, message) => {
    expect(generateError(grammar, { allowedStartRules: ['S'] }).message).toBe(
      `grammar/plugins/direct-code: ${message}`,
    );
  });

  it('needs exactly one start rule', () => {
    expect(generateError('S = T\nT = "a"', { allowedStartRules: ['S', 'T'] }).message).toContain(
      'grammar/plugins/direct-code: expected exactly one start rule, found [S, T]',
    );
  });

  it('keeps the per-parse initializer per call, which needs one variable per let/const', async () => {
    const source = generate('{\n  let calls = 0;\n}\nS = "a" { calls += 1; return calls; }', {
      allowedStartRules: ['S'],
    });
    expect(source).toContain('var calls;');
    const parser = await load(source);
    expect([parser.parse('a', {}), parser.parse('a', {})]).toStrictEqual([1, 1]);
    expect(generateError('{\n  let a = 0, b = 1;\n}\nS = "a"', { allowedStartRules: ['S'] }).message).toContain(
      'grammar/plugins/direct-code: one variable per `let`/`const` in the per-parse initializer: let a = 0, b = 1;',
    );
  });
});
