// `npm run serve -w ota-expr-playground [-- --port N --demo-scale X --database FILE]`: the reference server with
// its demo data and its development app, serving this page at `/`. The page signs its searches with the
// development app, so it needs the app's keys: this script serves a copy of dist/ with `dev-app.json` beside it
// (the file the page reads; backend-server.ts), in a temporary folder removed on exit, never in dist/ itself.
// Loopback only, as the server insists for a development app.
import { cpSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from 'ota-expr-server';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('ota-expr-playground: no build in dist/: run npm run build -w ota-expr-playground first');
  process.exit(1);
}
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'demo-scale': { type: 'string', default: '1' },
    database: { type: 'string' },
  },
});
const site = mkdtempSync(join(tmpdir(), 'ota-expr-playground-'));
cpSync(dist, site, { recursive: true, filter: (source) => source !== join(dist, 'static') });
const server = await startServer({
  port: Number(values.port),
  demo: { scale: Number(values['demo-scale']) },
  staticDir: site,
  logger: { level: 'warn' },
  ...(values.database === undefined ? {} : { database: values.database }),
});
writeFileSync(join(site, 'dev-app.json'), JSON.stringify(server.devApp));
console.log(`listening on ${server.url}`);
console.log(`playground: ${server.url}/`);
const stop = async () => {
  await server.close();
  rmSync(site, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
