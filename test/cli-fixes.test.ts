/** The CLI shows a diagnostic's fixes under its code frame, as a compiler's suggestion (`= help: …`). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';

async function stderrOf(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, {
    readStdin: async () => '',
    writeStdout: () => undefined,
    writeStderr: (text) => {
      stderr += text;
    },
    stderrIsTty: false,
    version: '0.0.0-test',
    readFile: async () => '',
    env,
  });
  return { code, stderr };
}

describe('check shows fixes as help', () => {
  it("name like ‘x’: replace ‘ and ’ with ', and the line after the fix", async () => {
    expect(await stderrOf(['check', 'name like ‘x’'])).toEqual({
      code: 1,
      stderr: [
        'error 99400 (syntax): Typographic quote ‘ is not a string delimiter',
        '  --> line 1, column 11',
        '  |',
        '1 | name like ‘x’',
        '  |           ^',
        "  = hint: use the ASCII quote ' instead of ‘",
        "  = help: replace ‘ and ’ with '",
        '  |',
        "1 | name like 'x'",
        '',
      ].join('\n'),
    });
  });

  it('status == …: the mistake is named, with its fix', async () => {
    const { stderr } = await stderrOf(['check', "status == 'started'"]);
    expect(stderr).toContain('Syntax error at line 1, column 8: write = instead of ==');
    expect(stderr).toContain("  = help: replace == with =\n  |\n1 | status = 'started'\n");
  });

  it('a warning with a did-you-mean value: exit 0, the fix shown', async () => {
    const { code, stderr } = await stderrOf(['check', "status = 'STARTED'"]);
    expect(code).toBe(0);
    expect(stderr).toContain("  = help: replace with 'started'\n  |\n1 | status = 'started'\n");
  });

  it('the fix on a later line shows that line', async () => {
    const { stderr } = await stderrOf(['check', "productKey = 'a'\nand status = started"]);
    expect(stderr).toContain("  = help: write 'started'\n  |\n2 | and status = 'started'\n");
  });

  it('help is coloured with the frame', async () => {
    const { stderr } = await stderrOf(['check', '--color', "status == 'a'"]);
    expect(stderr).toContain('\u001b[1m\u001b[36mhelp\u001b[0m: replace == with =');
  });

  it('no help without fixes', async () => {
    expect((await stderrOf(['check', "name = 'x'"])).stderr).not.toContain('help');
  });
});
