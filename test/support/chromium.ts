/**
 * Debian's Chromium for the browser tests (test/browser, packages/playground/test): where it is, whether a run must
 * have it (`OTA_REQUIRE_BROWSER=1`, as CI sets: a missing browser fails the run instead of skipping it), how it is
 * launched, and how a test page's script is bundled.
 */
import { existsSync } from 'node:fs';
import { build, type BuildOptions } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env.OTA_REQUIRE_BROWSER === '1';
export const BROWSER_AVAILABLE = existsSync(CHROMIUM);
/** For `describe.skipIf`: skip only when the browser is absent and the run does not require it. */
export const SKIP_BROWSER = !BROWSER_AVAILABLE && !BROWSER_REQUIRED;

/** Fails a required run on a machine without the browser, with the command that installs it. */
export function requireChromium(): void {
  if (!BROWSER_AVAILABLE)
    throw new Error(`OTA_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: run scripts/ci-install-browser.sh`);
}

/** Headless, without a sandbox (root in CI) and without any network of its own besides the pages' requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** One ES module for the page from `contents` (its imports resolved from `resolveDir`), as text. */
export async function bundleForBrowser(
  contents: string,
  options: { readonly resolveDir: string; readonly loader?: 'js' | 'ts'; readonly sourcefile?: string } & Pick<
    BuildOptions,
    'alias'
  >,
): Promise<string> {
  const { resolveDir, loader = 'js', sourcefile, alias } = options;
  const result = await build({
    stdin: { contents, resolveDir, loader, ...(sourcefile === undefined ? {} : { sourcefile }) },
    ...(alias === undefined ? {} : { alias }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
