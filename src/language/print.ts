/**
 * The printer (docs/LANGUAGE.md §2): one canonical form. Lower-case keywords, one space around operators, single-quoted
 * strings (`'` as `''`, `\` as `\\`), shortest round-trip numbers, parentheses only around an `or` inside an `and`.
 * `parse(print(t))` equals `t` apart from spans, and printing is idempotent.
 */
import { operandValues, type Comparison, type Expression, type Literal } from './ast.js';
import { OPERATOR_TABLE } from './operators.js';
import { assertNever } from '../util/assert-never.js';

/**
 * Prints a tree in the canonical form; `null` (no filter) prints as the empty string.
 * @example
 * ```ts
 * print(parse("productKey  IN('a','b')")); // "productKey in ('a', 'b')"
 * ```
 */
export function print(ast: Expression | null): string {
  return ast === null ? '' : printNode(ast, undefined);
}

function printNode(node: Expression, parent: Expression['type'] | undefined): string {
  switch (node.type) {
    case 'and':
      return node.children.map((child) => printNode(child, 'and')).join(' and ');
    case 'or': {
      const text = node.children.map((child) => printNode(child, 'or')).join(' or ');
      return parent === 'and' ? `(${text})` : text;
    }
    case 'comparison':
      return printComparison(node);
    default:
      return assertNever(node);
  }
}

function printComparison(node: Comparison): string {
  const path = node.path.text;
  const facts = OPERATOR_TABLE[node.op];
  switch (facts.form) {
    case 'prefix':
      return `${node.op}(${path})`;
    case 'postfix':
      return `${path} ${node.op}`;
    case 'infix':
      return `${path} ${node.op} ${printOperand(node)}`;
    default:
      return assertNever(facts);
  }
}

/** The right-hand side of an infix comparison: one literal, or an `in` list. */
function printOperand(node: Comparison): string {
  return node.op === 'in'
    ? `(${node.values.map((value) => printLiteral(value.value)).join(', ')})`
    : operandValues(node)
        .map((value) => printLiteral(value.value))
        .join('');
}

export function printLiteral(value: Literal): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
    case 'number':
      return printNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return assertNever(value);
  }
}

/**
 * JavaScript's shortest round-trip form, except for integers past 2^53−1: written plainly they would be rejected
 * by the parser (docs/LANGUAGE.md §1), so they keep an exponent, which reads back as the same double.
 */
function printNumber(value: number): string {
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    const text = String(value);
    return text.includes('e') ? text : value.toExponential();
  }
  return String(value === 0 ? 0 : value);
}
