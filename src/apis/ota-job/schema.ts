/** `Search OTA Job` v2.1: the fields, operators and known values of EnOS's API page (docs/LANGUAGE.md §4). */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis.test.ts runs them on this definition.
/** The schema of Search OTA Job v2.1: its fields, operators, known values and search rules; the default schema. */
export const otaJobSchema = trustedSchema({
  name: 'ota-job',
  fields: {
    productKey: { type: 'string', operators: ['=', 'in'] },
    firmwareId: { type: 'string', operators: ['=', 'in'] },
    firmwareVersion: { type: 'string', operators: ['=', 'in'] },
    type: { type: 'string', operators: ['='], values: ['verify', 'upgrade'] },
    status: { type: 'string', operators: ['='], values: ['started', 'stopped'] },
    name: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US'] },
    firmwareName: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US'] },
  },
  logical: ['and', 'or'],
  // Newest first, ties by jobId; createTime is the record's epoch milliseconds (not a schema field).
  search: {
    id: 'jobId',
    order: [{ field: 'createTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 200 },
  },
});

/** The type of `otaJobSchema`, with every field as a literal type (what the typed builder reads). */
export type OtaJobSchema = typeof otaJobSchema;
