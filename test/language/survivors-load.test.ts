/**
 * The syntax messages' tables are built when the module loads (src/language/syntax-error.ts). This file imports the
 * parser inside its test, not at its top, so that a table that cannot be built fails this test (a failed test)
 * rather than the loading of the file (which reports no test at all).
 */
import { describe, expect, it } from 'vitest';

describe('the parser loads with its syntax messages', () => {
  it('names the punctuation and keywords it expected, each in quotes', async () => {
    const { check } = await import('../../src/index.js');
    const result = check('(a = 1');
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Syntax error at line 1, column 7: expected ")", "and" or "or", but found the end of the expression',
    ]);
  });
});
