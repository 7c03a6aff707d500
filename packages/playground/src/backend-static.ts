/**
 * The static mode: the bundled demo dataset searched in the page by `searchRecords`, the in-memory search every
 * target is tested to agree with. No network at all; the `curl` command shows the request a server would take.
 */
import { searchRecords } from 'ota-expr/search';
import { playgroundApi, type ApiName } from './apis.js';
import type { Backend, SearchBody, SearchExchange } from './backend.js';
import { curlCommand } from './curl.js';
import { DEMO_ORG_IDS, STATIC_DEMO_SCALE, demoRecords } from './demo-data.js';
import { routeUrl } from './routes.js';

/** Where the curl command points: the server's default address (ota-expr-server's README). */
const EXAMPLE_SERVER = 'http://127.0.0.1:8080';

export function staticBackend(): Backend {
  const records = new Map<ApiName, readonly unknown[]>();
  const recordsOf = (api: ApiName): readonly unknown[] => {
    let list = records.get(api);
    if (list === undefined) records.set(api, (list = demoRecords(api)));
    return list;
  };
  return {
    mode: 'static',
    label: `static: the demo data (scale ${STATIC_DEMO_SCALE}) searched in this page`,
    orgIds: DEMO_ORG_IDS,
    search(api: ApiName, orgId: string, body: SearchBody): Promise<SearchExchange> {
      const schema = playgroundApi(api).definition.schema;
      const response = searchRecords(recordsOf(api), { orgId, ...body }, { schema });
      const curl = curlCommand({
        url: `${EXAMPLE_SERVER}${routeUrl(api, orgId)}`,
        headers: {
          'content-type': 'application/json',
          'apim-accesstoken': '<token>',
          'apim-timestamp': '<timestamp>',
          'apim-signature': '<signature>',
        },
        body: JSON.stringify(body),
      });
      // A copy through JSON, so the page shows exactly what a server would have sent.
      return Promise.resolve({ response: JSON.parse(JSON.stringify(response)) as unknown, curl });
    },
  };
}
