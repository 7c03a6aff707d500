// hoist-constants: peggy's `peg$parse()` rebuilds its constant tables on every call: literal strings (`peg$cN`),
// character-class regular expressions (`peg$rN`, a new RegExp object per call) and expectations (`peg$eN`). None
// depends on the input or the options, so they leave `peg$parse`: the regular expressions become module constants,
// made once, and the strings (literals, and the expectation keys of expectation-keys) are written in where they
// are used: bundlers keep a module-level `const` as a variable, and a string literal is shorter.
//
// What it buys: speed on every call, most of all on short texts (bench/NOTES.md, step 3, with plain-range and the
// two-pass parse: the fixed cost of `parse('a1=1')` fell from 2.83 µs to 1.91 µs), and a little size (writing the
// strings in: 53 bytes of the minified and gzipped parser).
//
// What it relies on: peggy 5.1 declares each constant on one line, `  const peg$[cre]N = …;`, right inside
// `peg$parse`, one line per entry of the AST's tables (`ast.literals`, `ast.classes`, `ast.expectations`, filled by
// peggy's generateBytecode): the counts are checked against the AST. A constant must be a string or a regular
// expression literal (so expectation-keys runs first) and must not mention the parse state. A text pass after
// generateJS.
import { generatedText, misused, outputChanged, parseFunction, setGeneratedText } from './support.mjs';

export const name = 'hoist-constants';

const CONSTANT = /^ {2}const peg\$[cre]\d+ = .*;\n/gm;
const STRING = /^const (peg\$[ce]\d+) = ("(?:[^"\\]|\\.)*");$/;
const REGEXP = /^const peg\$r\d+ = \/.*\/[a-z]*;$/;

/** Generate stage, after generateJS (and expectation-keys). */
export function hoistConstants(ast) {
  for (const table of ['literals', 'classes', 'expectations']) {
    if (!Array.isArray(ast[table])) misused(name, `no \`ast.${table}\`: the pass runs after peggy's generateBytecode`);
  }
  const source = generatedText(ast, name);
  const { start, end } = parseFunction(name, source);
  let body = source.slice(start, end);

  // The constant tables: one declaration per line, two-space indent, right inside peg$parse.
  const constants = body.match(CONSTANT) ?? [];
  const counts = { c: 0, r: 0, e: 0 };
  for (const line of constants) counts[/peg\$([cre])/.exec(line)[1]] += 1;
  const expected = { c: ast.literals.length, r: ast.classes.length, e: ast.expectations.length };
  for (const [kind, table] of [
    ['c', 'literals'],
    ['r', 'classes'],
    ['e', 'expectations'],
  ]) {
    if (counts[kind] !== expected[kind]) {
      outputChanged(
        name,
        `expected ${expected[kind]} \`const peg$${kind}N = …;\` lines (ast.${table}), found ${counts[kind]}`,
      );
    }
  }
  for (const line of constants) {
    if (/\b(input|options|peg\$currPos|peg\$savedPos)\b/.test(line))
      outputChanged(name, `constant depends on the parse state: ${line.trim()}`);
  }
  body = body.replace(CONSTANT, '');

  // Strings are written in where they are used; regular expressions are declared once at module scope.
  const declarations = [];
  for (const line of constants.map((line) => line.slice(2).trimEnd())) {
    const string = STRING.exec(line);
    if (string === null) {
      if (!REGEXP.test(line)) {
        outputChanged(
          name,
          `\`${line}\` is neither a string nor a regular expression literal (expectation objects: run expectation-keys first)`,
        );
      }
      declarations.push(line);
      continue;
    }
    const use = new RegExp(`${string[1].replace('$', '\\$')}(?!\\d)`, 'g');
    if (!use.test(body)) outputChanged(name, `${string[1]} is never used (inlining constants)`);
    body = body.replace(use, string[2]);
  }
  const hoisted = [
    '',
    '// Hoisted out of peg$parse by grammar/plugins/hoist-constants.mjs: constant for every call.',
    ...declarations,
  ].join('\n');
  setGeneratedText(ast, source.slice(0, start) + hoisted + '\n' + body + source.slice(end));
}

export const passes = [{ stage: 'generate', after: 'generateJS', pass: hoistConstants }];
