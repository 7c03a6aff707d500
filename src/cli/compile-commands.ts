/** `sql`, `mongo` and `filter`: the compilers, from the command line. */
import type { CompileCommand } from './run.js';

export const COMPILE_COMMANDS: Record<'sql' | 'mongo' | 'filter', CompileCommand> = {
  sql: () => ({ usageError: 'sql is not available yet' }),
  mongo: () => ({ usageError: 'mongo is not available yet' }),
  filter: () => ({ usageError: 'filter is not available yet' }),
};
