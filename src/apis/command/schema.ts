/**
 * `Search Command` (`POST /connect-service/v2.1/commands?action=search`, as of EnOS 2.4.4): the commands sent to a
 * device. createTime is EnOS's local `YYYY-MM-DD HH:mm:ss`. Newest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const commandSchema = /* @__PURE__ */ trustedSchema({
  name: 'command',
  fields: {
    state: { type: 'number', operators: ['='] },
    commandName: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    createTime: { type: 'datetime', operators: ['<', '>='] },
  },
  logical: ['and', 'or'],
  // createTime is a datetime field (the Command struct's String), so the order key compares its fixed-form strings.
  search: {
    id: 'commandId',
    order: [{ field: 'createTime', direction: 'desc', type: 'datetime' }],
    pageSize: { default: 100, max: 1000 },
  },
});

export type CommandSchema = typeof commandSchema;
