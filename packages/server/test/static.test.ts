/** `staticDir`: the playground's files at `/`, beside the API routes; a missing file is the 99404 form. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../src/index.js';

describe('static files', () => {
  let server: StartedServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ota-server-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>playground</title>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    server = await startServer({ port: 0, database: ':memory:', staticDir: dir, logger: false });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the folder at / and keeps the API and health routes', async () => {
    const index = await server.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>playground</title>');
    expect((await server.app.inject({ method: 'GET', url: '/app.js' })).headers['content-type']).toMatch(/javascript/);
    const missing = await server.app.inject({ method: 'GET', url: '/nothing.js' });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 99404, data: null });
    const escape = await server.app.inject({ method: 'GET', url: '/../../etc/passwd' });
    expect(escape.statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ok',
      store: 'sqlite',
    });
    const search = await server.app.inject({
      method: 'POST',
      url: '/connect-service/v2.1/ota-jobs?action=search',
      payload: '{}',
    });
    expect(search.statusCode).toBe(401);
  });

  it('answers dev-app.json with the development app beside the page, so the page can sign', async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/dev-app.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toEqual(server.devApp);
  });

  it('serves no dev-app.json when the apps come from a file (no development app exists)', async () => {
    const configured = await startServer({
      port: 0,
      database: ':memory:',
      staticDir: dir,
      logger: false,
      apps: [{ appKey: 'k1', appSecret: 'secret-of-k1', orgIds: ['o1'] }],
    });
    try {
      const answer = await configured.app.inject({ method: 'GET', url: '/dev-app.json' });
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain('secret-of-k1');
    } finally {
      await configured.close();
    }
  });
});
