/**
 * ota-expr/client in a real browser (issue #15: "the client's search of the demo data works … in the browser test"):
 * Debian's chromium, headless through playwright-core, loads a page that the reference server itself serves (its
 * `staticDir` option: same origin, so no CORS is needed and none is faked). The page is bundled from src/client.ts
 * and src/core.ts with esbuild and runs under a Content-Security-Policy without 'unsafe-eval'. It gets a token,
 * signs with WebCrypto and searches the server's demo data; the pages must equal `searchRecords` over the same demo
 * records in Node, and its SHA-256 must equal node:crypto's.
 *
 * Without /usr/bin/chromium the suite is skipped, unless OTA_REQUIRE_BROWSER=1 (CI): then it fails.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { bundleForBrowser, launchChromium, requireChromium, SKIP_BROWSER } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src/core.js';
import { searchRecords } from '../../src/search.js';
import { demoRecords, startServer, type StartedServer } from '../../packages/server/src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCALE = 0.004;
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
const TEXT = '逆变器 🚀 firmware';

/** The page's script, bundled by esbuild: it reads the app's keys from the URL's fragment (never sent to a server). */
const PAGE = `
import { createClient, sha256Hex, ExpressionError } from './src/client.ts';
import { queryBuilder, schemas } from './src/core.ts';

async function run() {
  const { appKey, appSecret, orgId } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  let evalBlocked = false;
  try { new Function('return 1')(); } catch (error) { evalBlocked = error instanceof EvalError; }
  const client = createClient({ baseUrl: location.origin, appKey, appSecret });
  const digest = await sha256Hex(${JSON.stringify(TEXT)});
  const devices = await client.search('device', {
    orgId, expression: "status in ('online', 'offline')", pagination: { pageNo: 2, pageSize: 5 },
  });
  const q = queryBuilder(schemas['ota-job']);
  const jobs = await client.search('ota-job', { orgId, expression: q.where('status').eq('started'), pagination: { pageSize: 4 } });
  let refused = null;
  try { await client.search('ota-job', { orgId, expression: "name = 'x'" }); } catch (error) {
    refused = { isExpressionError: error instanceof ExpressionError, kind: error.diagnostics[0].kind, message: error.message };
  }
  const firmware = [];
  for await (const record of client.searchAll('firmware', { orgId, pagination: { pageSize: 3 } })) firmware.push(record.firmwareId);
  return { evalBlocked, digest, devices, jobs, refused, firmware };
}
run().then(
  (results) => { window.__otaClient = results; },
  (error) => { window.__otaClient = { failed: String(error && error.stack || error) }; },
);
`;

interface PageResults {
  readonly failed?: string;
  readonly evalBlocked: boolean;
  readonly digest: string;
  readonly devices: { records: unknown[]; pagination: unknown };
  readonly jobs: { records: unknown[]; pagination: unknown };
  readonly refused: { isExpressionError: boolean; kind: string; message: string } | null;
  readonly firmware: string[];
}

describe.skipIf(SKIP_BROWSER)('ota-expr/client in headless chromium against the reference server', () => {
  let dir: string;
  let server: StartedServer;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    requireChromium();
    dir = mkdtempSync(join(tmpdir(), 'ota-client-browser-'));
    const pageDir = join(dir, 'page');
    const bundle = await bundleForBrowser(PAGE, { resolveDir: ROOT, sourcefile: 'client-page.js' });
    mkdirSync(pageDir);
    writeFileSync(join(pageDir, 'page.js'), bundle);
    writeFileSync(
      join(pageDir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>ota-expr/client</title><script type="module" src="/page.js"></script>`,
    );
    server = await startServer({
      port: 0,
      database: join(dir, 'db.sqlite'),
      demo: { scale: SCALE },
      logger: false,
      staticDir: pageDir,
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gets a token, signs with WebCrypto and pages through the demo data as searchRecords does', async () => {
    const { appKey, appSecret, orgIds } = server.devApp!;
    const orgId = orgIds[0]!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.goto(`${server.url}/#${encodeURIComponent(JSON.stringify({ appKey, appSecret, orgId }))}`);
    await page.waitForFunction(() => (globalThis as { __otaClient?: unknown }).__otaClient !== undefined, undefined, {
      timeout: 60_000,
    });
    const results = await page.evaluate(() => (globalThis as unknown as { __otaClient: PageResults }).__otaClient);
    await page.close();
    expect(results.failed).toBeUndefined();
    expect(errors).toEqual([]);
    expect(results.evalBlocked).toBe(true);
    expect(results.digest).toBe(createHash('sha256').update(TEXT, 'utf8').digest('hex'));

    const expectedPage = (name: 'device' | 'ota-job', request: object) => {
      const answer = searchRecords(
        demoRecords(name, { scale: SCALE }),
        { orgId, ...request },
        { schema: schemas[name] },
      );
      if (answer.code !== 0) throw new Error(answer.msg);
      return { records: answer.data, pagination: answer.pagination };
    };
    expect({ records: results.devices.records, pagination: results.devices.pagination }).toEqual(
      expectedPage('device', { expression: "status in ('online', 'offline')", pagination: { pageNo: 2, pageSize: 5 } }),
    );
    expect({ records: results.jobs.records, pagination: results.jobs.pagination }).toEqual(
      expectedPage('ota-job', { expression: "status = 'started'", pagination: { pageSize: 4 } }),
    );
    expect(results.jobs.records.length).toBeGreaterThan(0);
    expect(results.refused).toEqual({
      isExpressionError: true,
      kind: 'operator-not-allowed',
      message: 'Do not allow operator op =, allowed op [like]',
    });
    const firmware = demoRecords('firmware', { scale: SCALE }).filter((record) => record.orgId === orgId);
    expect(results.firmware).toHaveLength(firmware.length);
    expect(new Set(results.firmware)).toEqual(new Set(firmware.map((record) => record.firmwareId)));
    // One token request; the refused expression sent nothing; searchAll asked one page per 3 records.
    expect(requests.filter((line) => line === 'POST /apim-token-service/v2.0/token/get')).toHaveLength(1);
    expect(requests.filter((line) => line === 'POST /connect-service/v2.1/ota-jobs')).toHaveLength(1);
    expect(requests.filter((line) => line === 'POST /connect-service/v2.1/ota-firmwares')).toHaveLength(
      Math.max(1, Math.ceil(firmware.length / 3)),
    );
  }, 120_000);
});
