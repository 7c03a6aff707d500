/**
 * The README's "Client" example, run as it is against the reference server's demo data (in-process, SQLite): its
 * `baseUrl` becomes the server's URL and `appKey`/`appSecret` the development app's keys; everything else runs
 * unchanged, and what it logs is checked against searchRecords over the same demo records.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clientEntry from '../../src/client.js';
import * as core from '../../src/core.js';
import { searchRecords } from '../../src/search.js';
import { demoRecords, startServer, type StartedServer } from '../../packages/server/src/index.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const SCALE = 0.004;
const MODULES: Readonly<Record<string, unknown>> = { 'ota-expr/client': clientEntry, 'ota-expr/core': core };

/** The first `ts` block of the `## Client` section. */
function clientExample(): string {
  const section = README.slice(README.indexOf('\n## Client\n'));
  const match = /```ts\n([\s\S]*?)\n```/.exec(section);
  if (match === null) throw new Error('README.md has no ts block under ## Client');
  return match[1]!;
}

let server: StartedServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ota-client-readme-'));
  server = await startServer({ port: 0, database: join(dir, 'db.sqlite'), demo: { scale: SCALE }, logger: false });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the README's Client example", () => {
  it('runs against the reference server and logs what searchRecords gives', async () => {
    const code = clientExample();
    expect(code).toContain("baseUrl: 'http://127.0.0.1:8080'");
    const source = code
      .replace("baseUrl: 'http://127.0.0.1:8080'", 'baseUrl: __url')
      .replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
        if (!(from in MODULES)) throw new Error(`the example imports ${from}`);
        return `const {${names}} = __modules[${JSON.stringify(from)}];`;
      });
    const js = transformSync(source, { loader: 'ts', format: 'esm' }).code;
    const logged: unknown[][] = [];
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    const run = new AsyncFunction('__modules', '__url', 'appKey', 'appSecret', 'console', js);
    const { appKey, appSecret } = server.devApp!;
    await run(MODULES, server.url, appKey, appSecret, { log: (...values: unknown[]) => logged.push(values) });

    const orgId = 'o15427722038191';
    const jobs = searchRecords(
      demoRecords('ota-job', { scale: SCALE }),
      { orgId, expression: "name like 'inverter' and status = 'started'", pagination: { pageSize: 2 } },
      { schema: core.schemas['ota-job'] },
    );
    if (jobs.code !== 0) throw new Error(jobs.msg);
    const first = jobs.data[0] as { name?: { defaultValue?: string } } | undefined;
    const verified = demoRecords('firmware', { scale: SCALE }).filter(
      (record) => record.orgId === orgId && (record as { isVerified?: unknown }).isVerified === true,
    ).length;
    expect(jobs.pagination.totalSize).toBeGreaterThan(0);
    expect(verified).toBeGreaterThan(0);
    expect(logged).toEqual([
      [jobs.pagination.totalSize, first?.name?.defaultValue],
      [verified],
      ['Do not allow operator op =, allowed op [like]'],
    ]);
  });
});
