import type { I18nString } from '../ota-job/job-info.js';

/**
 * A record of Search Thing Model: EnOS's `ThingModel` struct, plus the element tags at the paths the expression
 * reads them (`attribute_tags.<key>`…): the struct keeps them on each element (`attributes[id].tags`), so a store
 * gathers them into these maps. Other properties are kept as they are, never queried.
 */
export interface ThingModelRecord {
  readonly orgId: string;
  readonly modelId: string;
  readonly modelIdPath?: string | null;
  readonly name?: I18nString | null;
  readonly desc?: string | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  readonly attribute_tags?: { readonly [key: string]: string | null } | null;
  readonly measurepoint_tags?: { readonly [key: string]: string | null } | null;
  readonly service_tags?: { readonly [key: string]: string | null } | null;
  readonly event_tags?: { readonly [key: string]: string | null } | null;
  readonly attributes?: { readonly [id: string]: unknown } | null;
  readonly measurepoints?: { readonly [id: string]: unknown } | null;
  readonly services?: { readonly [id: string]: unknown } | null;
  readonly events?: { readonly [id: string]: unknown } | null;
  readonly [other: string]: unknown;
}
