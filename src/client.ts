/**
 * ota-expr/client: search EnOS APIs from a browser or Node 20, through the EnOS gateway's own protocol (SPEC §10):
 * the access token of the token service, renewed on expiry, and every request signed with SHA-256 (WebCrypto). Each
 * API is named by its schema name and answers with its typed records; a filter is text or a tree of the typed
 * builder, checked locally with the API's schema before it is sent. No dependency, no Node built-in.
 *
 * This entry binds the built-in APIs (their schemas, routes and record types); src/client/ is generic over them.
 */
import { APIS } from './apis/index.js';
import { API_ROUTES } from './apis/routes.js';
import type { JobInfo } from './apis/ota-job/job-info.js';
import type { OtaTaskRecord } from './apis/ota-task/record.js';
import type { FirmwareRecord } from './apis/firmware/record.js';
import type { DeviceUpgradeRecord } from './apis/device-upgrade/record.js';
import type { DeviceRecord } from './apis/device/record.js';
import type { ProductRecord } from './apis/product/record.js';
import type { ThingModelRecord } from './apis/thing-model/record.js';
import type { AssetNodeRecord } from './apis/asset-node/record.js';
import type { AssetTreeRecord } from './apis/asset-tree/record.js';
import type { CommandRecord } from './apis/command/record.js';
import type { EventRecord } from './apis/event/record.js';
import type { ActiveAlertRecord } from './apis/active-alert/record.js';
import type { HistoryAlertRecord } from './apis/history-alert/record.js';
import type { AlertRuleRecord } from './apis/alert-rule/record.js';
import type { AlertContentRecord } from './apis/alert-content/record.js';
import type { AlertSeverityRecord } from './apis/alert-severity/record.js';
import type { AlertTypeRecord } from './apis/alert-type/record.js';
import type { AlertRecord } from './apis/alert/record.js';
import type { schemas } from './apis/schemas.js';
import { makeClient } from './client/create.js';
import type { Client, ClientApi, ClientOptions } from './client/types.js';

export type { ApiRoute } from './apis/routes.js';
export { API_ROUTES } from './apis/routes.js';
export type {
  Catalogue,
  Client,
  ClientOptions,
  ClientPage,
  ClientSearchRequest,
  ClientSorter,
  SignedCall,
} from './client/types.js';
export type { AbortSignalLike, FetchInit, FetchLike, ResponseLike } from './client/globals.js';
export type { EnosAnswer, KnownEnosErrorCode } from './client/errors.js';
export { ENOS_ERROR_CODES, EnosError, RemoteExpressionError, TokenError } from './client/errors.js';
export { ExpressionError } from './diagnostics/expression-error.js';
export { TOKEN_PATH } from './client/token.js';
export { paramsData, requestSignature, sha256Hex, tokenEncryption } from './client/signature.js';

/** The record type each built-in API answers with, by schema name. */
export interface RecordTypes {
  'ota-job': JobInfo;
  'ota-task': OtaTaskRecord;
  firmware: FirmwareRecord;
  'device-upgrade': DeviceUpgradeRecord;
  device: DeviceRecord;
  product: ProductRecord;
  'thing-model': ThingModelRecord;
  'asset-node': AssetNodeRecord;
  'asset-tree': AssetTreeRecord;
  command: CommandRecord;
  event: EventRecord;
  'active-alert': ActiveAlertRecord;
  'history-alert': HistoryAlertRecord;
  'alert-rule': AlertRuleRecord;
  'alert-content': AlertContentRecord;
  'alert-severity': AlertSeverityRecord;
  'alert-type': AlertTypeRecord;
  alert: AlertRecord;
}

/** The name of a built-in API: a key of `schemas` and of `API_ROUTES`. */
export type ApiName = keyof RecordTypes;

/** The built-in APIs as the client types them: each name's schema (for builder trees) and record type. */
export type BuiltInApis = {
  readonly [N in ApiName]: { readonly schema: (typeof schemas)[N]; readonly record: RecordTypes[N] };
};

/** A client of the 18 built-in APIs. */
export type EnosClient = Client<BuiltInApis>;

// Built on first use: a bundle that imports only the signing helpers leaves the schemas out.
let builtIn: ReadonlyMap<string, ClientApi> | undefined;

function builtInApis(): ReadonlyMap<string, ClientApi> {
  builtIn ??= new Map(
    Object.entries(API_ROUTES).map(([name, route]) => [name, { api: APIS.get(name)!, ...route }] as const),
  );
  return builtIn;
}

/**
 * A client of the built-in APIs through the gateway at `options.baseUrl`, signing as the app `options.appKey`. It
 * gets the access token on first use, caches it, renews it before it expires and when the gateway says it expired
 * (1203); searches are checked locally with the API's schema first (`validate: false` sends them as they are).
 * @throws TypeError for bad options.
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8080', appKey, appSecret });
 * const page = await client.search('device', { orgId: 'o1', expression: "deviceTags.Region = 'Shanghai'" });
 * for (const device of page.records) console.log(device.assetId, device.deviceName?.defaultValue);
 * for await (const job of client.searchAll('ota-job', { orgId: 'o1', expression: "status = 'started'" })) {
 *   console.log(job.jobId);
 * }
 * ```
 */
export function createClient(options: ClientOptions): EnosClient {
  return makeClient<BuiltInApis>(options, builtInApis());
}
