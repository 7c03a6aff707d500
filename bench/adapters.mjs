// Section 6: the query-builder adapters (ota-expr/kysely, /knex, /drizzle) against `toSql`.
//
//   node --expose-gc --max-old-space-size=4096 bench/adapters.mjs [--quick]
//
// 6a. Compile time per expression: each adapter's call (tree in, the builder's condition object out) against
//     `toSql` on the same trees, interleaved round by round, fresh values every round (bench/lib/measure.mjs).
// 6b. On PostgreSQL 15 (its own server, bench/lib/postgres.mjs), the shipped `ota_job` table with its indexes: for
//     each of the ten expressions of section 2, the page-1 query each builder composes (tenant condition, the
//     filter, ORDER BY the search order, LIMIT 10) against the same query with `toSql(…, { startAt: 2 })` spliced by
//     hand: the plan (node types and indexes, compared whole) and the latency, fresh values for every run.

import { performance } from 'node:perf_hooks';
import { and, asc, eq, sql as drizzleSql } from 'drizzle-orm';
import { QueryBuilder, bigint, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import knex from 'knex';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { createTableSql, parse, toRow, toSql } from '../dist/index.js';
import { otaWhere as drizzleWhere } from '../dist/drizzle.js';
import { otaFilter } from '../dist/knex.js';
import { otaWhere as kyselyWhere } from '../dist/kysely.js';
import { consume, fmt, interleave, median, ratioPerItem, perRound, table } from './lib/measure.mjs';
import { withPostgresSection } from './lib/postgres.mjs';
import { expressions, records as makeRecords } from './lib/records.mjs';
import { emit, isMain, options } from './lib/section.mjs';

const kysely = new Kysely({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const knexPg = knex({ client: 'pg' });
const otaJob = pgTable('ota_job', {
  orgId: text('org_id'),
  jobId: text('job_id'),
  createTime: bigint('create_time', { mode: 'number' }),
  doc: jsonb('doc'),
});

const PG = { dialect: 'postgres' };
const CONTENDERS = [
  { name: 'toSql', compile: (tree) => toSql(tree, PG) },
  { name: 'kysely', compile: (tree) => kyselyWhere(tree, PG) },
  { name: 'knex', compile: (tree) => otaFilter(tree, PG) },
  { name: 'drizzle', compile: (tree) => drizzleWhere(tree, PG) },
];

function compileTimes({ pools, rounds, perRoundVariants }) {
  const slice = (round) => {
    const trees = [];
    const first = 1000 + (round + 1) * perRoundVariants;
    for (let v = first; v < first + perRoundVariants; v += 1)
      for (const t of expressions(pools, v)) trees.push(parse(t));
    return trees;
  };
  const samples = interleave({
    rounds,
    warmup: 20,
    slice,
    contenders: CONTENDERS.map((c) => ({
      name: c.name,
      prepare: (trees) => ({ items: trees, units: trees.length }),
      run: (trees) => {
        for (const tree of trees) consume(c.compile(tree));
      },
    })),
  });
  const base = samples.get('toSql');
  return CONTENDERS.map((c) => {
    const s = samples.get(c.name);
    return {
      name: c.name,
      usPerExpression: perRound(s, (ns, _, count) => ns / count / 1000),
      ratio: ratioPerItem(s, base),
    };
  });
}

/** The page-1 query of each builder, and `toSql` spliced by hand: same tenant, filter, order and limit. */
function queries(tree) {
  const tenant = 'o1';
  const spliced = toSql(tree, { dialect: 'postgres', startAt: 2 });
  const byHand = {
    sql: `SELECT doc FROM ota_job WHERE org_id = $1 AND ${spliced.where} ORDER BY create_time DESC NULLS LAST, job_id LIMIT 10`,
    params: [tenant, ...spliced.params],
  };
  const k = kysely
    .selectFrom('ota_job')
    .select('doc')
    .where('org_id', '=', tenant)
    .where(kyselyWhere(tree, PG))
    .orderBy('create_time', (ob) => ob.desc().nullsLast())
    .orderBy('job_id')
    .limit(10)
    .compile();
  const n = knexPg('ota_job')
    .select('doc')
    .where('org_id', tenant)
    .where(otaFilter(tree, PG))
    .orderByRaw('create_time DESC NULLS LAST, job_id')
    .limit(10)
    .toSQL()
    .toNative();
  const d = new QueryBuilder()
    .select({ doc: otaJob.doc })
    .from(otaJob)
    .where(and(eq(otaJob.orgId, tenant), drizzleWhere(tree, PG)))
    .orderBy(drizzleSql`${otaJob.createTime} DESC NULLS LAST`, asc(otaJob.jobId))
    .limit(10)
    .toSQL();
  return {
    byHand,
    kysely: { sql: k.sql, params: [...k.parameters] },
    knex: { sql: n.sql, params: [...n.bindings] },
    drizzle: { sql: d.sql, params: d.params },
  };
}

/** The plan's shape: node types, relations and indexes, nested; costs and row estimates left out. */
function planShape(node) {
  const own = [node['Node Type'], node['Relation Name'], node['Index Name']].filter(Boolean).join(' ');
  return node.Plans?.length ? `${own}(${node.Plans.map(planShape).join(', ')})` : own;
}

async function load(client, records) {
  const statements = createTableSql('postgres');
  const isIndex = (s) => /^\s*CREATE\s+INDEX/i.test(s);
  for (const s of statements.filter((s) => !isIndex(s))) await client.query(s);
  for (let i = 0; i < records.length; i += 5000) {
    const rows = records.slice(i, i + 5000).map((job) => ({ ...toRow(job), doc: job }));
    await client.query('INSERT INTO ota_job SELECT * FROM json_populate_recordset(NULL::ota_job, $1::json)', [
      JSON.stringify(rows),
    ]);
  }
  for (const s of statements.filter(isIndex)) await client.query(s);
  await client.query('VACUUM ANALYZE ota_job');
}

const ADAPTERS = ['kysely', 'knex', 'drizzle'];
const REPEATS = 3;

async function onPostgres({ records, pools, variants }) {
  return withPostgresSection('6. Query-builder adapters', 'adapters on PostgreSQL', async (client) => {
    await load(client, records);
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    const rows = [];
    const base = expressions(pools, 0);
    for (let e = 0; e < base.length; e += 1) {
      const first = queries(parse(base[e]));
      const plan = async (q) =>
        planShape((await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params)).rows[0]['QUERY PLAN'][0].Plan);
      const page = async (q) => JSON.stringify((await client.query(q.sql, q.params)).rows.map((r) => r.doc.jobId));
      const handPlan = await plan(first.byHand);
      const handPage = await page(first.byHand);
      const row = { text: base[e], adapters: {} };
      for (const adapter of ADAPTERS) {
        row.adapters[adapter] = {
          samePlan: (await plan(first[adapter])) === handPlan,
          samePage: (await page(first[adapter])) === handPage,
          ratios: [],
        };
      }
      // Latency: each variant's values are fresh; the hand-spliced query and the three composed ones rotate order.
      for (let v = 1; v <= variants; v += 1) {
        const q = queries(parse(expressions(pools, v)[e]));
        const sides = ['byHand', ...ADAPTERS];
        const times = {};
        // Three rotations per instance, the fastest run of each side kept: a neighbour's burst on the shared
        // machine then inflates neither side of a ratio.
        for (let pass = 0; pass < REPEATS; pass += 1) {
          for (let k = 0; k < sides.length; k += 1) {
            const side = sides[(k + v + pass) % sides.length];
            const t0 = performance.now();
            await client.query(q[side].sql, q[side].params);
            times[side] = Math.min(times[side] ?? Infinity, performance.now() - t0);
          }
        }
        for (const adapter of ADAPTERS) row.adapters[adapter].ratios.push(times[adapter] / times.byHand);
        (row.hand ??= []).push(times.byHand);
      }
      rows.push(row);
    }
    return { version, rows };
  });
}

export async function run({ quick }) {
  const total = quick ? 20_000 : 200_000;
  const { records, pools } = makeRecords(total);
  const compile = compileTimes({ pools, rounds: quick ? 8 : 40, perRoundVariants: quick ? 10 : 30 });
  const pg = await onPostgres({ records, pools, variants: quick ? 8 : 40 });
  const compileTable = table(
    ['contender', 'µs per expression', '÷ toSql (median of per-round ratios)'],
    compile.map((c) => [
      c.name === 'toSql' ? '`toSql` (baseline)' : `\`ota-expr/${c.name}\``,
      fmt(c.usPerExpression),
      `${fmt(c.ratio)} ×`,
    ]),
  );
  const targets = compile
    .filter((c) => c.name !== 'toSql')
    .map((c) => ({ target: `${c.name}: compile ≤ 2 × toSql`, met: c.ratio <= 2, measured: `${fmt(c.ratio)} ×` }));
  const markdown = [
    `Compile time: the ten expressions of section 2 with fresh values every round (${compile.length} contenders interleaved; each call goes from a parsed tree to the builder's condition object: Kysely's \`RawBuilder\`, Knex's query callback, Drizzle's \`SQL\`; the builder's own compilation of the whole query is not included, as \`toSql\`'s caller also has a query to write).`,
    '',
    compileTable,
    '',
  ];
  if (pg.rows === undefined) {
    markdown.push(pg.markdown);
    targets.push(...pg.targets);
  } else {
    const median3 = (list) => median(list);
    markdown.push(
      `PostgreSQL ${pg.version}, ${total.toLocaleString('en')} rows in the shipped \`ota_job\` table with its indexes. Each builder composes \`org_id = $1\` AND the filter, \`ORDER BY create_time DESC NULLS LAST, job_id LIMIT 10\`; the baseline splices \`toSql(tree, { dialect: 'postgres', startAt: 2 }).where\` into the same text by hand. "Same plan": the EXPLAIN trees (node types, relations, indexes) are identical; latency ratios are medians over ${pg.rows[0].hand.length} fresh instances of each expression (the four queries of an instance run in ${REPEATS} rotations, the fastest run of each kept), wall clock through the Unix socket.`,
      '',
      table(
        ['expression', 'hand-spliced ms', ...ADAPTERS.flatMap((a) => [`${a}: same plan, page`, `${a} ÷ hand`])],
        pg.rows.map((r, i) => [
          `${i + 1}. \`${r.text.length > 50 ? `${r.text.slice(0, 47)}…` : r.text}\``,
          fmt(median3(r.hand)),
          ...ADAPTERS.flatMap((a) => [
            `${r.adapters[a].samePlan ? 'yes' : '**no**'}, ${r.adapters[a].samePage ? 'yes' : '**no**'}`,
            `${fmt(median3(r.adapters[a].ratios))} ×`,
          ]),
        ]),
      ),
    );
    for (const adapter of ADAPTERS) {
      const same = pg.rows.every((r) => r.adapters[adapter].samePlan && r.adapters[adapter].samePage);
      const overall = median(pg.rows.flatMap((r) => r.adapters[adapter].ratios));
      const worst = Math.max(...pg.rows.map((r) => median(r.adapters[adapter].ratios)));
      targets.push(
        {
          target: `${adapter}: same plan and page as toSql spliced by hand`,
          met: same,
          measured: same ? '10 of 10' : 'differs',
        },
        {
          target: `${adapter}: page-1 latency ≤ 1.1 × hand-spliced`,
          met: overall <= 1.1,
          measured: `median ${fmt(overall)} ×, worst expression ${fmt(worst)} ×`,
        },
      );
    }
  }
  return { title: '6. Query-builder adapters (Kysely, Knex, Drizzle)', markdown: markdown.join('\n'), targets };
}

if (isMain(import.meta.url)) {
  const result = await run(options());
  emit(result);
  await knexPg.destroy();
}
