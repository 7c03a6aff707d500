/**
 * The shipped `ota_job` table (SPEC §6): DDL per dialect with the indexes a search needs, `toRow` (JobInfo → row)
 * and the INSERT statement. The mapping option renames the table and columns here exactly as in `toSql`.
 */
import type { JobInfo } from '../../apis/ota-job/job-info.js';
import {
  OTA_JOB_COLUMN_KEYS,
  OTA_JOB_COLUMNS,
  columnName,
  tableName,
  type OtaJobColumnKey,
  type SqlMapping,
} from './columns.js';
import { SQL_DIALECTS, postgresFold, type SqlDialect, type SqlDialectName } from './dialects.js';
import { unstorableReason } from './storable.js';

/** A row of `ota_job`, keyed by the default column names; NULL stands for an absent (or wrong-typed) value. */
export type OtaJobRow = {
  readonly org_id: string;
  readonly job_id: string;
  readonly create_time: number;
  /** The whole JobInfo as JSON text; searches return it. */
  readonly doc: string;
} & { readonly [C in Exclude<(typeof OTA_JOB_COLUMNS)[OtaJobColumnKey], 'org_id' | 'job_id' | 'create_time' | 'doc'>]: string | null };

type ColumnType = 'key' | 'string' | 'text' | 'time' | 'json';

const COLUMN_TYPES = {
  orgId: 'key',
  jobId: 'key',
  productKey: 'string',
  firmwareId: 'string',
  firmwareVersion: 'string',
  type: 'string',
  status: 'string',
  createTime: 'time',
  nameDefault: 'text',
  nameZhCn: 'text',
  nameEnUs: 'text',
  firmwareNameDefault: 'text',
  firmwareNameZhCn: 'text',
  firmwareNameEnUs: 'text',
  doc: 'json',
} as const satisfies Record<OtaJobColumnKey, ColumnType>;

/** The columns `like` searches: PostgreSQL gets a trigram index on each. */
const LIKE_COLUMNS: readonly OtaJobColumnKey[] = [
  'nameDefault',
  'nameZhCn',
  'nameEnUs',
  'firmwareNameDefault',
  'firmwareNameZhCn',
  'firmwareNameEnUs',
];

interface IndexSpec {
  readonly suffix: string;
  readonly columns: readonly (OtaJobColumnKey | `${OtaJobColumnKey} DESC`)[];
}

/**
 * B-tree indexes. Every search is scoped by org_id and ordered by createTime DESC, jobId ASC (SPEC §5), so the
 * first index serves scope, order and pagination; the others serve `=`/`in` on the exact-match fields within an
 * organisation. type and status have two known values each: an index would rarely beat the first one.
 */
const INDEXES: readonly IndexSpec[] = [
  { suffix: 'org_time', columns: ['orgId', 'createTime DESC', 'jobId'] },
  { suffix: 'org_product', columns: ['orgId', 'productKey'] },
  { suffix: 'org_firmware', columns: ['orgId', 'firmwareId'] },
  { suffix: 'org_firmware_version', columns: ['orgId', 'firmwareVersion'] },
];

interface DdlDialect {
  readonly types: Readonly<Record<ColumnType, string>>;
  /** Statements after CREATE TABLE (or inline index clauses for MySQL). */
  readonly inlineIndexes: boolean;
  readonly tableSuffix: string;
  readonly before: readonly string[];
  readonly extraIndexes: (table: string, mapping: SqlMapping | undefined, dialect: SqlDialect) => string[];
}

const DDL: Readonly<Record<SqlDialectName, DdlDialect>> = {
  postgres: {
    types: { key: 'text COLLATE "C" NOT NULL', string: 'text', text: 'text', time: 'bigint NOT NULL', json: 'jsonb NOT NULL' },
    inlineIndexes: false,
    tableSuffix: '',
    // pg_trgm ships with the server (contrib) and is a trusted extension since PostgreSQL 13.
    before: ['CREATE EXTENSION IF NOT EXISTS pg_trgm'],
    // `like` compiles to translate(column, 'A…Z', 'a…z') LIKE '%…%' (dialects.ts); an expression index is used
    // only for the very same expression, so these index postgresFold(column):
    // https://www.postgresql.org/docs/15/indexes-expressional.html.
    extraIndexes: (table, mapping, dialect) =>
      LIKE_COLUMNS.map(
        (key) =>
          `CREATE INDEX IF NOT EXISTS ${dialect.quoteIdent(`${table}_${columnName(key, mapping)}_trgm`)} ON ${dialect.quoteIdent(table)} ` +
          `USING gin (${postgresFold(dialect.quoteIdent(columnName(key, mapping)))} gin_trgm_ops)`,
      ),
  },
  mysql: {
    // utf8mb4_bin: byte order, no case or accent folding. It is still PAD SPACE on MariaDB, which the compiler
    // handles (dialects.ts); `_nopad_bin` (MariaDB) and `_0900_bin` (MySQL) exist on one engine only.
    // VARCHAR(255) keeps the composite keys under InnoDB's 3072-byte limit; names are TEXT (not indexed: no
    // B-tree serves an infix search).
    types: {
      key: 'VARCHAR(255) NOT NULL',
      string: 'VARCHAR(255) NULL',
      text: 'TEXT NULL',
      time: 'BIGINT NOT NULL',
      json: 'JSON NOT NULL',
    },
    inlineIndexes: true,
    tableSuffix: ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
    before: [],
    extraIndexes: () => [],
  },
  sqlite: {
    types: { key: 'TEXT NOT NULL', string: 'TEXT', text: 'TEXT', time: 'INTEGER NOT NULL', json: 'TEXT NOT NULL' },
    inlineIndexes: false,
    tableSuffix: '',
    before: [],
    extraIndexes: () => [],
  },
};

/** The statements that create the table and its indexes, each idempotent, to run in order. */
export function createTableSql(dialectName: SqlDialectName, mapping?: SqlMapping): string[] {
  const dialect = SQL_DIALECTS[dialectName];
  const ddl = DDL[dialectName];
  const table = tableName(mapping);
  const q = (key: OtaJobColumnKey): string => dialect.quoteIdent(columnName(key, mapping));
  const indexColumns = (spec: IndexSpec): string =>
    spec.columns
      .map((column) => (column.endsWith(' DESC') ? `${q(column.slice(0, -5) as OtaJobColumnKey)} DESC` : q(column as OtaJobColumnKey)))
      .join(', ');
  const indexName = (spec: IndexSpec): string => dialect.quoteIdent(`${table}_${spec.suffix}_idx`);

  const lines = OTA_JOB_COLUMN_KEYS.map((key) => `  ${q(key)} ${ddl.types[COLUMN_TYPES[key]]}`);
  lines.push(`  PRIMARY KEY (${q('orgId')}, ${q('jobId')})`);
  if (ddl.inlineIndexes) for (const spec of INDEXES) lines.push(`  KEY ${indexName(spec)} (${indexColumns(spec)})`);
  const create = `CREATE TABLE IF NOT EXISTS ${dialect.quoteIdent(table)} (\n${lines.join(',\n')}\n)${ddl.tableSuffix}`;
  const indexes = ddl.inlineIndexes
    ? []
    : INDEXES.map((spec) => `CREATE INDEX IF NOT EXISTS ${indexName(spec)} ON ${dialect.quoteIdent(table)} (${indexColumns(spec)})`);
  return [...ddl.before, create, ...indexes, ...ddl.extraIndexes(table, mapping, dialect)];
}

/** The DDL as one script (statements separated by `;`), e.g. for migrations or `psql -f`. */
export function otaJobTableSql(dialectName: SqlDialectName, mapping?: SqlMapping): string {
  return `${createTableSql(dialectName, mapping).join(';\n\n')};\n`;
}

/** `INSERT INTO ota_job (...) VALUES (...)`; bind `rowParams(toRow(job))`. */
export function insertRowSql(dialectName: SqlDialectName, mapping?: SqlMapping): string {
  const dialect = SQL_DIALECTS[dialectName];
  const columns = OTA_JOB_COLUMN_KEYS.map((key) => dialect.quoteIdent(columnName(key, mapping)));
  const placeholders = OTA_JOB_COLUMN_KEYS.map((_, index) => dialect.placeholder(index + 1));
  return `INSERT INTO ${dialect.quoteIdent(tableName(mapping))} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`;
}

/** The row's values in column order, for `insertRowSql`. */
export function rowParams(row: OtaJobRow): (string | number | null)[] {
  return OTA_JOB_COLUMN_KEYS.map((key) => row[OTA_JOB_COLUMNS[key]]);
}

/** Statement and parameters that insert one job. */
export function insertRow(
  job: JobInfo,
  options: { readonly dialect: SqlDialectName; readonly mapping?: SqlMapping },
): { sql: string; params: (string | number | null)[] } {
  return { sql: insertRowSql(options.dialect, options.mapping), params: rowParams(toRow(job)) };
}

/**
 * A JobInfo as a row. Queryable values of the wrong type are stored as NULL, i.e. absent (docs/SEMANTICS.md
 * "Presence"). Throws a TypeError naming the property when orgId/jobId are not strings, createTime is not a safe
 * integer, or any string in the record (keys included) cannot be stored (NUL, lone surrogate: see storable.ts).
 */
export function toRow(job: JobInfo): OtaJobRow {
  if (typeof job !== 'object' || job === null || Array.isArray(job)) throw new TypeError('toRow: a JobInfo object is required');
  const record = job as unknown as Record<string, unknown>;
  const orgId = own(record, 'orgId');
  const jobId = own(record, 'jobId');
  const createTime = own(record, 'createTime');
  if (typeof orgId !== 'string') throw new TypeError('toRow: orgId must be a string');
  if (typeof jobId !== 'string') throw new TypeError(`toRow: jobId must be a string (orgId ${JSON.stringify(orgId)})`);
  if (typeof createTime !== 'number' || !Number.isSafeInteger(createTime)) {
    throw new TypeError(`toRow: createTime of job ${JSON.stringify(jobId)} must be an integer number of milliseconds`);
  }
  assertStorable(record, `job ${JSON.stringify(jobId)}`);
  const name = i18n(own(record, 'name'));
  const firmwareName = i18n(own(record, 'firmwareName'));
  return {
    org_id: orgId,
    job_id: jobId,
    product_key: str(own(record, 'productKey')),
    firmware_id: str(own(record, 'firmwareId')),
    firmware_version: str(own(record, 'firmwareVersion')),
    type: str(own(record, 'type')),
    status: str(own(record, 'status')),
    create_time: createTime,
    name_default: name.defaultValue,
    name_zh_cn: name.zh_CN,
    name_en_us: name.en_US,
    firmware_name_default: firmwareName.defaultValue,
    firmware_name_zh_cn: firmwareName.zh_CN,
    firmware_name_en_us: firmwareName.en_US,
    doc: JSON.stringify(job),
  };
}

/** Own properties only: `__proto__` and friends are plain data (docs/SEMANTICS.md). */
function own(record: Record<string, unknown>, key: string): unknown {
  return isPlainObject(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function i18n(value: unknown): { defaultValue: string | null; zh_CN: string | null; en_US: string | null } {
  if (!isPlainObject(value)) return { defaultValue: null, zh_CN: null, en_US: null };
  const locales = own(value, 'i18nValue');
  return {
    defaultValue: str(own(value, 'defaultValue')),
    zh_CN: isPlainObject(locales) ? str(own(locales, 'zh_CN')) : null,
    en_US: isPlainObject(locales) ? str(own(locales, 'en_US')) : null,
  };
}

/** Walks the whole record: `doc` holds it all, and PostgreSQL's jsonb refuses `\u0000` and lone surrogates too. */
function assertStorable(value: unknown, where: string, path = ''): void {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    if (reason !== undefined) throw new TypeError(`toRow: ${where}: the value at ${path || '(root)'} ${reason}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, where, `${path}[${index}]`));
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const reason = unstorableReason(key);
      if (reason !== undefined) throw new TypeError(`toRow: ${where}: the property name at ${path || '(root)'} ${reason}`);
      assertStorable(value[key], where, path === '' ? key : `${path}.${key}`);
    }
  }
}
