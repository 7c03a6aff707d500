/**
 * defineSchema's refusals that the rule-by-rule tests leave open: the suggestion for each misspelt top-level
 * property, and a field type that is not a string even when it converts to the name of one.
 */
import { describe, expect, it } from 'vitest';
import { defineSchema, type SchemaDefinition } from '../../src/index.js';

const define = (definition: unknown): unknown => defineSchema(definition as SchemaDefinition);

describe('a misspelt top-level property gets the property it resembles', () => {
  it.each([
    ['Name', 'name'],
    ['Fields', 'fields'],
    ['Logical', 'logical'],
    ['Search', 'search'],
  ])('%j: did you mean %s?', (typed, meant) => {
    expect(() => define({ name: 'a', fields: {}, logical: [], [typed]: 1 })).toThrow(
      new TypeError(
        `defineSchema: unknown property ${JSON.stringify(typed)} (did you mean ${meant}?): expected name, fields, logical and search`,
      ),
    );
  });
});

describe('a field type must be a string', () => {
  it.each([
    ['an array holding a type name', ['string']],
    ['an array holding another', ['number']],
    ['an object that converts to one', { toString: (): string => 'boolean' }],
  ])('%s is refused', (_label, type) => {
    expect(() => define({ name: 'a', fields: { t: { type, operators: [] } }, logical: [] })).toThrow(
      /^defineSchema a: field t: unknown type /,
    );
  });
});
