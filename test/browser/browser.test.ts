/**
 * The ESM build in a real browser (the "The browser"; SECURITY.md T8): Debian's chromium, headless through
 * playwright-core, loads a page from a localhost server whose Content-Security-Policy allows scripts from 'self'
 * only (no 'unsafe-eval', no 'unsafe-inline'). The page imports `dist/core.js` (the `ota-expr/core` entry), checks
 * valid and invalid expressions, and hands the results back; they must equal Node's, diagnostics and spans
 * included. The page also proves the policy is enforced (`new Function` is refused) and the server proves the
 * page fetched no compiler chunk.
 *
 * Without /usr/bin/chromium the suite is skipped, unless OTA_REQUIRE_BROWSER=1 (CI): then it fails.
 * Install: `bash scripts/ci-install-browser.sh`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, requireChromium, SKIP_BROWSER } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, requireDist } from '../packaging/dist.js';
import type * as Core from '../../src/core.js';

const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Valid and invalid expressions, each with the diagnostics (kind and covered text) Node and the browser must give. */
const CASES: readonly {
  readonly text: string;
  readonly expected: readonly (readonly [kind: string, covered: string])[];
}[] = [
  { text: "productKey in ('pk1', 'pk2') and name.zh_CN like '固件'", expected: [] },
  { text: `productKey='a' AND (status = "started")`, expected: [] },
  { text: '', expected: [] },
  { text: "name = 'x'", expected: [['operator-not-allowed', '=']] },
  {
    text: "productKey like 'x' or status in ('started')",
    expected: [
      ['operator-not-allowed', 'like'],
      ['operator-not-allowed', 'in'],
    ],
  },
  { text: "name.fr_FR like 'x'", expected: [['unknown-locale', 'name.fr_FR']] },
  { text: "productkey = 'a'", expected: [['unknown-field', 'productkey']] },
  { text: "status = 'paused'", expected: [['unknown-value', "'paused'"]] },
  { text: "productKey = 'a' and", expected: [['syntax', '']] },
  { text: 'productKey = ‘a’', expected: [['syntax', '‘']] },
  { text: `${'('.repeat(33)}productKey = 'a'${')'.repeat(33)}`, expected: [['limit', '(']] },
  { text: "　productKey\u00a0=\t'🚀' and firmwareId = 1", expected: [['value-type', '1']] },
];

interface BrowserCase {
  readonly text: string;
  readonly ok: boolean;
  readonly printed: string | null;
  readonly diagnostics: readonly {
    code: number;
    severity: string;
    kind: string;
    message: string;
    start: number;
    end: number;
  }[];
  readonly parseError: { name: string; code: number } | null;
}

interface PageResults {
  readonly evalBlocked: boolean;
  readonly violations: readonly string[];
  readonly cases: readonly BrowserCase[];
  readonly frame: string;
}

/** The page's module script; runs under the CSP, so it is served as a file, never inlined. */
function pageScript(): string {
  return `
import { check, parse, print, formatDiagnostic, ExpressionError } from '/dist/core.js';
const violations = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI));
let evalBlocked = false;
try { new Function('return 1')(); } catch (error) { evalBlocked = error instanceof EvalError; }
const cases = ${JSON.stringify(CASES.map((c) => c.text))}.map((text) => {
  const result = check(text);
  let parseError = null;
  try { parse(text); } catch (error) { parseError = { name: error instanceof ExpressionError ? 'ExpressionError' : String(error), code: error.code }; }
  return {
    text,
    ok: result.ok,
    printed: result.ast === null ? null : print(result.ast),
    diagnostics: result.diagnostics.map(({ code, severity, kind, message, start, end }) => ({ code, severity, kind, message, start, end })),
    parseError,
  };
});
const frame = formatDiagnostic("name = 'x'", check("name = 'x'").diagnostics[0]);
// Let the violation event for the refused new Function arrive before reporting.
setTimeout(() => { window.__otaResults = { evalBlocked, violations, cases, frame }; }, 50);
`;
}

describe.skipIf(SKIP_BROWSER)('ota-expr/core in headless chromium under a strict CSP', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    requireChromium();
    requireDist();
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      requested.push(path);
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, {
          'content-type': type,
          'content-security-policy': CSP,
          'cache-control': 'no-store',
        });
        response.end(body);
      };
      if (path === '/')
        return send(
          200,
          'text/html; charset=utf-8',
          '<!doctype html><meta charset="utf-8"><title>ota-expr</title><script type="module" src="/page.js"></script>',
        );
      if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', pageScript());
      const file = normalize(path).replace(/^\/dist\//, '');
      if (path.startsWith('/dist/') && /^[\w.-]+\.js$/.test(file) && existsSync(join(DIST, file))) {
        return send(200, 'text/javascript; charset=utf-8', readFileSync(join(DIST, file)));
      }
      return send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function loadResults(): Promise<PageResults> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __otaResults?: unknown }).__otaResults !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    const results = await page.evaluate(() => (globalThis as unknown as { __otaResults: PageResults }).__otaResults);
    await page.close();
    expect(errors).toEqual([]);
    return results;
  }

  it('runs check, parse, print and formatDiagnostic exactly as Node does, spans included', async () => {
    const results = await loadResults();
    // The same build, in Node, is the reference.
    const node = (await import(pathToFileURL(join(DIST, 'core.js')).href)) as typeof Core;
    for (const [index, spec] of CASES.entries()) {
      const inBrowser = results.cases[index]!;
      const result = node.check(spec.text);
      expect(inBrowser.diagnostics, spec.text).toEqual(
        result.diagnostics.map(({ code, severity, kind, message, start, end }) => ({
          code,
          severity,
          kind,
          message,
          start,
          end,
        })),
      );
      expect(inBrowser.printed).toBe(result.ast === null ? null : node.print(result.ast));
      // And what they say is right: each diagnostic's kind and the text its span covers.
      expect(
        inBrowser.diagnostics.map((d) => [d.kind, spec.text.slice(d.start, d.end)]),
        spec.text,
      ).toEqual(spec.expected);
      expect(inBrowser.ok).toBe(!spec.expected.some(([kind]) => kind !== 'unknown-value'));
      const syntaxBroken = spec.expected.some(([kind]) => kind === 'syntax' || kind === 'limit');
      expect(inBrowser.parseError).toEqual(syntaxBroken ? { name: 'ExpressionError', code: 99400 } : null);
    }
    expect(results.frame).toBe(node.formatDiagnostic("name = 'x'", node.check("name = 'x'").diagnostics[0]!));
  }, 60_000);

  it('the Content-Security-Policy is in force (new Function is refused) and nothing else was blocked', async () => {
    const results = await loadResults();
    expect(results.evalBlocked).toBe(true);
    expect(results.violations.filter((violation) => !violation.endsWith(' eval'))).toEqual([]);
  }, 60_000);

  it('the page fetched only the core entry and its chunks: no compiler', () => {
    const scripts = requested.filter((path) => path.startsWith('/dist/'));
    expect(scripts).toContain('/dist/core.js');
    for (const entry of ['index', 'predicate', 'sql', 'mongo', 'search'])
      expect(scripts).not.toContain(`/dist/${entry}.js`);
    for (const path of scripts) {
      const text = readFileSync(join(DIST, path.slice('/dist/'.length)), 'utf8');
      for (const marker of ['IS NOT NULL', '$regex', 'function toPredicate']) expect(text, path).not.toContain(marker);
    }
  });
});
