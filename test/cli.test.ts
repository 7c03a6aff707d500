/** The ota-expr CLI: commands, stdin, --json, exit codes (docs/LANGUAGE.md §7). */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], stdin = ''): Promise<Run> {
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
  });
  return { code, stdout, stderr };
}

describe('check', () => {
  it("check \"name = 'x'\" prints the seed's message with a caret and exits 1", async () => {
    const run = await cli(['check', "name = 'x'"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Do not allow operator op =, allowed op [like]');
    expect(run.stderr).toContain("1 | name = 'x'\n  |      ^");
  });

  it('exits 0 for a valid expression', async () => {
    const run = await cli(['check', "productKey='a'"]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain("productKey = 'a'");
  });

  it('reads the expression from stdin when no argument is given, or "-"', async () => {
    expect((await cli(['check'], "status = 'started'\n")).code).toBe(0);
    expect((await cli(['check', '-'], "name = 'x'")).code).toBe(1);
  });

  it('shows warnings but exits 0', async () => {
    const run = await cli(['check', "status = 'paused'"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning 99400');
  });

  it('--json writes the diagnostics as JSON', async () => {
    const run = await cli(['check', '--json', "name = 'x' or foo = 1"]);
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stderr) as { ok: boolean; diagnostics: { message: string; start: number }[] };
    expect(body.ok).toBe(false);
    expect(body.diagnostics.map((d) => d.start)).toEqual([5, 14]);
    const valid = await cli(['check', '--json', "status = 'paused'"]);
    expect(JSON.parse(valid.stdout)).toMatchObject({ ok: true, diagnostics: [{ severity: 'warning' }] });
  });

  it('--schema selects a schema by name; an unknown one is a usage error', async () => {
    expect((await cli(['check', '--schema', 'ota-job', "type = 'verify'"])).code).toBe(0);
    expect((await cli(['check', '--schema=nope', "type = 'verify'"])).code).toBe(2);
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
    expect(broken.stderr).toContain('Syntax error');
  });
});

describe('usage errors exit 2', () => {
  it.each([[[]], [['bogus']], [['check', '--nope', 'a = 1']], [['check', 'a', 'b']], [['sql', '--dialect']]])(
    '%j',
    async (argv) => {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('ota-expr:');
    },
  );

  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: ota-expr');
    expect((await cli(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});

const builtCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe.skipIf(!existsSync(builtCli))('the built executable', () => {
  it('runs as a process with the right exit codes', () => {
    const invalid = spawnSync(process.execPath, [builtCli, 'check', "name = 'x'"], { encoding: 'utf8' });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('allowed op [like]');
    expect(execFileSync(process.execPath, [builtCli, 'print', 'a<>1'], { encoding: 'utf8' })).toBe('a != 1\n');
    const piped = spawnSync(process.execPath, [builtCli, 'check'], { input: "status = 'started'", encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(spawnSync(process.execPath, [builtCli], { encoding: 'utf8' }).status).toBe(2);
  });
});

describe('compilers from the command line', () => {
  it('sql --dialect postgres prints the where and its parameters as JSON', async () => {
    const run = await cli(['sql', '--dialect', 'postgres', "productKey in ('pk1', 'pk2')"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ where: expect.stringContaining('$1'), params: ['pk1', 'pk2'] });
  });

  it('sql needs a known dialect (usage error otherwise)', async () => {
    expect((await cli(['sql', "productKey = 'a'"])).code).toBe(2);
    expect((await cli(['sql', '--dialect', 'oracle', "productKey = 'a'"])).code).toBe(2);
  });

  it('sql refuses a value the engine cannot store with exit 1 and a diagnostic', async () => {
    const run = await cli(['sql', '--dialect', 'postgres', "productKey = 'a\u0000b'"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('99400');
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

  it('filter keeps the matching records of a JSON array or NDJSON', async () => {
    const records = [
      { jobId: 'a', status: 'started' },
      { jobId: 'b', status: 'stopped' },
    ];
    const fromArray = await cli(['filter', "status = 'started'"], JSON.stringify(records));
    expect(fromArray).toMatchObject({ code: 0, stdout: `${JSON.stringify(records[0])}\n` });
    const fromLines = await cli(['filter', "status = 'stopped'"], records.map((r) => JSON.stringify(r)).join('\n'));
    expect(fromLines.stdout).toBe(`${JSON.stringify(records[1])}\n`);
  });

  it('filter needs the expression as an argument, and JSON on stdin', async () => {
    expect((await cli(['filter'], '[]')).code).toBe(2);
    expect((await cli(['filter', "status = 'started'"], '{oops')).code).toBe(2);
  });
});
