/**
 * What the playground's browser tests share: Debian's Chromium through playwright-core (skipped without it, unless
 * OTA_REQUIRE_BROWSER=1), the built page (dist/, from `npm run build`), the reference server with its demo data
 * serving a copy of the page, and readers of what the page shows.
 *
 * The server serves its static directory as it is, and the page needs the development app's keys to sign: the
 * harness writes them beside the page as `dev-app.json` (the file the page reads, backend-server.ts), as the
 * playground's `serve` script does (docs: packages/playground/README.md, "What the server provides").
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireChromium, SKIP_BROWSER } from '../../../../test/support/chromium.js';
import { createClient, type EnosClient } from '../../../../src/client.js';
import { startServer, type StartedServer } from '../../../server/src/index.js';
import type { InPage } from './in-page.js';

/** Skip a suite without a browser, unless CI requires one (then its beforeAll fails). */
export const SKIP = SKIP_BROWSER;

export const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(PACKAGE, 'dist');
export const STATIC_DIST = join(DIST, 'static');
/** Where screenshots and measurements go (the repository's .tmp/, git-ignored). */
export const OUTPUT = join(PACKAGE, '../../.tmp');

/** The static build's demo scale (src/demo-data.ts STATIC_DEMO_SCALE); the page's header says it, and a test checks. */
export const STATIC_DEMO_SCALE = 0.05;

export function requireBuild(): void {
  requireChromium();
  for (const file of [join(DIST, 'index.html'), join(STATIC_DIST, 'index.html')])
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build -w ota-expr-playground`);
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface PlaygroundServer {
  readonly server: StartedServer;
  readonly url: string;
  readonly client: EnosClient;
  readonly orgIds: readonly string[];
  close(): Promise<void>;
}

/** The reference server with the demo data at `scale`, serving a copy of dist/ and the development app's keys. */
export async function startPlaygroundServer(scale = STATIC_DEMO_SCALE): Promise<PlaygroundServer> {
  const work = mkdtempSync(join(tmpdir(), 'ota-playground-'));
  const site = join(work, 'site');
  mkdirSync(site);
  cpSync(DIST, site, { recursive: true, filter: (source) => source !== STATIC_DIST });
  const server = await startServer({
    port: 0,
    database: join(work, 'demo.sqlite'),
    demo: { scale },
    logger: false,
    staticDir: site,
  });
  const devApp = server.devApp!;
  writeFileSync(join(site, 'dev-app.json'), JSON.stringify(devApp));
  const client = createClient({
    baseUrl: server.url,
    appKey: devApp.appKey,
    appSecret: devApp.appSecret,
    validate: false,
  });
  return {
    server,
    url: server.url,
    client,
    orgIds: devApp.orgIds,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has shown the answer of its latest search (a page, a refusal or a failure). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as InPage;
    const summary = document.querySelector('.summary')?.textContent ?? '';
    return summary !== '' && summary !== 'Searching…';
  });
  // A search may start again (debounced typing): wait for the quiet after it.
  await page.waitForTimeout(400);
  await page.waitForFunction(
    () => (globalThis as unknown as InPage).document.querySelector('.summary')?.textContent !== 'Searching…',
  );
}

/** The results table's rows as cell texts. */
export function tableRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    Array.from((globalThis as unknown as InPage).document.querySelectorAll('table.results tbody tr'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? ''),
    ),
  );
}

/** The raw EnOS response the page shows (its Response JSON tab). */
export async function shownResponse(page: Page): Promise<Record<string, unknown>> {
  const text = await page.$eval('[data-panel="json"] pre', (pre) => pre.textContent ?? '');
  return JSON.parse(text) as Record<string, unknown>;
}

/** The editor's text. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    ((globalThis as unknown as InPage).document.querySelector('.cm-content')?.innerText ?? '').replace(/\n$/, ''),
  );
}

/** Replaces the editor's text by typing it, key by key, as a person would. */
export async function typeExpression(page: Page, text: string, delay = 15): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay });
}

/** Every record's id in an EnOS page, for comparing pages. */
export function idsOf(response: unknown, id: string): string[] {
  const data = (response as { data?: unknown }).data;
  return Array.isArray(data) ? data.map((record) => String((record as Record<string, unknown>)[id])) : [];
}
