/**
 * The compilers' one front door (src/compile/front-door.ts): hand-built and JSON trees, bad options, and every
 * problem at once. The property: any mutation of a valid tree either compiles to what the valid tree compiles to, or
 * throws ExpressionError (99400) — never another error — and the SQL that does come back runs on the real engines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  comparison,
  createTableSql,
  fieldPath,
  insertRow,
  parse,
  searchRecords,
  toMongo,
  toMongoSearch,
  toPredicate,
  toSql,
  toSqlSearch,
  validateSearchRequest,
  valueNode,
  type Expression,
  type SqlDialectName,
} from '../../src/index.js';
import { validExpression } from '../arbitraries/expressions.js';
import { enginesWithTables } from '../support/engines.js';

const COMPILERS = {
  toPredicate: (ast: unknown) => toPredicate(ast as Expression),
  toMongo: (ast: unknown) => toMongo(ast as Expression),
  toSql: (ast: unknown) => toSql(ast as Expression, { dialect: 'postgres' }),
} as const;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function messagesOf(run: () => unknown): string[] {
  const error = thrown(run);
  expect(error).toBeInstanceOf(ExpressionError);
  return (error as ExpressionError).diagnostics.map((diagnostic) => diagnostic.message);
}

describe('hand-built trees every compiler refuses alike', () => {
  it.each(Object.entries(COMPILERS))('%s: a value that is not a literal names where it is', (_, compile) => {
    const tree = { ...parse("productKey in ('a', 'b') or firmwareId = 'c'")! } as unknown as { children: unknown[] };
    const [list, equals] = tree.children as [{ values: { value: unknown }[] }, { value: { value: unknown } }];
    const mutated = {
      ...tree,
      children: [
        { ...list, values: [list.values[0], { ...list.values[1], value: undefined }] },
        { ...equals, value: { ...equals.value, value: 1n } },
      ],
    };
    expect(messagesOf(() => compile(mutated))).toEqual([
      'Invalid expression tree: children[0].values[1] is undefined: values are a string, a finite number or a boolean',
      'Invalid expression tree: children[1].value is bigint 1: values are a string, a finite number or a boolean',
    ]);
  });

  const emptyIn = { ...parse("productKey in ('a')")!, values: [] };
  const notANumber = comparison(fieldPath('productKey'), '=', valueNode(Number.NaN));

  it.each(Object.entries(COMPILERS))('%s: an in without values', (_, compile) => {
    expect(messagesOf(() => compile(emptyIn))).toEqual(['Invalid expression tree: in needs at least one value']);
  });

  it.each(Object.entries(COMPILERS))('%s: NaN', (_, compile) => {
    expect(messagesOf(() => compile(notANumber))).toEqual([
      'Invalid expression tree: value is number NaN: values are a string, a finite number or a boolean',
    ]);
  });

  it.each(Object.entries(COMPILERS))('%s: a string instead of a tree', (_, compile) => {
    expect(messagesOf(() => compile("status = 'started'"))).toEqual([
      `Invalid expression tree: expected an expression tree, found the string "status = 'started'": parse the text first (parse or check)`,
    ]);
  });

  it.each(Object.entries(COMPILERS))('%s: wrong node shapes, all at once, each named by where it is', (_, compile) => {
    const tree = {
      type: 'and',
      children: [{ type: 'xor' }, { type: 'comparison', path: { text: 1 }, op: '==' }, 42],
      keywordSpans: [],
      span: { start: 0, end: 1 },
    };
    expect(messagesOf(() => compile(tree))).toEqual([
      'Invalid expression tree: children[0]: span must be { start, end } with 0 <= start <= end',
      'Invalid expression tree: children[0] has type "xor": expected and, or or comparison',
      'Invalid expression tree: children[1]: span must be { start, end } with 0 <= start <= end',
      'Invalid expression tree: children[1]: path must be { text, span } with a string text',
      'Invalid expression tree: children[1]: opSpan must be a span',
      'Invalid expression tree: children[1] has operator "==", which the language does not have',
      'Invalid expression tree: children[2] is number 42, not an expression node',
    ]);
  });

  it('a tree nested a hundred thousand levels deep is refused, not a stack overflow', () => {
    let tree: Expression = parse("productKey = 'a'")!;
    for (let level = 0; level < 100_000; level += 1) {
      tree = {
        type: level % 2 === 0 ? 'or' : 'and',
        children: [tree, parse("productKey = 'b'")!],
        keywordSpans: [],
        span: { start: 0, end: 0 },
      };
    }
    for (const compile of Object.values(COMPILERS)) {
      expect(messagesOf(() => compile(tree))).toEqual([
        'Invalid expression tree: the tree nests more than 256 levels deep',
      ]);
    }
  });

  it('schema errors and a target refusal come back together, sorted by position', () => {
    const nul = parse("productKey = 'a\u0000' or firmwareId = 'b' or type = 1")!;
    expect(messagesOf(() => toSql(nul, { dialect: 'sqlite' }))).toEqual([
      'The value for productKey contains the NUL character U+0000, which SQL databases cannot store',
      'Field type expects a string value, found number 1',
    ]);
  });
});

describe('an unknown field names the schema the compiler checked against', () => {
  it.each(Object.entries(COMPILERS))('%s', (_, compile) => {
    expect(messagesOf(() => compile(parse("temperature = 'x'")))).toEqual([
      'Unknown field temperature: supported fields are productKey, firmwareId, firmwareVersion, type, status, name, firmwareName in schema ota-job; pass { schema } for another API',
    ]);
  });
});

describe('options are checked at run time and named', () => {
  const ast = parse("status = 'started'");

  it('toSql: unknown, missing and wrong options', () => {
    expect(() => toSql(ast, { dialect: 'oracle' as SqlDialectName })).toThrow(
      new TypeError('toSql: unknown dialect "oracle": expected postgres, mysql or sqlite'),
    );
    expect(() => toSql(ast, { dialect: ['postgres'] as unknown as SqlDialectName })).toThrow(
      /unknown dialect \["postgres"\]/,
    );
    expect(() => (toSql as (tree: unknown) => unknown)(ast)).toThrow(
      new TypeError('toSql: options are required: { dialect }'),
    );
    expect(() => toSql(ast, { dialect: 'postgres', dialekt: 'x' } as never)).toThrow(
      new TypeError('toSql: unknown option "dialekt": expected schema, dialect, mapping, table or startAt'),
    );
    expect(() => toSql(ast, { dialect: 'postgres', mapping: { table: '' } })).toThrow(
      /mapping.table must be a non-empty string/,
    );
    expect(() => toSql(ast, { dialect: 'postgres', mapping: { columns: { productKey: 'a\u0000b' } } })).toThrow(
      'toSql: mapping.columns.productKey must be a non-empty string without NUL',
    );
    expect(() => toSql(ast, { dialect: 'postgres', schema: {} as never })).toThrow(
      /schema must be a schema made by defineSchema/,
    );
  });

  it('the predicate and MongoDB compilers refuse unknown options too', () => {
    expect(() => toPredicate(ast, { dialect: 'postgres' } as never)).toThrow(
      new TypeError('toPredicate: unknown option "dialect": expected schema'),
    );
    expect(() => toMongo(ast, 'x' as never)).toThrow(new TypeError('toMongo: options must be an object, found string'));
  });

  it('search functions check their options before the request', () => {
    expect(() => toSqlSearch({}, { dialect: 'sqlite', page: 2 } as never)).toThrow(
      new TypeError('toSqlSearch: unknown option "page": expected schema, limits, dialect or mapping'),
    );
    expect(() => searchRecords([], { orgId: 'o' }, { requestId: 7 } as never)).toThrow(
      new TypeError('searchRecords: requestId must be a string'),
    );
    expect(() => validateSearchRequest({ orgId: 'o' }, { limits: 5 } as never)).toThrow(
      /validateSearchRequest: limits must be an object/,
    );
    expect(() => toMongoSearch({ orgId: 'o' }, { schema: {} } as never)).toThrow(
      /toMongoSearch: schema must be a schema made by defineSchema/,
    );
    // A bad request with good options is still the 99400 answer, not an exception.
    expect(searchRecords([], {}, { requestId: 'r' })).toMatchObject({
      code: 99400,
      msg: 'orgId is mandatory',
      requestId: 'r',
    });
  });

  it('a misspelt mapping column is an error that suggests the column', () => {
    const error = thrown(() => toSql(ast, { dialect: 'sqlite', mapping: { columns: { prductKey: 'pk' } } }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'toSql: mapping.columns: the table of ota-job has no column "prductKey" (did you mean productKey?); its columns are orgId, jobId, productKey, firmwareId, firmwareVersion, type, status, createTime, nameDefault, nameZhCn, nameEnUs, firmwareNameDefault, firmwareNameZhCn, firmwareNameEnUs, doc',
    );
  });

  it('table functions name the bad dialect or option', () => {
    expect(() => createTableSql('oracle' as SqlDialectName)).toThrow(
      new TypeError('createTableSql: unknown dialect "oracle": expected postgres, mysql or sqlite'),
    );
    expect(() => createTableSql('sqlite', { table: 'jobs' } as never)).toThrow(
      /createTableSql: unknown option "table": expected mapping or schema/,
    );
    expect(() => insertRow({}, { dialect: 'db2' as SqlDialectName })).toThrow(/insertRow: unknown dialect "db2"/);
    expect(() => toSqlSearch({ orgId: 'o' }, { dialect: 'x' as SqlDialectName })).toThrow(
      /toSqlSearch: unknown dialect "x"/,
    );
  });
});

// --- The property ------------------------------------------------------------------------------------------------

type Mutation = (node: Record<string, unknown>) => unknown;

/** Small, realistic mistakes in a hand-built or JSON tree; some leave it valid (an extra field, a copy). */
const MUTATIONS: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  (node) => ({ ...node, values: [] }),
  (node) => ('value' in node ? { ...node, value: { ...(node.value as object), value: Number.NaN } } : node),
  (node) =>
    'value' in node ? { ...node, value: { ...(node.value as object), value: Number.POSITIVE_INFINITY } } : node,
  (node) => ('value' in node ? { ...node, value: { ...(node.value as object), value: null } } : node),
  (node) => ('value' in node ? { ...node, value: { ...(node.value as object), value: 'a\u0000b' } } : node),
  (node) => ('value' in node ? { ...node, value: { ...(node.value as object), value: '\ud800' } } : node),
  (node) => ({ ...node, type: 'not' }),
  (node) => ({ ...node, op: 'between' }),
  (node) => {
    const { span: _span, ...rest } = node;
    return rest;
  },
  (node) => {
    const { children: _children, path: _path, ...rest } = node;
    return rest;
  },
  (node) => ({ ...node, extra: { $where: '1' } }),
  (node) => ({ ...node, span: { start: -1, end: 'x' } }),
  () => "productKey = 'a'",
  () => null,
  () => 7,
  (node) => ({ ...node }),
);

/** `tree` with the node at pre-order position `index` (mod the node count) replaced by `mutate(node)`. */
function mutateAt(tree: Expression, index: number, mutate: Mutation): unknown {
  const nodes: Expression[] = [];
  const collect = (node: Expression): void => {
    nodes.push(node);
    if (node.type !== 'comparison') node.children.forEach(collect);
  };
  collect(tree);
  const target = nodes[index % nodes.length]!;
  const rebuild = (node: Expression): unknown => {
    if (node === target) return mutate(node as unknown as Record<string, unknown>);
    return node.type === 'comparison' ? node : { ...node, children: node.children.map(rebuild) };
  };
  return rebuild(tree);
}

const engines = enginesWithTables();

describe('mutated trees', () => {
  it('each compiler compiles what the valid tree would, or throws ExpressionError with every problem; the SQL runs', async () => {
    const outcomes = { compiled: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(validExpression({ maxDepth: 3 }), fc.nat(), MUTATIONS, async (valid, index, mutate) => {
        const mutated = mutateAt(valid, index, mutate);
        const plain = JSON.parse(JSON.stringify(valid)) as Expression;
        const sameAsValid =
          JSON.stringify(mutated) === JSON.stringify(plain) ||
          (typeof mutated === 'object' && mutated !== null && 'extra' in mutated);
        for (const [name, compile] of Object.entries(COMPILERS)) {
          let result: unknown;
          try {
            result = compile(mutated);
          } catch (error) {
            expect(error, name).toBeInstanceOf(ExpressionError);
            expect((error as ExpressionError).diagnostics.length, name).toBeGreaterThan(0);
            expect((error as ExpressionError).code).toBe(99400);
            outcomes.refused += 1;
            continue;
          }
          outcomes.compiled += 1;
          if (name === 'toPredicate') continue;
          if (sameAsValid || mutated === null) {
            expect(result, name).toEqual(mutated === null ? compile(null) : compile(valid));
          }
        }
        for (const engine of engines) {
          let where: { where: string; params: unknown[] } | undefined;
          try {
            where = toSql(mutated as Expression, { dialect: engine.dialect });
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionError);
          }
          if (where !== undefined)
            await engine.query(`SELECT COUNT(*) AS n FROM ota_job WHERE ${where.where}`, where.params as never);
        }
      }),
      { numRuns: Number(process.env.OTA_HARDENING_RUNS ?? 300), seed: 20261201 },
    );
    expect(outcomes.compiled).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
