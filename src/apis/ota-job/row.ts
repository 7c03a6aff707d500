/**
 * The `ota_job` table's columns and row type, written out for typed callers (`row.product_key`). They are the
 * default layout of Search OTA Job (src/compile/sql/layout.ts), which test/apis.test.ts checks column for column.
 */

/** The columns of the `ota_job` table, by column key, in table order. */
export const OTA_JOB_COLUMNS = Object.freeze({
  orgId: 'org_id',
  jobId: 'job_id',
  productKey: 'product_key',
  firmwareId: 'firmware_id',
  firmwareVersion: 'firmware_version',
  type: 'type',
  status: 'status',
  createTime: 'create_time',
  nameDefault: 'name_default',
  nameZhCn: 'name_zh_cn',
  nameEnUs: 'name_en_us',
  firmwareNameDefault: 'firmware_name_default',
  firmwareNameZhCn: 'firmware_name_zh_cn',
  firmwareNameEnUs: 'firmware_name_en_us',
  doc: 'doc',
} as const);

/** A column key of the `ota_job` table (`productKey`, `nameZhCn`, `doc`…), as `OTA_JOB_COLUMNS` lists them. */
export type OtaJobColumnKey = keyof typeof OTA_JOB_COLUMNS;

/** Every column key in table order. */
export const OTA_JOB_COLUMN_KEYS = Object.freeze(Object.keys(OTA_JOB_COLUMNS) as OtaJobColumnKey[]);

/** A row of `ota_job`, keyed by the default column names; NULL stands for an absent (or wrong-typed) value. */
export type OtaJobRow = {
  readonly org_id: string;
  readonly job_id: string;
  /** Epoch milliseconds; NULL when the record has no integer createTime (it then sorts as the oldest). */
  readonly create_time: number | null;
  /** The whole JobInfo as JSON text; searches return it. */
  readonly doc: string;
} & {
  readonly [C in Exclude<(typeof OTA_JOB_COLUMNS)[OtaJobColumnKey], 'org_id' | 'job_id' | 'create_time' | 'doc'>]:
    string | null;
};
