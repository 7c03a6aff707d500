/**
 * The ota-expr CLI: commands, streams, exit codes and exact messages. Most tests run the CLI function in-process
 * (src/cli/run.ts); the last block spawns the built dist/cli.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APIS } from '../src/apis/index.js';
import { COMMANDS, COMMAND_SPECS } from '../src/cli/args.js';
import { runCli, type CliIo } from '../src/cli/run.js';
import { describeSchema, otaJobSchema } from '../src/index.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

type IoOptions = Partial<Omit<CliIo, 'writeStdout' | 'writeStderr' | 'readStdin'>>;

async function cli(argv: string[], stdin = '', options: IoOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    readStdin: async () => stdin,
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    stderrIsTty: false,
    version: '0.0.0-test',
    readFile: (path) => readFile(path, 'utf8'),
    env: {},
    ...options,
  });
  return { code, stdout, stderr };
}

/** The built-in schemas as usage errors list them. */
const BUILT_IN = [...APIS.keys()].join(', ');

const work = mkdtempSync(join(tmpdir(), 'ota-expr-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

describe('check', () => {
  it("check \"name = 'x'\" prints the seed's message with the kind and a caret, and exits 1", async () => {
    const run = await cli(['check', "name = 'x'"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'error 99400 (operator-not-allowed): Do not allow operator op =, allowed op [like]',
        '  --> line 1, column 6',
        '  |',
        "1 | name = 'x'",
        '  |      ^',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 for a valid expression and prints its canonical form', async () => {
    expect(await cli(['check', "productKey='a'"])).toEqual({ code: 0, stdout: "ok: productKey = 'a'\n", stderr: '' });
  });

  it('reads the expression from stdin when no argument is given, or "-"', async () => {
    expect((await cli(['check'], "status = 'started'\n")).code).toBe(0);
    expect((await cli(['check', '-'], "name = 'x'")).code).toBe(1);
  });

  it('refuses to wait on a terminal when the expression is missing', async () => {
    expect(await cli(['check'], '', { stdinIsTty: true })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ota-expr: check needs an expression: give it as the argument, or on standard input\nRun "ota-expr check --help" for usage.\n',
    });
  });

  it('shows warnings on stderr but exits 0', async () => {
    const run = await cli(['check', "status = 'paused'"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("ok: status = 'paused'\n");
    expect(run.stderr).toContain('warning 99400 (unknown-value): Unknown value');
  });

  it('the empty expression is valid', async () => {
    expect((await cli(['check', ''])).stdout).toBe('ok: (empty expression: matches everything)\n');
  });
});

describe('--json: the result document is always on stdout, validity in the exit code', () => {
  it('check, invalid: stdout holds { ok: false, canonical, diagnostics }, stderr is empty', async () => {
    const run = await cli(['check', '--json', "name = 'x' or foo = 1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const body = JSON.parse(run.stdout) as { ok: boolean; canonical: string; diagnostics: { start: number }[] };
    expect(body.ok).toBe(false);
    expect(body.canonical).toBe("name = 'x' or foo = 1");
    expect(body.diagnostics.map((d) => d.start)).toEqual([5, 14]);
  });

  it('check, a syntax error: canonical is null', async () => {
    const run = await cli(['check', '--json', 'name = ']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, canonical: null, diagnostics: [{ kind: 'syntax' }] });
  });

  it('check, valid with a warning', async () => {
    const run = await cli(['check', '--json', "status = 'paused'"]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      canonical: "status = 'paused'",
      diagnostics: [{ severity: 'warning', kind: 'unknown-value' }],
    });
  });

  it('print --json is honoured', async () => {
    const run = await cli(['print', '--json', 'a <> 1']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, canonical: 'a != 1', diagnostics: [] });
    const broken = await cli(['print', '--json', 'a = ']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, canonical: null });
  });

  it('sql and mongo --json', async () => {
    const sql = await cli(['sql', '--json', '--dialect', 'sqlite', "productKey = 'a'"]);
    expect(sql.code).toBe(0);
    expect(JSON.parse(sql.stdout)).toEqual({ ok: true, where: expect.any(String), params: ['a'], diagnostics: [] });
    const mongo = await cli(['mongo', '--json', "name = 'x'"]);
    expect(mongo).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(mongo.stdout)).toMatchObject({ ok: false, diagnostics: [{ kind: 'operator-not-allowed' }] });
  });

  it('a compiler refusal under --json is a document too', async () => {
    const run = await cli(['sql', '--json', '--dialect', 'postgres', "productKey = 'a\u0000b'"]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, diagnostics: [{ kind: 'invalid-input' }] });
  });
});

describe('print', () => {
  it('prints the canonical form', async () => {
    expect(await cli(['print', `productKey='a' AND (status = "started")`])).toMatchObject({
      code: 0,
      stdout: "productKey = 'a' and status = 'started'\n",
    });
  });

  it('needs valid syntax only (it is a formatter)', async () => {
    expect((await cli(['print', 'foo = 1'])).stdout).toBe('foo = 1\n');
    const broken = await cli(['print', 'foo = ']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('error 99400 (syntax): Syntax error');
  });
});

describe('usage errors: one form, exit 2, nothing on stdout', () => {
  it.each([
    [[], 'missing command: use one of check, print, sql, mongo, filter, schema, help', 'ota-expr --help'],
    [['chek', 'a = 1'], 'unknown command "chek"; did you mean check?', 'ota-expr --help'],
    [['bogus'], 'unknown command "bogus"', 'ota-expr --help'],
    [['check', '--nope', 'a = 1'], 'unknown option --nope', 'ota-expr check --help'],
    [['check', '--jsno', 'a = 1'], 'unknown option --jsno; did you mean --json?', 'ota-expr check --help'],
    [['check', '-j', 'a = 1'], 'unknown option -j; did you mean --json?', 'ota-expr check --help'],
    [['check', '--json=yes', 'a = 1'], '--json takes no value', 'ota-expr check --help'],
    [
      ['check', 'a', 'b'],
      'check takes one expression, found 2 arguments: quote the expression as one argument ("a b")',
      'ota-expr check --help',
    ],
    [['sql', '--dialect'], '--dialect needs a value: --dialect <name>', 'ota-expr sql --help'],
    [['sql', "productKey = 'a'"], 'sql needs --dialect: use one of postgres, mysql, sqlite', 'ota-expr sql --help'],
    [
      ['sql', '--dialect', 'postgre', "productKey = 'a'"],
      'unknown dialect "postgre"; did you mean postgres? (use one of postgres, mysql, sqlite)',
      'ota-expr sql --help',
    ],
    [
      ['check', '--dialect', 'postgres', 'a = 1'],
      '--dialect does not apply to check: it is an option of sql',
      'ota-expr check --help',
    ],
    [
      ['filter', '--json', 'a = 1'],
      '--json does not apply to filter: it is an option of check, print, sql, mongo, schema',
      'ota-expr filter --help',
    ],
    [
      ['print', '--schema', 'ota-job', 'a = 1'],
      '--schema does not apply to print: it is an option of check, sql, mongo, filter',
      'ota-expr print --help',
    ],
    [
      ['check', '--strict', 'a = 1'],
      '--strict does not apply to check: it is an option of filter',
      'ota-expr check --help',
    ],
    [
      ['schema', '--schema', 'ota-job'],
      '--schema does not apply to schema: give the name or file as the argument (ota-expr schema ota-job)',
      'ota-expr schema --help',
    ],
    [
      ['schema', '--json', '--markdown', 'ota-job'],
      '--json and --markdown exclude each other: choose one',
      'ota-expr schema --help',
    ],
    [['help', 'chek'], 'unknown command "chek"; did you mean check?', 'ota-expr --help'],
    [
      ['filter'],
      'filter needs the expression as its argument (standard input holds the records)',
      'ota-expr filter --help',
    ],
    [
      ['check', '--schema=nope', "type = 'verify'"],
      `unknown schema "nope" Built-in schemas: ${BUILT_IN}; or give a JSON file (--schema ./my-api.json)`,
      'ota-expr check --help',
    ],
    [
      ['check', '--schema', 'ota-jb', "type = 'verify'"],
      `unknown schema "ota-jb"; did you mean ota-job? Built-in schemas: ${BUILT_IN}; or give a JSON file (--schema ./my-api.json)`,
      'ota-expr check --help',
    ],
  ])('%j', async (argv, message, help) => {
    expect(await cli(argv)).toEqual({
      code: 2,
      stdout: '',
      stderr: `ota-expr: ${message}\nRun "${help}" for usage.\n`,
    });
  });
});

describe('help and version', () => {
  it('--help, -h, help and help <command> exit 0 on stdout', async () => {
    const general = await cli(['--help']);
    expect(general).toMatchObject({ code: 0, stderr: '' });
    expect(general.stdout).toMatch(/^Usage: ota-expr <command> \[options\] \[argument\]\n/);
    for (const name of COMMANDS) expect(general.stdout).toContain(`  ${name}`);
    expect((await cli(['-h'])).stdout).toBe(general.stdout);
    expect((await cli(['help'])).stdout).toBe(general.stdout);
    expect((await cli(['help', 'filter'])).stdout).toBe((await cli(['filter', '--help'])).stdout);
  });

  it.each(COMMANDS.filter((name) => name !== 'help'))(
    '%s --help shows its usage, its options and examples',
    async (name) => {
      const run = await cli([name, '--help']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(new RegExp(`^Usage: ota-expr ${name}`));
      expect(run.stdout).toContain('\nExamples:\n  ');
      for (const flag of COMMAND_SPECS[name].flags) expect(run.stdout).toContain(`  ${flag}`);
      expect(run.stdout).toContain('Exit status: 0');
    },
  );

  it('--help after an unknown command is the unknown command error', async () => {
    expect((await cli(['chek', '--help'])).code).toBe(2);
  });

  it('--version, -V and -v print the version', async () => {
    for (const flag of ['--version', '-V', '-v'])
      expect(await cli([flag])).toEqual({ code: 0, stdout: '0.0.0-test\n', stderr: '' });
  });
});

describe('code frames', () => {
  const long = `productKey = '${'a'.repeat(10_000)}' and name = 'x' and productKey = '${'b'.repeat(9_950)}'`;

  it('a 20,000-character expression gets a frame cut around the caret: no source line wider than 100 columns', async () => {
    const run = await cli(['check', long]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe(
      `error 99400 (limit): Text length limit exceeded: the expression is ${long.length} characters long, at most 10000 are allowed`,
    );
    expect(lines[3]!.length).toBeLessThanOrEqual(100);
    expect(lines[4]!.length).toBeLessThanOrEqual(100);
    expect(lines[3]).toMatch(/^1 \| …a+' and name = 'x' and productKey = 'b+…$/);
    expect(run.stderr.length).toBeLessThan(500);
  });

  it('the window keeps the caret under the problem, with … where text was cut', async () => {
    const text = `${"productKey = 'a' and ".repeat(30)}name = 'x' and ${"productKey = 'b' and ".repeat(30)}productKey = 'c'`;
    const run = await cli(['check', text], '', { columns: 80 });
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('error 99400 (operator-not-allowed): Do not allow operator op =, allowed op [like]');
    const source = lines[3]!;
    const carets = lines[4]!;
    expect(source.length).toBeLessThanOrEqual(80);
    expect(source).toMatch(/^1 \| …/);
    expect(source.endsWith('…')).toBe(true);
    const caret = carets.indexOf('^');
    expect(source.slice(caret - 5, caret + 1)).toBe('name =');
  });

  it('formatDiagnostic leaves short lines whole', async () => {
    expect((await cli(['check', "name = 'x'"], '', { columns: 40 })).stderr).toContain("1 | name = 'x'\n  |      ^");
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  const run = (options: IoOptions, argv: string[] = []) => cli([...argv, 'check', "name = 'x'"], '', options);

  it('on for a terminal, off for a pipe', async () => {
    expect((await run({ stderrIsTty: true })).stderr).toContain(`${ESC}31m`);
    expect((await run({ stderrIsTty: false })).stderr).not.toContain(ESC);
  });

  it('NO_COLOR turns it off on a terminal; FORCE_COLOR turns it on for a pipe', async () => {
    expect((await run({ stderrIsTty: true, env: { NO_COLOR: '1' } })).stderr).not.toContain(ESC);
    expect((await run({ stderrIsTty: true, env: { NO_COLOR: '' } })).stderr).toContain(ESC);
    expect((await run({ env: { FORCE_COLOR: '1' } })).stderr).toContain(ESC);
    expect((await run({ stderrIsTty: true, env: { FORCE_COLOR: '0' } })).stderr).not.toContain(ESC);
  });

  it('--color and --no-color win over the environment', async () => {
    expect((await run({ env: { NO_COLOR: '1' } }, ['--color'])).stderr).toContain(ESC);
    expect((await run({ stderrIsTty: true, env: { FORCE_COLOR: '1' } }, ['--no-color'])).stderr).not.toContain(ESC);
  });

  it('--json output never has colour', async () => {
    const json = await cli(['check', '--json', '--color', "name = 'x'"], '', { stderrIsTty: true });
    expect(json.stdout).not.toContain(ESC);
  });
});

describe('compilers from the command line', () => {
  it('sql --dialect postgres prints the where and its parameters as JSON', async () => {
    const run = await cli(['sql', '--dialect', 'postgres', "productKey in ('pk1', 'pk2')"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ where: expect.stringContaining('$1'), params: ['pk1', 'pk2'] });
    expect((await cli(['sql', '--dialect=mysql', "productKey = 'a'"])).code).toBe(0);
  });

  it('sql refuses a value the engine cannot store with exit 1 and a diagnostic', async () => {
    const run = await cli(['sql', '--dialect', 'postgres', "productKey = 'a\u0000b'"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error 99400 (invalid-input)');
  });

  it('mongo prints the filter as JSON', async () => {
    const run = await cli(['mongo', "status = 'started'"]);
    expect(run.code).toBe(0);
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain('"started"');
  });

  it('an invalid expression exits 1 for every compiler', async () => {
    for (const argv of [['sql', '--dialect', 'sqlite'], ['mongo'], ['filter']]) {
      expect((await cli([...argv, "name = 'x'"], '[]')).code).toBe(1);
    }
  });
});

describe('filter', () => {
  const records = [
    { jobId: 'a', status: 'started' },
    { jobId: 'b', status: 'stopped' },
  ];
  const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

  it('keeps the matching records of a JSON array or NDJSON', async () => {
    const fromArray = await cli(['filter', "status = 'started'"], JSON.stringify(records));
    expect(fromArray).toEqual({ code: 0, stdout: line(records[0]), stderr: '' });
    const fromLines = await cli(['filter', "status = 'stopped'"], records.map((r) => JSON.stringify(r)).join('\r\n'));
    expect(fromLines).toEqual({ code: 0, stdout: line(records[1]), stderr: '' });
  });

  it('reports a malformed line with its number, goes on with the rest, and exits 1 at the end', async () => {
    const input = `${line(records[0])}{oops\n\n${line(records[1])}`;
    const run = await cli(['filter', "status = 'stopped' or status = 'started'"], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(line(records[0]) + line(records[1]));
    // The JSON parser's own words differ between Node versions.
    expect(run.stderr).toMatch(
      /^ota-expr filter: line 2: not JSON: [^\n]+; skipped\nota-expr filter: 1 bad input skipped; 2 records read, 2 matched\n$/,
    );
  });

  it('--strict stops at the first bad line', async () => {
    const input = `${line(records[0])}{oops\n${line(records[1])}`;
    const run = await cli(['filter', '--strict', "status = 'stopped' or status = 'started'"], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(line(records[0]));
    expect(run.stderr).toMatch(/^ota-expr filter: line 2: not JSON: [^\n]+; stopping \(--strict\)\n$/);
  });

  it('refuses records that are not objects, even for the empty expression', async () => {
    const run = await cli(['filter', ''], '42\nnull\n"s"\n[1]\n{"jobId":"a"}\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('{"jobId":"a"}\n');
    expect(run.stderr).toBe(
      [
        'ota-expr filter: line 1: not a record: found number 42, and filter reads JSON objects; skipped',
        'ota-expr filter: line 2: not a record: found null, and filter reads JSON objects; skipped',
        'ota-expr filter: line 3: not a record: found string "s", and filter reads JSON objects; skipped',
        'ota-expr filter: line 4: not a record: found an array, and filter reads JSON objects; skipped',
        'ota-expr filter: 4 bad inputs skipped; 1 record read, 1 matched',
        '',
      ].join('\n'),
    );
  });

  it('names the array index of a non-object in a JSON array', async () => {
    const run = await cli(['filter', ''], '[{"a":1}, 7]');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('{"a":1}\n');
    expect(run.stderr.split('\n')[0]).toBe(
      'ota-expr filter: array index 1: not a record: found number 7, and filter reads JSON objects; skipped',
    );
  });

  it('a broken JSON array is read line by line, so the bad line is named', async () => {
    const run = await cli(['filter', ''], '[{"a":1},\n{"a":\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ota-expr filter: line 1: not JSON:');
  });

  it('streams: a match is written before the rest of the input is read', async () => {
    let written = '';
    async function* chunks(): AsyncGenerator<string> {
      yield '{"status":"started","n":1}\n{"status":"sto';
      expect(written).toBe('{"status":"started","n":1}\n');
      yield 'pped"}\n{"status":"started","n":2}';
    }
    const code = await runCli(['filter', "status = 'started'"], {
      readStdin: async () => {
        throw new Error('filter must stream');
      },
      stdinChunks: chunks,
      writeStdout: (text) => {
        written += text;
      },
      writeStderr: () => {},
      stderrIsTty: false,
      version: 'x',
    });
    expect(code).toBe(0);
    expect(written).toBe('{"status":"started","n":1}\n{"status":"started","n":2}\n');
  });
});

describe('schema', () => {
  it('schema ota-job prints the field table', async () => {
    const run = await cli(['schema', 'ota-job']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Schema ota-job: 7 fields; and, or between comparisons, with parentheses.');
    expect(lines.slice(2, 10)).toEqual([
      'field            type    operators  values',
      'productKey       string  =, in      any string',
      'firmwareId       string  =, in      any string',
      'firmwareVersion  string  =, in      any string',
      'type             string  =          verify, upgrade (known values)',
      'status           string  =          started, stopped (known values)',
      'name             i18n    like       any string; locales zh_CN, en_US',
      'firmwareName     i18n    like       any string; locales zh_CN, en_US',
    ]);
    expect(run.stdout).toContain('an operator not listed for a field is refused on it');
  });

  it('--json is describeSchema, as data', async () => {
    const run = await cli(['schema', '--json', 'ota-job']);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(describeSchema(otaJobSchema))));
    const firmwareVersion = (JSON.parse(run.stdout) as ReturnType<typeof describeSchema>).fields[2]!;
    expect(firmwareVersion).toMatchObject({ name: 'firmwareVersion', operators: ['=', 'in'] });
  });

  it('without a name, lists the built-in schemas (--json: every description)', async () => {
    const run = await cli(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ {2}ota-job +7 fields: productKey, firmwareId, firmwareVersion, type, status, name, firmwareName \(the default\)$/m,
    );
    for (const name of APIS.keys()) expect(run.stdout).toMatch(new RegExp(`^ {2}${name} +\\d+ fields: `, 'm'));
    expect((JSON.parse((await cli(['schema', '--json'])).stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('bold headers on a terminal only', async () => {
    expect((await cli(['schema', 'ota-job'], '', { stdoutIsTty: true })).stdout).toContain('\u001b[1mfield');
    expect((await cli(['schema', 'ota-job'], '', { stdoutIsTty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('an unknown name gets a did-you-mean', async () => {
    const run = await cli(['schema', 'otajob']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ota-expr: unknown schema "otajob"; did you mean ota-job\?/);
  });
});

describe('--schema <file>: a schema of your own', () => {
  const sensors = file(
    'sensors.json',
    JSON.stringify({
      name: 'sensors',
      fields: {
        state: { type: 'number', operators: ['=', '>', '<'] },
        site: { type: 'string', operators: ['=', 'in'], values: ['north', 'south'] },
      },
      logical: ['and'],
    }),
  );

  it('validates against it', async () => {
    expect(await cli(['check', '--schema', sensors, 'state > 3 and site = "north"'])).toEqual({
      code: 0,
      stdout: "ok: state > 3 and site = 'north'\n",
      stderr: '',
    });
    const refused = await cli(['check', '--schema', sensors, 'state > 3 or site = "north"']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Do not allow logical operator or, allowed logical operators [and]');
  });

  it('compiles and filters with it', async () => {
    expect((await cli(['sql', '--dialect', 'sqlite', '--schema', sensors, 'state > 3'])).code).toBe(0);
    const run = await cli(['filter', '--schema', sensors, 'state > 3'], '{"state":4}\n{"state":2}\n');
    expect(run.stdout).toBe('{"state":4}\n');
  });

  it('schema <file> prints its table', async () => {
    const run = await cli(['schema', sensors]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Schema sensors: 2 fields; and between comparisons, with parentheses.');
    expect(run.stdout).toContain('state  number  =, >, <    any number');
  });

  it.each([
    ['a missing file', join(work, 'nope.json'), `cannot read schema file ${join(work, 'nope.json')}: no such file`],
    ['a directory', `${work}/`, `cannot read schema file ${work}/: it is a directory`],
  ])('%s is a usage error', async (_, path, message) => {
    expect(await cli(['check', '--schema', path, 'a = 1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `ota-expr: ${message}\nRun "ota-expr check --help" for usage.\n`,
    });
  });

  it('a file that is not JSON names the file and the JSON error', async () => {
    const broken = file('broken.json', '{ "name": ');
    const run = await cli(['check', '--schema', broken, 'a = 1']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^ota-expr: schema file ${broken} is not JSON: `));
  });

  it.each([
    ['an array', '[]'],
    [
      'an unknown operator',
      JSON.stringify({ name: 'x', fields: { a: { type: 'string', operators: ['=='] } }, logical: [] }),
    ],
    ['an unknown type', JSON.stringify({ name: 'x', fields: { a: { type: 'text', operators: ['='] } }, logical: [] })],
    [
      'ordering on a string',
      JSON.stringify({ name: 'x', fields: { a: { type: 'string', operators: ['<'] } }, logical: [] }),
    ],
    [
      'a bad field name',
      JSON.stringify({ name: 'x', fields: { 'a b': { type: 'string', operators: ['='] } }, logical: [] }),
    ],
  ])('a definition with %s is refused with the schema check message, naming the file', async (_, content) => {
    const path = file('bad.json', content);
    const run = await cli(['check', '--schema', path, 'a = 1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const [first, second] = run.stderr.split('\n');
    expect(first).toMatch(new RegExp(`^ota-expr: schema file ${path}: .+`));
    expect(second).toBe('Run "ota-expr check --help" for usage.');
  });
});

const builtCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe.skipIf(!existsSync(builtCli))('the built executable', () => {
  const spawnCli = (argv: string[], input?: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [builtCli, ...argv], {
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    });

  it('runs as a process with the right exit codes and streams', () => {
    const invalid = spawnCli(['check', "name = 'x'"], '');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('allowed op [like]');
    expect(execFileSync(process.execPath, [builtCli, 'print', 'a<>1'], { encoding: 'utf8' })).toBe('a != 1\n');
    expect(spawnCli(['check'], "status = 'started'").status).toBe(0);
    expect(spawnCli([], '').status).toBe(2);
  });

  it('check --json "name = \'x\'": the document on stdout, exit 1', () => {
    const run = spawnCli(['check', '--json', "name = 'x'"], '');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it.skipIf(!hasJq)('… | jq .ok prints false', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${builtCli}" check --json "name = 'x'" | jq .ok`], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('false\n');
  });

  it('schema ota-job prints the table; -V the package version', () => {
    const run = spawnCli(['schema', 'ota-job']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('firmwareVersion  string  =, in      any string');
    expect(spawnCli(['-V']).stdout).toBe(`${version}\n`);
  });

  it('filter streams through a bad line, reads a schema file, honours FORCE_COLOR', () => {
    const run = spawnCli(['filter', "status = 'started'"], '{"status":"started"}\nnope\n{"status":"started","n":2}\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('{"status":"started"}\n{"status":"started","n":2}\n');
    expect(run.stderr).toContain('ota-expr filter: line 2: not JSON');
    const schemaFile = file(
      'spawned.json',
      JSON.stringify({ name: 's', fields: { n: { type: 'number', operators: ['>'] } }, logical: [] }),
    );
    expect(spawnCli(['check', '--schema', schemaFile, 'n > 1']).stdout).toBe('ok: n > 1\n');
    expect(spawnCli(['check', "name = 'x'"], '', { FORCE_COLOR: '1' }).stderr).toContain('\u001b[31m');
  });

  it('a closed pipe ends quietly', () => {
    const records = Array.from({ length: 20_000 }, (_, n) => `{"status":"started","n":${n}}`).join('\n');
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${builtCli}" filter "status = 'started'" | head -n 1`], {
      encoding: 'utf8',
      input: records,
    });
    expect(run.stdout).toBe('{"status":"started","n":0}\n');
    expect(run.stderr).toBe('');
  });
});
