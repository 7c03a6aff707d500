/** grammar/plugins/grammar-code.mjs: the grammar's code calls nothing the generated parser lacks. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, generate, generateError } from './fixture.js';

const withCall = (call: string): string =>
  FIXTURE.replace('{ items += 1; return range(); }\n\nWord', `{ items += 1; return ${call}; }\n\nWord`);

describe('grammar-code', () => {
  it('accepts the fixture, whose code uses range(), text-free helpers and its own state', () => {
    expect(() => generate(FIXTURE, { only: ['grammar-code'] })).not.toThrow();
  });

  it.each(['location()', 'offset()', 'expected("a digit")', 'error("no")'])(
    'rejects a grammar that calls %s, with its location',
    (call) => {
      const error = generateError(withCall(call), { only: ['grammar-code'] });
      expect(error.name).toBe('GrammarError');
      expect(error.message).toContain(
        `grammar/plugins/grammar-code: this action calls ${call.slice(0, call.indexOf('('))}(), which the generated parser does not have`,
      );
    },
  );

  it('rejects a grammar whose code calls the parser (it is not reentrant)', () => {
    const error = generateError(withCall('peg$parse("(1)", {})'), { only: ['grammar-code'] });
    expect(error.message).toContain(
      'grammar/plugins/grammar-code: this action calls peg$parse(): the generated parser is not reentrant',
    );
  });

  it('does not mistake a method of the same name for the helper', () => {
    expect(() => generate(withCall('[range()].find((r) => r).error'), { only: ['grammar-code'] })).not.toThrow();
  });
});
