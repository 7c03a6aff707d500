/**
 * Which column holds which queryable path (SPEC §6), and the mapping option that points the compiler at other
 * table and column names. A column key is camelCase, its default column name the snake_case of the key:
 * a scalar field `productKey` is `product_key`; an i18n field `name` has `nameDefault` (`name_default`) and one
 * key per locale, `nameZhCn` (`name_zh_cn`). Schemas other than the OTA job's follow the same rule.
 */

/** The columns of the shipped `ota_job` table, by key. */
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

export type OtaJobColumnKey = keyof typeof OTA_JOB_COLUMNS;
export type OtaJobColumnName = (typeof OTA_JOB_COLUMNS)[OtaJobColumnKey];
/** Every column key in table order. */
export const OTA_JOB_COLUMN_KEYS = Object.freeze(Object.keys(OTA_JOB_COLUMNS) as OtaJobColumnKey[]);

export const DEFAULT_TABLE = 'ota_job';

/**
 * Points the compiler (and the shipped DDL) at other names. Keys are column keys: the OTA job's (`productKey`,
 * `nameZhCn`, …) or, for another schema, the same camelCase rule. Names are always quoted by the dialect, so any
 * name is safe.
 */
export interface SqlMapping {
  readonly table?: string;
  readonly columns?: Partial<Record<OtaJobColumnKey, string>> & { readonly [key: string]: string | undefined };
}

/** The column key of a scalar field, the default of an i18n field, or one of its locales. */
export function scalarColumnKey(field: string): string {
  return field;
}

export function i18nDefaultColumnKey(field: string): string {
  return `${field}Default`;
}

export function i18nLocaleColumnKey(field: string, locale: string): string {
  const words = locale.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return field + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
}

/** `nameZhCn` → `name_zh_cn`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function columnName(key: string, mapping: SqlMapping | undefined): string {
  const mapped = mapping?.columns === undefined ? undefined : Object.hasOwn(mapping.columns, key) ? mapping.columns[key] : undefined;
  return mapped ?? snakeCase(key);
}

export function tableName(mapping: SqlMapping | undefined): string {
  return mapping?.table ?? DEFAULT_TABLE;
}
