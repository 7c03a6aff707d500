/**
 * Knex reads some names as more than one identifier (a dot, ` as `, `*`, an array subscript `[n]`), so `otaFilter`
 * refuses a mapped name of that form, and only that form: other names, however odd, reach Knex as one identifier.
 * Text with problems is answered with its errors only, as `check` reports them.
 */
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/index.js';
import { otaFilter } from '../../src/knex.js';
import { otaWhere as kyselyWhere } from '../../src/kysely.js';
import { otaWhere as drizzleWhere } from '../../src/drizzle.js';
import { knexFor } from './composed.js';

const filterOn = (column: string): ReturnType<typeof otaFilter> =>
  otaFilter("status = 'started'", { dialect: 'postgres', mapping: { columns: { status: column } } });

describe('otaFilter and the names Knex would split', () => {
  it.each([
    ['state.v1', 'holds a dot, which Knex reads as a qualified name'],
    ['state as s', 'holds " as ", which Knex reads as an alias'],
    ['state AS s', 'holds " as ", which Knex reads as an alias'],
    ['state?', 'holds a question mark, which Knex reads as a binding'],
    ['*', 'is read by Knex as a wildcard or an array subscript'],
    ['arr[12]', 'is read by Knex as a wildcard or an array subscript'],
    ['arr[0] x', 'is read by Knex as a wildcard or an array subscript'],
  ])('%j is refused: it %s', (column, why) => {
    expect(() => filterOn(column)).toThrow(new TypeError(`otaFilter: the name ${JSON.stringify(column)} ${why}`));
  });

  it.each(['alias', 'a  as', 'as b', 'a*', '**', 'arr[x]', 'arr[]', 'a]1[', 'a[1', 'q!'])(
    '%j is one identifier, quoted by Knex',
    (column) => {
      const { sql } = knexFor('postgres')('t').where(filterOn(column)).toSQL().toNative();
      const quoted = `"${column}"`;
      expect(sql).toBe(`select * from "t" where ((${quoted} IS NOT NULL AND ${quoted} = $1))`);
    },
  );
});

describe('text given to an adapter', () => {
  const adapters = [
    ['otaFilter', (text: string) => otaFilter(text, { dialect: 'sqlite' })],
    ['otaWhere', (text: string) => kyselyWhere(text, { dialect: 'sqlite' })],
    ['otaWhere', (text: string) => drizzleWhere(text, { dialect: 'sqlite' })],
  ] as const;

  it.each(adapters)('%s: a text with errors and warnings is answered with its errors only', (_name, adapt) => {
    try {
      adapt("status = 'paused' and nope = 'x'");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(['error']);
      expect((error as ExpressionError).diagnostics.map((diagnostic) => diagnostic.kind)).toEqual(['unknown-field']);
    }
  });

  it.each(adapters)('%s: a text with warnings alone compiles', (_name, adapt) => {
    expect(() => adapt("status = 'paused'")).not.toThrow();
  });
});
