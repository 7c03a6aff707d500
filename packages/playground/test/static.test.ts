/**
 * The static build opened from files (file://, no server): it searches the bundled demo data in the page, and for
 * the same demo data (the server loaded at the static build's scale) and the same requests it answers exactly what
 * the reference server answers. It makes no network request at all.
 */
import type { Browser, Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InPage } from './support/in-page.js';
import {
  OUTPUT,
  SKIP,
  STATIC_DEMO_SCALE,
  STATIC_DIST,
  launchBrowser,
  requireBuild,
  settled,
  shownResponse,
  startPlaygroundServer,
  tableRows,
  type PlaygroundServer,
} from './support/harness.js';

/** API, expression, page, page size and sorters: every kind of field, a map, a datetime, sorters, a later page. */
const CASES: readonly {
  readonly api: string;
  readonly expression: string;
  readonly pageNo?: number;
  readonly pageSize?: number;
  readonly sort?: string;
}[] = [
  { api: 'ota-job', expression: '' },
  { api: 'ota-job', expression: "status = 'started' and name like 'firmware'", pageNo: 2 },
  { api: 'device', expression: "deviceTags.Region = 'East' or status in ('online', 'offline')", pageSize: 25 },
  { api: 'device', expression: 'exists(deviceAttributes.floor)' },
  { api: 'product', expression: "productName.zh_CN like '逆变器'" },
  { api: 'command', expression: "createTime >= '2024-06-01 00:00:00'", pageNo: 3 },
  { api: 'asset-node', expression: 'createTime >= 1717200000000' },
  { api: 'alert-rule', expression: '', sort: 'modelId:DESC,deviceStatus:ASC', pageNo: 2 },
  { api: 'alert-severity', expression: '', sort: 'severityId:DESC' },
  { api: 'active-alert', expression: 'eventType in (1, 2)' },
];

describe.skipIf(SKIP)('the static build, opened from files', () => {
  let browser: Browser;
  let served: PlaygroundServer;
  const requested: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    requireBuild();
    [browser, served] = await Promise.all([launchBrowser(), startPlaygroundServer(STATIC_DEMO_SCALE)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function openStatic(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${pathToFileURL(join(STATIC_DIST, 'index.html')).href}${hash}`);
    await settled(page);
    return page;
  }

  it('says it is static, at the scale the tests load the server with', async () => {
    const page = await openStatic('');
    expect(await page.getAttribute('.mode', 'data-mode')).toBe('static');
    expect(await page.textContent('.mode')).toContain(`scale ${STATIC_DEMO_SCALE}`);
    await page.close();
  });

  it.each(CASES)('$api: "$expression" page $pageNo sorters $sort: the server’s answer', async (spec) => {
    const orgId = served.orgIds[0]!;
    const params = new URLSearchParams({ api: spec.api, q: spec.expression, org: orgId });
    if (spec.pageNo !== undefined) params.set('page', String(spec.pageNo));
    if (spec.pageSize !== undefined) params.set('size', String(spec.pageSize));
    if (spec.sort !== undefined) params.set('sort', spec.sort);
    const page = await openStatic(`#${params.toString()}`);
    const sorters = spec.sort?.split(',').map((part) => {
      const [field, order] = part.split(':');
      return { field: field!, order: order as 'ASC' | 'DESC' };
    });
    const answer = await served.client.search(spec.api as 'ota-job', {
      orgId,
      expression: spec.expression,
      pagination: {
        ...(spec.pageNo === undefined ? {} : { pageNo: spec.pageNo }),
        ...(spec.pageSize === undefined ? {} : { pageSize: spec.pageSize }),
        ...(sorters === undefined ? {} : { sorters }),
      },
    });
    const shown = await shownResponse(page);
    expect(shown['code']).toBe(0);
    expect(shown['pagination']).toEqual(answer.pagination);
    expect(shown['data']).toEqual(answer.records);
    expect(answer.pagination.totalSize, 'a case that selects something').toBeGreaterThan(0);
    expect((await tableRows(page)).length).toBe(answer.records.length);
    await page.close();
  });

  it('measures the first render from files (reported, not asserted)', async () => {
    const page = await openStatic('');
    const timing = await page.evaluate(() => {
      const { performance } = globalThis as unknown as InPage;
      return {
        rendered: performance.getEntriesByName('playground-rendered')[0]?.startTime ?? NaN,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      };
    });
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'playground-first-render-static.json'), JSON.stringify(timing, null, 2));
    console.log(`playground first render (static build, file://): ${JSON.stringify(timing)}`);
    expect(Number.isFinite(timing.rendered)).toBe(true);
    await page.close();
  });

  it('made no network request and met no error', () => {
    expect(requested.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
