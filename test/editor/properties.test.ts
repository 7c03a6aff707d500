/**
 * Properties of completion and fixes (the list): `complete` and `hover` never throw; every item inserted at
 * `from..to` keeps the text a prefix of some valid expression; at the end of any valid expression's prefix, its
 * next token is among the items; the operators offered after a path are exactly the schema's; applying every fix
 * of a valid text's diagnostics keeps it valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, print, schemas, type Schema } from '../../src/core.js';
import { applyFix, complete, hover } from '../../src/editor.js';
import { contextAt } from '../../src/editor/context.js';
import { tokens } from '../../src/editor/tokens.js';
import { OPERATOR_TABLE } from '../../src/language/operators.js';
import { i18nPaths, resolvePath } from '../../src/schema/resolve.js';
import { validExpression } from '../arbitraries/expressions.js';
import { richTestSchema } from '../arbitraries/rich-schema.js';
import { isViablePrefix } from './viable.js';

const RUNS = Number(process.env.OTA_FUZZ_RUNS ?? 150);
const SCHEMAS: readonly Schema[] = [schemas['ota-job']!, schemas.device!, schemas['alert-rule']!, richTestSchema];
const schemaArbitrary = fc.constantFrom(...SCHEMAS);
/** A valid expression's canonical text with its schema. */
const validText = schemaArbitrary.chain((schema) =>
  validExpression({ schema, maxDepth: 2 }).map((tree) => ({ schema, text: print(tree) })),
);
const LANGUAGE_BITS = [
  ' ',
  '(',
  ')',
  ',',
  "'",
  '"',
  '=',
  '!=',
  'and',
  'or',
  'not',
  'in',
  'like',
  'is',
  'null',
  'exists',
  '.',
  'name',
  'status',
  'tags',
  '\u2018',
  '\u3000',
  '1',
  'true',
];

describe('complete and hover never throw', () => {
  it('on arbitrary text at arbitrary offsets', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom(...LANGUAGE_BITS), { maxLength: 20 }).map((bits) => bits.join('')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 45 }), schemaArbitrary, (input, offset, schema) => {
        const result = complete(input, offset, { schema, values: () => ['v', "it's"] });
        expect(result.from).toBeLessThanOrEqual(result.to);
        expect(result.from).toBeGreaterThanOrEqual(0);
        expect(result.to).toBeLessThanOrEqual(input.length);
        const about = hover(input, offset, { schema });
        if (about !== null) expect(about.start).toBeLessThan(about.end);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('what complete offers', () => {
  it('every item, inserted at from..to, keeps the text a prefix of some valid expression', () => {
    fc.assert(
      fc.property(validText, fc.nat(), fc.nat(), ({ schema, text }, cut, pick) => {
        const prefix = text.slice(0, cut % (text.length + 1));
        const { from, items } = complete(prefix, prefix.length, { schema });
        // Every item would be slow (the oracle tries many endings): a few per prefix, different ones each run.
        for (let index = 0; index < Math.min(items.length, 3); index += 1) {
          const item = items[(pick + index) % items.length]!;
          const inserted = prefix.slice(0, from) + item.insert;
          expect(isViablePrefix(inserted, schema), `${JSON.stringify(prefix)} + ${item.insert}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("at the end of a valid expression's prefix, its next token is among the items", () => {
    fc.assert(
      fc.property(validText, fc.nat(), fc.nat(), ({ schema, text }, which, inside) => {
        const candidates = tokens(text).filter((token) => token.kind !== 'space' && token.kind !== 'punctuation');
        const token = candidates[which % candidates.length]!;
        const word = text.slice(token.start, token.end);
        // A word may be cut inside too (`prod|uctKey`), up to a map's dot (its keys come from the application).
        const dot = word.indexOf('.');
        const isMap = token.kind === 'field' && schema.lookup.get(word.slice(0, dot))?.type === 'map';
        const longest = isMap ? dot : word.length - 1;
        const cut = ['field', 'keyword'].includes(token.kind) && longest > 0 ? inside % (longest + 1) : 0;
        const prefix = text.slice(0, token.start + cut);
        if (!mustBeOffered(token.kind, prefix, word, schema)) return;
        const { from, items } = complete(prefix, prefix.length, { schema });
        const offered = items.some((item) => {
          const inserted = prefix.slice(0, from) + item.insert;
          return inserted.length > token.start && text.startsWith(inserted);
        });
        expect(offered, `${JSON.stringify(prefix)} then ${word}: ${items.map((item) => item.insert).join(' | ')}`).toBe(
          true,
        );
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('after a path, exactly the operators its field allows (but exists / not exists), in the schema order', () => {
    for (const schema of [...Object.values(schemas), richTestSchema]) {
      for (const name of schema.fieldNames) {
        const field = schema.lookup.get(name)!;
        const paths = field.type === 'i18n' ? i18nPaths(name, field) : [field.type === 'map' ? `${name}.k` : name];
        for (const path of paths) {
          const labels = complete(`${path} `, path.length + 1, { schema }).items.map((item) => item.label);
          expect(labels, `${schema.name} ${path}`).toEqual(
            field.operators.filter((op) => OPERATOR_TABLE[op].form !== 'prefix'),
          );
        }
      }
    }
  });
});

/** Fields, operators and keywords are always offered; values only where the schema knows them. */
function mustBeOffered(kind: string, prefix: string, word: string, schema: Schema): boolean {
  if (kind === 'field' || kind === 'keyword' || kind === 'operator') return true;
  const { place } = contextAt(prefix, prefix.length);
  if (place.at !== 'value' && place.at !== 'list-value') return false;
  const resolution = resolvePath(schema, prefix.slice(place.path.start, place.path.end));
  if (!resolution.ok || resolution.path.kind !== 'scalar') return false;
  const { field } = resolution.path;
  if (field.type === 'boolean') return true;
  if (kind !== 'string' || field.type !== 'string' || field.values === undefined) return false;
  const op = place.at === 'value' ? place.op : 'in';
  return (op === '=' || op === '!=' || op === 'in') && field.values.some((value) => `'${value}'` === word);
}

describe('fixes', () => {
  it('applying every fix of a valid text keeps it valid', () => {
    fc.assert(
      fc.property(validText, ({ schema, text }) => {
        const result = check(text, { schema });
        expect(result.ok).toBe(true);
        for (const diagnostic of result.diagnostics) {
          for (const fix of diagnostic.fixes ?? []) {
            expect(check(applyFix(text, fix), { schema }).ok, `${text}: ${fix.message}`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('valid texts with unknown values (warnings with did-you-mean fixes) stay valid after every fix', () => {
    const statuses = fc.constantFrom('STARTED', 'Stoped', 'started ', 'stoped', 'paused', 'verify');
    fc.assert(
      fc.property(statuses, statuses, (a, b) => {
        const text = `status = '${a}' or type = '${b}'`;
        const result = check(text);
        expect(result.ok).toBe(true);
        for (const fix of result.diagnostics.flatMap((diagnostic) => diagnostic.fixes ?? [])) {
          const fixed = applyFix(text, fix);
          expect(check(fixed).ok).toBe(true);
          expect(check(fixed).diagnostics.length).toBeLessThan(result.diagnostics.length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
