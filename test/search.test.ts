/** docs/LANGUAGE.md §5: request validation, defaults, order, and the EnOS response, in memory. */
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../src/search.js';
import { compareCodePoints } from '../src/search/order.js';
import { validateSearchRequest } from '../src/search.js';
import { defineSchema, schemas } from '../src/index.js';

const job = (jobId: string, createTime: number, extra: Record<string, unknown> = {}) => ({
  orgId: 'o1',
  jobId,
  createTime,
  productKey: 'pk',
  name: { defaultValue: 'name', i18nValue: { zh_CN: '中文名', en_US: 'name' } },
  firmwareName: { defaultValue: 'firmware1', i18nValue: {} },
  type: 'upgrade',
  status: 'started',
  ...extra,
});

describe('request validation (docs/LANGUAGE.md §5)', () => {
  it.each([
    [{}, 'orgId is mandatory'],
    [{ orgId: '' }, 'orgId is mandatory'],
    [{ orgId: null }, 'orgId is mandatory'],
    [{ orgId: 5 }, 'orgId must be a string, found 5'],
    [{ orgId: 'o', pagination: { pageNo: 0 } }, 'pagination.pageNo must be an integer of at least 1, found 0'],
    [{ orgId: 'o', pagination: { pageNo: -1 } }, 'pagination.pageNo must be an integer of at least 1, found -1'],
    [{ orgId: 'o', pagination: { pageNo: 1.5 } }, 'pagination.pageNo must be an integer of at least 1, found 1.5'],
    [
      { orgId: 'o', pagination: { pageNo: '1' } },
      'pagination.pageNo must be an integer of at least 1, found string "1"',
    ],
    [
      { orgId: 'o', pagination: { pageNo: Number.NaN } },
      'pagination.pageNo must be an integer of at least 1, found NaN',
    ],
    [{ orgId: 'o', pagination: { pageSize: 0 } }, 'pagination.pageSize must be an integer from 1 to 200, found 0'],
    [{ orgId: 'o', pagination: { pageSize: 201 } }, 'pagination.pageSize must be an integer from 1 to 200, found 201'],
    [{ orgId: 'o', pagination: { pageSize: 1.5 } }, 'pagination.pageSize must be an integer from 1 to 200, found 1.5'],
    [
      { orgId: 'o', pagination: { pageSize: '10' } },
      'pagination.pageSize must be an integer from 1 to 200, found string "10"',
    ],
    [{ orgId: 'o', pagination: 5 }, 'pagination must be an object, found 5'],
    [{ orgId: 'o', expression: 42 }, 'expression must be a string, found 42'],
    [{ orgId: 'o', expression: "name = 'x'" }, 'Do not allow operator op =, allowed op [like]'],
  ])('%j → %s', (request, message) => {
    const answer = searchRecords([], request, { requestId: 'r' });
    expect(answer).toEqual({ code: 99400, msg: message, requestId: 'r', data: null });
  });

  it('checks in the documented order (LANGUAGE.md §5.2): orgId, pageNo, pageSize, expression', () => {
    const everythingWrong = { pagination: { pageNo: 0, pageSize: 0 }, expression: 42 };
    expect(validateSearchRequest(everythingWrong)).toMatchObject({ ok: false, message: 'orgId is mandatory' });
    expect(validateSearchRequest({ ...everythingWrong, orgId: 'o' })).toMatchObject({
      message: expect.stringMatching(/^pagination.pageNo/),
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageSize: 0 }, expression: 42 })).toMatchObject({
      message: expect.stringMatching(/^pagination.pageSize/),
    });
  });

  it('null is absent for expression, pagination, pageNo and pageSize; sorters are ignored', () => {
    for (const request of [
      { orgId: 'o', expression: null, pagination: null },
      { orgId: 'o', pagination: { pageNo: null, pageSize: null, sorters: [{ field: 'name', order: 'ASC' }] } },
      { orgId: 'o' },
    ]) {
      expect(validateSearchRequest(request)).toMatchObject({
        ok: true,
        search: { pageNo: 1, pageSize: 10, offset: 0, ast: null },
      });
    }
  });

  it.each([[null], [undefined], ['text'], [[]], [42]])(
    'never throws on a request that is not an object (%j)',
    (request) => {
      expect(searchRecords([job('j', 1)], request)).toMatchObject({
        code: 99400,
        msg: 'orgId is mandatory',
        data: null,
      });
    },
  );
});

describe('request validation: every rule of LANGUAGE.md §5.2 at its boundary, with its message and kind', () => {
  it.each([
    [{ orgId: true }, 'orgId must be a string, found boolean'],
    [{ orgId: ['o'] }, 'orgId must be a string, found an array'],
    [{ orgId: 'o', pagination: [] }, 'pagination must be an object, found an array'],
    [{ orgId: 'o', pagination: 'p' }, 'pagination must be an object, found string "p"'],
    [{ orgId: 'o', pagination: { pageNo: {} } }, 'pagination.pageNo must be an integer of at least 1, found object'],
    [{ orgId: 'o', expression: ['x'] }, 'expression must be a string, found an array'],
    [{ orgId: 'o', expression: false }, 'expression must be a string, found boolean'],
  ])('a request error %j → %s, one invalid-input error at 0', (request, message) => {
    expect(validateSearchRequest(request)).toEqual({
      ok: false,
      message,
      diagnostics: [
        { code: 99400, severity: 'error', kind: 'invalid-input', message, start: 0, end: 0, line: 1, column: 1 },
      ],
    });
  });

  it('pageSize 200 (the maximum) and pageNo 1 (the minimum) are accepted; offset is (pageNo - 1) × pageSize', () => {
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageNo: 1, pageSize: 200 } })).toMatchObject({
      ok: true,
      search: { orgId: 'o', pageNo: 1, pageSize: 200, offset: 0 },
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageNo: 3, pageSize: 7 } })).toMatchObject({
      ok: true,
      search: { pageNo: 3, pageSize: 7, offset: 14 },
    });
  });

  it('an invalid expression is not ok: its errors (only the errors) are the diagnostics, the first is the message', () => {
    const validation = validateSearchRequest({ orgId: 'o', expression: "nmae like 'x' and status = 'paused'" });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.diagnostics.map((d) => [d.severity, d.kind])).toEqual([['error', 'unknown-field']]);
    expect(validation.message).toBe(validation.diagnostics[0]!.message);
    expect(validateSearchRequest({ orgId: 'o', expression: 'status = ' })).toMatchObject({
      ok: false,
      diagnostics: [{ kind: 'syntax' }],
    });
  });

  it('a valid expression with an unknown enum value is ok, the warning kept for the caller', () => {
    const validation = validateSearchRequest({ orgId: 'o', expression: "status = 'paused'" });
    expect(validation).toMatchObject({
      ok: true,
      search: { warnings: [{ severity: 'warning', kind: 'unknown-value' }] },
    });
    if (validation.ok) expect(validation.search.ast).toMatchObject({ type: 'comparison', op: '=' });
  });

  it('the limits option is applied to the expression', () => {
    expect(
      validateSearchRequest({ orgId: 'o', expression: "name like 'abc'" }, { limits: { maxLength: 5 } }),
    ).toMatchObject({ ok: false, diagnostics: [{ kind: 'limit' }] });
    expect(
      validateSearchRequest({ orgId: 'o', expression: "name like 'abc'" }, { limits: { maxLength: 50 } }),
    ).toMatchObject({ ok: true });
  });

  it('the schema option chooses the API: its fields, page sizes and sorters', () => {
    const severities = { schema: schemas['alert-severity'] };
    expect(validateSearchRequest({ orgId: 'o', expression: "severityId = 'a'" }, severities)).toMatchObject({
      ok: true,
      search: { pageSize: 10, sortedBy: null, order: [{ field: 'updateTime', direction: 'desc', type: 'integer' }] },
    });
    expect(validateSearchRequest({ orgId: 'o', expression: "name like 'a'" }, severities)).toMatchObject({
      ok: false,
      diagnostics: [{ kind: 'unknown-field' }],
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageSize: 1000 } }, severities)).toMatchObject({
      ok: true,
      search: { pageSize: 1000 },
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageSize: 1001 } }, severities)).toMatchObject({
      ok: false,
      message: 'pagination.pageSize must be an integer from 1 to 1000, found 1001',
    });
    expect(
      validateSearchRequest(
        { orgId: 'o', pagination: { sorters: [{ field: 'severityId', order: 'DESC' }] } },
        severities,
      ),
    ).toMatchObject({
      ok: true,
      search: {
        sortedBy: [{ field: 'severityId', order: 'DESC' }],
        order: [{ field: 'severityId', direction: 'desc', type: 'string' }],
      },
    });
    expect(
      validateSearchRequest({ orgId: 'o', pagination: { sorters: [{ field: 'severityId' }] } }, severities),
    ).toMatchObject({
      ok: true,
      search: { sortedBy: [{ field: 'severityId', order: 'ASC' }], order: [{ direction: 'asc' }] },
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { sorters: [] } }, severities)).toMatchObject({
      ok: true,
      search: { sortedBy: null, order: [{ field: 'updateTime' }] },
    });
  });

  it('pageSize 1 (the minimum) is accepted', () => {
    expect(validateSearchRequest({ orgId: 'o', pagination: { pageSize: 1 } })).toMatchObject({
      ok: true,
      search: { pageSize: 1 },
    });
  });

  it('sorters: null is none where the API takes sorters', () => {
    expect(
      validateSearchRequest({ orgId: 'o', pagination: { sorters: null } }, { schema: schemas['alert-severity'] }),
    ).toMatchObject({ ok: true, search: { sortedBy: null, order: [{ field: 'updateTime' }] } });
  });

  it('each sorter orders by its own type, in the order given; an unknown field lists every sorter', () => {
    const schema = defineSchema({
      name: 'things',
      fields: { name: { type: 'string', operators: ['='] }, size: { type: 'number', operators: ['='] } },
      logical: ['and'],
      search: {
        id: 'thingId',
        order: [],
        pageSize: { default: 5, max: 50 },
        sorters: [
          { field: 'name', type: 'string' },
          { field: 'size', type: 'number' },
        ],
      },
    });
    expect(
      validateSearchRequest(
        { orgId: 'o', pagination: { sorters: [{ field: 'size', order: 'DESC' }, { field: 'name' }] } },
        { schema },
      ),
    ).toMatchObject({
      ok: true,
      search: {
        pageSize: 5,
        order: [
          { field: 'size', direction: 'desc', type: 'number' },
          { field: 'name', direction: 'asc', type: 'string' },
        ],
      },
    });
    expect(validateSearchRequest({ orgId: 'o', pagination: { sorters: [{ field: 'x' }] } }, { schema })).toMatchObject({
      ok: false,
      message: 'pagination.sorters[0].field must be one of name, size, found string "x"',
    });
  });

  it.each([
    [{ sorters: 'severityId' }, 'pagination.sorters must be an array, found string "severityId"'],
    [{ sorters: [null] }, 'pagination.sorters[0] must be an object { field, order? }, found null'],
    [
      { sorters: [{ field: 'severityId' }, { field: 'tags' }] },
      'pagination.sorters[1].field must be one of severityId, found string "tags"',
    ],
    [
      { sorters: [{ field: 'severityId', order: 'asc' }] },
      'pagination.sorters[0].order must be ASC or DESC, found string "asc"',
    ],
  ])('sorters where the API takes them: %j → %s', (pagination, message) => {
    expect(validateSearchRequest({ orgId: 'o', pagination }, { schema: schemas['alert-severity'] })).toMatchObject({
      ok: false,
      message,
      diagnostics: [{ kind: 'invalid-input' }],
    });
  });
});

describe('searchRecords', () => {
  const records = [
    job('b', 100),
    job('a', 100),
    job('c', 300, { productKey: 'yourProductKey', firmwareName: { defaultValue: 'Firmware1-beta', i18nValue: {} } }),
    job('d', 200, { orgId: 'O1' }),
    job('e', 200, { orgId: 'other' }),
    job('f', 50, { name: { defaultValue: 'x', i18nValue: {} } }),
  ];

  it('answers in the EnOS shape, newest first, ties by jobId, only the orgId asked for (exactly)', () => {
    const answer = searchRecords(records, { orgId: 'o1' }, { requestId: 'req-1' });
    expect(answer).toMatchObject({
      code: 0,
      msg: 'OK',
      requestId: 'req-1',
      pagination: { sortedBy: null, pageNo: 1, pageSize: 10, totalSize: 4 },
    });
    expect(answer.data?.map((r) => r.jobId)).toEqual(['c', 'a', 'b', 'f']);
  });

  it.each([
    [{ expression: "productKey='yourProductKey'", pagination: { pageNo: 1, pageSize: 5 } }, ['c'], 5],
    [{ expression: "firmwareName like 'firmware1'", pagination: { pageNo: 1, pageSize: 5 } }, ['c', 'a', 'b', 'f'], 5],
    [{ expression: "name like 'name' and firmwareName like 'firmware1'" }, ['c', 'a', 'b'], 10],
  ])('seed request sample %j', (body, jobIds, pageSize) => {
    const answer = searchRecords(records, { orgId: 'o1', ...body });
    expect(answer.code).toBe(0);
    expect(answer.data?.map((r) => r.jobId)).toEqual(jobIds);
    expect(answer).toMatchObject({ pagination: { sortedBy: null, pageNo: 1, pageSize, totalSize: jobIds.length } });
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('walks pages without overlap or gap; a page past the end is empty with the right totalSize', () => {
    const many = Array.from({ length: 23 }, (_, i) => job(`j${String(i).padStart(2, '0')}`, Math.floor(i / 4)));
    const seen: string[] = [];
    for (let pageNo = 1; pageNo <= 5; pageNo += 1) {
      const answer = searchRecords(many, { orgId: 'o1', pagination: { pageNo, pageSize: 7 } });
      expect(answer).toMatchObject({ pagination: { totalSize: 23 } });
      seen.push(...(answer.data ?? []).map((r) => r.jobId));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(searchRecords(many, { orgId: 'o1', pagination: { pageNo: 99, pageSize: 7 } })).toMatchObject({
      data: [],
      pagination: { pageNo: 99, totalSize: 23 },
    });
  });
});

describe('result order compares strings by code point', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'ab', -1],
    ['\uffff', '😀', -1],
    ['😀', '\ue000', 1],
    ['same', 'same', 0],
  ])('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});
