// Section 3: the compiled search query on PostgreSQL 15, against the same query written by hand.
//
//   node --max-old-space-size=4096 bench/sql.mjs [--quick]
//
// Starts its own server (bench/lib/postgres.mjs), creates the shipped `ota_job` table with its indexes
// (`createTableSql('postgres')`), loads the section 2 records (`toRow`), then for each of the ten expressions:
// the plan of the compiled page-1 query (`toSqlSearch`, EXPLAIN: which indexes) and its median latency against a
// hand-written query with the same meaning, on fresh values each time (no query text is measured twice).

import { performance } from 'node:perf_hooks';
import { createTableSql, parse, toPredicate, toRow, toSqlSearch } from '../dist/index.js';
import { fmt, median, table } from './lib/measure.mjs';
import { planSummary, withPostgresSection } from './lib/postgres.mjs';
import { expressions, expressionValues, records as makeRecords } from './lib/records.mjs';
import { emit, isMain, options } from './lib/section.mjs';

const FOLD = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'";
const f = (column) => `translate(${column}, ${FOLD})`;
const contains = (pattern) => `%${pattern.replace(/[A-Z]/g, (c) => c.toLowerCase())}%`;

/**
 * The hand-written queries: what a developer who knows the schema writes for the same meaning (docs/LANGUAGE.md §3), using the
 * same indexes (the trigram indexes are on `translate(column, A–Z, a–z)`, which folds ASCII letters only).
 */
export function handWritten(x) {
  const params = ['o1'];
  const p = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const list = (values) => values.map(p).join(', ');
  const anyName = (prefix, pattern) => {
    const like = p(contains(pattern));
    return `(${f(`${prefix}_default`)} LIKE ${like} OR ${f(`${prefix}_zh_cn`)} LIKE ${like} OR ${f(`${prefix}_en_us`)} LIKE ${like})`;
  };
  const locale = (prefix, locale, pattern) => {
    const like = p(contains(pattern));
    const column = `${prefix}_${locale}`;
    return `(${f(column)} LIKE ${like} OR (coalesce(${column}, '') = '' AND ${f(`${prefix}_default`)} LIKE ${like}))`;
  };
  const where = [
    () => `product_key = ${p(x.pk1)}`,
    () => `product_key IN (${list(x.pkIn5)})`,
    () => `status = ${p(x.status)} AND type = ${p(x.type)}`,
    () => anyName('name', x.nameLike),
    () => locale('name', 'zh_cn', x.zhLike),
    () => locale('firmware_name', 'en_us', x.enLike),
    () => `(firmware_version = ${p(x.version7)} OR firmware_id = ${p(x.firmware8)})`,
    () =>
      `product_key IN (${list(x.pkIn3)}) AND (${anyName('name', x.nameLike2)} OR ${anyName('firmware_name', x.fwLike2)})`,
    () => `(status = 'stopped' OR type = ${p(x.type)}) AND firmware_version IN (${list(x.versionsIn3)})`,
    () => `${locale('firmware_name', 'zh_cn', x.zhLike2)} AND product_key IN (${p(x.pk12)}, ${p(x.pk13)})`,
  ];
  return where.map((w) => {
    params.length = 1;
    const condition = w();
    return {
      sql: `SELECT doc FROM ota_job WHERE org_id = $1 AND ${condition} ORDER BY create_time DESC NULLS LAST, job_id LIMIT 10`,
      params: [...params],
    };
  });
}

/**
 * Selective `like` cases: patterns that match few rows (a whole, long name from the pools, or a word in no record),
 * where scanning the trigram index beats walking the time index until ten rows match. The frequent patterns of the
 * ten expressions answer a different question (the planner rightly stops early on the time index there).
 */
function selectiveLikes(pools) {
  const longest = (list) => list.reduce((best, x) => (x.length > best.length ? x : best));
  const en = longest(pools.enNames);
  const zh = longest(pools.zhNames);
  const en2 = longest(pools.enNames.filter((x) => x !== en));
  return [
    { text: `name like '${en}'`, hand: (p) => handAnyName('name', en, p) },
    { text: `name.zh_CN like '${zh}'`, hand: (p) => handLocale('name', 'zh_cn', zh, p) },
    { text: `firmwareName.en_US like '${en2}'`, hand: (p) => handLocale('firmware_name', 'en_us', en2, p) },
    { text: `name like 'xylophone'`, hand: (p) => handAnyName('name', 'xylophone', p) },
  ];
}

function handAnyName(prefix, pattern, p) {
  const like = p(contains(pattern));
  return `(${f(`${prefix}_default`)} LIKE ${like} OR ${f(`${prefix}_zh_cn`)} LIKE ${like} OR ${f(`${prefix}_en_us`)} LIKE ${like})`;
}

function handLocale(prefix, locale, pattern, p) {
  const like = p(contains(pattern));
  const column = `${prefix}_${locale}`;
  return `(${f(column)} LIKE ${like} OR (coalesce(${column}, '') = '' AND ${f(`${prefix}_default`)} LIKE ${like}))`;
}

function handQuery(condition) {
  const params = ['o1'];
  const p = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = condition(p);
  return {
    sql: `SELECT doc FROM ota_job WHERE org_id = $1 AND ${where} ORDER BY create_time DESC NULLS LAST, job_id LIMIT 10`,
    params,
  };
}

function compiled(text) {
  const search = toSqlSearch(
    { orgId: 'o1', expression: text, pagination: { pageNo: 1, pageSize: 10 } },
    { dialect: 'postgres' },
  );
  return { sql: search.sql, params: search.params };
}

export async function load(client, records) {
  const statements = createTableSql('postgres');
  const isIndex = (s) => /^\s*CREATE\s+INDEX/i.test(s);
  for (const s of statements.filter((s) => !isIndex(s))) await client.query(s);
  const t0 = performance.now();
  const batch = 5000;
  for (let i = 0; i < records.length; i += batch) {
    const rows = records.slice(i, i + batch).map((job) => ({ ...toRow(job), doc: job }));
    await client.query('INSERT INTO ota_job SELECT * FROM json_populate_recordset(NULL::ota_job, $1::json)', [
      JSON.stringify(rows),
    ]);
  }
  const t1 = performance.now();
  for (const s of statements.filter(isIndex)) await client.query(s);
  await client.query('VACUUM ANALYZE ota_job');
  const t2 = performance.now();
  return { loadSeconds: (t1 - t0) / 1000, indexSeconds: (t2 - t1) / 1000, indexes: statements.filter(isIndex).length };
}

export async function run({ quick }) {
  const total = quick ? 20_000 : 1_000_000;
  const variants = quick ? 5 : 15;
  const { records, pools } = makeRecords(total);
  return withPostgresSection('3. SQL on PostgreSQL', 'PostgreSQL section', async (client) => {
    const loaded = await load(client, records);
    const version = (await client.query('SHOW server_version')).rows[0].server_version;

    const base = expressions(pools, 0);
    const handBase = handWritten(expressionValues(pools, 0));
    const rows = [];
    for (let e = 0; e < base.length; e += 1) {
      const mine = compiled(base[e]);
      const hand = handBase[e];
      // Same records on page 1, in the same order.
      const [a, b] = [await client.query(mine.sql, mine.params), await client.query(hand.sql, hand.params)];
      const same = JSON.stringify(a.rows.map((r) => r.doc.jobId)) === JSON.stringify(b.rows.map((r) => r.doc.jobId));
      const planMine = planSummary(
        (await client.query(`EXPLAIN (FORMAT JSON) ${mine.sql}`, mine.params)).rows[0]['QUERY PLAN'],
      );
      const planHand = planSummary(
        (await client.query(`EXPLAIN (FORMAT JSON) ${hand.sql}`, hand.params)).rows[0]['QUERY PLAN'],
      );
      // Latency: fresh values per variant, compiled and hand-written alternating which goes first.
      const times = { mine: [], hand: [] };
      for (let v = 1; v <= variants; v += 1) {
        const queries = { mine: compiled(expressions(pools, v)[e]), hand: handWritten(expressionValues(pools, v))[e] };
        const order = v % 2 === 0 ? ['mine', 'hand'] : ['hand', 'mine'];
        for (const side of order) {
          const t0 = performance.now();
          await client.query(queries[side].sql, queries[side].params);
          times[side].push(performance.now() - t0);
        }
      }
      const ratios = times.mine.map((t, i) => t / times.hand[i]);
      rows.push({
        text: base[e],
        same,
        planMine,
        planHand,
        mine: median(times.mine),
        hand: median(times.hand),
        ratio: median(ratios),
        hasEquality: /(?:=|\bin\b)\s*[('"]/.test(base[e].replace(/\blike\b\s*'[^']*'/g, '')),
        hasLike: /\blike\b/.test(base[e]),
      });
    }

    // Selective `like`: plan, rows selected (counted by toPredicate on the same records), and the median of 5 runs
    // of each query (same text each time: these few cases are about the plan, the latency is for scale).
    const selective = [];
    for (const c of selectiveLikes(pools)) {
      const mine = compiled(c.text);
      const hand = handQuery(c.hand);
      const predicate = toPredicate(parse(c.text));
      let matches = 0;
      for (const r of records) if (predicate(r)) matches += 1;
      const [a, b] = [await client.query(mine.sql, mine.params), await client.query(hand.sql, hand.params)];
      const same = JSON.stringify(a.rows.map((r) => r.doc.jobId)) === JSON.stringify(b.rows.map((r) => r.doc.jobId));
      const planMine = planSummary(
        (await client.query(`EXPLAIN (FORMAT JSON) ${mine.sql}`, mine.params)).rows[0]['QUERY PLAN'],
      );
      const planHand = planSummary(
        (await client.query(`EXPLAIN (FORMAT JSON) ${hand.sql}`, hand.params)).rows[0]['QUERY PLAN'],
      );
      const times = { mine: [], hand: [] };
      for (let k = 0; k < 5; k += 1) {
        for (const side of k % 2 === 0 ? ['mine', 'hand'] : ['hand', 'mine']) {
          const q = side === 'mine' ? mine : hand;
          const t0 = performance.now();
          await client.query(q.sql, q.params);
          times[side].push(performance.now() - t0);
        }
      }
      selective.push({
        text: c.text,
        matches,
        same,
        planMine,
        planHand,
        mine: median(times.mine),
        hand: median(times.hand),
      });
    }

    const plan = (s) =>
      (s.indexes.length ? s.indexes.map((i) => `\`${i.replace(/^ota_job_/, '')}\``).join(', ') : 'none') +
      (s.seq ? ' + Seq Scan' : '');
    const markdown = [
      `PostgreSQL ${version}, ${total.toLocaleString('en')} rows in the shipped \`ota_job\` table (loaded in ${fmt(loaded.loadSeconds, 1)} s; its ${loaded.indexes} indexes built in ${fmt(loaded.indexSeconds, 1)} s, then VACUUM ANALYZE). The compiled query is \`toSqlSearch\`'s page-1 \`sql\` (page size 10, \`orgId\` o1: every row); the hand-written one has the same meaning and uses the same indexes (bench/sql.mjs). Plans are of the first instance of each expression (index names without the \`ota_job_\` prefix); latencies are medians of ${variants} further instances with other values (each text run once, compiled and hand-written alternating which goes first), wall clock through the Unix socket. The count query a search also runs is not timed.`,
      '',
      table(
        [
          'expression',
          'same page 1',
          'compiled: plan',
          'hand-written: plan',
          'compiled ms',
          'hand-written ms',
          'compiled ÷ hand-written',
        ],
        rows.map((r, i) => [
          `${i + 1}. \`${r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text}\``,
          r.same ? 'yes' : '**no**',
          plan(r.planMine),
          plan(r.planHand),
          fmt(r.mine, 2),
          fmt(r.hand, 2),
          `${fmt(r.ratio)} ×`,
        ]),
      ),
      '',
      `Selective \`like\` (patterns that match few rows: the longest names in the pools, and a word in no record), where a trigram index scan is the best plan. Rows selected are counted by \`toPredicate\` on the same records; latencies are medians of 5 runs of the same text (warm), for scale.`,
      '',
      table(
        [
          'expression',
          'rows selected',
          'same page 1',
          'compiled: plan',
          'hand-written: plan',
          'compiled ms',
          'hand-written ms',
        ],
        selective.map((r) => [
          `\`${r.text}\``,
          String(r.matches),
          r.same ? 'yes' : '**no**',
          plan(r.planMine),
          plan(r.planHand),
          fmt(r.mine, 2),
          fmt(r.hand, 2),
        ]),
      ),
    ].join('\n');
    const equality = rows.filter((r) => r.hasEquality && !r.hasLike);
    const likes = rows.filter((r) => r.hasLike);
    const worst = Math.max(...rows.map((r) => r.ratio));
    const targets = [
      {
        target: 'every `=`/`in` query uses an index (no sequential scan)',
        met: equality.every((r) => r.planMine.indexes.length > 0 && !r.planMine.seq),
        measured: equality.map((r) => `#${rows.indexOf(r) + 1}: ${plan(r.planMine)}`).join('; '),
      },
      {
        target: '`like` uses the trigram index (frequent patterns: a planner choice, see Caveats)',
        met: likes.every((r) => r.planMine.indexes.some((i) => i.endsWith('_trgm'))),
        measured: likes.map((r) => `#${rows.indexOf(r) + 1}: ${plan(r.planMine)}`).join('; '),
      },
      {
        target: 'selective `like` (few rows) uses the trigram index',
        met: selective.every((r) => r.planMine.indexes.some((i) => i.endsWith('_trgm'))),
        measured: selective
          .map((r) => `\`${r.text.slice(0, 30)}\`: ${plan(r.planMine)} (${r.matches} rows)`)
          .join('; '),
      },
      {
        target: 'compiled latency ≤ 1.2 × the hand-written query',
        met: worst <= 1.2,
        measured: `worst ${fmt(worst)} × (median of per-instance ratios per expression; all: ${rows.map((r) => fmt(r.ratio)).join(', ')})`,
      },
      {
        target: 'compiled and hand-written queries return the same page 1',
        met: rows.every((r) => r.same),
        measured: rows.every((r) => r.same)
          ? 'all ten'
          : `differs for #${rows
              .filter((r) => !r.same)
              .map((r) => rows.indexOf(r) + 1)
              .join(', #')}`,
      },
    ];
    return { title: '3. SQL on PostgreSQL', markdown, targets, data: rows };
  });
}

if (isMain(import.meta.url)) emit(await run(options()));
