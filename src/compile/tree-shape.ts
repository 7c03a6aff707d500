/**
 * What the parser guarantees and a hand-built tree may break (one made with the public makers, read from JSON, or
 * not a tree at all): known node types and operators, operands of the operator's shape, literals the language has
 * (finite numbers, no NaN), spans, and a bounded depth. Checked without recursion, so a hostile tree nested a
 * million deep gets an answer, not a stack overflow. Every problem is reported, each at the node's span when it has
 * a usable one.
 */
import type { Span } from '../language/ast.js';
import { isOperator, OPERAND_NEEDS, operandShape } from '../language/operators.js';
import type { Problem } from '../diagnostics/diagnostic.js';
import { isContainer } from '../util/own.js';

/**
 * Deeper than any tree the parser makes within its default limits (32 parentheses, so at most 65 `and`/`or`
 * levels), and far below what the compilers' recursion can take.
 */
export const MAX_TREE_DEPTH = 256;

const NO_SPAN: Span = { start: 0, end: 0 };
const ROOT = 'the tree';

interface Pending {
  readonly node: unknown;
  /** Where the node sits, for messages: `the tree`, `children[1]`, `children[1].values[0]`. */
  readonly where: string;
  readonly depth: number;
}

export function treeShapeProblems(root: unknown): Problem[] {
  if (root === null) return [];
  if (typeof root === 'string') {
    return [
      invalid(
        `expected an expression tree, found the string ${preview(root)}: parse the text first (parse or check)`,
        NO_SPAN,
      ),
    ];
  }
  const problems: Problem[] = [];
  const pending: Pending[] = [{ node: root, where: ROOT, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, where, depth } = next;
    if (!isContainer(node)) {
      problems.push(invalid(`${where} is ${describe(node)}, not an expression node`, NO_SPAN));
      continue;
    }
    const at = spanOf(node.span);
    const here = at ?? NO_SPAN;
    if (at === undefined)
      problems.push(invalid(`${prefix(where)}span must be { start, end } with 0 <= start <= end`, here));
    const type = node.type;
    if (type === 'and' || type === 'or') {
      const children = node.children;
      if (!Array.isArray(children) || children.length < 2) {
        problems.push(invalid(`${prefix(where)}${type} needs an array of at least two children`, here));
      } else if (depth >= MAX_TREE_DEPTH) {
        // Where would name 256 levels of children[…]: the message says what is wrong, the span where.
        problems.push(invalid(`the tree nests more than ${MAX_TREE_DEPTH} levels deep`, here));
      } else {
        for (let index = children.length - 1; index >= 0; index -= 1) {
          pending.push({ node: children[index], where: `${childOf(where)}children[${index}]`, depth: depth + 1 });
        }
      }
      if (!Array.isArray(node.keywordSpans) || !node.keywordSpans.every((keyword) => spanOf(keyword) !== undefined)) {
        problems.push(invalid(`${prefix(where)}keywordSpans must be an array of spans`, here));
      }
    } else if (type === 'comparison') {
      problems.push(...comparisonProblems(node, where, here));
    } else {
      problems.push(invalid(`${where} has type ${describe(type)}: expected and, or or comparison`, here));
    }
  }
  return problems;
}

function comparisonProblems(node: Readonly<Record<string, unknown>>, where: string, here: Span): Problem[] {
  const problems: Problem[] = [];
  const path = node.path;
  if (!isContainer(path) || typeof path.text !== 'string' || spanOf(path.span) === undefined) {
    problems.push(invalid(`${prefix(where)}path must be { text, span } with a string text`, here));
  }
  if (spanOf(node.opSpan) === undefined) problems.push(invalid(`${prefix(where)}opSpan must be a span`, here));
  const op = node.op;
  if (!isOperator(op)) {
    problems.push(invalid(`${where} has operator ${describe(op)}, which the language does not have`, here));
    return problems;
  }
  const shape = operandShape(op);
  const needs = `${prefix(where)}${op} needs ${OPERAND_NEEDS[shape]}`;
  switch (shape) {
    case 'value':
    case 'pattern':
      problems.push(...valueProblems(node.value, `${childOf(where)}value`, shape === 'pattern', needs, here));
      break;
    case 'list': {
      const values = node.values;
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(invalid(needs, here));
        break;
      }
      values.forEach((value, index) =>
        problems.push(...valueProblems(value, `${childOf(where)}values[${index}]`, false, needs, here)),
      );
      break;
    }
    case 'none':
      break;
    default: {
      const unknownShape: never = shape;
      throw new Error(`unknown operand shape ${String(unknownShape)}`);
    }
  }
  return problems;
}

function valueProblems(value: unknown, where: string, stringOnly: boolean, needs: string, here: Span): Problem[] {
  if (!isContainer(value)) return [invalid(needs, here)];
  const at = spanOf(value.span) ?? here;
  const problems: Problem[] = [];
  if (spanOf(value.span) === undefined)
    problems.push(invalid(`${where}: span must be { start, end } with 0 <= start <= end`, here));
  const literal = value.value;
  if (stringOnly ? typeof literal !== 'string' : !isLiteral(literal)) {
    const expected = stringOnly ? 'a string' : 'a string, a finite number or a boolean';
    problems.push(invalid(`${where} is ${describe(literal)}: values are ${expected}`, at));
  }
  return problems;
}

function isLiteral(value: unknown): boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function spanOf(value: unknown): Span | undefined {
  if (!isContainer(value)) return undefined;
  const { start, end } = value;
  return Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (end as number) >= (start as number)
    ? { start: start as number, end: end as number }
    : undefined;
}

/** `children[1].` before a child's own name; nothing at the root. */
function childOf(where: string): string {
  return where === ROOT ? '' : `${where}.`;
}

/** `children[1]: ` before a problem of the node itself; nothing at the root. */
function prefix(where: string): string {
  return where === ROOT ? '' : `${where}: `;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return preview(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}

function preview(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function invalid(message: string, at: Span): Problem {
  return { severity: 'error', kind: 'invalid-input', message: `Invalid expression tree: ${message}`, span: at };
}
