/**
 * ota-expr/codemirror in a real browser (the editor issue): Debian's chromium, headless through playwright-core,
 * loads a page whose script esbuild bundles from the built extension (`dist/codemirror.js`) and CodeMirror 6, served
 * under a strict Content-Security-Policy: scripts from 'self' only, styles only with the page's nonce (CodeMirror
 * writes its `<style>` with `EditorView.cspNonce`), no inline anything, no eval. The test types into the editor as
 * a user would and checks the lint marker, completion, accepting with Enter, a quick fix and a hover tooltip; it
 * writes a screenshot (completion open, lint markers shown) to .tmp/screenshots/editor.png.
 *
 * Without /usr/bin/chromium the suite is skipped, unless OTA_REQUIRE_BROWSER=1 (CI): then it fails.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundleForBrowser, launchChromium, requireChromium, SKIP_BROWSER } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, REPO, requireDist } from '../packaging/dist.js';

const SCREENSHOT = join(REPO, '.tmp', 'screenshots', 'editor.png');
const README_MARKER = '<!-- readme-test: skip (run in Chromium by test/browser/editor.test.ts) -->';

/** The README's CodeMirror example, as written. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf(README_MARKER) + README_MARKER.length);
  return /```ts\n([^]*?)\n```/.exec(after)![1]!;
}

/** The page's module: one editor with the extension, and two helpers the test calls (set the text, read it). */
const PAGE_SCRIPT = `
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { otaExpression } from ${JSON.stringify(join(DIST, 'codemirror.js'))};

const violations = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI));
const nonce = document.querySelector('meta[name="csp-nonce"]').content;
const view = new EditorView({
  state: EditorState.create({ doc: '', extensions: [keymap.of(defaultKeymap), otaExpression({ nonce, lintDelay: 50 })] }),
  parent: document.getElementById('editor'),
});
window.__ota = {
  violations,
  text: () => view.state.doc.toString(),
  set: (text) => { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } }); view.focus(); },
  coords: (pos) => { const c = view.coordsAtPos(pos); return { x: (c.left + c.right) / 2 + 1, y: (c.top + c.bottom) / 2 }; },
};
`;

interface PageApi {
  readonly violations: readonly string[];
  text(): string;
  set(text: string): void;
  coords(pos: number): { x: number; y: number };
}
declare const window: { __ota: PageApi };

describe.skipIf(SKIP_BROWSER)('ota-expr/codemirror in headless chromium under a strict CSP', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    requireDist();
    const script = await bundleForBrowser(PAGE_SCRIPT, { resolveDir: REPO });
    // The README's example, its imports of ota-expr resolved to the build.
    const readmeBundle = await bundleForBrowser(readmeExample(), {
      resolveDir: REPO,
      loader: 'ts',
      alias: { 'ota-expr/core': join(DIST, 'core.js'), 'ota-expr/codemirror': join(DIST, 'codemirror.js') },
    });
    const readmeScript = `${readmeBundle}
document.addEventListener('securitypolicyviolation', (event) => (window.__violations ??= []).push(event.violatedDirective));`;
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const nonce = randomBytes(16).toString('base64');
      const csp = `default-src 'none'; script-src 'self'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
      const send = (status: number, type: string, body: string) => {
        response.writeHead(status, {
          'content-type': type,
          'content-security-policy': csp,
          'cache-control': 'no-store',
        });
        response.end(body);
      };
      if (path === '/')
        return send(
          200,
          'text/html; charset=utf-8',
          `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="csp-nonce" content="${nonce}"><title>ota-expr editor</title>` +
            '<main><label for="editor">Filter</label><div id="editor"></div></main><script type="module" src="/page.js"></script></html>',
        );
      if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', script);
      if (path === '/readme')
        return send(
          200,
          'text/html; charset=utf-8',
          `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="csp-nonce" content="${nonce}"><title>README</title>` +
            '<div id="filter"></div><script type="module" src="/readme.js"></script></html>',
        );
      if (path === '/readme.js') return send(200, 'text/javascript; charset=utf-8', readmeScript);
      return send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 760, height: 300 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__ota !== undefined, undefined, { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** Empties the editor, focuses it, and types `text` key by key. */
  async function typeFresh(text: string): Promise<void> {
    await page.evaluate(() => window.__ota.set(''));
    await page.keyboard.press('Escape');
    await page.keyboard.type(text, { delay: 5 });
  }

  const optionLabels = () =>
    page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (labels) =>
      labels.map((label) => label.textContent),
    );

  it('CodeMirror is styled through the nonce and nothing was blocked', async () => {
    const display = await page.$eval('.cm-editor', (element) => getComputedStyle(element).display);
    expect(display).toBe('flex');
    expect(await page.$$eval('style[nonce]', (styles) => styles.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__ota.violations)).toEqual([]);
  });

  it("name = 'x': a lint marker under = with the message of the seed", async () => {
    await typeFresh("name = 'x'");
    const marker = await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });
    expect(await marker.textContent()).toBe('=');
    await marker.hover();
    const tooltip = await page.waitForSelector('.cm-tooltip-lint', { timeout: 10_000 });
    expect(await tooltip.textContent()).toContain('Do not allow operator op =, allowed op [like]');
  });

  it('Ctrl-Space after prod lists productKey', async () => {
    await typeFresh('prod');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 10_000 });
    expect(await optionLabels()).toContain('productKey');
  });

  it("after status = the list is exactly 'started', 'stopped'; Enter accepts the first", async () => {
    await typeFresh('status = ');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 10_000 });
    expect(await optionLabels()).toEqual(["'started'", "'stopped'"]);
    // CodeMirror ignores Enter for 75 ms after the list opens (its interactionDelay), as a person would not be faster.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__ota.text())).toBe("status = 'started'");
  });

  it("the quick fix of name like ‘x’ gives name like 'x'", async () => {
    await typeFresh('name like ‘x’');
    const marker = await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });
    await marker.hover();
    const action = await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction', { timeout: 10_000 });
    expect(await action.textContent()).toBe("replace ‘ and ’ with '");
    await action.click();
    expect(await page.evaluate(() => window.__ota.text())).toBe("name like 'x'");
  });

  it('hovering name shows its operators', async () => {
    await typeFresh("name like 'x'");
    await page.mouse.move(0, 0);
    const { x, y } = await page.evaluate(() => window.__ota.coords(2));
    await page.mouse.move(x, y);
    const tooltip = await page.waitForSelector('.cm-ota-hover', { timeout: 10_000 });
    expect(await tooltip.textContent()).toBe('name: i18n · like · locales zh_CN, en_US');
  });

  it('writes a screenshot with an open completion and lint markers', async () => {
    await page.mouse.move(0, 0);
    await typeFresh("name = 'x' or prod = 'a'");
    await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });
    const { x, y } = await page.evaluate(() => window.__ota.coords(18));
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 10_000 });
    expect(await optionLabels()).toEqual(['productKey']);
    expect(await page.$$eval('.cm-lintRange-error', (ranges) => ranges.map((range) => range.textContent))).toEqual([
      '=',
      'prod',
    ]);
    mkdirSync(join(REPO, '.tmp', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => window.__ota.violations)).toEqual([]);
  });

  it("the README's CodeMirror example runs as written: the product keys after productKey =", async () => {
    const readme = await browser.newPage({ viewport: { width: 760, height: 300 } });
    const errors: string[] = [];
    readme.on('pageerror', (error) => errors.push(error.message));
    await readme.goto(`${origin}/readme`);
    await readme.waitForSelector('#filter .cm-editor', { timeout: 30_000 });
    await readme.click('.cm-content');
    await readme.keyboard.press('End');
    await readme.keyboard.press('Control+Space');
    await readme.waitForSelector('.cm-tooltip-autocomplete', { timeout: 10_000 });
    const labels = await readme.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (items) =>
      items.map((item) => item.textContent),
    );
    expect(labels).toEqual(["'pk-solar'", "'pk-wind'"]);
    expect(await readme.evaluate(() => (globalThis as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    expect(errors).toEqual([]);
    await readme.close();
  });
});
