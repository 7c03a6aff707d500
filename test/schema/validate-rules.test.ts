/**
 * Validation rules (src/schema/validate.ts) that the table tests of test/validate.test.ts leave implicit: which
 * problem ends the checks of a comparison, which operands are checked, and every problem of a list.
 */
import { describe, expect, it } from 'vitest';
import { check, defineSchema } from '../../src/index.js';
import { validate } from '../../src/schema/validate.js';

const schema = defineSchema({
  name: 'rules',
  fields: {
    mode: { type: 'string', operators: ['=', 'in', 'like', 'is null', 'exists'], values: ['on', 'off'] },
    count: { type: 'number', operators: ['=', 'in', 'is not null'] },
    at: { type: 'datetime', operators: ['=', 'in'] },
    title: { type: 'i18n', operators: ['like', 'in'], locales: ['fr'] },
  },
  logical: [],
});

const problems = (text: string): [string, string, string][] =>
  check(text, { schema }).diagnostics.map((d) => [d.severity, d.kind, text.slice(d.start, d.end)]);

describe('validate', () => {
  it('no tree, no problem', () => {
    expect(validate(null, schema)).toEqual([]);
  });

  it('a disallowed operator is the comparison’s only problem: its value is not checked', () => {
    expect(problems('mode != 5')).toEqual([['error', 'operator-not-allowed', '!=']]);
    expect(problems("count like 'x'")).toEqual([['error', 'operator-not-allowed', 'like']]);
  });

  it('an unknown field is the comparison’s only problem: neither operator nor value is checked', () => {
    expect(problems("mod like 'x' and nope in (1, 'x')")).toEqual([
      ['error', 'unknown-field', 'mod'],
      ['error', 'logical-operator-not-allowed', 'and'],
      ['error', 'unknown-field', 'nope'],
    ]);
  });

  it('operators without a value are checked for the operator only', () => {
    expect(problems('mode is null and exists(mode) and count is not null')).toEqual([
      ['error', 'logical-operator-not-allowed', 'and'],
      ['error', 'logical-operator-not-allowed', 'and'],
    ]);
  });

  it('every value of a list is checked, each problem at its value', () => {
    expect(problems("mode in ('on', 'of', 3, 'xyzzy')")).toEqual([
      ['warning', 'unknown-value', "'of'"],
      ['error', 'value-type', '3'],
      ['warning', 'unknown-value', "'xyzzy'"],
    ]);
    expect(problems("at in ('2024-01-01 00:00:00', 'soon', 5)")).toEqual([
      ['error', 'value-type', "'soon'"],
      ['error', 'value-type', '5'],
    ]);
    expect(problems("title in ('a', true)")).toEqual([['error', 'value-type', 'true']]);
  });

  it("a like pattern is not a value: no unknown-value warning (mode like 'o' matches on and off)", () => {
    expect(check("mode like 'o'", { schema })).toMatchObject({ ok: true, diagnostics: [] });
    expect(check("mode like 'xyzzy'", { schema })).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('a value of the wrong type is not also an unknown value', () => {
    expect(problems('mode = 1')).toEqual([['error', 'value-type', '1']]);
  });

  it('an unknown value gets a hint and a fix only when a known value is close', () => {
    const [close] = check("mode = 'of'", { schema }).diagnostics;
    expect(close).toMatchObject({
      message: "Unknown value 'of' for mode: known values are on, off; the expression matches nothing here",
      hint: "did you mean 'on'?",
      fixes: [{ message: "replace with 'on'", edits: [{ start: 7, end: 11, insert: "'on'" }] }],
    });
    const [far] = check("mode = 'xyzzy'", { schema }).diagnostics;
    expect(far).not.toHaveProperty('hint');
    expect(far).not.toHaveProperty('fixes');
  });

  it('a logical operator the schema lists none of is an error at every keyword, beside the other problems', () => {
    expect(problems("mode = 'on' or (count = 'x' and mode = 'on')")).toEqual([
      ['error', 'logical-operator-not-allowed', 'or'],
      ['error', 'value-type', "'x'"],
      ['error', 'logical-operator-not-allowed', 'and'],
    ]);
    expect(check("mode = 'on' and mode = 'off'", { schema }).diagnostics[0]?.message).toBe(
      'Do not allow logical operator and, allowed logical operators [none]',
    );
  });
});
