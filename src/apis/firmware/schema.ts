/**
 * `Search Firmware` (`POST /connect-service/v2.1/ota-firmwares?action=search`, EnOS 2.2.0 and later): firmware
 * files, newest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const firmwareSchema = /* @__PURE__ */ trustedSchema({
  name: 'firmware',
  fields: {
    productKey: { type: 'string', operators: ['=', 'in'] },
    isVerified: { type: 'boolean', operators: ['='] },
    name: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
  },
  logical: ['and', 'or'],
  // createTime: FirmwareInfo's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'firmwareId',
    order: [{ field: 'createTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 200 },
  },
});

export type FirmwareSchema = typeof firmwareSchema;
