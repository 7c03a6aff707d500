/**
 * The CLI's behaviour as a pure function of arguments and I/O, so that tests run it without spawning processes.
 * `src/cli.ts` only wires it to the real process.
 */
import type { Expression } from '../language/ast.js';
import { check } from '../core.js';
import { formatDiagnostic } from '../diagnostics/code-frame.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { print } from '../language/print.js';
import { APIS } from '../apis/index.js';
import type { Schema } from '../schema/schema.js';
import { parseArguments, USAGE, type CliArguments, type CommandName } from './args.js';
import { COMPILE_COMMANDS } from './compile-commands.js';

export interface CliIo {
  readStdin(): Promise<string>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Whether stderr is a terminal (colour by default). */
  readonly stderrIsTty: boolean;
  readonly version: string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** What a command needs once the expression has been read and checked. */
export interface CommandContext {
  readonly args: CliArguments;
  readonly text: string;
  readonly ast: Expression | null;
  readonly schema: Schema;
  readonly io: CliIo;
}

/** A command's answer: text for stdout, a usage problem, or diagnostics (a compiler refused the expression). */
export type CommandOutcome =
  { readonly stdout: string } | { readonly usageError: string } | { readonly invalid: readonly Diagnostic[] };

export type CompileCommand = (context: CommandContext) => Promise<CommandOutcome> | CommandOutcome;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      io.writeStdout(USAGE);
      return EXIT_OK;
    case 'version':
      io.writeStdout(`${io.version}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.writeStderr(`ota-expr: ${parsed.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    case 'run':
      return runCommand(parsed.args, io);
  }
}

async function runCommand(args: CliArguments, io: CliIo): Promise<number> {
  const schema = APIS.get(args.schema)?.schema;
  if (schema === undefined) {
    return usageError(io, `unknown schema ${args.schema}; known schemas: ${[...APIS.keys()].join(', ')}`);
  }
  if (args.expression === undefined && args.command === 'filter') {
    return usageError(io, 'filter reads records on standard input: give the expression as an argument');
  }
  const text = args.expression ?? stripFinalNewline(await io.readStdin());
  const result = check(text, { schema });
  // print is a formatter: it needs valid syntax only, as print(parse(text)) does.
  const blocking =
    args.command === 'print'
      ? result.diagnostics.filter((d) => d.kind === 'syntax' || d.kind === 'limit')
      : result.diagnostics;
  if (blocking.some((d) => d.severity === 'error')) {
    reportDiagnostics(text, blocking, args, io);
    return EXIT_INVALID;
  }
  const warnings = blocking.filter((d) => d.severity === 'warning');
  const outcome = await execute(args.command, { args, text, ast: result.ast, schema, io });
  if ('usageError' in outcome) return usageError(io, outcome.usageError);
  if ('invalid' in outcome) {
    reportDiagnostics(text, outcome.invalid, args, io);
    return EXIT_INVALID;
  }
  if (warnings.length > 0 && !args.json) reportDiagnostics(text, warnings, args, io);
  io.writeStdout(outcome.stdout);
  return EXIT_OK;
}

async function execute(command: CommandName, context: CommandContext): Promise<CommandOutcome> {
  switch (command) {
    case 'check':
      return {
        stdout: context.args.json
          ? `${JSON.stringify({ ok: true, diagnostics: diagnosticsIn(context) }, null, 2)}\n`
          : `ok: ${print(context.ast) || '(empty expression: matches everything)'}\n`,
      };
    case 'print':
      return { stdout: `${print(context.ast)}\n` };
    case 'sql':
    case 'mongo':
    case 'filter':
      try {
        return await COMPILE_COMMANDS[command](context);
      } catch (error) {
        // Validation passed, but a compiler can still refuse a value its engine cannot store (NUL in SQL).
        if (error instanceof ExpressionError) return { invalid: error.diagnostics };
        throw error;
      }
  }
}

function diagnosticsIn(context: CommandContext): readonly Diagnostic[] {
  return check(context.text, { schema: context.schema }).diagnostics;
}

function reportDiagnostics(text: string, diagnostics: readonly Diagnostic[], args: CliArguments, io: CliIo): void {
  if (args.json) {
    const ok = !diagnostics.some((d) => d.severity === 'error');
    io.writeStderr(`${JSON.stringify({ ok, diagnostics }, null, 2)}\n`);
    return;
  }
  const color = args.color ?? io.stderrIsTty;
  io.writeStderr(`${diagnostics.map((d) => formatDiagnostic(text, d, { color })).join('\n\n')}\n`);
}

function usageError(io: CliIo, message: string): number {
  io.writeStderr(`ota-expr: ${message}\n\nRun "ota-expr --help" for usage.\n`);
  return EXIT_USAGE;
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
