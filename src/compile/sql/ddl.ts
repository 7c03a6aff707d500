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
    index.columns.map(({ column, descending }) => (descending ? `${q(column.name)} DESC` : q(column.name))).join(', ');

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
  return [...dialect.setup, create, ...indexes, ...dialect.extraIndexes(layout)];
}

/** `INSERT INTO table (...) VALUES (...)`, columns in layout order. */
export function insertStatement(layout: SqlLayout, dialect: SqlDialect): string {
  const columns = layout.columns.map((column) => dialect.quoteIdent(column.name));
  const placeholders = layout.columns.map((_, index) => dialect.placeholder(index + 1));
  return `INSERT INTO ${dialect.quoteIdent(layout.table)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`;
}
