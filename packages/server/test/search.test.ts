/**
 * The server answers exactly as the library's in-memory search: for every API of the family, random requests built
 * from the demo records get the same page, total, sortedBy and errors from the server (SQLite, PostgreSQL, MariaDB)
 * as `searchRecords` over the same records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchRecords } from 'ota-expr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRecords, startServer, type StartedServer } from '../src/index.js';
import { API_ROUTES } from '../src/routes.js';
import { databases, freshMariaDbUrl, freshPostgresUrl } from './support/databases.js';
import { injectTransport, random, randomRequest, SignedClient } from './support/requests.js';

const SCALE = 0.004;
const ORGS = ['o15427722038191', 'o15427722038192', 'o16153245672503'];

interface Target {
  readonly name: string;
  readonly available: boolean;
  readonly requestsPerApi: number;
  open(): Promise<{ database: string; close(): Promise<void> }>;
}

const TARGETS: Target[] = [
  {
    name: 'sqlite',
    available: true,
    requestsPerApi: 60,
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ota-server-search-'));
      return { database: join(dir, 'db.sqlite'), close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    available: databases.postgres.available,
    requestsPerApi: 25,
    open: async () => {
      const { url, close } = await freshPostgresUrl();
      return { database: url, close };
    },
  },
  {
    name: 'mariadb',
    available: databases.mariadb.available,
    requestsPerApi: 25,
    open: async () => {
      const { url, close } = await freshMariaDbUrl();
      return { database: url, close };
    },
  },
];

for (const target of TARGETS) {
  describe.skipIf(!target.available)(`searches on ${target.name} answer as searchRecords`, () => {
    let server: StartedServer;
    let closeDatabase: () => Promise<void> = async () => {};
    let client: SignedClient;

    beforeAll(async () => {
      const { database, close } = await target.open();
      closeDatabase = close;
      server = await startServer({ port: 0, database, demo: { scale: SCALE }, logger: false });
      client = new SignedClient(injectTransport(server.app), server.devApp!);
    });
    afterAll(async () => {
      await server?.close();
      await closeDatabase();
    });

    it.each(API_ROUTES.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
      const records = demoRecords(route.name, { scale: SCALE });
      const r = random(route.name.length * 7919 + target.name.length);
      let pages = 0;
      for (let n = 0; n < target.requestsPerApi; n += 1) {
        const orgId = r.pick(ORGS);
        const request = randomRequest(r, route.schema, records, orgId);
        const expected = searchRecords(records, request, { schema: route.schema });
        const { orgId: _org, ...body } = request;
        const answer = await client.search(route.path, route.action, orgId, body);
        const { requestId, ...got } = answer.body;
        const { requestId: _expectedId, ...want } = expected;
        expect(typeof requestId, answer.text).toBe('string');
        expect({ request, got }).toEqual({ request, got: want });
        expect(answer.status).toBe(200);
        if (expected.code === 0 && expected.data.length > 0) pages += 1;
      }
      // Some random requests must find records, or the comparison proves little.
      expect(pages).toBeGreaterThan(0);
    });
  });
}
