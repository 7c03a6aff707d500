/**
 * A record of Search Device Upgrade: EnOS's `DeviceFirmware` struct. Other properties are kept as they are, never
 * queried.
 */
export interface DeviceUpgradeRecord {
  readonly orgId: string;
  readonly assetId: string;
  readonly productKey?: string | null;
  readonly deviceKey?: string | null;
  readonly firmwareVersion?: string | null;
  /** true while the device is being upgraded. */
  readonly isUpgrading?: boolean | null;
  readonly [other: string]: unknown;
}
