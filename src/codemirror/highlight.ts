/**
 * Syntax highlighting from the grammar's own token rules: a CodeMirror stream language whose tokenizer is
 * src/editor/tokens.ts, which reads src/editor/lexical-table.ts, generated from grammar/expression.peggy
 * (scripts/build-lexical.mjs). There is no second grammar to keep in step; test/editor/lexical.test.ts checks that
 * the table is current and that tokens and the parser's spans agree.
 */
import { StreamLanguage } from '@codemirror/language';
import { tokenAt, type TokenKind } from '../editor/tokens.js';

/** The highlighting tag (by @lezer/highlight's name) of each token kind; blanks get none. */
const TAGS: Readonly<Record<TokenKind, string | null>> = {
  field: 'propertyName',
  keyword: 'keyword',
  boolean: 'bool',
  operator: 'operator',
  string: 'string',
  number: 'number',
  punctuation: 'punctuation',
  space: null,
  invalid: 'invalid',
};

/** The expression language for CodeMirror 6: highlighting only (the rest comes from `check` and `complete`). */
export const otaLanguage = StreamLanguage.define<null>({
  name: 'ota-expression',
  startState: () => null,
  token(stream) {
    // Lines are scanned alone: an expression is one line in practice, and a string left open ends with its line.
    const token = tokenAt(stream.string, stream.pos);
    stream.pos = token.end;
    return TAGS[token.kind];
  },
  languageData: { closeBrackets: { brackets: ['(', "'", '"'] } },
});
