// Shared by the passes of grammar/plugins/ (not a pass itself): failing with the pass's name, reading and replacing
// the generated code, exact-text replacements, and the top-level statements of `peg$parse`.
//
// A pass never edits text it has not recognised: every helper here that finds no match, or more than one, throws
// before anything is changed, so peggy.generate() fails and no half-edited parser is returned.
import peggy from 'peggy';

/** Thrown when a pass does not find what it expects; the message names the pass. */
export class PluginPassError extends Error {
  constructor(pass, message) {
    super(`grammar/plugins/${pass}: ${message}`);
    this.name = 'PluginPassError';
    this.pass = pass;
  }
}

/** The generated code does not look as the pass expects: peggy's output changed. */
export function outputChanged(pass, message) {
  throw new PluginPassError(pass, `${message}. Peggy's output changed (peggy ${peggy.VERSION}); update the pass.`);
}

/** The grammar breaks one of the rules in the header of grammar/expression.peggy. */
export function breaksRule(pass, message) {
  throw new PluginPassError(pass, `${message} (see the rules in the header of grammar/expression.peggy)`);
}

/** The pass's preconditions (options, other passes) are not met. */
export function misused(pass, message) {
  throw new PluginPassError(pass, message);
}

/**
 * The generated code as text. Peggy's generateJS stores it as a SourceNode in `ast.code`; the text passes replace
 * it with a string, which peggy's `output: "source"` turns into the result as it is (toString()).
 */
export function generatedText(ast, pass) {
  if (ast.code === undefined || ast.code === null)
    misused(pass, "no generated code: the pass runs after peggy's generateJS");
  return typeof ast.code === 'string' ? ast.code : ast.code.toString();
}

export function setGeneratedText(ast, text) {
  ast.code = text;
}

/** Fails unless `text` occurs in `source`. */
export function requireText(pass, source, text, why) {
  if (!source.includes(text)) outputChanged(pass, `expected \`${text}\` in the generated parser (${why})`);
}

/** Replaces exactly one occurrence of `from`; fails when there is not exactly one. */
export function replaceOnce(pass, source, from, to, why) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    outputChanged(pass, `expected exactly one \`${from.trim().split('\n')[0]}\` (${why})`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

export const PARSE_HEAD = '\nfunction peg$parse(input, options) {\n';

/**
 * Where the body of `peg$parse` lies: from its head to the first line that is a lone `}` (peggy indents the body,
 * so that is the function's end). `bodyStart` is just past the head.
 */
export function parseFunction(pass, source) {
  const start = source.indexOf(PARSE_HEAD);
  if (start < 0 || source.indexOf(PARSE_HEAD, start + 1) >= 0)
    outputChanged(pass, 'expected one `function peg$parse(input, options) {`');
  const end = source.indexOf('\n}\n', start);
  if (end < 0) outputChanged(pass, 'expected `peg$parse` to end with a `}` line');
  return { start, bodyStart: start + PARSE_HEAD.length, end };
}

/**
 * The body of `peg$parse` (its lines) cut into top-level statements, told apart by peggy's fixed two-space
 * indentation: a statement starts on a line indented by exactly two spaces (closing brackets excepted) and runs
 * over the deeper-indented, blank and closing lines after it; a run of comment lines belongs to the statement after
 * it. Joining all statements' lines with '\n' gives the body back.
 */
export function topLevelStatements(pass, lines) {
  const statements = [];
  for (const line of lines) {
    const startsStatement = /^ {2}[^ }\])]/.test(line);
    if (!startsStatement && line.trim() !== '' && !/^ {2}/.test(line))
      outputChanged(pass, `unexpected indentation in peg$parse: ${line}`);
    const previous = statements[statements.length - 1];
    const previousIsComment = previous !== undefined && previous.every((l) => /^ {2}\/\//.test(l));
    if ((startsStatement && !previousIsComment) || previous === undefined) statements.push([line]);
    else previous.push(line);
  }
  return statements;
}

/** The index of a statement's first line that is not a comment (its declaration). */
export function firstCodeLine(statement) {
  return Math.max(
    statement.findIndex((line) => !/^ {2}\/\//.test(line)),
    0,
  );
}

/** The name of the function a top-level statement declares, or undefined. */
export function declaredFunction(statement) {
  return /^ {2}function ([\w$]+)\(/.exec(statement[firstCodeLine(statement)])?.[1];
}

/** `name(` called anywhere in `text` (not as a method, not as part of a longer name). */
export function callsFunction(text, name) {
  return new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\(`).test(text);
}

/**
 * Every piece of grammar code that ends up inside `peg$parse`: the per-parse initializer(s), actions, semantic
 * predicates and code-valued repetition boundaries, each as `{ code, location, kind }`.
 */
export function grammarCode(ast) {
  const found = [];
  const initializers = ast.initializer === undefined || ast.initializer === null ? [] : [ast.initializer].flat();
  for (const init of initializers) found.push({ code: init.code, location: init.codeLocation, kind: 'initializer' });
  const visit = peggy.compiler.visitor.build({
    action(node) {
      found.push({ code: node.code, location: node.codeLocation, kind: 'action', node });
      visit(node.expression);
    },
    semantic_and(node) {
      found.push({ code: node.code, location: node.codeLocation, kind: 'predicate', node });
    },
    semantic_not(node) {
      found.push({ code: node.code, location: node.codeLocation, kind: 'predicate', node });
    },
    repeated(node) {
      for (const boundary of [node.min, node.max]) {
        if (boundary?.type === 'function')
          found.push({ code: boundary.value, location: boundary.codeLocation, kind: 'predicate', node: boundary });
      }
      if (node.delimiter) visit(node.delimiter);
      visit(node.expression);
    },
  });
  for (const rule of ast.rules) visit(rule);
  return found;
}
