/** `sql`, `mongo` and `filter`: the compilers, from the command line. Compiler output is JSON, for scripts. */
import { SQL_DIALECT_NAMES, type SqlDialectName } from '../compile/sql/dialects/index.js';
import { toMongo } from '../mongo.js';
import { toPredicate } from '../predicate.js';
import { toSql } from '../sql.js';
import { closestMatch } from '../util/did-you-mean.js';
import { chunksOf, readRecords } from './records.js';
import type { CommandContext, CommandResult } from './run.js';

function isDialectName(name: string): name is SqlDialectName {
  return (SQL_DIALECT_NAMES as readonly string[]).includes(name);
}

/** What is wrong with `--dialect` for `sql`, or undefined. Checked before the expression is read. */
export function dialectProblem(dialect: string | undefined): string | undefined {
  const choices = `use one of ${SQL_DIALECT_NAMES.join(', ')}`;
  if (dialect === undefined) return `sql needs --dialect: ${choices}`;
  if (isDialectName(dialect)) return undefined;
  const suggestion = closestMatch(dialect, SQL_DIALECT_NAMES);
  return `unknown dialect ${JSON.stringify(dialect)}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`} (${choices})`;
}

export function sqlCommand({ args, ast, schema }: CommandContext): CommandResult {
  const where = toSql(ast, { dialect: args.dialect as SqlDialectName, schema });
  return { fields: { where: where.where, params: where.params }, text: `${JSON.stringify(where, null, 2)}\n` };
}

export function mongoCommand({ ast, schema }: CommandContext): CommandResult {
  const filter = toMongo(ast, { schema });
  return { fields: { filter }, text: `${JSON.stringify(filter, null, 2)}\n` };
}

export interface FilterSummary {
  readonly read: number;
  readonly matched: number;
  readonly bad: number;
  /** True when `--strict` stopped at a bad record. */
  readonly stopped: boolean;
}

/**
 * Streams the records: each match is written as soon as it is read, each bad line is reported on standard error
 * with its place and skipped (or, with `--strict`, ends the reading).
 */
export async function filterCommand({ args, ast, schema, io }: CommandContext): Promise<FilterSummary> {
  const matches = toPredicate(ast, { schema });
  const chunks = io.stdinChunks?.() ?? chunksOf(await io.readStdin());
  let read = 0;
  let matched = 0;
  let bad = 0;
  for await (const event of readRecords(chunks)) {
    if (event.kind === 'bad') {
      bad += 1;
      const action = args.strict ? 'stopping (--strict)' : 'skipped';
      io.writeStderr(`ota-expr filter: ${event.where}: ${event.message}; ${action}\n`);
      if (args.strict) return { read, matched, bad, stopped: true };
      continue;
    }
    read += 1;
    if (matches(event.record)) {
      matched += 1;
      io.writeStdout(`${JSON.stringify(event.record)}\n`);
    }
  }
  if (bad > 0) {
    io.writeStderr(
      `ota-expr filter: ${bad} bad input${bad === 1 ? '' : 's'} skipped; ${read} record${read === 1 ? '' : 's'} read, ${matched} matched\n`,
    );
  }
  return { read, matched, bad, stopped: false };
}
