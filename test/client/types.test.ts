/**
 * Type-level tests of ota-expr/client, checked by `tsc --noEmit` (part of `npm test`): each `// @ts-expect-error`
 * line must be a compile error (an unused directive is itself an error), each `expectTypeOf` must hold. The calls
 * sit in functions that never run: only their types are under test.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type ApiName,
  type ClientPage,
  type EnosClient,
  type FetchLike,
  type RecordTypes,
} from '../../src/client.js';
import {
  otaJobSchema,
  parse,
  queryBuilder,
  schemas,
  type AlertRuleRecord,
  type DeviceRecord,
  type JobInfo,
} from '../../src/core.js';

declare const client: EnosClient;

describe('ota-expr/client types', () => {
  it('types each API by its schema name, with its record type', () => {
    function never(): void {
      expectTypeOf(client.search('device', { orgId: 'o1' })).resolves.toEqualTypeOf<ClientPage<DeviceRecord>>();
      expectTypeOf(client.search('ota-job', { orgId: 'o1' })).resolves.toEqualTypeOf<ClientPage<JobInfo>>();
      expectTypeOf<RecordTypes['alert-rule']>().toEqualTypeOf<AlertRuleRecord>();
      expectTypeOf<ApiName>().toEqualTypeOf<keyof typeof schemas & ApiName>();
      expectTypeOf(client.searchAll('device', { orgId: 'o1' })).toEqualTypeOf<AsyncIterableIterator<DeviceRecord>>();
      expectTypeOf(client.pages('firmware', { orgId: 'o1' })).toMatchTypeOf<
        AsyncIterable<ClientPage<RecordTypes['firmware']>>
      >();
    }
    void never;
  });

  it('records have their fields typed', async () => {
    async function never(): Promise<void> {
      const page = await client.search('device', { orgId: 'o1' });
      const device = page.records[0]!;
      const id: string = device.assetId;
      const region: string | null | undefined = device.deviceTags?.Region;
      // @ts-expect-error assetId is a string
      const wrong: number = device.assetId;
      for await (const job of client.searchAll('ota-job', { orgId: 'o1' })) {
        const status: string | null | undefined = job.status;
        // @ts-expect-error an OTA job has no deviceTags typed as a map of strings
        const tags: Record<string, string> = job.deviceTags;
        void [status, tags];
      }
      void [id, region, wrong];
    }
    void never;
  });

  it('takes builder trees of the same API only', () => {
    function never(): void {
      const devices = queryBuilder(schemas.device);
      const jobs = queryBuilder(otaJobSchema);
      void client.search('device', { orgId: 'o1', expression: devices.where('deviceTags.Region').eq('x') });
      void client.search('ota-job', { orgId: 'o1', expression: jobs.where('status').eq('started') });
      void client.search('ota-job', {
        orgId: 'o1',
        expression: queryBuilder(schemas['ota-job']).where('type').eq('verify'),
      });
      // @ts-expect-error a device filter is not an OTA job filter
      void client.search('ota-job', { orgId: 'o1', expression: devices.where('deviceKey').eq('x') });
      // @ts-expect-error an unchecked tree is not accepted (print it to send it as text)
      void client.search('ota-job', { orgId: 'o1', expression: parse("status = 'started'") });
      void client.search('ota-job', { orgId: 'o1', expression: "status = 'started'" });
      void client.search('ota-job', { orgId: 'o1', expression: null });
    }
    void never;
  });

  it('refuses unknown APIs and malformed requests', () => {
    function never(): void {
      // @ts-expect-error no such API
      void client.search('devices', { orgId: 'o1' });
      // @ts-expect-error orgId is mandatory
      void client.search('device', {});
      // @ts-expect-error pageSize is a number
      void client.search('device', { orgId: 'o1', pagination: { pageSize: '10' } });
      // @ts-expect-error order is ASC or DESC
      void client.search('alert-rule', { orgId: 'o1', pagination: { sorters: [{ field: 'ruleId', order: 'down' }] } });
    }
    void never;
  });

  it('accepts the global fetch and a test double typed with exact fields', () => {
    function never(): void {
      createClient({ baseUrl: 'http://x', appKey: 'a', appSecret: 's', fetch: globalThis.fetch });
      createClient({ baseUrl: 'http://x', appKey: 'a', appSecret: 's', fetch });
      const double = async (_url: string, init: { headers: Record<string, string>; body: string }) =>
        new Response(init.body);
      createClient({ baseUrl: 'http://x', appKey: 'a', appSecret: 's', fetch: double });
      const typed: FetchLike = double;
      // @ts-expect-error a fetch must answer with something that has text()
      createClient({ baseUrl: 'http://x', appKey: 'a', appSecret: 's', fetch: async () => 42 });
      // @ts-expect-error appSecret is mandatory
      createClient({ baseUrl: 'http://x', appKey: 'a' });
      void typed;
    }
    void never;
  });
});
