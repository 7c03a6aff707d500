// The layout of the module the direct-code pass writes: the grammar's top-level initializer, the failure record,
// the parse state and every function at module scope (made once, not per call: the parser is not reentrant), and
// `peg$parse`, which resets the state, runs the per-parse initializer's statements and the start rule, and reports
// a failure exactly as peggy's runtime does (the expectations recorded at the furthest position, plus `end` when
// the start rule matched but did not reach the end of the text).
import { breaksRule, callsFunction, declaredFunction, firstCodeLine, topLevelStatements } from '../support.mjs';
import { name } from './name.mjs';
import { RUNTIME } from './runtime.mjs';

/** Action and predicate code, interned by kind, parameters and code (identical code is generated once). */
export class Functions {
  constructor() {
    this.byKey = new Map();
    this.list = [];
  }

  /** The call of the function for `code` with the labels of `env` (`[[label, variable], …]`) as its parameters. */
  call(kind, env, code) {
    const params = env.map(([label]) => label);
    const key = JSON.stringify([kind, params, code]);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.list.length;
      this.byKey.set(key, index);
      this.list.push(`function peg$f${index}(${params.join(', ')}) {${code}}`);
    }
    return `peg$f${index}(${env.map(([, variable]) => variable).join(', ')})`;
  }
}

const RECORD_CLASS = `// What src/language/parse.ts reads of a failed parse: the expectation keys recorded at the furthest position
// reached, and that position. Not an Error: it never leaves src/language/parse.ts.
class peg$SyntaxError {
  constructor(expected, offset) {
    this.expected = expected;
    this.offset = offset;
  }
}`;

const HELPERS = {
  text: `function text() {
  return input.substring(peg$savedPos, peg$currPos);
}`,
  range: `function range() {
  return { start: peg$savedPos, end: peg$currPos };
}`,
};

// The list is made on the first failure recorded (a parse that records none, the fast first pass, makes none).
const FAIL = `function peg$fail(expected) {
  if (peg$currPos < peg$maxFailPos) return;
  if (peg$currPos > peg$maxFailPos || peg$maxFailExpected === null) {
    peg$maxFailPos = peg$currPos;
    peg$maxFailExpected = [];
  }
  peg$maxFailExpected.push(expected);
}`;

const codeOf = (initializer) =>
  initializer === undefined || initializer === null ? [] : [initializer].flat().map((init) => init.code);

/**
 * The per-parse initializer as module-level declarations and per-call statements. Each top-level statement must
 * start at the initializer's own indentation; `let`/`const` declare one variable each (it becomes a module-level
 * `var`, assigned on every call) and helpers are `function name(…) { … }` declarations.
 */
function splitInitializer(code) {
  const lines = code.split('\n');
  const depth = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)[0].length));
  const shifted = lines.map((line) => (line.trim() === '' ? '' : `  ${line.slice(depth)}`));
  const state = [];
  const functions = [];
  const perCall = [];
  for (const statement of topLevelStatements(name, shifted)) {
    const comments = firstCodeLine(statement);
    const first = statement[comments];
    const declaration = /^ {2}(?:let|const) ([\w$]+)( = |;$)/.exec(first ?? '');
    if (declaredFunction(statement) !== undefined) {
      functions.push(
        statement
          .map((line) => line.slice(2))
          .join('\n')
          .trim(),
      );
    } else if (declaration) {
      if (/^ {2}(?:let|const) [\w$]+ *(?:=[^,;()[\]{}'"`]*)?,/.test(first)) {
        breaksRule(name, `one variable per \`let\`/\`const\` in the per-parse initializer: ${first.trim()}`);
      }
      const [, variable, rest] = declaration;
      state.push(variable);
      perCall.push(
        ...statement.slice(0, comments),
        rest === ';' ? `  ${variable} = undefined;` : first.replace(/^ {2}(?:let|const) /, '  '),
        ...statement.slice(comments + 1),
      );
    } else {
      perCall.push(...statement);
    }
  }
  return { state, functions, perCall: perCall.filter((line, i, all) => line !== '' || all[i - 1] !== '') };
}

/** The whole module, from the grammar's code and the generated rule functions. */
export function moduleText({ ast, startRule, rules, functions, chars, runtime, version }) {
  const topLevel = codeOf(ast.topLevelInitializer);
  const init = codeOf(ast.initializer).map(splitInitializer);
  const state = ['input', 'options', 'peg$currPos', 'peg$savedPos', 'peg$maxFailPos', 'peg$maxFailExpected'];
  state.push('peg$silentFails', ...init.flatMap((part) => part.state));
  const code = [...functions.list, ...init.flatMap((part) => part.functions), ...rules.flat()].join('\n');
  const helpers = Object.entries(HELPERS)
    .filter(([helper]) => callsFunction(code, helper))
    .map(([, text]) => text);
  return [
    `// @generated by grammar/plugins/direct-code.mjs from peggy ${version}'s AST (scripts/build-grammar.mjs).`,
    ...topLevel.map((text) => text.trim()),
    '',
    RECORD_CLASS,
    '',
    '// The parse state, at module scope (the parser is not reentrant); peg$parse sets it on every call.',
    'const peg$FAILED = {};',
    ...chars.declarations(),
    ...state.map((variable) => `var ${variable};`),
    '',
    ...functions.list,
    '',
    ...helpers,
    '',
    FAIL,
    '',
    ...[...runtime].sort().map((helper) => RUNTIME[helper]),
    '',
    ...init.flatMap((part) => part.functions),
    '',
    rules.map((lines) => lines.join('\n')).join('\n\n'),
    '',
    'function peg$parse(input$, options$) {',
    '  input = input$;',
    '  options = options$;',
    '  peg$currPos = 0;',
    '  peg$savedPos = 0;',
    '  peg$maxFailPos = 0;',
    '  peg$maxFailExpected = null;',
    '  peg$silentFails = options.peg$silentFails | 0;',
    ...init.flatMap((part) => part.perCall),
    `  const result = peg$parse${startRule}();`,
    '  if (result !== peg$FAILED && peg$currPos === input.length) return result;',
    '  if (result !== peg$FAILED && peg$currPos < input.length) peg$fail("end");',
    '  throw new peg$SyntaxError(peg$maxFailExpected ?? [], peg$maxFailPos);',
    '}',
    '',
    'export { peg$SyntaxError as SyntaxError, peg$parse as parse };',
    '',
  ].join('\n');
}
