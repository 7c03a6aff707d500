/**
 * Command-line arguments: a command, its flags, and at most one positional argument. Pure; no I/O. Every command
 * lists the flags that apply to it; any other flag is a usage error that says which command it belongs to, and a
 * mistyped command or flag gets a did-you-mean.
 */
import { closestMatch } from '../util/did-you-mean.js';

export const COMMANDS = ['check', 'print', 'sql', 'mongo', 'filter', 'schema', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The flags a command may take (global flags, `--color`, `--help`, `--version`, are accepted everywhere). */
export const COMMAND_FLAGS = ['--schema', '--dialect', '--json', '--strict', '--markdown'] as const;
export type CommandFlag = (typeof COMMAND_FLAGS)[number];

export interface FlagSpec {
  /** The value's placeholder for flags that take one (`--schema <name|file>`). */
  readonly value?: string;
  readonly summary: string;
}

export const FLAGS: Readonly<Record<CommandFlag, FlagSpec>> = {
  '--schema': {
    value: '<name|file>',
    summary: 'the schema to validate against: a built-in name (default ota-job) or a JSON file (./my-api.json)',
  },
  '--dialect': { value: '<name>', summary: 'the SQL dialect: postgres, mysql or sqlite' },
  '--json': { summary: 'write the result as one JSON document on standard output (validity is in the exit code)' },
  '--strict': { summary: 'stop at the first record that is not JSON or not an object' },
  '--markdown': { summary: 'write the table as Markdown (for documentation pages)' },
};

/** What the positional argument of a command is. */
export type Positional = 'expression' | 'record-expression' | 'schema' | 'command';

export interface CommandSpec {
  readonly name: CommandName;
  readonly summary: string;
  readonly usage: string;
  readonly positional: Positional;
  readonly flags: readonly CommandFlag[];
  /** Paragraphs after the usage line. */
  readonly description: string;
  /** Shell lines, each with its comment. */
  readonly examples: readonly string[];
}

const EXPRESSION_SOURCE =
  'The expression is the argument, or standard input when the argument is absent or "-" (a final newline is dropped).';

export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  check: {
    name: 'check',
    summary: 'validate an expression against a schema',
    usage: 'ota-expr check [--schema <name|file>] [--json] [expression]',
    positional: 'expression',
    flags: ['--schema', '--json'],
    description: `${EXPRESSION_SOURCE}
Prints "ok: <canonical form>" when it is valid, warnings (unknown values) on standard error. When it is not,
each problem goes to standard error with a caret under it, and the exit status is 1. With --json the result,
{ "ok", "canonical", "diagnostics" }, is on standard output either way.`,
    examples: [
      `ota-expr check "productKey = 'pk1' and status = 'started'"   # exit 0`,
      `ota-expr check "name = 'x'"                                 # exit 1: name allows like only`,
      `ota-expr check --json "name = 'x'" | jq .ok                 # false`,
      `echo "type = 'verify'" | ota-expr check                     # the expression from standard input`,
      `ota-expr check --schema ./my-api.json "state > 3"           # a schema of your own`,
    ],
  },
  print: {
    name: 'print',
    summary: 'print an expression in canonical form (syntax only)',
    usage: 'ota-expr print [--json] [expression]',
    positional: 'expression',
    flags: ['--json'],
    description: `${EXPRESSION_SOURCE}
A formatter: it needs valid syntax only, so fields and operators are not checked against a schema. With --json
the result is { "ok", "canonical", "diagnostics" }.`,
    examples: [
      `ota-expr print "productKey='a' AND (status = \\"started\\")"   # productKey = 'a' and status = 'started'`,
      `ota-expr print --json "a <> 1"                               # {"ok": true, "canonical": "a != 1", …}`,
    ],
  },
  sql: {
    name: 'sql',
    summary: 'compile to a parameterized SQL WHERE condition',
    usage: 'ota-expr sql --dialect <postgres|mysql|sqlite> [--schema <name|file>] [--json] [expression]',
    positional: 'expression',
    flags: ['--dialect', '--schema', '--json'],
    description: `${EXPRESSION_SOURCE}
Validates, then prints { "where", "params" } as JSON for the schema's table (for ota-job: ota_job). Values are
always parameters. With --json the result is { "ok", "where", "params", "diagnostics" }.`,
    examples: [
      `ota-expr sql --dialect postgres "productKey in ('a', 'b')"   # {"where": "… IN ($1, $2)", "params": ["a", "b"]}`,
      `ota-expr sql --dialect sqlite "status = 'started'"`,
    ],
  },
  mongo: {
    name: 'mongo',
    summary: 'compile to a MongoDB filter (JSON)',
    usage: 'ota-expr mongo [--schema <name|file>] [--json] [expression]',
    positional: 'expression',
    flags: ['--schema', '--json'],
    description: `${EXPRESSION_SOURCE}
Validates, then prints the filter for documents in the API's record shape. With --json the result is
{ "ok", "filter", "diagnostics" }.`,
    examples: [`ota-expr mongo "status = 'started'"   # {"status": {"$eq": "started"}}`],
  },
  filter: {
    name: 'filter',
    summary: 'keep the JSON records on standard input that match',
    usage: 'ota-expr filter [--schema <name|file>] [--strict] <expression>',
    positional: 'record-expression',
    flags: ['--schema', '--strict'],
    description: `Reads records on standard input, as NDJSON (one JSON object a line) or one JSON array, and writes those
that match as NDJSON. The expression must be the argument (standard input holds the records).
A line that is not JSON, or a value that is not an object (42, null, "s", [ ]), is reported on standard error
with its line number and skipped; the others are still filtered, and the exit status is 1 at the end.
With --strict the first such line stops the command (exit 1).`,
    examples: [
      `cat jobs.ndjson | ota-expr filter "name like 'inverter'"     # the matching records, NDJSON`,
      `ota-expr filter --strict "status = 'started'" < jobs.json    # stop at the first bad record`,
    ],
  },
  schema: {
    name: 'schema',
    summary: 'show the fields, operators and known values a schema accepts',
    usage: 'ota-expr schema [--json | --markdown] [name|file]',
    positional: 'schema',
    flags: ['--json', '--markdown'],
    description: `Prints a schema's fields as a table: each field's type, the operators it allows, the values it takes
(known values of enum-like fields, locales of i18n fields) and the paths it is written as. Any other field,
path or operator is an error (99400). Without an argument, lists the built-in schemas.`,
    examples: [
      `ota-expr schema ota-job                 # the field table of Search OTA Job`,
      `ota-expr schema --json ota-job | jq '.fields[] | {name, operators}'`,
      `ota-expr schema ./my-api.json            # check and show a schema of your own`,
    ],
  },
  help: {
    name: 'help',
    summary: "show the help, or a command's help",
    usage: 'ota-expr help [command]',
    positional: 'command',
    flags: [],
    description: 'The same text as "ota-expr --help" or "ota-expr <command> --help".',
    examples: ['ota-expr help filter'],
  },
};

export interface CliArguments {
  readonly command: Exclude<CommandName, 'help'>;
  /** The positional argument: the expression, or the schema's name or file for `schema`; undefined when absent. */
  readonly argument: string | undefined;
  readonly json: boolean;
  readonly schema: string | undefined;
  readonly dialect: string | undefined;
  readonly strict: boolean;
  readonly markdown: boolean;
  /** `--color` / `--no-color`; undefined: decided from the terminal and NO_COLOR / FORCE_COLOR. */
  readonly color: boolean | undefined;
}

export type ParsedArguments =
  | { readonly kind: 'run'; readonly args: CliArguments }
  | { readonly kind: 'help'; readonly command: CommandName | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string; readonly command: CommandName | undefined };

const GLOBAL_FLAGS = ['--help', '--version', '--color', '--no-color'] as const;
const SHORT_FLAGS: Readonly<Record<string, string>> = { '-h': '--help', '-V': '--version', '-v': '--version' };
const VALUE_FLAGS: ReadonlySet<string> = new Set(COMMAND_FLAGS.filter((flag) => FLAGS[flag].value !== undefined));

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function isCommandFlag(name: string): name is CommandFlag {
  return (COMMAND_FLAGS as readonly string[]).includes(name);
}

/** ` (did you mean x?)`, or nothing. */
function didYouMean(typed: string, candidates: readonly string[]): string {
  const match = closestMatch(typed, candidates);
  return match === undefined ? '' : `; did you mean ${match}?`;
}

/** A suggestion for a short flag: the long flag that starts with its letter (`-j` → `--json`). */
function shortFlagSuggestion(arg: string): string {
  const letter = arg.slice(1);
  const match = [...COMMAND_FLAGS, ...GLOBAL_FLAGS].find((flag) => flag.startsWith(`--${letter}`));
  return match === undefined ? '' : `; did you mean ${match}?`;
}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const values = new Map<CommandFlag, string>();
  const flagsSeen: CommandFlag[] = [];
  let help = false;
  let version = false;
  let color: boolean | undefined;
  let problem: string | undefined;
  for (let index = 0; index < argv.length && problem === undefined; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      positional.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = SHORT_FLAGS[arg] ?? (equals < 0 ? arg : arg.slice(0, equals));
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    if (name === '--help' || name === '--version' || name === '--color' || name === '--no-color') {
      if (inline !== undefined) problem = `${name} takes no value`;
      else if (name === '--help') help = true;
      else if (name === '--version') version = true;
      else color = name === '--color';
    } else if (isCommandFlag(name)) {
      flagsSeen.push(name);
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[index + 1];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
          problem = `${name} needs a value: ${name} ${FLAGS[name].value!}`;
        } else {
          values.set(name, value);
          if (inline === undefined) index += 1;
        }
      } else if (inline !== undefined) {
        problem = `${name} takes no value`;
      } else {
        values.set(name, 'true');
      }
    } else if (arg.startsWith('--')) {
      problem = `unknown option ${name}${didYouMean(name, [...COMMAND_FLAGS, ...GLOBAL_FLAGS])}`;
    } else {
      problem = `unknown option ${arg}${shortFlagSuggestion(arg)}`;
    }
  }
  const [first, ...rest] = positional;
  const command = first !== undefined && isCommand(first) ? first : undefined;
  if (first !== undefined && command === undefined) {
    return usage(`unknown command ${JSON.stringify(first)}${didYouMean(first, COMMANDS)}`, undefined);
  }
  if (problem !== undefined) return usage(problem, command);
  if (version) return { kind: 'version' };
  if (help) return { kind: 'help', command };
  if (command === undefined) {
    return usage(`missing command: use one of ${COMMANDS.join(', ')}`, undefined);
  }
  const spec = COMMAND_SPECS[command];
  for (const flag of flagsSeen) {
    if (!spec.flags.includes(flag)) return usage(notApplicable(flag, command), command);
  }
  if (rest.length > 1) {
    const what =
      spec.positional === 'command' ? 'one command' : spec.positional === 'schema' ? 'one schema' : 'one expression';
    return usage(
      `${command} takes ${what}, found ${rest.length} arguments: quote the expression as one argument ("${rest.join(' ')}")`,
      command,
    );
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', command: undefined };
    if (!isCommand(topic))
      return usage(`unknown command ${JSON.stringify(topic)}${didYouMean(topic, COMMANDS)}`, 'help');
    return { kind: 'help', command: topic };
  }
  if (values.has('--json') && values.has('--markdown')) {
    return usage('--json and --markdown exclude each other: choose one', command);
  }
  return {
    kind: 'run',
    args: {
      command,
      argument: rest[0] === '-' && spec.positional !== 'schema' ? undefined : rest[0],
      json: values.has('--json'),
      schema: values.get('--schema'),
      dialect: values.get('--dialect'),
      strict: values.has('--strict'),
      markdown: values.has('--markdown'),
      color,
    },
  };
}

function usage(message: string, command: CommandName | undefined): ParsedArguments {
  return { kind: 'usage-error', message, command };
}

function notApplicable(flag: CommandFlag, command: CommandName): string {
  const owners = COMMANDS.filter((name) => COMMAND_SPECS[name].flags.includes(flag));
  if (flag === '--schema' && command === 'schema') {
    return '--schema does not apply to schema: give the name or file as the argument (ota-expr schema ota-job)';
  }
  return `${flag} does not apply to ${command}: it is an option of ${owners.join(', ')}`;
}
