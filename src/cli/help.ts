/** The help texts: `ota-expr --help`, `ota-expr help <command>` and `ota-expr <command> --help`. */
import { COMMAND_SPECS, COMMANDS, FLAGS, type CommandName } from './args.js';

const GLOBAL_OPTIONS = `Options for every command:
  --color, --no-color  colour on or off (default: on for a terminal, off when NO_COLOR is set, on when FORCE_COLOR is)
  -h, --help           this help
  -V, --version        the version`;

const EXIT_CODES =
  'Exit status: 0 valid (or done), 1 invalid expression or a bad record, 2 usage error (unknown command or option, bad schema file).';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((name) => name.length));
  const commands = COMMANDS.map((name) => `  ${name.padEnd(width)}  ${COMMAND_SPECS[name].summary}`).join('\n');
  return `Usage: ota-expr <command> [options] [argument]

The filter language of EnOS search APIs, from the command line.

Commands:
${commands}

Examples:
  ota-expr check "name like 'firmware' and status = 'started'"
  ota-expr schema ota-job
  ota-expr sql --dialect postgres "productKey in ('a', 'b')"
  cat jobs.ndjson | ota-expr filter "name like 'inverter'"

"ota-expr help <command>" shows a command's options and examples.

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;
}

export function commandHelp(command: CommandName): string {
  const spec = COMMAND_SPECS[command];
  const flags = spec.flags.map((flag) => {
    const value = FLAGS[flag].value;
    return [value === undefined ? flag : `${flag} ${value}`, FLAGS[flag].summary] as const;
  });
  const width = Math.max(0, ...flags.map(([left]) => left.length));
  const options =
    flags.length === 0
      ? ''
      : `\nOptions:\n${flags.map(([left, summary]) => `  ${left.padEnd(width)}  ${summary}`).join('\n')}\n`;
  return `Usage: ${spec.usage}

${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.

${spec.description}
${options}
Examples:
${spec.examples.map((line) => `  ${line}`).join('\n')}

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;
}
