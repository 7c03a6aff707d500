/** toPredicate's own door: what a caller sees for bad options, and the empty expression. */
import { expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { toPredicate, type PredicateOptions } from '../../../src/predicate.js';

it('names toPredicate in the TypeError for bad options', () => {
  expect(() => toPredicate(parse("productKey = 'a'"), 5 as unknown as PredicateOptions)).toThrow(
    new TypeError('toPredicate: options must be an object, found number'),
  );
  expect(() => toPredicate(null, { dialect: 'x' } as unknown as PredicateOptions)).toThrow(
    new TypeError('toPredicate: unknown option "dialect": expected schema'),
  );
});
