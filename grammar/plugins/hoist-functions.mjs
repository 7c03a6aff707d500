// hoist-functions: peggy's `peg$parse()` declares every rule function, action and helper (over a hundred
// closures) on every call, and they close over the parse state (`input`, `peg$currPos`…). The state becomes
// module-level `var`s and the functions module-level functions, made once; `peg$parse()` keeps only its statements,
// which (re)set the state and run the start rule.
//
// What it buys: the largest gain after the grammar's sticky token rules (bench/NOTES.md, step 4): `parse` per
// character went from 4.40 to 2.94 × JSON.parse (about 1.5×; `check` 4.85 → 2.85, 1.7×), and the fixed cost of
// `parse('a1=1')` from 1.91 µs to 0.94 µs (2×). Each closure no longer enters V8's lazy-compile path on every call.
// (Size: +10 bytes of the minified and gzipped parser, the state's `var` declarations.)
//
// What it relies on:
// - The parser is not reentrant: no action may call `parse` (strip-runtime checks the grammar for `peg$parse()`).
// - Peggy 5.1's layout: the top-level statements of `peg$parse` start on lines indented by exactly two spaces. The
//   grammar's per-parse initializer `{ … }` is copied into `peg$parse` and must follow the same layout: each
//   statement starts at the initializer's own indentation, and declares one variable per `let`/`const` (so that
//   `let depth = 0;` can become the module-level `var depth;` and, per call, `depth = 0;`).
// - The functions found match peggy's AST: one `peg$parse<Rule>` per rule of `ast.rules` and one `peg$fN` per entry
//   of `ast.functions`; `peg$parse` declares `peg$currPos`, `peg$silentFails` and `peg$result`. A text pass after
//   generateJS, and the last of them: it needs the helpers strip-runtime removes to be gone already (they would be
//   hoisted too, harmlessly, if it has not run).
import {
  breaksRule,
  firstCodeLine,
  declaredFunction,
  generatedText,
  misused,
  outputChanged,
  parseFunction,
  setGeneratedText,
  topLevelStatements,
} from './support.mjs';

export const name = 'hoist-functions';

/** Generate stage, after generateJS (and the other text passes). */
export function hoistFunctions(ast) {
  if (!Array.isArray(ast.functions)) misused(name, "no `ast.functions`: the pass runs after peggy's generateBytecode");
  const source = generatedText(ast, name);
  const { start, bodyStart, end } = parseFunction(name, source);
  const statements = topLevelStatements(name, source.slice(bodyStart, end).split('\n'));

  const state = ['input', 'options'];
  const functions = [];
  const functionNames = [];
  const perCall = ['  input = input$;', '  options = options$;'];
  for (const statement of statements) {
    const comments = firstCodeLine(statement);
    const first = statement[comments];
    const fn = declaredFunction(statement);
    const declaration = /^ {2}(?:let|const) ([\w$]+)( = |;$)/.exec(first);
    if (fn !== undefined) {
      functionNames.push(fn);
      functions.push(
        statement
          .map((line) => line.slice(2))
          .join('\n')
          .trimEnd(),
      );
    } else if (declaration) {
      // `let a, b;` or `let a = 1, b = 2;` (a comma inside brackets or strings is not looked at).
      if (/^ {2}(?:let|const) [\w$]+ *(?:=[^,;()[\]{}'"`]*)?,/.test(first)) {
        breaksRule(name, `one variable per \`let\`/\`const\` in the per-parse initializer: ${first.trim()}`);
      }
      state.push(declaration[1]);
      const [, variable, rest] = declaration;
      perCall.push(
        ...statement.slice(0, comments),
        rest === ';' ? `  ${variable} = undefined;` : first.replace(/^ {2}(?:let|const) /, '  '),
        ...statement.slice(comments + 1),
      );
    } else {
      perCall.push(...statement);
    }
  }

  for (const variable of ['peg$currPos', 'peg$silentFails', 'peg$result']) {
    if (!state.includes(variable)) outputChanged(name, `expected peg$parse to declare ${variable}`);
  }
  if (new Set(state).size !== state.length) outputChanged(name, 'a variable of peg$parse is declared twice');
  const clash = functionNames.find((fn) => state.includes(fn));
  if (clash !== undefined)
    outputChanged(name, `${clash} is declared both as a function and as a variable of peg$parse`);
  if (new Set(functionNames).size !== functionNames.length)
    outputChanged(name, 'a function of peg$parse is declared twice');
  const expectedFunctions = [
    ...ast.rules.map((rule) => `peg$parse${rule.name}`),
    ...ast.functions.map((_, index) => `peg$f${index}`),
  ];
  const missing = expectedFunctions.filter((fn) => !functionNames.includes(fn));
  if (missing.length > 0)
    outputChanged(
      name,
      `expected top-level functions of peg$parse for every rule and action, missing [${missing.join(', ')}]`,
    );

  const hoisted = [
    '',
    "// peg$parse's state and functions, hoisted to module scope by grammar/plugins/hoist-functions.mjs (not reentrant).",
    ...state.map((variable) => `var ${variable};`),
    '',
    functions.join('\n\n'),
    '',
    'function peg$parse(input$, options$) {',
    perCall.join('\n').trimEnd(),
    '}',
  ].join('\n');
  setGeneratedText(ast, source.slice(0, start) + hoisted + source.slice(end + 2));
}

export const passes = [{ stage: 'generate', after: 'generateJS', pass: hoistFunctions }];
