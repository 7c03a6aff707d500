/** `sql`, `mongo` and `filter`: the compilers, from the command line. */
import { toPredicate } from '../compile/predicate/index.js';
import { readRecords } from './records.js';
import type { CompileCommand } from './run.js';

export const COMPILE_COMMANDS: Record<'sql' | 'mongo' | 'filter', CompileCommand> = {
  sql: () => ({ usageError: 'sql is not available yet' }),
  mongo: () => ({ usageError: 'mongo is not available yet' }),
  filter: async ({ ast, schema, io }) => {
    const input = readRecords(await io.readStdin());
    if (!input.ok) return { usageError: input.message };
    const matches = toPredicate(ast, { schema });
    return { stdout: input.records.filter(matches).map((record) => `${JSON.stringify(record)}\n`).join('') };
  },
};
