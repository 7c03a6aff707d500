/**
 * The CLI's behaviour as a function of arguments and I/O, so that tests run it without spawning processes.
 * `src/cli.ts` only wires it to the real process.
 *
 * Streams: results on standard output, problems on standard error. With `--json`, the result document
 * (`{ ok, …, diagnostics }`) is on standard output whether the expression is valid or not, and validity is in the
 * exit status. Every usage error has one form: `ota-expr: <message>` and a line naming the help to read.
 */
import { APIS, DEFAULT_API } from '../apis/index.js';
import { check } from '../core.js';
import { formatDiagnostic } from '../diagnostics/code-frame.js';
import { fixHelp } from './fix-help.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import type { Expression } from '../language/ast.js';
import { print } from '../language/print.js';
import { describeSchema } from '../schema/describe.js';
import type { Schema } from '../schema/schema.js';
import { parseArguments, type CliArguments, type CommandName } from './args.js';
import { decideColor } from './color.js';
import { dialectProblem, filterCommand, mongoCommand, sqlCommand } from './compile-commands.js';
import { commandHelp, generalHelp } from './help.js';
import { loadSchema, type ReadFile } from './schema-source.js';
import { schemaList, schemaMarkdownPage, schemaText } from './schema-table.js';

export interface CliIo {
  /** The whole of standard input. */
  readStdin(): Promise<string>;
  /** Standard input as it arrives, for `filter` to stream; `readStdin` is used when absent. */
  stdinChunks?(): AsyncIterable<string>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Whether standard error is a terminal (colour by default). */
  readonly stderrIsTty: boolean;
  /** Whether standard output is a terminal (bold table headers). */
  readonly stdoutIsTty?: boolean;
  /** Whether standard input is a terminal: then a missing expression is a usage error rather than a wait. */
  readonly stdinIsTty?: boolean;
  /** The environment, for NO_COLOR and FORCE_COLOR. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The terminal's width, for code frames (default 100). */
  readonly columns?: number;
  /** Reads a file, for `--schema ./file.json`. */
  readonly readFile?: ReadFile;
  readonly version: string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Code frames are cut to this width when the terminal's is unknown (a pipe, a file). */
const DEFAULT_COLUMNS = 100;

/** What a command needs once the expression has been read and checked. */
export interface CommandContext {
  readonly args: CliArguments;
  readonly text: string;
  readonly ast: Expression | null;
  readonly schema: Schema;
  readonly io: CliIo;
}

/** A command's answer: the fields of its `--json` document, and its text otherwise. */
export interface CommandResult {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly text: string;
}

class UsageError extends Error {}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      io.writeStdout(
        parsed.command === undefined || parsed.command === 'help' ? generalHelp() : commandHelp(parsed.command),
      );
      return EXIT_OK;
    case 'version':
      io.writeStdout(`${io.version}\n`);
      return EXIT_OK;
    case 'usage-error':
      return usageError(io, parsed.message, parsed.command);
    case 'run':
      try {
        return await runCommand(parsed.args, io);
      } catch (error) {
        if (error instanceof UsageError) return usageError(io, error.message, parsed.args.command);
        throw error;
      }
  }
}

async function runCommand(args: CliArguments, io: CliIo): Promise<number> {
  if (args.command === 'schema') return runSchema(args, io);
  const schema = args.command === 'print' ? DEFAULT_API.schema : await schemaFor(args.schema, io);
  if (args.command === 'sql') {
    const problem = dialectProblem(args.dialect);
    if (problem !== undefined) throw new UsageError(problem);
  }
  const text = await readExpression(args, io);
  const result = check(text, { schema });
  // print is a formatter: it needs valid syntax only, as print(parse(text)) does.
  const diagnostics =
    args.command === 'print'
      ? result.diagnostics.filter((d) => d.kind === 'syntax' || d.kind === 'limit')
      : result.diagnostics;
  const canonical = result.ast === null && diagnostics.length > 0 ? null : print(result.ast);
  const textual = args.command === 'check' || args.command === 'print' ? { canonical } : {};
  if (diagnostics.some((d) => d.severity === 'error')) {
    report(args, io, text, diagnostics, { ok: false, ...textual });
    return EXIT_INVALID;
  }
  const context: CommandContext = { args, text, ast: result.ast, schema, io };
  if (args.command === 'filter') {
    showDiagnostics(args, io, text, diagnostics);
    const summary = await filterCommand(context);
    return summary.bad > 0 ? EXIT_INVALID : EXIT_OK;
  }
  let outcome: CommandResult;
  try {
    outcome = execute(args.command, context, canonical ?? '');
  } catch (error) {
    // Validation passed, but a compiler can still refuse a value its engine cannot store (NUL in SQL).
    if (!(error instanceof ExpressionError)) throw error;
    report(args, io, text, error.diagnostics, { ok: false });
    return EXIT_INVALID;
  }
  if (args.json) {
    writeJson(io, { ok: true, ...outcome.fields, diagnostics });
  } else {
    showDiagnostics(args, io, text, diagnostics);
    io.writeStdout(outcome.text);
  }
  return EXIT_OK;
}

function execute(
  command: 'check' | 'print' | 'sql' | 'mongo',
  context: CommandContext,
  canonical: string,
): CommandResult {
  switch (command) {
    case 'check':
      return { fields: { canonical }, text: `ok: ${canonical || '(empty expression: matches everything)'}\n` };
    case 'print':
      return { fields: { canonical }, text: `${canonical}\n` };
    case 'sql':
      return sqlCommand(context);
    case 'mongo':
      return mongoCommand(context);
  }
}

async function schemaFor(spec: string | undefined, io: CliIo): Promise<Schema> {
  const loaded = await loadSchema(spec, io.readFile);
  if (!loaded.ok) throw new UsageError(loaded.message);
  return loaded.schema;
}

async function readExpression(args: CliArguments, io: CliIo): Promise<string> {
  if (args.argument !== undefined) return args.argument;
  if (args.command === 'filter') {
    throw new UsageError('filter needs the expression as its argument (standard input holds the records)');
  }
  if (io.stdinIsTty === true) {
    throw new UsageError(`${args.command} needs an expression: give it as the argument, or on standard input`);
  }
  return (await io.readStdin()).replace(/\r?\n$/, '');
}

async function runSchema(args: CliArguments, io: CliIo): Promise<number> {
  const color = decideColor(args.color, io.env, io.stdoutIsTty === true);
  if (args.argument === undefined) {
    const descriptions = [...APIS.values()].map((api) => describeSchema(api.schema));
    if (args.json) writeJson(io, descriptions);
    else if (args.markdown) throw new UsageError('schema --markdown needs a schema: ota-expr schema <name> --markdown');
    else io.writeStdout(schemaList(descriptions, DEFAULT_API.schema.name));
    return EXIT_OK;
  }
  const description = describeSchema(await schemaFor(args.argument, io));
  if (args.json) writeJson(io, description);
  else if (args.markdown) io.writeStdout(schemaMarkdownPage(description));
  else io.writeStdout(schemaText(description, { color }));
  return EXIT_OK;
}

function writeJson(io: CliIo, value: unknown): void {
  io.writeStdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** An invalid expression: the JSON document on stdout with `--json`, code frames on stderr otherwise. */
function report(
  args: CliArguments,
  io: CliIo,
  text: string,
  diagnostics: readonly Diagnostic[],
  fields: Record<string, unknown>,
): void {
  if (args.json) writeJson(io, { ...fields, diagnostics });
  else showDiagnostics(args, io, text, diagnostics);
}

function showDiagnostics(args: CliArguments, io: CliIo, text: string, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const color = decideColor(args.color, io.env, io.stderrIsTty);
  const maxWidth = io.columns !== undefined && io.columns > 0 ? io.columns : DEFAULT_COLUMNS;
  const frames = diagnostics.map((d) =>
    [formatDiagnostic(text, d, { color, kind: true, maxWidth }), ...fixHelp(text, d, color)].join('\n'),
  );
  io.writeStderr(`${frames.join('\n\n')}\n`);
}

function usageError(io: CliIo, message: string, command: CommandName | undefined): number {
  const help = command === undefined || command === 'help' ? 'ota-expr --help' : `ota-expr ${command} --help`;
  io.writeStderr(`ota-expr: ${message}\nRun "${help}" for usage.\n`);
  return EXIT_USAGE;
}
