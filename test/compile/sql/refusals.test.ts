/** What SQL cannot store is refused before any SQL is written: a 99400 error per string, at its span, saying which. */
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../src/diagnostics/expression-error.js';
import { comparison, fieldPath, span, valueNode, type Expression } from '../../../src/language/ast.js';
import { toSql } from '../../../src/sql.js';
import { deviceSchema } from './schemas.js';

function diagnosticsOf(tree: Expression): readonly { message: string; start: number; end: number }[] {
  try {
    toSql(tree, { dialect: 'sqlite', schema: deviceSchema });
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as ExpressionError).diagnostics.map(({ message, start, end }) => ({ message, start, end }));
  }
  throw new Error('not refused');
}

const NUL = 'contains the NUL character U+0000, which SQL databases cannot store';
const SURROGATE = 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding';

describe('unstorable strings', () => {
  it('a map key and its value: each refused at its own span', () => {
    const tree = comparison(fieldPath('tags.k\u0000', span(0, 7)), '=', valueNode('v\uD800', span(10, 14)));
    expect(diagnosticsOf(tree)).toEqual([
      { message: `The key of tags.k\u0000 ${NUL}`, start: 0, end: 7 },
      { message: `The value for tags.k\u0000 ${SURROGATE}`, start: 10, end: 14 },
    ]);
  });

  it('each value of an in list, only those that cannot be stored', () => {
    const tree = comparison(fieldPath('serial', span(0, 6)), 'in', [
      valueNode('a', span(11, 14)),
      valueNode('\u0000', span(16, 19)),
      valueNode('\uDC00', span(21, 24)),
    ]);
    expect(diagnosticsOf(tree)).toEqual([
      { message: `The value for serial ${NUL}`, start: 16, end: 19 },
      { message: `The value for serial ${SURROGATE}`, start: 21, end: 24 },
    ]);
  });

  it('a scalar map key that can be stored, with a number: compiled', () => {
    expect(
      toSql(comparison(fieldPath('attrs.k'), '=', valueNode(2)), { dialect: 'sqlite', schema: deviceSchema }).params,
    ).toEqual(['attrs', 'k', 2]);
  });
});
