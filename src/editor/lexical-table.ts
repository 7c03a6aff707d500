// Generated from grammar/expression.peggy by scripts/build-lexical.mjs: the grammar's token rules as sticky
// regular expressions, read by src/editor/tokens.ts. Do not edit; run `node scripts/build-lexical.mjs`.
/* eslint-disable no-control-regex, no-useless-escape -- generated: every special character is escaped alike */

/** _: white space. */
export const SPACE = /(?:[ \u0009\u000D\u000A\u00A0\u3000])*/y;
/** StringLiteral: a string; group 1 or 2 is its closing quote, empty while the string is open. */
export const STRING =
  /(?:'(?:[^'\\])*'(?!')|'(?:(?:(?:[^'\\])+|''|\\(?:[\\'"])?))*((?:')?)|"(?:[^"\\])*"(?!")|"(?:(?:(?:[^"\\])+|""|\\(?:[\\'"])?))*((?:")?))/y;
/** NumberLiteral: a run of number-like characters (the parser then checks it against JSON). */
export const NUMBER = /(?:-)?[0-9](?:(?:[eE][+\-]|[0-9A-Za-z_.]))*/y;
/** ValueOperator: a comparison operator taking a value. */
export const OPERATOR = /(?:=|!=|<>|<=|<|>=|>)/y;
/** And, Or, Not, In, Like, Is, Null, Exists: a keyword, in any case. */
export const KEYWORD =
  /(?:[aA][nN][dD](?![A-Za-z0-9_.])|[oO][rR](?![A-Za-z0-9_.])|[nN][oO][tT](?![A-Za-z0-9_.])|[iI][nN](?![A-Za-z0-9_.])|[lL][iI][kK][eE](?![A-Za-z0-9_.])|[iI][sS](?![A-Za-z0-9_.])|[nN][uU][lL][lL](?![A-Za-z0-9_.])|[eE][xX][iI][sS][tT][sS](?![A-Za-z0-9_.]))/y;
/** BooleanLiteral: true or false, in any case. */
export const BOOLEAN = /(?:[tT][rR][uU][eE](?![A-Za-z0-9_.])|[fF][aA][lL][sS][eE](?![A-Za-z0-9_.]))/y;
/** FieldPath: a field path (a lone keyword is a KEYWORD: try it first). */
export const FIELD = /[A-Za-z_](?:[A-Za-z0-9_])*(?:\.(?:[A-Za-z0-9_\-/])+)*/y;
