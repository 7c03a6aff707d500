// The reference server for bench/server.mjs, in a process of its own (so that autocannon does not share its event
// loop): `node bench/lib/server-child.mjs '<json config>'`. Mode `library` answers with toSqlSearch, as the shipped
// server does; mode `hand` answers from the SQL of bench/sql.mjs's hand-written queries for the same expressions,
// through the same server (routes, signature checks, envelope), so that the difference is the library's part alone.
// Prints `listening on URL` like the bin.

import { startServer } from '../../packages/server/dist/index.js';
import { handWritten } from '../sql.mjs';
import { expressions, expressionValues, records as makeRecords } from './records.mjs';

const config = JSON.parse(process.argv[2]);

function handTable(variants) {
  const { pools } = makeRecords(1, 7); // the pools only depend on the seed, not on the count
  const table = new Map();
  for (let v = 0; v < variants; v += 1) {
    const texts = expressions(pools, v);
    const queries = handWritten(expressionValues(pools, v));
    texts.forEach((text, i) => {
      const { sql, params } = queries[i];
      const condition = sql.slice(sql.indexOf(' WHERE '), sql.indexOf(' ORDER BY '));
      table.set(text, {
        sql,
        params,
        countSql: `SELECT COUNT(*) AS total FROM ota_job${condition}`,
        countParams: params,
      });
    });
  }
  return table;
}

const hand = config.mode === 'hand' ? handTable(config.variants) : undefined;
const server = await startServer({
  port: 0,
  database: config.database,
  apps: config.apps,
  ...(config.demo ? { demo: config.demo } : {}),
  logger: false,
  ...(config.poolSize ? { poolSize: config.poolSize } : {}),
  ...(hand
    ? {
        // Page 1 of 10, org o1: what the hand-written queries answer (their LIMIT 10, no OFFSET).
        compileSearch: (request) => {
          const query = hand.get(request.expression);
          if (query === undefined) throw new Error(`no hand-written query for ${request.expression}`);
          return { ...query, page: { pageNo: 1, pageSize: 10 }, sortedBy: null };
        },
      }
    : {}),
});
process.stdout.write(`listening on ${server.url}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
