// Section 5: map fields on PostgreSQL 15: Search Device's `deviceTags.Region = 'x'` (selective) and
// `exists(deviceAttributes.k)` on 1,000,000 devices, compiled by `toSqlSearch` against the same query written by hand.
//
//   node --max-old-space-size=4096 bench/family.mjs [--quick]
//
// Starts its own server, creates the `device` table and its entries table from the schema
// (`createTableSql('postgres', { schema: schemas.device })`), loads deterministic devices (each with two tags and one
// or two attributes), builds the indexes, then for each case: the plan of the compiled page-1 query (EXPLAIN: which
// indexes) and its median latency against the hand-written one, on fresh values each time.

import { performance } from 'node:perf_hooks';
import { createTableSql, schemas, toRow, toSqlSearch } from '../dist/index.js';
import { fmt, median, table } from './lib/measure.mjs';
import { planSummary, withPostgresSection } from './lib/postgres.mjs';
import { emit, isMain, options } from './lib/section.mjs';

const schema = schemas.device;
const REGIONS = 2000; // about 500 devices per region: a selective tag value
const RARE_KEYS = 40; // attribute k<i> on 1 device in 1,000 each

function devices(total) {
  const records = [];
  for (let i = 0; i < total; i += 1) {
    const attributes = { floor: i % 30 };
    if (i % 1000 < RARE_KEYS) attributes[`k${i % 1000}`] = i % 7 === 0 ? 'on' : i % 100;
    records.push({
      orgId: 'o1',
      assetId: `a${String(i).padStart(7, '0')}`,
      productKey: `pk${i % 500}`,
      status: ['online', 'offline', 'inactive'][i % 3],
      createTime: 1_700_000_000_000 + Math.floor(i / 3) * 1000,
      deviceTags: { Region: `region-${(i * 7919) % REGIONS}`, Site: `site-${i % 50}` },
      deviceAttributes: attributes,
    });
  }
  return records;
}

/** The entries of a device as rows of `device_entries` (what insertRow's second statement inserts). */
function entryRows(device) {
  const rows = [];
  for (const [key, value] of Object.entries(device.deviceTags)) {
    rows.push({
      org_id: device.orgId,
      asset_id: device.assetId,
      field: 'deviceTags',
      entry_key: key,
      text_value: value,
    });
  }
  for (const [key, value] of Object.entries(device.deviceAttributes)) {
    rows.push({
      org_id: device.orgId,
      asset_id: device.assetId,
      field: 'deviceAttributes',
      entry_key: key,
      ...(typeof value === 'string' ? { text_value: value } : { number_value: value }),
    });
  }
  return rows;
}

async function load(client, records) {
  const statements = createTableSql('postgres', { schema });
  const isIndex = (s) => /^\s*CREATE\s+INDEX/i.test(s);
  for (const s of statements.filter((s) => !isIndex(s))) await client.query(s);
  const t0 = performance.now();
  const batch = 5000;
  for (let i = 0; i < records.length; i += batch) {
    const slice = records.slice(i, i + batch);
    const rows = slice.map((device) => ({ ...toRow(device, { schema }), doc: device }));
    await client.query('INSERT INTO device SELECT * FROM json_populate_recordset(NULL::device, $1::json)', [
      JSON.stringify(rows),
    ]);
    await client.query(
      'INSERT INTO device_entries SELECT * FROM json_populate_recordset(NULL::device_entries, $1::json)',
      [JSON.stringify(slice.flatMap(entryRows))],
    );
  }
  const t1 = performance.now();
  for (const s of statements.filter(isIndex)) await client.query(s);
  await client.query('VACUUM ANALYZE device');
  await client.query('VACUUM ANALYZE device_entries');
  const t2 = performance.now();
  const entries = Number((await client.query('SELECT count(*) AS n FROM device_entries')).rows[0].n);
  return { loadSeconds: (t1 - t0) / 1000, indexSeconds: (t2 - t1) / 1000, entries };
}

function compiled(expression) {
  const search = toSqlSearch(
    { orgId: 'o1', expression, pagination: { pageNo: 1, pageSize: 10 } },
    { dialect: 'postgres', schema },
  );
  return { sql: search.sql, params: search.params };
}

/** What a developer who knows the entries table writes for the same page. */
function handWritten(field, key, value) {
  const params = ['o1', field, key];
  const valueTest = value === undefined ? '' : ` AND e.text_value = $${params.push(value)}`;
  return {
    sql:
      'SELECT d.doc FROM device d WHERE d.org_id = $1 AND EXISTS (SELECT 1 FROM device_entries e ' +
      `WHERE e.org_id = d.org_id AND e.asset_id = d.asset_id AND e.field = $2 AND e.entry_key = $3${valueTest}) ` +
      'ORDER BY d.create_time DESC NULLS LAST, d.asset_id ASC NULLS FIRST LIMIT 10',
    params,
  };
}

const CASES = [
  {
    name: "deviceTags.Region = 'region-<n>' (selective: about 500 of 1,000,000)",
    text: (v) => `deviceTags.Region = 'region-${(v * 37) % REGIONS}'`,
    hand: (v) => handWritten('deviceTags', 'Region', `region-${(v * 37) % REGIONS}`),
  },
  {
    name: 'exists(deviceAttributes.k<n>) (1 device in 1,000)',
    text: (v) => `exists(deviceAttributes.k${v % RARE_KEYS})`,
    hand: (v) => handWritten('deviceAttributes', `k${v % RARE_KEYS}`),
  },
];

export async function run({ quick }) {
  const total = quick ? 20_000 : 1_000_000;
  const variants = quick ? 5 : 15;
  return withPostgresSection(
    '5. Map fields on PostgreSQL (Search Device)',
    'map fields on PostgreSQL',
    async (client) => {
      const records = devices(total);
      const loaded = await load(client, records);
      const rows = [];
      for (const c of CASES) {
        const mine = compiled(c.text(0));
        const hand = c.hand(0);
        const [a, b] = [await client.query(mine.sql, mine.params), await client.query(hand.sql, hand.params)];
        const same =
          a.rows.length > 0 &&
          JSON.stringify(a.rows.map((r) => r.doc.assetId)) === JSON.stringify(b.rows.map((r) => r.doc.assetId));
        const explain = async (q) =>
          planSummary((await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params)).rows[0]['QUERY PLAN']);
        const planMine = await explain(mine);
        const planHand = await explain(hand);
        const times = { mine: [], hand: [] };
        for (let v = 1; v <= variants; v += 1) {
          const queries = { mine: compiled(c.text(v)), hand: c.hand(v) };
          for (const side of v % 2 === 0 ? ['mine', 'hand'] : ['hand', 'mine']) {
            const t0 = performance.now();
            await client.query(queries[side].sql, queries[side].params);
            times[side].push(performance.now() - t0);
          }
        }
        const ratios = times.mine.map((t, i) => t / times.hand[i]);
        rows.push({
          ...c,
          same,
          planMine,
          planHand,
          mine: median(times.mine),
          hand: median(times.hand),
          ratio: median(ratios),
        });
      }
      const plan = (s) =>
        (s.indexes.length ? s.indexes.map((i) => `\`${i}\``).join(', ') : 'none') + (s.seq ? ' + Seq Scan' : '');
      const markdown = [
        `${total.toLocaleString('en')} devices in the \`device\` table and ${loaded.entries.toLocaleString('en')} map entries in \`device_entries\`, both from \`createTableSql('postgres', { schema: schemas.device })\` (loaded in ${fmt(loaded.loadSeconds, 1)} s, indexes in ${fmt(loaded.indexSeconds, 1)} s, then VACUUM ANALYZE). The compiled query is \`toSqlSearch\`'s page-1 \`sql\`; the hand-written one tests the same entry with the same EXISTS and the same order (bench/family.mjs). Latencies: medians of ${variants} instances with other values, alternating which goes first.`,
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
          rows.map((r) => [
            r.name,
            r.same ? 'yes' : '**no**',
            plan(r.planMine),
            plan(r.planHand),
            fmt(r.mine, 2),
            fmt(r.hand, 2),
            `${fmt(r.ratio)} ×`,
          ]),
        ),
      ].join('\n');
      const worst = Math.max(...rows.map((r) => r.ratio));
      const entryIndexUsed = rows.every((r) => r.planMine.indexes.some((i) => i.startsWith('device_entries')));
      return {
        title: '5. Map fields on PostgreSQL (Search Device)',
        markdown,
        targets: [
          {
            target: 'map entries use an index (EXPLAIN)',
            met: entryIndexUsed && rows.every((r) => !r.planMine.seq),
            measured: rows.map((r) => plan(r.planMine)).join('; '),
          },
          {
            target: 'map entries: compiled latency ≤ 1.2 × hand-written',
            met: worst <= 1.2,
            measured: `worst ${fmt(worst)} ×`,
          },
          {
            target: 'map entries: same page 1 as hand-written',
            met: rows.every((r) => r.same),
            measured: rows.every((r) => r.same) ? 'both cases' : 'no',
          },
        ],
      };
    },
  );
}

if (isMain(import.meta.url)) emit(await run(options()));
