export { toSql, ALWAYS_TRUE } from './compile.js';
export type { SqlWhere, ToSqlOptions } from './compile.js';
export type { SqlDialectName, SqlDialect } from './dialects.js';
export { SQL_DIALECTS } from './dialects.js';
export type { SqlParam } from './writer.js';
export { OTA_JOB_COLUMNS, OTA_JOB_COLUMN_KEYS } from './columns.js';
export type { OtaJobColumnKey, SqlMapping } from './columns.js';
export { createTableSql, otaJobTableSql, insertRowSql, insertRow, rowParams, toRow } from './table.js';
export type { OtaJobRow } from './table.js';
