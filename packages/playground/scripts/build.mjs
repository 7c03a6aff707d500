// Builds the playground: dist/ is the page the reference server serves at `/` (searches go to the server), and
// dist/static/ the same page over the bundled demo data, to open from files or publish as a static site.
// `--static` builds the static page only. Each is index.html, playground.js (one classic script: a module script
// is refused on file: pages) and playground.css, with the Content-Security-Policy in a meta element.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const onlyStatic = process.argv.includes('--static');

// No inline script anywhere. CodeMirror writes its styles into one <style> element (style-mod does so on a document;
// only shadow roots get constructed sheets), allowed by a nonce: fresh for each build, given to the page in a meta
// element, and allowing styles only (docs/DECISIONS.md, "Playground"). The server page may fetch from its own origin
// only; the static page from nothing. Images: the favicon only (ota-expr/codemirror draws the lint underline without CodeMirror's data: image).
const nonce = randomBytes(18).toString('base64');
const CSP_COMMON = `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self'; base-uri 'none'; form-action 'none'`;
const TARGETS = [
  ...(onlyStatic ? [] : [{ out: 'dist', entry: 'src/main-server.ts', csp: `${CSP_COMMON}; connect-src 'self'` }]),
  { out: 'dist/static', entry: 'src/main-static.ts', csp: `${CSP_COMMON}; connect-src 'none'` },
];

for (const target of TARGETS) {
  const out = join(root, target.out);
  if (target.out === 'dist') rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: target.entry, out: 'playground' },
      { in: 'page/playground.css', out: 'playground' },
    ],
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022'],
    platform: 'browser',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  const html = readFileSync(join(root, 'page/index.html'), 'utf8')
    .replace('__CSP__', target.csp)
    .replace('__NONCE__', nonce);
  writeFileSync(join(out, 'index.html'), html);
  copyFileSync(join(root, 'page/favicon.svg'), join(out, 'favicon.svg'));
  const gzipped = ['index.html', 'playground.js', 'playground.css']
    .map((file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  console.log(`${target.out}/: ${(gzipped / 1024).toFixed(1)} KB min+gz (index.html, playground.js, playground.css)`);
}
