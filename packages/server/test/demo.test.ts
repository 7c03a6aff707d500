/** The demo dataset: deterministic, every API, storable records with unique keys, browser-safe modules. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_APIS, DEMO_ORG_IDS, demoCount, demoRecords } from '../src/demo/index.js';
import { recordProblem } from '../src/load.js';
import { API_ROUTES } from '../src/routes.js';

describe('demo records', () => {
  it('cover every API of the family', () => {
    expect([...DEMO_APIS].sort()).toEqual(API_ROUTES.map((route) => route.name).sort());
    expect(demoCount('ota-job')).toBe(100_000);
    expect(demoCount('device')).toBe(50_000);
    expect(demoCount('ota-job', { scale: 0.01 })).toBe(1000);
    expect(() => demoCount('widgets')).toThrow(TypeError);
    expect(() => demoCount('device', { scale: 0 })).toThrow(TypeError);
  });

  it.each(API_ROUTES.map((route) => [route.name, route] as const))(
    '%s: deterministic, storable, unique keys',
    (name, route) => {
      const records = demoRecords(name, { scale: 0.02 });
      expect(JSON.stringify(demoRecords(name, { scale: 0.02 }))).toBe(JSON.stringify(records));
      expect(JSON.stringify(demoRecords(name, { scale: 0.02, seed: 2 }))).not.toBe(JSON.stringify(records));
      const id = route.schema.search!.id;
      const keys = new Set<string>();
      for (const record of records) {
        expect(recordProblem(record, route.schema)).toBeUndefined();
        expect(DEMO_ORG_IDS).toContain(record.orgId);
        keys.add(`${record.orgId}/${String(record[id])}`);
        expect(JSON.stringify(record)).not.toMatch(/-0\b/);
      }
      expect(keys.size).toBe(records.length);
      // A smaller scale is a prefix of a larger one: tests and the playground see the server's first records.
      expect(JSON.stringify(demoRecords(name, { scale: 0.01 }))).toBe(
        JSON.stringify(records.slice(0, demoCount(name, { scale: 0.01 }))),
      );
    },
  );

  it('has names in Chinese and English', () => {
    const jobs = demoRecords('ota-job', { scale: 0.01 });
    expect(jobs.some((job) => /[\u4e00-\u9fff]/.test(JSON.stringify(job['name'])))).toBe(true);
    expect(jobs.some((job) => /[A-Za-z]/.test((job['name'] as { defaultValue: string }).defaultValue))).toBe(true);
    const devices = demoRecords('device', { scale: 0.01 });
    expect(devices.every((device) => typeof device['deviceTags'] === 'object')).toBe(true);
    expect(
      devices.some((device) => typeof (device['deviceAttributes'] as Record<string, unknown>)['floor'] === 'number'),
    ).toBe(true);
  });

  it('imports nothing but its own modules (it runs in browsers)', () => {
    const dir = fileURLToPath(new URL('../src/demo/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const imports = [
        ...readFileSync(`${dir}${file}`, 'utf8').matchAll(/^(?:import|export)[^;]*? from '([^']+)'/gm),
      ].map((m) => m[1]);
      expect(
        imports.filter((path) => !path!.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });
});
