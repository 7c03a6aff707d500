/**
 * The built-in schemas of the EnOS family are the fields, operators and search rules of their API pages: each
 * definition passes defineSchema's checks, and equals the table written out here (fields, types, operators in the
 * pages' order, known values, locales, logical operators; default order, id, page sizes, sorters).
 */
import { describe, expect, it } from 'vitest';
import { APIS } from '../../src/apis/index.js';
import { defineSchema, otaJobSchema, schemas } from '../../src/core.js';
import type { Operator } from '../../src/language/ast.js';
import type { FieldSpec, SearchRules, SortKey } from '../../src/schema/schema.js';

const LOCALES = ['zh_CN', 'en_US', 'ja_JP', 'es_ES'];

const string = (operators: Operator[], values?: string[]): FieldSpec =>
  values === undefined ? { type: 'string', operators } : { type: 'string', operators, values };
const number = (operators: Operator[]): FieldSpec => ({ type: 'number', operators });
const boolean = (operators: Operator[]): FieldSpec => ({ type: 'boolean', operators });
const datetime = (operators: Operator[]): FieldSpec => ({ type: 'datetime', operators });
const i18n = (locales = LOCALES): FieldSpec => ({ type: 'i18n', operators: ['like'], locales });
const tags = (operators: Operator[]): FieldSpec => ({ type: 'map', operators });
const attributes = (operators: Operator[]): FieldSpec => ({ type: 'map', values: 'scalar', operators });
/** Several fields with one definition, in the order given. */
const each = (names: string[], spec: FieldSpec): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((name) => [name, spec]));

const desc = (field: string, type: SortKey['type'] = 'integer'): SortKey[] => [{ field, direction: 'desc', type }];
const rules = (id: string, order: SortKey[], pageSize: [number, number], sorters?: string[]): SearchRules => ({
  id,
  order,
  pageSize: { default: pageSize[0], max: pageSize[1] },
  ...(sorters === undefined ? {} : { sorters: sorters.map((field) => ({ field, type: 'string' as const })) }),
});

const ALERT_FIELDS = {
  ...each(
    [
      'modelId',
      'assetId',
      'measurepointId',
      'severityId',
      'typeId',
      'subTypeId',
      'contentId',
      'eventId',
      'treeId',
      'hitRuleId',
    ],
    string(['=', 'in', '!=']),
  ),
  eventType: number(['=', 'in', '!=']),
  deviceStatus: string(['=', 'in']),
  assetPath: string(['like']),
  tag: tags(['=', 'in', '!=', 'exists']),
};

/** The expected table: SPEC's field table and search rules, API by API. */
const EXPECTED: Record<string, { fields: Record<string, FieldSpec>; search: SearchRules }> = {
  'ota-job': {
    fields: {
      ...each(['productKey', 'firmwareId', 'firmwareVersion'], string(['=', 'in'])),
      type: string(['='], ['verify', 'upgrade']),
      status: string(['='], ['started', 'stopped']),
      name: i18n(['zh_CN', 'en_US']),
      firmwareName: i18n(['zh_CN', 'en_US']),
    },
    search: rules('jobId', desc('createTime'), [10, 200]),
  },
  'ota-task': {
    fields: {
      ...each(['jobId', 'deviceKey', 'fromVersion', 'toVersion', 'desc'], string(['=', 'in'])),
      status: string(['=', 'in'], ['init', 'published', 'upgrading', 'succeeded', 'failed']),
    },
    search: rules('taskId', desc('updateTime'), [10, 200]),
  },
  firmware: {
    fields: { productKey: string(['=', 'in']), isVerified: boolean(['=']), name: i18n() },
    search: rules('firmwareId', desc('createTime'), [10, 200]),
  },
  'device-upgrade': {
    fields: { ...each(['productKey', 'firmwareVersion'], string(['=', 'in'])), isUpgrading: boolean(['=']) },
    search: rules('assetId', [], [10, 200]),
  },
  device: {
    fields: {
      modelId: string(['=', '!=', 'in']),
      ...each(['productKey', 'deviceKey', 'assetId', 'firmwareVersion'], string(['=', 'in'])),
      productType: string(['='], ['Device', 'Gateway']),
      status: string(['=', 'in'], ['inactive', 'online', 'offline', 'disable', 'mirror']),
      deviceName: i18n(),
      deviceTags: tags(['=', '!=', 'in', 'exists', 'not exists']),
      deviceAttributes: attributes(['=', 'in', 'exists', 'not exists']),
    },
    search: rules('assetId', desc('createTime'), [10, 1000]),
  },
  product: {
    fields: {
      ...each(['productKey', 'modelId'], string(['=', 'in'])),
      productName: i18n(),
      productTags: tags(['=', 'exists', 'not exists']),
    },
    search: rules('productKey', desc('createTime'), [10, 1000]),
  },
  'thing-model': {
    fields: {
      modelId: string(['in']),
      ...each(
        ['tags', 'attribute_tags', 'measurepoint_tags', 'service_tags', 'event_tags'],
        tags(['=', 'like', 'exists', 'not exists']),
      ),
    },
    search: rules('modelId', [], [10, 1000]),
  },
  'asset-node': {
    fields: {
      ...each(['assetId', 'modelId', 'rootModelId', 'treeId'], string(['=', 'in'])),
      ...each(['productKey', 'deviceKey'], string(['=', 'like'])),
      createTime: number(['=', '<=', '>=']),
      name: i18n(),
      attributes: attributes(['=', 'like']),
      tags: tags(['in', 'like', 'exists']),
    },
    search: rules('assetId', desc('createTime', 'number'), [100, 1000]),
  },
  'asset-tree': {
    fields: { treeId: string(['=', 'in']), name: i18n(), tags: tags(['=', '!=', 'exists']) },
    search: rules('treeId', [], [100, 1000]),
  },
  command: {
    fields: { state: number(['=']), commandName: i18n(), createTime: datetime(['<', '>=']) },
    search: rules('commandId', desc('createTime', 'datetime'), [100, 1000]),
  },
  event: {
    fields: each(['productKey', 'deviceKey', 'assetId', 'tslEventKey', 'tslEventType'], string(['=', 'in'])),
    search: rules('eventId', desc('timestamp'), [10, 200]),
  },
  'active-alert': { fields: ALERT_FIELDS, search: rules('eventId', desc('occurTime'), [10, 1000]) },
  'history-alert': { fields: ALERT_FIELDS, search: rules('eventId', desc('occurTime'), [10, 1000]) },
  'alert-rule': {
    fields: {
      ...each(['ruleId', 'modelId'], string(['=', 'in'])),
      ...each(['measurepointId', 'deviceStatus'], string(['=', 'in', 'is null'])),
      tags: tags(['=']),
    },
    search: rules('ruleId', [], [10, 1000], ['ruleId', 'modelId', 'measurepointId', 'deviceStatus', 'orgId']),
  },
  'alert-content': {
    fields: {
      ...each(['contentId', 'modelId', 'alertTypeId', 'subAlertTypeId'], string(['=', 'in'])),
      contentDesc: i18n(),
      tags: tags(['=']),
    },
    search: rules(
      'contentId',
      desc('updateTime'),
      [10, 1000],
      ['contentId', 'modelId', 'alertTypeId', 'subAlertTypeId'],
    ),
  },
  'alert-severity': {
    fields: { severityId: string(['=', 'in']), tags: tags(['=']) },
    search: rules('severityId', desc('updateTime'), [10, 1000], ['severityId']),
  },
  'alert-type': {
    fields: { ...each(['typeId', 'parentTypeId'], string(['=', 'in'])), tags: tags(['=']) },
    search: rules('typeId', desc('updateTime'), [10, 1000], ['typeId', 'parentTypeId']),
  },
  alert: {
    fields: {
      ...each(
        ['instanceId', 'metricId', 'severityId', 'typeId', 'parentTypeId', 'contentId', 'ruleId', 'alertId'],
        string(['=', 'in', '!=']),
      ),
      eventType: number(['=', 'in', '!=']),
      inhibited: boolean(['=', '!=']),
      maskedBy: string(['=']),
      ...each(['metricTags', 'ruleTags', 'tags'], tags(['=', 'in', '!=', 'like', 'exists'])),
    },
    search: rules('alertId', desc('occurTime'), [10, 1000]),
  },
};

const NAMES = Object.keys(EXPECTED);

describe('the schemas object', () => {
  it('holds the 18 schemas by name, frozen, ota-job being otaJobSchema', () => {
    expect(NAMES).toHaveLength(18);
    expect(Object.keys(schemas)).toEqual(NAMES);
    expect(Object.isFrozen(schemas)).toBe(true);
    expect(schemas['ota-job']).toBe(otaJobSchema);
    for (const [name, schema] of Object.entries(schemas)) expect(schema.name).toBe(name);
  });

  it('every name is an API of APIS, made from its schema (the CLI lists them)', () => {
    expect([...APIS.keys()]).toEqual(NAMES);
    for (const name of NAMES) {
      const api = APIS.get(name)!;
      expect(api.schema).toBe(schemas[name]);
      expect(api.table).toBe(name.replaceAll('-', '_'));
    }
  });
});

describe.each(NAMES)('%s', (name) => {
  const schema = schemas[name]!;
  const expected = EXPECTED[name]!;

  it('passes defineSchema’s checks, and defineSchema makes the same schema', () => {
    const definition = { name: schema.name, fields: schema.fields, logical: schema.logical, search: schema.search! };
    const defined = defineSchema(definition);
    expect(defined.fieldNames).toEqual(schema.fieldNames);
    expect(defined.search).toEqual(schema.search);
  });

  it('has the fields, types, operators, values and locales of its API', () => {
    expect(schema.fields).toEqual(expected.fields);
    expect(schema.fieldNames).toEqual(Object.keys(expected.fields));
  });

  it('allows and and or', () => {
    expect(schema.logical).toEqual(['and', 'or']);
  });

  it('has its API’s search rules (the table is the default: no table property)', () => {
    expect(schema.search).toEqual(expected.search);
  });

  it('orders by keys of the field’s own type, or by integer record properties outside the fields', () => {
    for (const key of schema.search!.order) {
      const field = schema.lookup.get(key.field);
      if (field === undefined) expect(key.type).toBe('integer');
      else expect(key.type).toBe(field.type);
    }
  });

  it('sorts only by string fields and orgId', () => {
    for (const sorter of schema.search!.sorters ?? []) {
      if (sorter.field !== 'orgId') expect(schema.lookup.get(sorter.field)?.type).toBe('string');
    }
  });
});
