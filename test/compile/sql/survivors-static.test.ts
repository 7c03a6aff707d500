/**
 * The SQL compiler's module-level objects as a caller sees them: each public dialect names its engine, and `toSql`
 * without its one required option says so instead of failing inside.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { SQL_DIALECTS, toSql, toSqlFragments } from '../../../src/sql.js';

describe('SQL_DIALECTS', () => {
  it.each(['postgres', 'mysql', 'sqlite'] as const)('%s names itself', (name) => {
    expect(SQL_DIALECTS[name].name).toBe(name);
  });
});

describe('the dialect option is required', () => {
  const ast = parse('name = "x"');

  it.each([
    ['no options', undefined, 'toSql: options are required: { dialect }'],
    ['options without a dialect', {}, 'toSql: the dialect option is required'],
  ])('%s: a TypeError that asks for it', (_, options, message) => {
    expect(() => toSql(ast, options as never)).toThrow(new TypeError(message));
    expect(() => toSqlFragments(ast, options as never)).toThrow(new TypeError(message));
  });
});
