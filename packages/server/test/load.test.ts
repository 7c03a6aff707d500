/**
 * `ota-expr-server load`: NDJSON and JSON arrays, bad records reported with their line numbers and skipped, the
 * rest loaded in one transaction; a file whose record clashes with a stored one loads nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecords } from '../src/load.js';
import { startServer } from '../src/index.js';
import { runBin } from './support/child.js';
import { injectTransport, SignedClient } from './support/requests.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ota-server-load-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const job = (jobId: string, extra: Record<string, unknown> = {}) => ({
  orgId: 'yourOrgId',
  jobId,
  productKey: 'pk1',
  name: { defaultValue: `名字 ${jobId}`, i18nValue: { en_US: `name ${jobId}` } },
  status: 'started',
  createTime: 1_700_000_000_000 + Number(jobId.replace(/\D/g, '') || 0),
  ...extra,
});

describe('load', () => {
  it('loads NDJSON, reporting bad lines by number and loading the rest', async () => {
    const database = join(dir, 'ndjson.sqlite');
    const file = join(dir, 'jobs.ndjson');
    const lines = [
      JSON.stringify(job('j1')),
      '{"orgId": "yourOrgId", "jobId": ', // 2: not JSON
      '',
      JSON.stringify(job('j2')),
      '[1, 2]', // 5: not an object
      JSON.stringify({ jobId: 'j9' }), // 6: no orgId
      JSON.stringify(job('j3', { jobId: 3 })), // 7: jobId not a string
      JSON.stringify(job('j1')), // 8: j1 again
      JSON.stringify(job('j4')),
      JSON.stringify(job('j5', { orgId: 'yourOrgId', name: 'not i18n', createTime: 1.5 })), // wrong types: absent
    ];
    writeFileSync(file, `${lines.join('\r\n')}\n`);
    const run = await runBin(['load', '--database', database, '--api', 'ota-job', file]);
    expect(run.stdout).toMatch(/^loaded 4 ota-job records into .*ndjson\.sqlite; 5 bad records skipped\n$/);
    expect(
      run.stderr
        .split('\n')
        .map((line) => /:(\d+): /.exec(line)?.[1])
        .filter(Boolean),
    ).toEqual(['2', '5', '6', '7', '8']);
    expect(run.stderr).toMatch(/:8: jobId j1 of orgId yourOrgId is already on line 1/);
    expect(run.code).toBe(1);

    const server = await startServer({ port: 0, database, devOrgIds: ['yourOrgId'], logger: false });
    try {
      const client = new SignedClient(injectTransport(server.app), server.devApp!);
      const answer = await client.search('/connect-service/v2.1/ota-jobs', 'search', 'yourOrgId', {
        expression: "name.zh_CN like '名字'",
      });
      expect(answer.body['code']).toBe(0);
      expect((answer.body['data'] as { jobId: string }[]).map((j) => j.jobId)).toEqual(['j4', 'j2', 'j1']);
    } finally {
      await server.close();
    }
  });

  it('loads a JSON array with the lines of its elements; a clash with stored records loads nothing', async () => {
    const database = join(dir, 'array.sqlite');
    const file = join(dir, 'devices.json');
    const devices = [
      { orgId: 'o1', assetId: 'a1', deviceTags: { Region: 'East' }, deviceAttributes: { floor: 3 }, createTime: 1 },
      { orgId: 'o1', createTime: 2 },
      { orgId: 'o1', assetId: 'a2', deviceTags: { Region: '华东' }, createTime: 3 },
    ];
    writeFileSync(file, JSON.stringify(devices, null, 2));
    const first = await runBin(['load', '--database', database, '--api', 'device', file]);
    expect(first.stdout).toMatch(/loaded 2 device records/);
    expect(first.stderr).toMatch(/devices\.json:\d+: assetId must be a non-empty string/);
    const line = Number(/devices\.json:(\d+):/.exec(first.stderr)![1]);
    expect(JSON.stringify(devices, null, 2).split('\n')[line - 1]).toBe('  {');

    writeFileSync(
      join(dir, 'more.ndjson'),
      `${JSON.stringify({ orgId: 'o1', assetId: 'a9' })}\n${JSON.stringify(devices[0])}\n`,
    );
    const clash = await runBin(['load', '--database', database, '--api', 'device', join(dir, 'more.ndjson')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/line 2: the database refused the record .*; nothing of the file was loaded/);
    expect(clash.stderr).not.toMatch(/INSERT|VALUES/);
  });

  it('refuses an unknown API and a missing file with usage errors', async () => {
    expect((await runBin(['load', '--api', 'widgets', 'x.json'])).code).toBe(2);
    expect((await runBin(['load', '--api', 'device'])).code).toBe(2);
  });

  it('parses an empty file, a BOM, and a bad array as such', () => {
    expect(parseRecords('')).toEqual({ records: [], bad: [] });
    expect(parseRecords('\ufeff{"a":1}\n').records).toEqual([{ line: 1, record: { a: 1 } }]);
    expect(parseRecords('[1, 2').bad[0]!.message).toMatch(/not valid JSON/);
  });
});
