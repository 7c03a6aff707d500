/**
 * The example vectors of the EnOS family (../shared/vectors/family.json): each text checked against its API's schema,
 * with the records it must and must not match; and searches with their page ids, sortedBy, totalSize or error. The
 * project keeps its own copy in test/fixtures so the suite stands alone; when the shared file exists it is tested
 * too, so a newer version is noticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, schemas } from '../../src/core.js';
import { toPredicate } from '../../src/predicate.js';
import { searchRecords } from '../../src/search.js';

interface TextVector {
  readonly schema: string;
  readonly text: string;
  readonly ok: boolean;
  readonly warning?: boolean;
  readonly note?: string;
  readonly match?: readonly (readonly [unknown, boolean])[];
}

interface SearchVector {
  readonly schema: string;
  readonly note?: string;
  readonly search: {
    readonly records: readonly unknown[];
    readonly request: unknown;
    readonly ids?: readonly string[];
    readonly sortedBy?: unknown;
    readonly totalSize?: number;
    readonly error?: string;
  };
}

type Vector = TextVector | SearchVector;

const ownCopy = fileURLToPath(new URL('../fixtures/family-vectors.json', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/vectors/family.json', import.meta.url));
const sources = [ownCopy, ...(existsSync(shared) ? [shared] : [])];

const schemaOf = (name: string) => {
  const schema = schemas[name];
  if (schema === undefined) throw new Error(`no schema ${name}`);
  return schema;
};

const titleOf = (vector: TextVector): string =>
  `${vector.schema}: ${JSON.stringify(vector.text)}${vector.note ? ` (${vector.note})` : ''}`;

for (const source of sources) {
  const vectors = JSON.parse(readFileSync(source, 'utf8')) as Vector[];
  const texts = vectors.filter((vector): vector is TextVector => 'text' in vector);
  const searches = vectors.filter((vector): vector is SearchVector => 'search' in vector);
  const from = source.includes('shared') ? 'shared/vectors' : 'test/fixtures';

  describe(`family vectors from ${from}`, () => {
    it('name a schema of the family', () => {
      for (const vector of vectors) expect(Object.keys(schemas)).toContain(vector.schema);
    });

    describe.each(texts.map((vector) => [titleOf(vector), vector] as const))('%s', (_, vector) => {
      const schema = schemaOf(vector.schema);

      it(vector.ok ? 'is valid' : 'is not valid', () => {
        const result = check(vector.text, { schema });
        expect(result.ok, JSON.stringify(result.diagnostics)).toBe(vector.ok);
        if (vector.warning) expect(result.diagnostics.some((d) => d.severity === 'warning')).toBe(true);
      });

      (vector.match ?? []).forEach(([record, expected], index) => {
        it(`record #${index} ${JSON.stringify(record)}: ${expected}`, () => {
          const { ast } = check(vector.text, { schema });
          expect(toPredicate(ast, { schema })(record)).toBe(expected);
        });
      });
    });
  });

  describe(`family search vectors from ${from}`, () => {
    it.each(searches.map((vector) => [`${vector.schema}: ${vector.note ?? ''}`, vector] as const))(
      '%s',
      (_, vector) => {
        const schema = schemaOf(vector.schema);
        const { records, request, ids, sortedBy, totalSize, error } = vector.search;
        const response = searchRecords(records, request, { schema });
        if (error !== undefined) {
          expect(response.code).toBe(99400);
          expect(response.data).toBeNull();
          expect(response.code === 99400 ? response.msg : '').toContain(error);
          return;
        }
        expect(response.code, JSON.stringify(response)).toBe(0);
        if (response.code !== 0) return;
        const id = schema.search!.id;
        if (ids !== undefined)
          expect(response.data.map((record) => (record as Record<string, unknown>)[id])).toEqual(ids);
        if (sortedBy !== undefined) expect(response.pagination.sortedBy).toEqual(sortedBy);
        if (totalSize !== undefined) expect(response.pagination.totalSize).toBe(totalSize);
      },
    );
  });
}
