/**
 * The playground as the reference server serves it at `/`, in Debian's Chromium: typing with live lint and
 * completion of the server's own values, the compiled SQL, results equal to the endpoint's answer to the same
 * request, paging, switching API, shared links, a refused expression, and a server that goes away.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, parse, schemas } from '../../../src/index.js';
import { toSql } from '../../../src/sql.js';
import {
  OUTPUT,
  SKIP,
  editorText,
  idsOf,
  launchBrowser,
  requireBuild,
  settled,
  shownResponse,
  startPlaygroundServer,
  tableRows,
  typeExpression,
  type PlaygroundServer,
} from './support/harness.js';
import type { InPage, InPageElement } from './support/in-page.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What the test calls of axe-core in the page. */
interface AxeRunner {
  run(
    context: unknown,
    options: { runOnly: string[] },
  ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

describe.skipIf(SKIP)('the playground served by the reference server', () => {
  let browser: Browser;
  let served: PlaygroundServer;
  let orgId: string;
  /** Every URL the pages asked for: the server's own only. */
  const requested: string[] = [];
  /** Script errors and console errors of every page opened by `open`: none. */
  const errors: string[] = [];

  beforeAll(async () => {
    requireBuild();
    [browser, served] = await Promise.all([launchBrowser(), startPlaygroundServer()]);
    orgId = served.orgIds[0]!;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    // Nothing but the server itself, and no error in any page.
    expect(requested.filter((url) => !url.startsWith(`${served.url}/`))).toEqual([]);
    expect(errors).toEqual([]);
  });

  async function open(hash = '', width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${served.url}/${hash}`);
    await settled(page);
    return page;
  }

  /** The endpoint's own answer to a request, through ota-expr/client in Node. */
  function endpoint(api: string, expression: string, pageNo = 1, pageSize?: number): Promise<unknown> {
    const route = schemas[api] === undefined ? undefined : api;
    if (route === undefined) throw new Error(`no API ${api}`);
    return served.client
      .search(api as 'ota-job', {
        orgId,
        expression,
        pagination: { pageNo, ...(pageSize === undefined ? {} : { pageSize }) },
      })
      .then((page) => ({ data: page.records, pagination: page.pagination }));
  }

  it('types an expression key by key: lint marker, completion with server values, accepted; PostgreSQL tab; rows as the endpoint answers', async () => {
    const page = await open();
    // The org's product keys, as the endpoint has them (the completion's source).
    const all = (await endpoint('ota-job', '', 1, 200)) as { data: { productKey: string }[] };
    const productKeys = [...new Set(all.data.map((job) => job.productKey))].sort();
    expect(productKeys.length).toBeGreaterThan(1);

    await typeExpression(page, 'productKey =');
    // Incomplete: the syntax error is marked in the editor and listed under it.
    // (A point marker at the end of the text has no size: attached, not visible.)
    await page.waitForSelector('.cm-lintRange-error, .cm-lintPoint-error', { state: 'attached' });
    expect(await page.textContent('#diagnostics')).toContain('99400');

    await page.keyboard.type(' ', { delay: 15 });
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    const offered = await options.allTextContents();
    expect(offered.some((label) => productKeys.some((key) => label.includes(key)))).toBe(true);
    // CodeMirror takes Enter as "accept" only after its interaction delay (75 ms) from the list's opening.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    const text = await editorText(page);
    expect(text).toMatch(/^productKey = '[^']+'$/);
    const chosen = /'([^']+)'/.exec(text)![1]!;
    expect(productKeys).toContain(chosen);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document.querySelector('.cm-lintRange-error, .cm-lintPoint-error') === null,
    );
    await settled(page);

    await page.click('[role="tab"][data-tab="postgres"]');
    const sql = await page.textContent('[data-panel="postgres"] pre');
    const expected = toSql(parse(text), { dialect: 'postgres', schema: schemas['ota-job'] });
    expect(sql).toContain(`-- WHERE (toSql)\n${expected.where}\n-- params: ${JSON.stringify(expected.params)}`);

    const answer = await endpoint('ota-job', text);
    const rows = await tableRows(page);
    expect(rows.map((row) => row[0])).toEqual(idsOf(answer, 'jobId'));
    expect(rows.length).toBeGreaterThan(0);
    expect((await shownResponse(page))['data']).toEqual((answer as { data: unknown }).data);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('q')).toBe(text);
    await page.close();
  }, 60_000);

  it('a quick fix under the editor repairs the text, and the search follows', async () => {
    const page = await open();
    await typeExpression(page, "status == 'started'");
    const fix = page.locator('#diagnostics button.fix').first();
    await fix.waitFor();
    await fix.press('Enter');
    await page.waitForFunction(() =>
      ((globalThis as unknown as InPage).document.querySelector('.cm-content')?.innerText ?? '').startsWith(
        "status = 'started'",
      ),
    );
    await settled(page);
    expect(await editorText(page)).toBe("status = 'started'");
    expect(await page.textContent('#diagnostics')).toContain('Valid expression.');
    expect((await shownResponse(page))['code']).toBe(0);
    await page.close();
  }, 60_000);

  it('pages forward and back, each page the endpoint’s', async () => {
    const page = await open(`#api=device&q=${encodeURIComponent("status in ('online', 'offline')")}`);
    const expression = "status in ('online', 'offline')";
    const first = idsOf(await endpoint('device', expression, 1), 'assetId');
    const second = idsOf(await endpoint('device', expression, 2), 'assetId');
    expect((await tableRows(page)).map((row) => row[0])).toEqual(first);
    await page.click('button.next');
    await settled(page);
    expect((await tableRows(page)).map((row) => row[0])).toEqual(second);
    expect(await page.inputValue('input.page-number')).toBe('2');
    expect(page.url()).toContain('page=2');
    await page.click('button.previous');
    await settled(page);
    expect((await tableRows(page)).map((row) => row[0])).toEqual(first);
    // The browser's back button walks the same way.
    await page.goBack();
    await settled(page);
    expect((await tableRows(page)).map((row) => row[0])).toEqual(second);
    await page.close();
  }, 60_000);

  it('switching API changes the field table and the completion', async () => {
    const page = await open();
    const fieldsOf = () =>
      page.$$eval('table.fields tbody tr', (rows) => rows.map((row) => row.getAttribute('data-field')));
    expect(await fieldsOf()).toContain('firmwareName');
    const completions = async (): Promise<string[]> => {
      // An empty text: completion offers every field where a comparison can start.
      await typeExpression(page, '');
      await page.keyboard.press('Control+Space');
      await page.locator('.cm-tooltip-autocomplete li').first().waitFor();
      return page.locator('.cm-tooltip-autocomplete li').allTextContents();
    };
    const before = await completions();
    await page.keyboard.press('Escape');
    await page.selectOption('#api', 'device');
    await settled(page);
    expect(await fieldsOf()).toEqual(schemas['device']!.fieldNames);
    const after = await completions();
    expect(after.some((label) => label.includes('deviceTags'))).toBe(true);
    expect(before.some((label) => label.includes('deviceTags'))).toBe(false);
    expect(before.some((label) => label.includes('firmwareName'))).toBe(true);
    expect(after.some((label) => label.includes('firmwareName'))).toBe(false);
    await page.close();
  }, 60_000);

  it('keyboard only: Tab goes API, organisation, editor, output tabs and back; the API picker and the tabs by arrow keys', async () => {
    const page = await open();
    const focused = () =>
      page.evaluate(() => {
        const active = (globalThis as unknown as InPage & { document: { activeElement: InPageElement | null } })
          .document.activeElement;
        return active === null
          ? ''
          : `${active.tagName.toLowerCase()}#${active.getAttribute('id') ?? ''}.${active.getAttribute('class') ?? ''}`;
      });
    const stops: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops[0]).toBe('select#api.');
    expect(stops[1]).toBe('select#org.');
    expect(stops[2]).toContain('cm-content');
    // Out of the editor with Tab (CodeMirror binds no Tab here), on to the first output tab, and back.
    expect(stops[3]).toMatch(/^button#tabs-\d+-postgres-tab/);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toContain('cm-content');
    await page.keyboard.type("status = 'stopped'");
    await settled(page);
    expect(await page.textContent('.summary')).toMatch(/records? match/);
    // The API picker works from the keyboard too.
    await page.focus('#api');
    await page.keyboard.press('ArrowDown');
    await settled(page);
    expect(await page.inputValue('#api')).toBe('ota-task');
    // Tabs: arrow keys select and show the next panel.
    await page.focus('[role="tab"][data-tab="postgres"]');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toContain('button#');
    expect(await page.getAttribute('[role="tab"][data-tab="mysql"]', 'aria-selected')).toBe('true');
    expect(await page.isVisible('[data-panel="mysql"]')).toBe(true);
    expect(await page.isVisible('[data-panel="postgres"]')).toBe(false);
    await page.close();
  }, 60_000);

  it('a shared URL opens the same view', async () => {
    const page = await open();
    await page.selectOption('#api', 'device');
    await settled(page);
    await typeExpression(page, "productType = 'Device'");
    await settled(page);
    await page.click('button.next');
    await settled(page);
    const link = page.url();
    const view = async (p: Page) => ({
      api: await p.inputValue('#api'),
      text: await editorText(p),
      pageNo: await p.inputValue('input.page-number'),
      rows: await tableRows(p),
      summary: await p.textContent('.summary'),
    });
    const shown = await view(page);
    expect(shown.pageNo).toBe('2');
    const other = await browser.newPage();
    await other.goto(link);
    await settled(other);
    expect(await view(other)).toEqual(shown);
    await other.close();
    await page.close();
  }, 60_000);

  it('a bad expression shows the 99400 message and no results', async () => {
    const page = await open(`#q=${encodeURIComponent("name = 'x'")}`);
    const message = check("name = 'x'").diagnostics[0]!.message;
    const failure = page.locator('.failure[role="alert"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain(`99400: ${message}`);
    expect(await tableRows(page)).toEqual([]);
    expect((await shownResponse(page))['code']).toBe(99400);
    await page.close();
  }, 60_000);

  it('the server stopped: a visible error, and the page stays usable', async () => {
    const own = await startPlaygroundServer(0.001);
    const page = await browser.newPage();
    await page.goto(`${own.url}/`);
    await settled(page);
    await own.close();
    await typeExpression(page, "status = 'started'");
    const failure = page.locator('.failure[role="alert"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('did not answer');
    expect(await page.isVisible('.cm-editor')).toBe(true);
    expect(await page.isVisible('table.fields')).toBe(true);
    expect(await page.textContent('[data-panel="postgres"] pre')).toContain('"status" = $1');
    await page.close();
  }, 60_000);

  it('screenshots at 360 px and 1280 px; nothing wider than the screen at 360 px', async () => {
    mkdirSync(join(OUTPUT, 'screenshots'), { recursive: true });
    for (const width of [360, 1280]) {
      const page = await open(
        `#api=device&q=${encodeURIComponent("deviceTags.Region = 'East' and status = 'online'")}`,
        width,
      );
      await page.screenshot({ path: join(OUTPUT, 'screenshots', `playground-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => {
        const { document, window } = globalThis as unknown as InPage;
        return document.documentElement.scrollWidth - window.innerWidth;
      });
      expect(overflow, `width ${width}`).toBeLessThanOrEqual(0);
      await page.close();
    }
  }, 60_000);

  it('accessibility: axe-core finds no violation, and every control has a name', async () => {
    // Sorters and a refused request show every kind of control and message the page has.
    for (const hash of ['#api=alert-rule&sort=modelId:DESC', `#q=${encodeURIComponent("name = 'x'")}`]) {
      const page = await open(hash);
      // Evaluated through the DevTools protocol, which the page's CSP does not govern (no script tag is added).
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const violations = await page.evaluate(async () => {
        const { axe, document } = globalThis as unknown as InPage & { axe: AxeRunner };
        const result = await axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, hash).toEqual([]);
      const unnamed = await page.evaluate(() => {
        const { document } = globalThis as unknown as InPage;
        return Array.from(
          document.querySelectorAll('button, input, select, [role="tab"], [contenteditable="true"], [tabindex="0"]'),
        )
          .filter((element) => {
            const labelledBy = element.getAttribute('aria-labelledby');
            const named =
              (element.getAttribute('aria-label') ?? '') !== '' ||
              (labelledBy !== null &&
                labelledBy.split(' ').some((id) => (document.getElementById(id)?.textContent ?? '') !== '')) ||
              (element.labels?.length ?? 0) > 0 ||
              (element.tagName === 'BUTTON' && (element.textContent ?? '').trim() !== '') ||
              element.getAttribute('role') === 'tabpanel';
            return !named;
          })
          .map((element) => element.outerHTML.slice(0, 80));
      });
      expect(unnamed, hash).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('measures the first render and the page weight (reported, not asserted)', async () => {
    const page = await open();
    const timing = await page.evaluate(() => {
      const { performance } = globalThis as unknown as InPage;
      const rendered = performance.getEntriesByName('playground-rendered')[0]?.startTime ?? NaN;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { rendered, paint };
    });
    writeFileSync(join(OUTPUT, 'playground-first-render.json'), JSON.stringify(timing, null, 2));
    console.log(`playground first render (server mode): ${JSON.stringify(timing)}`);
    expect(Number.isFinite(timing.rendered)).toBe(true);
    await page.close();
  }, 60_000);
});
