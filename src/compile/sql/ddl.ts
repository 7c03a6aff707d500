/**
 * The table of a layout (layout.ts) as DDL: CREATE TABLE with the primary key, the indexes a search needs, and
 * whatever the engine adds (dialect.ts's DDL hooks). Every statement is idempotent (`IF NOT EXISTS`).
 */
import type { SqlDialect } from './dialect.js';
import type { LayoutIndex, SqlLayout } from './layout.js';

/** The statements that create the table and its indexes, to run in order. */
export function tableStatements(layout: SqlLayout, dialect: SqlDialect): string[] {
  const q = (name: string): string => dialect.quoteIdent(name);
  const indexColumns = (index: LayoutIndex): string =>
    index.columns.map(({ column, descending }) => dialect.indexColumn(q(column.name), descending)).join(', ');

  const lines = layout.columns.map((column) => `  ${q(column.name)} ${dialect.columnTypes[column.type]}`);
  lines.push(`  PRIMARY KEY (${layout.primaryKey.map((column) => q(column.name)).join(', ')})`);
  if (dialect.inlineIndexes)
    for (const index of layout.indexes) lines.push(`  KEY ${q(index.name)} (${indexColumns(index)})`);
  const create = `CREATE TABLE IF NOT EXISTS ${q(layout.table)} (\n${lines.join(',\n')}\n)${dialect.tableOptions}`;
  const indexes = dialect.inlineIndexes
    ? []
    : layout.indexes.map(
        (index) => `CREATE INDEX IF NOT EXISTS ${q(index.name)} ON ${q(layout.table)} (${indexColumns(index)})`,
      );
  return [...dialect.setup, create, ...indexes, ...dialect.extraIndexes(layout), ...entryStatements(layout, dialect)];
}

/** The entries table of the map fields: keyed by record and key, indexed for lookups by field, key and value. */
function entryStatements(layout: SqlLayout, dialect: SqlDialect): string[] {
  const entries = layout.entries;
  if (entries === undefined) return [];
  const q = (name: string): string => dialect.quoteIdent(name);
  const types = dialect.columnTypes;
  const lookup = `${q(`${entries.table}_lookup_idx`)}`;
  const lookupColumns = [entries.field, entries.key, entries.text].map(q).join(', ');
  const lines = [
    `  ${q(entries.scope)} ${types.key}`,
    `  ${q(entries.id)} ${types.key}`,
    `  ${q(entries.field)} ${types.entryField}`,
    `  ${q(entries.key)} ${types.entryKey}`,
    `  ${q(entries.text)} ${types.string}`,
    `  ${q(entries.number)} ${types.number}`,
    `  ${q(entries.boolean)} ${types.boolean}`,
    `  PRIMARY KEY (${[entries.scope, entries.id, entries.field, entries.key].map(q).join(', ')})`,
  ];
  if (dialect.inlineIndexes) lines.push(`  KEY ${lookup} (${lookupColumns})`);
  const create = `CREATE TABLE IF NOT EXISTS ${q(entries.table)} (\n${lines.join(',\n')}\n)${dialect.tableOptions}`;
  return dialect.inlineIndexes
    ? [create]
    : [create, `CREATE INDEX IF NOT EXISTS ${lookup} ON ${q(entries.table)} (${lookupColumns})`];
}

/** `INSERT INTO <table>_entries (...) VALUES (...), (...)` for `count` entries. */
export function insertEntriesStatement(layout: SqlLayout, dialect: SqlDialect, count: number): string {
  const entries = layout.entries!;
  const columns = [
    entries.scope,
    entries.id,
    entries.field,
    entries.key,
    entries.text,
    entries.number,
    entries.boolean,
  ];
  let n = 0;
  const rows = Array.from({ length: count }, () => `(${columns.map(() => dialect.placeholder((n += 1))).join(', ')})`);
  return `INSERT INTO ${dialect.quoteIdent(entries.table)} (${columns.map((column) => dialect.quoteIdent(column)).join(', ')}) VALUES ${rows.join(', ')}`;
}

/** `INSERT INTO table (...) VALUES (...)`, columns in layout order. */
export function insertStatement(layout: SqlLayout, dialect: SqlDialect): string {
  const columns = layout.columns.map((column) => dialect.quoteIdent(column.name));
  const placeholders = layout.columns.map((_, index) => dialect.placeholder(index + 1));
  return `INSERT INTO ${dialect.quoteIdent(layout.table)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`;
}
