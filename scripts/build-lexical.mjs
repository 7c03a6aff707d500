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
// token rules), a regular expression could backtrack where a PEG would not. Semantic predicates cannot be
// translated: the one token rules have (FieldPath's "not a reserved word") is left out, and the scanner tries the
// keywords before the path, as the parser's reserved-word check does. The label `close` (a string's optional
// closing quote) becomes a capture group, so the scanner can tell a string that is still open.
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
  const compile = (node, rule) => {
    switch (node.type) {
      case 'named':
      case 'action':
      case 'text':
      case 'group':
        return compile(node.expression, rule);
      case 'labeled':
        return node.label === 'close' ? `(${compile(node.expression, rule)})` : compile(node.expression, rule);
      case 'sequence':
        return node.elements.map((element) => compile(element, rule)).join('');
      case 'choice':
        return `(?:${node.alternatives.map((alternative) => compile(alternative, rule)).join('|')})`;
      case 'optional':
        return `(?:${compile(node.expression, rule)})?`;
      case 'zero_or_more':
        return `(?:${compile(node.expression, rule)})*`;
      case 'one_or_more':
        return `(?:${compile(node.expression, rule)})+`;
      case 'simple_not':
        return `(?!${compile(node.expression, rule)})`;
      case 'simple_and':
        return `(?=${compile(node.expression, rule)})`;
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
      default:
        return fail(`${rule}: a ${node.type} node cannot be read as a token (a token rule must be plain PEG)`);
    }
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
