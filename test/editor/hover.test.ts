/** `hover`: fields, operators, keywords and values, titled by the text (`|` marks the pointer). */
import { describe, expect, it } from 'vitest';
import { hover } from '../../src/editor.js';
import { schemas, type Schema } from '../../src/core.js';

function over(marked: string, schema: Schema = schemas['ota-job']!) {
  const offset = marked.indexOf('|');
  return hover(marked.slice(0, offset) + marked.slice(offset + 1), offset, { schema });
}

describe('hover', () => {
  it.each([
    ["na|me like 'x'", { start: 0, end: 4, text: 'name: i18n · like · locales zh_CN, en_US' }],
    ["|status = 'started'", { start: 0, end: 6, text: "status: string · = · known values 'started', 'stopped'" }],
    ["productKey |= 'a'", { start: 11, end: 12, text: '=: equals the value exactly (case-sensitive, no coercion)' }],
    ["productKey <|> 'a'", { start: 11, end: 13, text: '!=: present and not equal to the value (also <>)' }],
    ["status = 'st|arted'", { start: 9, end: 18, text: "'started': a known value of status" }],
    [
      "status = 'pa|used'",
      { start: 9, end: 17, text: "'paused': not a known value of status, which knows started, stopped" },
    ],
    ["productKey = 'a' o|r type = 'x'", { start: 17, end: 19, text: 'or: either side holds' }],
    ["productKey i|n ('a')", { start: 11, end: 13, text: 'in: equals one of the listed values' }],
    ["productKey in ('|a')", { start: 15, end: 18, text: 'a string value of productKey' }],
    ["productke|y = 'a'", { start: 0, end: 10, text: 'productkey: not a field of ota-job' }],
  ])('%s', (marked, expected) => {
    expect(over(marked)).toEqual(expected);
  });

  it.each([
    ['n|ot exists(deviceTags.k)', 'not exists: the field is absent or null'],
    ['not e|xists(deviceTags.k)', 'not exists: the field is absent or null'],
    ['e|xists(deviceTags.k)', 'exists: the field is present and not null'],
    ['exists(deviceTags.R|egion)', 'deviceTags.Region: map · =, !=, in, exists, not exists · key Region'],
    ['deviceAttributes.floor = |20', 'a number value'],
  ])('%s (device)', (marked, text) => {
    expect(over(marked, schemas.device)?.text).toBe(text);
  });

  it.each([
    ['measurepointId i|s null', 'is null: the field is absent or null'],
    ['measurepointId is n|ot null', 'is not null: the field is present and not null'],
    ['measurepointId is not nu|ll', 'is not null: the field is present and not null'],
    ['measurepointId is nu|ll', 'is null: the field is absent or null'],
  ])('%s (alert-rule)', (marked, text) => {
    expect(over(marked, schemas['alert-rule'])?.text).toBe(text);
  });

  it.each(["productKey | = 'a'", "|(productKey = 'a')", '|', "productKey = 'a'|  "])(
    'nothing over blanks, punctuation or past the text: %s',
    (marked) => {
      expect(over(marked)).toBeNull();
    },
  );

  it('at the very end of the text: the word just typed', () => {
    expect(over('status|')?.text).toContain('status: string');
  });

  it('never throws, whatever the input', () => {
    expect(hover(undefined as unknown as string, 3)).toBeNull();
    expect(hover("status = 'a", 11)?.text).toBe('a string value');
  });
});
