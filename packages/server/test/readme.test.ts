/**
 * The README's "Reference server" section, run as written: its 5-line `sign.mjs` and its `curl` lines (with the
 * keys the server printed) against the bin started as a child process on demo data; the answer has the seed page's
 * response shape.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild, type Child } from './support/child.js';

const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

function block(lang: string): string {
  const section = README.slice(README.indexOf('## Reference server'));
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  if (match === null) throw new Error(`README's Reference server section has no ${lang} block`);
  return match[1]!;
}

describe('README: a signed curl search', () => {
  let child: Child;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ota-server-readme-'));
    child = await startChild(['--demo', '--demo-scale', '0.01', '--database', join(dir, 'db.sqlite')]);
  });
  afterAll(() => {
    if (child?.process.exitCode === null) child.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the script has 5 lines, and its curl search answers in the seed shape', () => {
    const script = block('js');
    expect(script.trim().split('\n')).toHaveLength(5);
    writeFileSync(join(dir, 'sign.mjs'), script);
    const lines = block('sh').trim().split('\n');
    expect(lines[0]).toMatch(/^KEY=.*SECRET=.*BASE=/);
    const { appKey, appSecret } = child.devApp!;
    lines[0] = `KEY=${appKey}; SECRET=${appSecret}; BASE=${child.url}`;
    const out = execFileSync('bash', ['-euo', 'pipefail', '-c', lines.join('\n')], { cwd: dir, encoding: 'utf8' });
    const answer = JSON.parse(out) as Record<string, unknown>;
    expect(answer).toMatchObject({
      code: 0,
      msg: 'OK',
      requestId: expect.any(String),
      pagination: { sortedBy: null, pageNo: 1, pageSize: 2, totalSize: expect.any(Number) },
    });
    const data = answer['data'] as Record<string, unknown>[];
    expect(data.length).toBe(2);
    for (const job of data) {
      expect(Object.keys(job)).toEqual(
        expect.arrayContaining([
          'orgId',
          'productKey',
          'jobId',
          'name',
          'firmwareId',
          'firmwareVersion',
          'firmwareName',
          'type',
          'status',
          'createTime',
        ]),
      );
      expect(job['status']).toBe('started');
    }
  });
});
