// Section 8: the reference server (packages/server) under load, with autocannon on loopback.
//
//   node bench/server.mjs [--quick] [--duration S] [--connections N]
//
// The server runs as a child process (bench/lib/server-child.mjs), autocannon in this one: 64 connections, 30 s per
// measurement (--quick: 5 s, smaller data), pre-signed requests (the gateway's signature, 10-minute window) cycling
// through the corpus's expressions. Three measurements: SQLite with the demo data (every request a different page of
// OTA jobs and devices), PostgreSQL with 1,000,000 OTA jobs answered by toSqlSearch, and the same PostgreSQL load
// answered from hand-written SQL for each expression through the same server (routes, signatures, envelope): the
// library's overhead as the ratio of the two. RSS of the server process before and after each measurement.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_ORG_IDS, demoRecords, signedHeaders, tokenEncryption } from '../packages/server/dist/index.js';
import { fmt, median, table } from './lib/measure.mjs';
import { withPostgresSection } from './lib/postgres.mjs';
import { expressions, records as makeRecords } from './lib/records.mjs';
import { emit, isMain, options } from './lib/section.mjs';
import { load as loadPostgres } from './sql.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const APP = { appKey: 'bench', appSecret: 'bench-secret-of-the-load-test', orgIds: [...DEMO_ORG_IDS, 'o1'] };
const JOBS = '/connect-service/v2.1/ota-jobs?action=search';
const DEVICES = '/connect-service/v2.4/devices?action=search';
/** The corpus expressions (bench/lib/records.mjs) that select few rows: 0, 1, 6, 7 and 9. */
const SELECTIVE = new Set([0, 1, 6, 7, 9]);

function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Starts the server child; resolves when it prints its URL. */
function startChild(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'lib/server-child.mjs'), JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^listening on (\S+)\n/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server child exited (${code}) before listening`)));
  });
}

async function stopChild(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident set size of a process, MB. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function token(url) {
  const timestamp = Date.now();
  const answer = await (
    await fetch(`${url}/apim-token-service/v2.0/token/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        appKey: APP.appKey,
        encryption: tokenEncryption(APP.appKey, timestamp, APP.appSecret),
        timestamp,
      }),
    })
  ).json();
  if (answer.status !== 0) throw new Error(`token refused: ${JSON.stringify(answer)}`);
  return answer.data.accessToken;
}

/** Signed autocannon requests (valid for 5 minutes on either side of now). */
function signed(accessToken, bodies) {
  return bodies.map(({ path, body }) => ({
    method: 'POST',
    path,
    body,
    headers: signedHeaders({ accessToken, appSecret: APP.appSecret, url: path, body }),
  }));
}

/** Sends each request once and checks that it is a page: the load then measures answers, not refusals. */
async function check(url, requests) {
  let matched = 0;
  for (const request of requests) {
    const answer = await (await fetch(`${url}${request.path}`, request)).json();
    if (answer.code !== 0) throw new Error(`${request.body} → ${JSON.stringify(answer).slice(0, 300)}`);
    matched += answer.data.length > 0 ? 1 : 0;
  }
  return matched;
}

/**
 * Waits until the server has no work left: autocannon stops sending at the end of its time, but the server may still
 * hold queued searches (a count over a million rows takes seconds), which would slow down the next measurement.
 * /health's store query waits at the same gate as searches, so a quick answer means an empty queue.
 */
async function idle(server) {
  const deadline = Date.now() + 180_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t0 = Date.now();
    await fetch(`${server.url}/health`).then((r) => r.arrayBuffer());
    quick = Date.now() - t0 < 100 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(server, requests, seconds, connections) {
  // A short warm-up, so that "before" is the resident size of a server that has answered requests.
  // A request is an error only if it fails or is not a 2xx: a search counting a million rows may queue behind the
  // pool for many seconds under 64 connections, which is slow, not wrong (autocannon's default cut is 10 s).
  const settings = { url: server.url, connections, requests, timeout: 120 };
  await idle(server);
  await autocannon({ ...settings, duration: Math.min(2, seconds) });
  await idle(server);
  const before = rssMb(server.child.pid);
  await idle(server);
  const result = await autocannon({ ...settings, duration: seconds });
  const after = rssMb(server.child.pid);
  await idle(server);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    rssBefore: before,
    rssAfter: after,
  };
}

/** Search requests over the demo data: OTA jobs and devices, each text a filter a user would write, many pages. */
function demoBodies() {
  const jobs = demoRecords('ota-job', { scale: 0.01 });
  const devices = demoRecords('device', { scale: 0.01 });
  const org = DEMO_ORG_IDS[0];
  const bodies = [];
  for (let i = 0; i < 40; i += 1) {
    const job = jobs[i * 7];
    const device = devices[i * 5];
    const page = { pageNo: 1 + (i % 5), pageSize: 10 };
    const jobTexts = [
      `productKey = '${job.productKey}'`,
      `productKey in ('${job.productKey}', '${jobs[i + 1].productKey}') and status = 'started'`,
      `name like '${job.name.defaultValue.split(' ')[0]}'`,
      `name.zh_CN like '${(job.name.i18nValue.zh_CN ?? '逆变器').slice(0, 3)}' or firmwareName like 'firmware'`,
      `type = 'upgrade' and firmwareVersion = '${job.firmwareVersion}'`,
    ];
    const deviceTexts = [
      `deviceTags.Region = '${device.deviceTags.Region ?? 'East'}' and status in ('online', 'offline')`,
      `deviceAttributes.floor = ${device.deviceAttributes.floor}`,
      `deviceName like '${device.deviceName.defaultValue.split(' ')[0]}' and productType = 'Device'`,
      `exists(deviceTags.batch) and modelId != '${device.modelId}'`,
    ];
    for (const expression of jobTexts) {
      bodies.push({ path: `${JOBS}&orgId=${org}`, body: JSON.stringify({ expression, pagination: page }) });
    }
    for (const expression of deviceTexts) {
      bodies.push({ path: `${DEVICES}&orgId=${org}`, body: JSON.stringify({ expression, pagination: page }) });
    }
  }
  return bodies;
}

function row(name, m) {
  return [
    name,
    fmt(m.rps, 0),
    `${fmt(m.p50, 1)} ms`,
    `${fmt(m.p99, 1)} ms`,
    String(m.errors),
    `${fmt(m.rssBefore, 0)} → ${fmt(m.rssAfter, 0)} MB`,
    m.requests.toLocaleString('en'),
  ];
}

export async function run({ quick }) {
  const seconds = argument('--duration', quick ? 5 : 30);
  const connections = argument('--connections', 64);
  const scale = quick ? 0.05 : 1;
  const total = quick ? 20_000 : 1_000_000;
  const variants = 15;
  const rows = [];
  const notes = [];

  // SQLite with the demo data, kept in bench/.cache between runs (its first load takes about a minute at full scale).
  mkdirSync(join(here, '.cache'), { recursive: true });
  const sqliteFile = join(here, '.cache', `server-demo-${scale}.sqlite`);
  const fresh = !existsSync(sqliteFile);
  const t0 = Date.now();
  const sqlite = await startChild({ database: sqliteFile, apps: [APP], demo: { scale } });
  if (fresh) notes.push(`demo data (scale ${scale}) loaded into SQLite in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  try {
    const requests = signed(await token(sqlite.url), demoBodies());
    const matched = await check(sqlite.url, requests);
    notes.push(`SQLite: ${requests.length} distinct requests, ${matched} of them with records`);
    rows.push(
      row(
        `SQLite, demo data (${scale === 1 ? '100,000 OTA jobs, 50,000 devices' : `scale ${scale}`})`,
        await measure(sqlite, requests, seconds, connections),
      ),
    );
  } finally {
    await stopChild(sqlite.child);
  }

  const pg = await withPostgresSection('pg', 'server on PostgreSQL', async (client) => {
    const { records } = makeRecords(total);
    const loaded = await loadPostgres(client, records);
    notes.push(
      `PostgreSQL: ${total.toLocaleString('en')} OTA jobs loaded in ${fmt(loaded.loadSeconds, 0)} s, indexes in ${fmt(loaded.indexSeconds, 0)} s`,
    );
    const { pools } = makeRecords(1, 7);
    const bodies = [];
    for (let v = 0; v < variants; v += 1) {
      for (const expression of expressions(pools, v)) {
        bodies.push({
          path: `${JOBS}&orgId=o1`,
          body: JSON.stringify({ expression, pagination: { pageNo: 1, pageSize: 10 } }),
        });
      }
    }
    const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(client.host)}`;
    const servers = {
      library: await startChild({ database: url, apps: [APP], mode: 'library' }),
      hand: await startChild({ database: url, apps: [APP], mode: 'hand', variants }),
    };
    try {
      const requests = {};
      const tokens = {};
      for (const [mode, server] of Object.entries(servers)) {
        tokens[mode] = await token(server.url);
        requests[mode] = signed(tokens[mode], bodies);
        await check(server.url, requests[mode]);
      }
      // Same bodies, same answers: compare a few pages of the two.
      for (const request of requests.library.slice(0, 20)) {
        const [a, b] = await Promise.all(
          Object.values(servers).map(
            async (s, i) =>
              await (
                await fetch(`${s.url}${request.path}`, Object.values(requests)[i][requests.library.indexOf(request)])
              ).json(),
          ),
        );
        if (JSON.stringify(a.data) !== JSON.stringify(b.data) || a.pagination.totalSize !== b.pagination.totalSize) {
          throw new Error(`library and hand-written answers differ for ${request.body}`);
        }
      }
      // A B B A, half the time each, so that drift on the shared machine falls on both sides alike.
      const merge = (list) => ({
        requests: list.reduce((sum, m) => sum + m.requests, 0),
        rps: median(list.map((m) => m.rps)),
        p50: median(list.map((m) => m.p50)),
        p99: median(list.map((m) => m.p99)),
        errors: list.reduce((sum, m) => sum + m.errors, 0),
        rssBefore: list[0].rssBefore,
        rssAfter: list[list.length - 1].rssAfter,
      });
      const abba = async (pick) => {
        const halves = { library: [], hand: [] };
        for (const mode of ['library', 'hand', 'hand', 'library']) {
          // Signed just before each run: a signature's timestamp is good for 5 minutes, and the slow part of the
          // corpus (counts over a million rows) makes a measurement last longer than its nominal time.
          const fresh = signed(tokens[mode], pick(bodies));
          halves[mode].push(await measure(servers[mode], fresh, Math.max(1, seconds / 2), connections));
        }
        return { library: merge(halves.library), hand: merge(halves.hand) };
      };
      // Every corpus expression; then only the selective ones (a key, a list of keys, a key and a name), where the
      // count query is cheap and what is left is the server's own work.
      const all = await abba((list) => list);
      const selective = await abba((list) => list.filter((_, i) => SELECTIVE.has(i % 10)));
      return { all, selective };
    } finally {
      await stopChild(servers.library.child);
      await stopChild(servers.hand.child);
    }
  });
  let targets = [];
  if (pg.all) {
    const ratio = (m) => m.hand.rps / m.library.rps;
    for (const [part, label] of [
      ['all', 'the 10 corpus expressions'],
      ['selective', 'the 5 selective ones'],
    ]) {
      rows.push(row(`PostgreSQL, ${total.toLocaleString('en')} OTA jobs, ${label}: toSqlSearch`, pg[part].library));
      rows.push(row(`PostgreSQL, ${total.toLocaleString('en')} OTA jobs, ${label}: hand-written SQL`, pg[part].hand));
      notes.push(
        `${label}: hand-written req/s ÷ toSqlSearch req/s = ${fmt(ratio(pg[part]))} ×; p50 toSqlSearch ÷ hand-written = ${fmt(pg[part].library.p50 / pg[part].hand.p50)} ×`,
      );
    }
    targets = [
      {
        target: 'server: library overhead vs hand-written SQL ≤ 1.1 × (req/s, PostgreSQL, every corpus expression)',
        met: ratio(pg.all) <= 1.1,
        measured: `${fmt(ratio(pg.all))} × (selective expressions: ${fmt(ratio(pg.selective))} ×)`,
      },
      {
        target: 'server: 0 errors under load',
        met: rows.every((r) => r[4] === '0'),
        measured: rows.map((r) => r[4]).join(', '),
      },
    ];
  } else {
    notes.push(pg.markdown ?? 'PostgreSQL part not run');
  }
  const markdown = [
    `autocannon on loopback, ${connections} connections, ${seconds} s per measurement (PostgreSQL: two halves each, A B B A), server in its own process (packages/server, pool of 10 connections), every request signed as EnOS's gateway wants it and answered by the full server path (signature check, body, toSqlSearch or the hand-written SQL, page and count queries, envelope). Latencies as autocannon reports them; RSS of the server process after a 2 s warm-up and after the run.`,
    '',
    table(['store and data', 'req/s', 'p50', 'p99', 'errors', 'RSS before → after', 'requests'], rows),
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
  return { title: '8. Reference server under load', markdown, targets };
}

if (isMain(import.meta.url)) emit(await run(options()));
