// Derives the editor's token table (src/editor/lexical-table.ts) from the grammar's own lexical rules, so that the
// highlighter, completion and hover split text exactly where the parser does, with no second grammar to keep in
// step. Reads grammar/expression.peggy with peggy's parser and writes each token rule (FieldPath, StringLiteral,
// NumberLiteral, BooleanLiteral, ValueOperator, the keywords, white space) as one sticky regular expression.
//
//   node scripts/build-lexical.mjs           write src/editor/lexical-table.ts
//   node scripts/build-lexical.mjs --check   exit 1 when it is not what the grammar gives (test/editor/lexical.test.ts)
//
// A PEG and a regular expression read these rules alike: each rule is a sequence of literals, classes, ordered
// choices, repetitions and lookaheads, and where a repetition is followed by something that can fail (none of the
// token rules), a regular expression could backtrack where a PEG would not. A predicate `&{ return scan(NAME); }`
// (or `scan(NAME[label])`, a table keyed by what the label matched) reads as the grammar's own sticky expression
// NAME from its top-level initializer; FieldPath's "not a reserved word" predicate is left out, and the scanner
// tries the keywords before the path, as the parser's reserved-word check does. Any other predicate fails the
// build. The label `close` (a string's optional closing quote) becomes a capture group, so the scanner can tell a
// string that is still open.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRAMMAR = join(root, 'grammar', 'expression.peggy');
const OUT = join(root, 'src', 'editor', 'lexical-table.ts');

/** Token kinds of src/editor/tokens.ts and the grammar rules that define them. */
const TOKENS = [
  ['SPACE', ['_'], 'white space'],
  ['STRING', ['StringLiteral'], 'a string; group 1 or 2 is its closing quote, empty while the string is open'],
  ['NUMBER', ['NumberLiteral'], 'a run of number-like characters (the parser then checks it against JSON)'],
  ['OPERATOR', ['ValueOperator'], 'a comparison operator taking a value'],
  ['KEYWORD', ['And', 'Or', 'Not', 'In', 'Like', 'Is', 'Null', 'Exists'], 'a keyword, in any case'],
  ['BOOLEAN', ['BooleanLiteral'], 'true or false, in any case'],
  ['FIELD', ['FieldPath'], 'a field path (a lone keyword is a KEYWORD: try it first)'],
];

function escapeChar(character, inClass) {
  const code = character.charCodeAt(0);
  if (code < 0x20 || code > 0x7e) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const special = inClass ? /[\\\]^-]/ : /[\\^$.*+?()[\]{}|/]/;
  return special.test(character) ? `\\${character}` : character;
}

/**
 * The sticky regular expressions of the grammar's top-level initializer that scan predicates read: `const NAME =
 * /…/y;` and `const NAME = { "'": /…/y, '"': /…/y };` (one per quote), as their sources. Read, never evaluated.
 */
function scannedConstants(initializer, fail) {
  const constants = new Map();
  const code = (Array.isArray(initializer) ? initializer : initializer === undefined ? [] : [initializer])
    .map((part) => part.code)
    .join('\n');
  const REGEXP = String.raw`\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/([a-z]*)`;
  const check = (name, source, flags) => {
    if (/[iu]/.test(flags)) fail(`${name}: a scanned expression with the i or u flag`);
    if (/(^|[^\\])\((?!\?)/.test(source)) fail(`${name}: a scanned expression with a capturing group`);
    return source;
  };
  for (const [, name, value] of code.matchAll(/^const (\w+) = (.+);$/gm)) {
    const single = new RegExp(`^${REGEXP}$`).exec(value);
    if (single !== null) {
      constants.set(name, check(name, single[1], single[2]));
      continue;
    }
    if (!value.startsWith('{')) continue;
    const entries = {};
    for (const entry of value.matchAll(new RegExp(String.raw`(["'])(.)\1:\s*${REGEXP}`, 'g'))) {
      entries[entry[2]] = check(name, entry[3], entry[4]);
    }
    constants.set(name, entries);
  }
  return constants;
}

/** The table's source, formatted as the repository's prettier configuration formats it. */
export async function lexicalTable(grammarText) {
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(rawTable(grammarText), { ...options, filepath: OUT });
}

function rawTable(grammarText) {
  const ast = peggy.parser.parse(grammarText, { reservedWords: peggy.RESERVED_WORDS ?? [] });
  const rules = new Map(ast.rules.map((rule) => [rule.name, rule.expression]));
  const fail = (message) => {
    throw new Error(`scripts/build-lexical.mjs: ${message}`);
  };
  const constants = scannedConstants(ast.topLevelInitializer, fail);
  // `env` binds a label to the one character it matched, where a sequence was split by that character (below).
  const compile = (node, rule, env = {}) => {
    switch (node.type) {
      case 'named':
      case 'action':
      case 'text':
      case 'group':
        return compile(node.expression, rule, env);
      case 'labeled':
        return node.label === 'close'
          ? `(${compile(node.expression, rule, env)})`
          : compile(node.expression, rule, env);
      case 'sequence':
        return compileSequence(node, rule, env);
      case 'choice':
        return `(?:${node.alternatives.map((alternative) => compile(alternative, rule, env)).join('|')})`;
      case 'optional':
        return `(?:${compile(node.expression, rule, env)})?`;
      case 'zero_or_more':
        return `(?:${compile(node.expression, rule, env)})*`;
      case 'one_or_more':
        return `(?:${compile(node.expression, rule, env)})+`;
      case 'simple_not':
        return `(?!${compile(node.expression, rule, env)})`;
      case 'simple_and':
        return `(?=${compile(node.expression, rule, env)})`;
      case 'literal': {
        const chars = [...node.value];
        return chars
          .map((c) =>
            node.ignoreCase && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeChar(c, false),
          )
          .join('');
      }
      case 'class': {
        if (node.ignoreCase || node.unicode) fail(`${rule}: a class with the i or u flag`);
        const parts = node.parts.map((part) =>
          Array.isArray(part) ? `${escapeChar(part[0], true)}-${escapeChar(part[1], true)}` : escapeChar(part, true),
        );
        return `[${node.inverted ? '^' : ''}${parts.join('')}]`;
      }
      case 'any':
        return '[^]';
      case 'rule_ref': {
        const target = rules.get(node.name);
        if (target === undefined) fail(`${rule}: unknown rule ${node.name}`);
        return compile(target, node.name);
      }
      case 'semantic_not':
        // FieldPath's reserved-word check: the scanner tries keywords first instead.
        return '';
      case 'semantic_and': {
        // `&{ return scan(NAME); }` or `&{ return scan(NAME[label]); }`: the predicate moves past a match of one of
        // the grammar's own sticky regular expressions (its top-level initializer), so it reads as that expression.
        const call = /^\s*return scan\((\w+)(?:\[(\w+)\])?\);\s*$/.exec(node.code);
        const table = call === null ? undefined : constants.get(call[1]);
        const source = call?.[2] === undefined ? table : table?.[env[call[2]]];
        if (typeof source !== 'string') fail(`${rule}: a predicate other than scan(<a constant regular expression>)`);
        return `(?:${source})`;
      }
      default:
        return fail(`${rule}: a ${node.type} node cannot be read as a token (a token rule must be plain PEG)`);
    }
  };
  // A sequence whose scan predicate depends on what a label matched (`open:['"] … scan(BODY[open])`) becomes one
  // alternative per character of that label's class, each with the label bound.
  const compileSequence = (node, rule, env) => {
    const split = node.elements.find(
      (element) =>
        element.type === 'labeled' &&
        element.expression.type === 'class' &&
        !element.expression.inverted &&
        !(element.label in env) &&
        JSON.stringify(node).includes(`[${element.label}]`),
    );
    if (split === undefined) return node.elements.map((element) => compile(element, rule, env)).join('');
    if (split.expression.parts.some((part) => Array.isArray(part))) fail(`${rule}: ${split.label} matches a range`);
    const alternatives = split.expression.parts.map((character) =>
      node.elements
        .map((element) =>
          element === split
            ? escapeChar(character, false)
            : compile(element, rule, { ...env, [split.label]: character }),
        )
        .join(''),
    );
    return `(?:${alternatives.join('|')})`;
  };
  const lines = [
    "// Generated from grammar/expression.peggy by scripts/build-lexical.mjs: the grammar's token rules as sticky",
    '// regular expressions, read by src/editor/tokens.ts. Do not edit; run `node scripts/build-lexical.mjs`.',
    '/* eslint-disable no-control-regex, no-useless-escape -- generated: every special character is escaped alike */',
    '',
  ];
  for (const [name, ruleNames, what] of TOKENS) {
    const sources = ruleNames.map((ruleName) => {
      const rule = rules.get(ruleName);
      if (rule === undefined) fail(`the grammar has no rule ${ruleName}`);
      return compile(rule, ruleName);
    });
    const source = sources.length === 1 ? sources[0] : `(?:${sources.join('|')})`;
    new RegExp(source, 'y'); // throws on a bad translation
    lines.push(`/** ${ruleNames.join(', ')}: ${what}. */`, `export const ${name} = /${source}/y;`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = await lexicalTable(readFileSync(GRAMMAR, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== table) {
      console.error(
        'src/editor/lexical-table.ts is not what grammar/expression.peggy gives: run node scripts/build-lexical.mjs',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, table);
    console.log('generated src/editor/lexical-table.ts');
  }
}
