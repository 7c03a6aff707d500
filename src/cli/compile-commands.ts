/** `sql`, `mongo` and `filter`: the compilers, from the command line. Compiler output is JSON, for scripts. */
import { SQL_DIALECT_NAMES, type SqlDialectName } from '../compile/sql/dialects/index.js';
import { toMongo } from '../mongo.js';
import { toPredicate } from '../predicate.js';
import { toSql } from '../sql.js';
import { readRecords } from './records.js';
import type { CompileCommand } from './run.js';

const DIALECT_NAMES = SQL_DIALECT_NAMES;

function isDialectName(name: string): name is SqlDialectName {
  return (DIALECT_NAMES as readonly string[]).includes(name);
}

export const COMPILE_COMMANDS: Record<'sql' | 'mongo' | 'filter', CompileCommand> = {
  sql: ({ args, ast, schema }) => {
    if (args.dialect === undefined || !isDialectName(args.dialect)) {
      const given = args.dialect === undefined ? 'sql needs --dialect' : `unknown dialect ${args.dialect}`;
      return { usageError: `${given}: use one of ${DIALECT_NAMES.join(', ')}` };
    }
    return { stdout: `${JSON.stringify(toSql(ast, { dialect: args.dialect, schema }), null, 2)}\n` };
  },
  mongo: ({ ast, schema }) => ({ stdout: `${JSON.stringify(toMongo(ast, { schema }), null, 2)}\n` }),
  filter: async ({ ast, schema, io }) => {
    const input = readRecords(await io.readStdin());
    if (!input.ok) return { usageError: input.message };
    const matches = toPredicate(ast, { schema });
    return {
      stdout: input.records
        .filter(matches)
        .map((record) => `${JSON.stringify(record)}\n`)
        .join(''),
    };
  },
};
