/**
 * `Search Device Upgrade` (`POST /connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade`): the firmware of
 * each device and whether it is being upgraded. Ordered by the id (assetId) alone, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const deviceUpgradeSchema = /* @__PURE__ */ trustedSchema({
  name: 'device-upgrade',
  fields: {
    productKey: { type: 'string', operators: ['=', 'in'] },
    firmwareVersion: { type: 'string', operators: ['=', 'in'] },
    isUpgrading: { type: 'boolean', operators: ['='] },
  },
  logical: ['and', 'or'],
  // The DeviceFirmware struct has no time to order by.
  search: { id: 'assetId', order: [], pageSize: { default: 10, max: 200 } },
});

export type DeviceUpgradeSchema = typeof deviceUpgradeSchema;
