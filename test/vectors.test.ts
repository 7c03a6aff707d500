/**
 * The shared example vectors (../shared/vectors/language.json). The project keeps its own copy in test/fixtures so
 * the suite stands alone; when the shared file exists it is tested too, so a newer version is noticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, ExpressionError, parse, print } from '../src/index.js';

interface Vector {
  text: string;
  ok: boolean;
  print?: string;
  errorMessage?: string;
  errorIncludes?: string[];
  errorStart?: number;
  errorCount?: number;
  parseThrows?: boolean;
  warning?: boolean;
  note?: string;
}

const ownCopy = fileURLToPath(new URL('./fixtures/language-vectors.json', import.meta.url));
const shared = fileURLToPath(new URL('../../shared/vectors/language.json', import.meta.url));
const sources = [ownCopy, ...(existsSync(shared) ? [shared] : [])];

const title = (vector: Vector): string => {
  const text = vector.text.length > 80 ? `${vector.text.slice(0, 77)}…` : vector.text;
  return JSON.stringify(text) + (vector.note ? ` (${vector.note})` : '');
};

for (const source of sources) {
  const vectors = JSON.parse(readFileSync(source, 'utf8')) as Vector[];
  describe(`vectors from ${source.includes('shared') ? 'shared/vectors' : 'test/fixtures'}`, () => {
    it.each(vectors.map((vector) => [title(vector), vector] as const))('%s', (_, vector) => {
      const result = check(vector.text);
      expect(result.ok).toBe(vector.ok);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (vector.print !== undefined) {
        expect(print(parse(vector.text))).toBe(vector.print);
        if (result.ast !== null) expect(print(result.ast)).toBe(vector.print);
      }
      if (vector.errorMessage !== undefined) expect(errors[0]?.message).toBe(vector.errorMessage);
      for (const part of vector.errorIncludes ?? []) expect(errors[0]?.message).toContain(part);
      if (vector.errorStart !== undefined) expect(errors[0]?.start).toBe(vector.errorStart);
      if (vector.errorCount !== undefined) expect(errors).toHaveLength(vector.errorCount);
      if (vector.parseThrows) {
        let thrown: unknown;
        try {
          parse(vector.text);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ExpressionError);
        expect((thrown as ExpressionError).code).toBe(99400);
      }
      if (vector.warning) expect(result.diagnostics.some((d) => d.severity === 'warning')).toBe(true);
    });
  });
}
