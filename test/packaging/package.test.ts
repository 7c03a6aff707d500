/**
 * The published package (SECURITY.md T9, the "Packaging"): `npm pack` once, then check the tarball holds
 * exactly what a user needs, passes publint (strict) and @arethetypeswrong/cli, and installs into an empty project
 * where it works from ESM `import`, CommonJS `require`, the `ota-expr` CLI, and TypeScript with `moduleResolution`
 * node16 and bundler. Needs `dist/` (built by `npm test`). Works offline: the package has no dependencies, so
 * `npm install <tarball> --offline` never needs the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireDist } from './dist.js';

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string }[];
}

interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly exports: Record<
    string,
    string | { import: { types: string; default: string }; require: { types: string; default: string } }
  >;
  readonly bin: Record<string, string>;
  readonly scripts: Record<string, string>;
  readonly version: string;
  readonly repository?: { url: string };
  readonly homepage?: string;
  readonly bugs?: { url: string };
  readonly keywords?: string[];
  readonly publishConfig?: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson;
const SUBPATHS = Object.keys(manifest.exports).filter((key) => key !== './package.json');

let work: string;
let tarball: string;
let packed: PackResult;

beforeAll(() => {
  requireDist();
  work = mkdtempSync(join(tmpdir(), 'ota-expr-pack-'));
  // --ignore-scripts: `prepare` would rebuild dist/ while other test files read it; npm test has just built it.
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: REPO,
    encoding: 'utf8',
  });
  packed = (JSON.parse(output) as PackResult[])[0]!;
  tarball = join(work, packed.filename);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack contents', () => {
  it('are dist (code, maps, declarations), docs, README, LICENSE, CHANGELOG, SECURITY and package.json, nothing else', () => {
    const paths = packed.files.map((file) => file.path);
    const allowed =
      /^(dist\/[^/]+\.(js|cjs|js\.map|cjs\.map)|dist\/types\/([a-z0-9-]+\/)*[a-z0-9.-]+\.d\.c?ts|docs\/(api\/|schemas\/)?[A-Za-z-]+\.md|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|package\.json)$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    const required = [
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
      'package.json',
      'dist/cli.js',
      'dist/types/core.d.ts',
      'dist/types/core.d.cts',
      'docs/LANGUAGE.md',
      'docs/api/README.md',
      'docs/schemas/ota-job.md',
    ];
    for (const file of required) expect(paths).toContain(file);
    // No tests, no sources: the maps carry their sources' text.
    expect(paths.filter((path) => /^(src|test|scripts|bench|grammar)\//.test(path))).toEqual([]);
    console.info(`npm pack: ${paths.length} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);
  });

  it('declarations have stable names: no hash-named declaration file', () => {
    const declarations = packed.files.map((file) => file.path).filter((path) => /\.d\.c?ts$/.test(path));
    expect(declarations.filter((path) => /-[A-Za-z0-9_]{8}\.d\.c?ts$/.test(path))).toEqual([]);
    expect(declarations.filter((path) => !path.startsWith('dist/types/'))).toEqual([]);
  });

  it('source maps name no absolute path of the build machine', () => {
    for (const file of packed.files.filter((entry) => entry.path.endsWith('.map'))) {
      const map = JSON.parse(readFileSync(join(REPO, file.path), 'utf8')) as { sources: string[] };
      expect(
        map.sources.filter((source) => source.startsWith('/')),
        file.path,
      ).toEqual([]);
    }
  });

  it('the manifest is ready to publish: metadata, no install-time script, provenance', () => {
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/ota-expr\.git$/);
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/.+#readme$/);
    expect(manifest.bugs?.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(manifest.keywords?.length).toBeGreaterThan(3);
    expect(manifest.publishConfig).toMatchObject({ access: 'public', provenance: true });
    // prepare, preinstall, install and postinstall would run (or warn) where the package is installed.
    for (const script of ['prepare', 'preinstall', 'install', 'postinstall'])
      expect(manifest.scripts).not.toHaveProperty(script);
  });

  it('hold every file the exports map and bin point at', () => {
    const paths = new Set(packed.files.map((file) => file.path));
    const targets = SUBPATHS.flatMap((subpath) => {
      const entry = manifest.exports[subpath]!;
      return typeof entry === 'string'
        ? [entry]
        : [entry.import.types, entry.import.default, entry.require.types, entry.require.default];
    });
    for (const target of [...targets, ...Object.values(manifest.bin)])
      expect(paths).toContain(target.replace(/^\.\//, ''));
  });

  it('the package has no runtime dependencies', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});

describe('linters', () => {
  it('publint (strict) reports nothing', async () => {
    // publint packs with npm itself, ignoring lifecycle scripts (so `prepare` does not rebuild dist/ under us).
    const { messages } = await publint({
      pkgDir: REPO,
      pack: 'npm',
      strict: true,
      level: 'suggestion',
    });
    expect(messages).toEqual([]);
  });

  it('@arethetypeswrong/cli reports no problem for any entry point and resolution mode', () => {
    const run = spawnSync(join(REPO, 'node_modules/.bin/attw'), [tarball, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const report = JSON.parse(run.stdout) as { problems: Record<string, unknown[]> | unknown[] };
    expect(Object.values(report.problems).flat()).toEqual([]);
    expect(run.status).toBe(0);
  }, 120_000);
});

describe('installed from the tarball into an empty project', () => {
  let project: string;
  let installOutput = '';
  const node = (file: string) => execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
  const tsc = (config: string) =>
    spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', config], {
      cwd: project,
      encoding: 'utf8',
    });

  beforeAll(() => {
    project = join(work, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', version: '0.0.0', private: true }));
    // Without --ignore-scripts: the package must install without running, or asking to run, anything.
    const install = spawnSync(
      'npm',
      ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock'],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    installOutput = install.stdout + install.stderr;
    expect(install.status, installOutput).toBe(0);
  }, 120_000);

  it('installs with no script warning', () => {
    expect(installOutput).not.toMatch(/install-scripts|allowScripts|prepare/);
  });

  // One script body for both module systems: every subpath loads, and one error class is shared across them.
  const body = (load: (specifier: string) => string) => `
const root = ${load('ota-expr')};
const core = ${load('ota-expr/core')};
const predicate = ${load('ota-expr/predicate')};
const sql = ${load('ota-expr/sql')};
const mongo = ${load('ota-expr/mongo')};
const search = ${load('ota-expr/search')};
const util = ${load('node:util')};
const assert = (condition, message) => { if (!condition) { throw new Error(message); } };
const ast = core.parse("productKey in ('a', 'b') and name like 'fw'");
assert(core.print(ast) === "productKey in ('a', 'b') and name like 'fw'", 'print');
assert(core.check("name = 'x'").diagnostics[0].message === 'Do not allow operator op =, allowed op [like]', 'check');
assert(predicate.toPredicate(ast)({ productKey: 'a', name: { defaultValue: 'FW 1' } }) === true, 'predicate');
assert(sql.toSql(ast, { dialect: 'postgres' }).params.includes('a'), 'sql');
assert(JSON.stringify(mongo.toMongo(ast)).includes('productKey'), 'mongo');
assert(search.searchRecords([{ orgId: 'o', jobId: 'j', createTime: 1, productKey: 'a' }], { orgId: 'o', expression: "productKey = 'a'" }).code === 0, 'search');
// The root re-exports the subpaths' functions: one copy of each, whichever entry a caller imports.
for (const [name, entry] of [['check', core], ['toPredicate', predicate], ['toSql', sql], ['toMongo', mongo], ['searchRecords', search]]) {
  assert(!(name in root) || root[name] === entry[name], 'one copy of ' + name);
}
let thrown;
try { sql.toSql(core.parse("name = 'x'"), { dialect: 'sqlite' }); } catch (error) { thrown = error; }
assert(thrown instanceof root.ExpressionError && thrown instanceof core.ExpressionError, 'one ExpressionError class');
assert(thrown.constructor.name === 'ExpressionError' && thrown.name === 'ExpressionError', 'class name ' + thrown.constructor.name);
assert(util.inspect(thrown).startsWith('ExpressionError: '), 'inspect: ' + util.inspect(thrown).slice(0, 40));
console.log('ok');
`;

  it('ESM: import every subpath', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      body((specifier) => `await import('${specifier}')`),
    );
    expect(node('esm.mjs').trim()).toBe('ok');
  });

  it('CommonJS: require every subpath', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      body((specifier) => `require('${specifier}')`),
    );
    expect(node('cjs.cjs').trim()).toBe('ok');
  });

  it('the ota-expr CLI: exit 0 when valid, 1 with the diagnostic when not', () => {
    const cli = join(project, 'node_modules/.bin/ota-expr');
    expect(spawnSync(cli, ['check', "productKey = 'a'"], { encoding: 'utf8' }).status).toBe(0);
    const invalid = spawnSync(cli, ['check', "name = 'x'"], { encoding: 'utf8' });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('Do not allow operator op =, allowed op [like]');
  });

  const typed = `
import { check, parse, type CheckResult, type Diagnostic, type Expression } from 'ota-expr/core';
import { toSql, type SqlWhere } from 'ota-expr/sql';
import { toMongo } from 'ota-expr/mongo';
import { toPredicate } from 'ota-expr/predicate';
import { searchRecords } from 'ota-expr/search';
import * as root from 'ota-expr';
const result: CheckResult = check("productKey = 'a'");
const first: Diagnostic | undefined = result.diagnostics[0];
const ast: Expression | null = parse("productKey = 'a'");
const where: SqlWhere = toSql(ast, { dialect: 'mysql' });
const filter: Record<string, unknown> = toMongo(ast);
const matches: boolean = toPredicate(ast)({ productKey: 'a' });
const found: number = searchRecords([], { orgId: 'o' }).code;
const same: typeof root.check = check;
// @ts-expect-error: the dialect is a closed union
export const refused = () => toSql(ast, { dialect: 'oracle' });
export const used = [first, where, filter, matches, found, same];
`;

  it('TypeScript, moduleResolution node16: ESM (.mts) and CommonJS (.cts) both type-check, compile and run', () => {
    writeFileSync(join(project, 'typed.mts'), `${typed}\nconsole.log('ok');\n`);
    writeFileSync(join(project, 'typed-cjs.cts'), `${typed}\nconsole.log('ok');\n`);
    writeFileSync(
      join(project, 'tsconfig.node16.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          strict: true,
          outDir: 'out-node16',
          types: [],
          skipLibCheck: false,
        },
        files: ['typed.mts', 'typed-cjs.cts'],
      }),
    );
    const result = tsc('tsconfig.node16.json');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(node('out-node16/typed.mjs').trim()).toBe('ok');
    expect(node('out-node16/typed-cjs.cjs').trim()).toBe('ok');
  }, 120_000);

  it('TypeScript, moduleResolution bundler: type-checks', () => {
    writeFileSync(join(project, 'typed-bundler.ts'), typed);
    writeFileSync(
      join(project, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: [],
          skipLibCheck: false,
        },
        files: ['typed-bundler.ts'],
      }),
    );
    const result = tsc('tsconfig.bundler.json');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('nothing was installed besides ota-expr', () => {
    expect(existsSync(join(project, 'node_modules/ota-expr/package.json'))).toBe(true);
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed.filter((name) => name !== '.bin' && name !== '.package-lock.json')).toEqual(['ota-expr']);
  });
});
