/** Command-line arguments: a command, flags, and at most one positional expression. Pure; no I/O. */
export const COMMANDS = ['check', 'print', 'sql', 'mongo', 'filter'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliArguments {
  readonly command: CommandName;
  readonly expression: string | undefined;
  readonly json: boolean;
  readonly schema: string;
  readonly dialect: string | undefined;
  readonly color: boolean | undefined;
}

export type ParsedArguments =
  | { readonly kind: 'run'; readonly args: CliArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

const VALUE_FLAGS = new Set(['--schema', '--dialect']);

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let json = false;
  let color: boolean | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      positional.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--json') json = true;
    else if (arg === '--color') color = true;
    else if (arg === '--no-color') color = false;
    else if (arg.startsWith('--') && arg.includes('=') && VALUE_FLAGS.has(arg.slice(0, arg.indexOf('=')))) {
      values.set(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    } else if (VALUE_FLAGS.has(arg)) {
      const value = argv[index + 1];
      if (value === undefined) return { kind: 'usage-error', message: `${arg} needs a value` };
      values.set(arg, value);
      index += 1;
    } else if (arg.startsWith('--')) {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  const [command, ...rest] = positional;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command' };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return { kind: 'usage-error', message: `unknown command ${command}` };
  }
  if (rest.length > 1) {
    return { kind: 'usage-error', message: 'too many arguments: quote the expression as one argument' };
  }
  const expression = rest[0] === '-' ? undefined : rest[0];
  return {
    kind: 'run',
    args: {
      command: command as CommandName,
      expression,
      json,
      schema: values.get('--schema') ?? 'ota-job',
      dialect: values.get('--dialect'),
      color,
    },
  };
}

export const USAGE = `Usage: ota-expr <command> [options] [expression]

Commands:
  check    validate an expression against the schema (exit 0 valid, 1 invalid)
  print    print an expression in canonical form (syntax only)
  sql      compile to a parameterized SQL where clause (--dialect postgres|mysql|sqlite)
  mongo    compile to a MongoDB filter (JSON)
  filter   read JSON records (an array, or NDJSON) on stdin, write those that match as NDJSON

The expression is the argument, or standard input when it is absent or "-" (not for filter,
whose standard input is the records).

Options:
  --schema <name>     schema to validate against (default: ota-job)
  --dialect <name>    SQL dialect for sql: postgres, mysql or sqlite
  --json              machine-readable output (diagnostics as JSON on stderr when invalid)
  --color, --no-color force colour on or off (default: on for a terminal)
  -h, --help          this text
  -v, --version       the version

Exit codes: 0 success, 1 invalid expression (diagnostics on stderr), 2 usage error.
`;
