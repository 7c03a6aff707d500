// Shared by the passes of grammar/plugins/ (not a pass itself): failing with the pass's name, the grammar's code
// pieces on peggy's AST, and cutting code into top-level statements.
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
 * Lines of code (the per-parse initializer, re-indented by two spaces) cut into top-level statements, told apart by
 * their two-space indentation: a statement starts on a line indented by exactly two spaces (closing brackets excepted) and runs
 * over the deeper-indented, blank and closing lines after it; a run of comment lines belongs to the statement after
 * it. Joining all statements' lines with '\n' gives the body back.
 */
export function topLevelStatements(pass, lines) {
  const statements = [];
  for (const line of lines) {
    const startsStatement = /^ {2}[^ }\])]/.test(line);
    if (!startsStatement && line.trim() !== '' && !/^ {2}/.test(line))
      breaksRule(pass, `a statement of the per-parse initializer does not start at its indentation: ${line}`);
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
 * Every piece of grammar code that ends up in the parser: the per-parse initializer(s), actions, semantic
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
