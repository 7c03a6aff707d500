/**
 * `toSql` composes with a larger query: placeholders numbered from `startAt`, the neutral fragments form, and a
 * condition that is safe between the caller's own conditions (an `or` at its top keeps its parentheses). Run on the
 * real engines, against `toPredicate` on the same records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  insertRow,
  parse,
  toPredicate,
  toSql,
  toSqlFragments,
  type Expression,
  type SqlParam,
} from '../../src/index.js';
import { validExpression } from '../arbitraries/expressions.js';
import { jobInfoRecords } from '../arbitraries/records.js';
import { enginesWithTables, inTransaction } from '../support/engines.js';

const engines = enginesWithTables();

describe('composable SQL', () => {
  it('numbers PostgreSQL placeholders from startAt; fragments rebuild the same text', () => {
    const ast = parse("productKey in ('a', 'b') or status = 'started'");
    const { where, params } = toSql(ast, { dialect: 'postgres', startAt: 3 });
    const fragments = toSqlFragments(ast, { dialect: 'postgres', startAt: 3 });
    expect(where).toContain('$3');
    expect(where).not.toContain('$1');
    expect(fragments.strings).toHaveLength(params.length + 1);
    expect(fragments.strings.join('$')).toBe(where.replace(/\$[0-9]+/g, '$'));
    expect(fragments.strings.some((piece) => piece.includes("'a'"))).toBe(false);
    expect(() => toSql(ast, { dialect: 'postgres', startAt: 0 })).toThrow(
      new TypeError('toSql: startAt must be an integer of at least 1, found 0'),
    );
  });

  it("between the caller's own conditions and parameters, every engine selects what toPredicate selects", async () => {
    await fc.assert(
      fc.asyncProperty(
        jobInfoRecords({ maxRecords: 60 }),
        fc.array(validExpression({ maxDepth: 3 }), { minLength: 10, maxLength: 15 }),
        async (records, expressions: Expression[]) => {
          for (const engine of engines) {
            await engine.query('DELETE FROM ota_job', []);
            await inTransaction(
              engine,
              records.flatMap((record) => insertRow(record, { dialect: engine.dialect }).statements),
            );
          }
          for (const ast of expressions) {
            // The caller's tenant condition before the filter and another condition after it, each with its own parameter.
            const expected = records
              .filter((record) => record.orgId === 'org-a' && toPredicate(ast)(record) && record.jobId !== 'j-none')
              .map((record) => record.jobId)
              .sort();
            for (const engine of engines) {
              const pg = engine.dialect === 'postgres';
              const filter = toSql(ast, { dialect: engine.dialect, startAt: 2 });
              const placeholder = (n: number): string => (pg ? `$${n}` : '?');
              const sql = `SELECT job_id FROM ota_job WHERE org_id = ${placeholder(1)} AND ${filter.where} AND job_id <> ${placeholder(filter.params.length + 2)} ORDER BY job_id`;
              const params: SqlParam[] = ['org-a', ...filter.params, 'j-none'];
              const rows = await engine.query(sql, params);
              expect(rows.map((row) => String(row.job_id)).sort(), `${engine.dialect}: ${filter.where}`).toEqual(
                expected,
              );
              // The fragments with the engine's own placeholders give the same rows.
              const { strings, params: values } = toSqlFragments(ast, { dialect: engine.dialect });
              const rebuilt = strings.reduce(
                (text, piece, index) => (index === 0 ? piece : `${text}${placeholder(index + 1)}${piece}`),
                '',
              );
              const again = await engine.query(
                `SELECT job_id FROM ota_job WHERE org_id = ${placeholder(1)} AND ${rebuilt}`,
                ['org-a', ...values],
              );
              expect(again.length, engine.dialect).toBe(
                records.filter((record) => record.orgId === 'org-a' && toPredicate(ast)(record)).length,
              );
            }
          }
        },
      ),
      { numRuns: Number(process.env.OTA_AGREEMENT_BATCHES ?? 10), seed: 20261201 },
    );
  });
});
