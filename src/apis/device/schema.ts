/**
 * `Search Device` (V2.4, `POST /connect-service/v2.4/devices?action=search`): devices with their tags (strings) and
 * attributes (strings, numbers or booleans, compared without coercion). Newest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const deviceSchema = /* @__PURE__ */ trustedSchema({
  name: 'device',
  fields: {
    modelId: { type: 'string', operators: ['=', '!=', 'in'] },
    productKey: { type: 'string', operators: ['=', 'in'] },
    deviceKey: { type: 'string', operators: ['=', 'in'] },
    assetId: { type: 'string', operators: ['=', 'in'] },
    firmwareVersion: { type: 'string', operators: ['=', 'in'] },
    productType: { type: 'string', operators: ['='], values: ['Device', 'Gateway'] },
    // The filter's `disable`, though records say `disabled`: the page's values, compared as written.
    status: { type: 'string', operators: ['=', 'in'], values: ['inactive', 'online', 'offline', 'disable', 'mirror'] },
    deviceName: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    deviceTags: { type: 'map', operators: ['=', '!=', 'in', 'exists', 'not exists'] },
    deviceAttributes: { type: 'map', values: 'scalar', operators: ['=', 'in', 'exists', 'not exists'] },
  },
  logical: ['and', 'or'],
  // createTime: the Device struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'assetId',
    order: [{ field: 'createTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
  },
});

export type DeviceSchema = typeof deviceSchema;
