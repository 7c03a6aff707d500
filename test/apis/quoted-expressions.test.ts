/**
 * Every expression quoted in the EnOS API pages and SDK samples (the FAQ "How to use expression", the request samples
 * of each search API, the prose templates), checked against the API it belongs to, and against neighbours where the
 * outcome tells something. The outcome is `ok`, or the kind of the first error: a few quotes are templates, prose, or
 * forms of another language, and the table says why each fails.
 */
import { describe, expect, it } from 'vitest';
import { check, ExpressionError, parse, schemas, type DiagnosticKind } from '../../src/core.js';

type Outcome = 'ok' | DiagnosticKind;

interface Quote {
  /** The row of the docs' list of quoted expressions (P: the prose templates; a prime: a variant written here). */
  readonly row: string;
  readonly text: string;
  /** Where the docs quote it. */
  readonly api: string;
  /** [schema, outcome] pairs: the API's own schema first. */
  readonly checks: readonly (readonly [string, Outcome])[];
  /** Why it fails, where it does. */
  readonly why?: string;
}

const QUOTES: readonly Quote[] = [
  {
    row: '1',
    text: "tags.{key}={value}'",
    api: 'FAQ (template)',
    checks: [['thing-model', 'syntax']],
    why: 'a template: `{` is not a path character, and the doc sample has a stray trailing quote',
  },
  {
    row: '2',
    text: 'exists(tags.k1)',
    api: 'FAQ',
    checks: [
      ['thing-model', 'ok'],
      ['asset-tree', 'ok'],
      ['alert', 'ok'],
      ['alert-rule', 'operator-not-allowed'],
    ],
    why: 'alert-rule tags allow = only',
  },
  {
    row: '3',
    text: 'not exists(tags.k2)',
    api: 'FAQ',
    checks: [
      ['thing-model', 'ok'],
      ['asset-node', 'operator-not-allowed'],
    ],
    why: 'asset-node tags allow in, like and exists only',
  },
  {
    row: '4',
    text: "modelId = 'planet'",
    api: 'FAQ',
    checks: [
      ['device', 'ok'],
      ['product', 'ok'],
      ['thing-model', 'operator-not-allowed'],
    ],
    why: 'Search Thing Model allows modelId in (…) only',
  },
  {
    row: '5',
    text: "modelId in ('planet', 'orbit')",
    api: 'FAQ',
    checks: [
      ['thing-model', 'ok'],
      ['device', 'ok'],
    ],
  },
  {
    row: '6',
    text: 'state != 3',
    api: 'FAQ',
    checks: [['command', 'operator-not-allowed']],
    why: 'the FAQ shows the form; the one API with state (Search Command) allows = only',
  },
  {
    row: '7',
    text: "name like 'inverter'",
    api: 'FAQ',
    checks: [
      ['firmware', 'ok'],
      ['asset-node', 'ok'],
      ['asset-tree', 'ok'],
    ],
  },
  {
    row: '8',
    text: "name.en_US like 'capacity'",
    api: 'FAQ',
    checks: [
      ['asset-node', 'ok'],
      ['ota-job', 'ok'],
    ],
  },
  {
    row: '9',
    text: "modelId = 'planet' and state = 2",
    api: 'FAQ',
    checks: [
      ['command', 'unknown-field'],
      ['device', 'unknown-field'],
    ],
    why: 'the FAQ shows the form: no API has both modelId and state',
  },
  {
    row: '10',
    text: "modelId = 'planet' or state = 2",
    api: 'FAQ',
    checks: [
      ['command', 'unknown-field'],
      ['device', 'unknown-field'],
    ],
    why: 'as row 9',
  },
  {
    row: '11',
    text: '"deviceAttributes.temperature"=35.5',
    api: 'Search Device (prose)',
    checks: [['device', 'syntax']],
    why: 'a quoted field: "…" is a string, never a path',
  },
  { row: "11'", text: 'deviceAttributes.temperature=35.5', api: 'Search Device', checks: [['device', 'ok']] },
  {
    row: '12',
    text: '"deviceTags.Region" = "China"',
    api: 'Search Device (prose)',
    checks: [['device', 'syntax']],
    why: 'as row 11',
  },
  { row: "12'", text: 'deviceTags.Region = "China"', api: 'Search Device', checks: [['device', 'ok']] },
  {
    row: '13',
    text: "productKey='yourProductKey'",
    api: 'Search Device; Search Firmware, OTA Job and Device Upgrade samples',
    checks: [
      ['device', 'ok'],
      ['firmware', 'ok'],
      ['ota-job', 'ok'],
      ['device-upgrade', 'ok'],
    ],
  },
  { row: '14', text: 'modelId="AlterTest0615"', api: 'Search Product', checks: [['product', 'ok']] },
  { row: '15', text: "modelId='yourModelId'", api: 'Search Product', checks: [['product', 'ok']] },
  { row: '16', text: "productKey = 'yourProductKey'", api: 'Search Product', checks: [['product', 'ok']] },
  { row: '17', text: 'state = 2', api: 'Search Command', checks: [['command', 'ok']] },
  {
    row: '18',
    text: 'commandName.zh_CN like "Int_value" AND createTime >= "2019-08-13 09:00:00"',
    api: 'Search Command',
    checks: [['command', 'ok']],
  },
  {
    row: '19',
    text: "productKey in ('H3aPZ0gd')",
    api: 'Search Device Log (no schema: not one of the family)',
    checks: [
      ['event', 'ok'],
      ['device', 'ok'],
    ],
  },
  {
    row: '20',
    text: "name.default like'assetDefaultName'",
    api: 'Search Asset Node',
    checks: [['asset-node', 'ok']],
  },
  { row: '21', text: "tags.k1 ='v1' ", api: 'Search Asset Tree', checks: [['asset-tree', 'ok']] },
  { row: '22', text: "tags.k1 ='v1'", api: 'Search Asset Tree', checks: [['asset-tree', 'ok']] },
  {
    row: '23',
    text: 'modelId in ( "planet", "noiseSensor"  )',
    api: 'Search Thing Model',
    checks: [['thing-model', 'ok']],
  },
  { row: '24', text: 'modelId in ( "planet" )', api: 'Search Thing Model', checks: [['thing-model', 'ok']] },
  {
    row: '25',
    text: 'modelId in ( "planet", "FmodelP2"  )',
    api: 'Search Thing Model',
    checks: [['thing-model', 'ok']],
  },
  {
    row: '26',
    text: "eventId='20190531b83331a8549e1e956f2413552eda1ec9'",
    api: 'Search Active Alerts',
    checks: [['active-alert', 'ok']],
  },
  {
    row: '27',
    text: "eventId='yourEventId'",
    api: 'Search Active and History Alerts',
    checks: [
      ['active-alert', 'ok'],
      ['history-alert', 'ok'],
    ],
  },
  {
    row: '28',
    text: "eventId='20190612cf89cd96b0be4cafcc342d0dc2ac75a4' ",
    api: 'Search History Alerts (with the trailing space of older pages)',
    checks: [['history-alert', 'ok']],
  },
  { row: '29', text: "deviceStatus = 'offline'", api: 'Search Alert Rule', checks: [['alert-rule', 'ok']] },
  {
    row: '30',
    text: "groupId in ('groupId')",
    api: 'Search Device Group (no schema: its fields are not listed)',
    checks: [['device', 'unknown-field']],
    why: 'the device group APIs are not in the family; devices have no groupId',
  },
  { row: '31', text: "tag.FLAG = '1'", api: 'Search Active Alerts (EnOS Edge)', checks: [['active-alert', 'ok']] },
  {
    row: '32',
    text: "(!tag.FLAG ='1')",
    api: 'Search Active Alerts (EnOS Edge)',
    checks: [['active-alert', 'syntax']],
    why: 'EnOS Edge’s `!` negation is not part of the language (there is no general negation)',
  },
  {
    row: '33',
    text: '${temperature} = 19',
    api: 'Alert Rule condition',
    checks: [['alert-rule', 'syntax']],
    why: 'the alert rules’ condition language, not this one',
  },
  {
    row: "33'",
    text: '${pointA/att1} = 18',
    api: 'Alert Rule condition',
    checks: [['alert-rule', 'syntax']],
    why: 'as row 33',
  },
  {
    row: 'P1',
    text: 'deviceName like ‘xxx’',
    api: 'Search Device (prose)',
    checks: [['device', 'syntax']],
    why: 'typographic quotes, as the pages render them, are not string delimiters',
  },
  {
    row: 'P2',
    text: 'deviceName.default like ‘xxx’',
    api: 'Search Device (prose)',
    checks: [['device', 'syntax']],
    why: 'as P1',
  },
  { row: "P2'", text: "deviceName.default like 'xxx'", api: 'Search Device', checks: [['device', 'ok']] },
  { row: 'P3', text: "productName.zh_CN like 'xxx'", api: 'Search Product (prose)', checks: [['product', 'ok']] },
  {
    row: 'P4',
    text: "name.ja_JP like 'xxx'",
    api: 'Search Asset Node (prose)',
    checks: [
      ['asset-node', 'ok'],
      ['asset-tree', 'ok'],
      ['ota-job', 'unknown-locale'],
    ],
    why: 'the OTA job keeps zh_CN and en_US only',
  },
  {
    row: 'P5',
    text: 'firmwareName.defaultValue like ‘xxx’ and name.defaultValue like ‘xxx’',
    api: 'Search OTA Job (prose)',
    checks: [['ota-job', 'syntax']],
    why: 'typographic quotes; the page means two alternatives joined by the English word "and"',
  },
  {
    row: "P5'",
    text: "firmwareName.defaultValue like 'xxx' and name.defaultValue like 'xxx'",
    api: 'Search OTA Job',
    checks: [['ota-job', 'ok']],
  },
];

describe('expressions quoted in the EnOS API docs', () => {
  it('the table covers every row of the docs’ list (1 to 33) and the prose templates', () => {
    const rows = new Set(QUOTES.map((quote) => quote.row));
    for (let row = 1; row <= 33; row++) expect(rows).toContain(String(row));
    for (const row of ['P1', 'P2', 'P3', 'P4', 'P5']) expect(rows).toContain(row);
  });

  it('every failure says why', () => {
    for (const quote of QUOTES) {
      if (quote.checks.some(([, outcome]) => outcome !== 'ok')) expect(quote.why, quote.row).toBeDefined();
    }
  });

  describe.each(QUOTES.map((quote) => [`${quote.row}: ${quote.text} (${quote.api})`, quote] as const))(
    '%s',
    (_, quote) => {
      const syntax = quote.checks.every(([, outcome]) => outcome === 'syntax');

      it(syntax ? 'does not parse (99400)' : 'parses', () => {
        if (!syntax) {
          expect(parse(quote.text)).not.toBeNull();
          return;
        }
        let thrown: unknown;
        try {
          parse(quote.text);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ExpressionError);
        expect((thrown as ExpressionError).code).toBe(99400);
      });

      it.each(quote.checks.map(([schema, outcome]) => [schema, outcome] as const))('on %s: %s', (name, outcome) => {
        const result = check(quote.text, { schema: schemas[name]! });
        const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        expect(result.ok).toBe(outcome === 'ok');
        if (outcome === 'ok') expect(result.diagnostics).toEqual([]);
        else expect(errors[0]?.kind, errors[0]?.message).toBe(outcome);
      });
    },
  );
});
