/**
 * Validation against a schema (docs/LANGUAGE.md §4): every problem at once, each located at the text it is about.
 * Unknown fields and locales cover the path, disallowed operators the operator, wrong values the value.
 */
import type { Comparison, Expression, Literal, Span, ValueNode } from '../language/ast.js';
import {
  logicalOperatorNotAllowedMessage,
  operatorNotAllowedMessage,
  unknownFieldMessage,
  unknownLocaleMessage,
  unknownValueMessage,
  valueTypeMessage,
  type Fix,
  type Problem,
} from '../diagnostics/diagnostic.js';
import type { Schema } from './schema.js';
import { isCalendarDatetime, resolvePath, valueTypeOf, type ResolvedPath } from './resolve.js';
import { assertNever } from '../util/assert-never.js';
import { closestMatch } from '../util/did-you-mean.js';

export function validate(ast: Expression | null, schema: Schema): Problem[] {
  const problems: Problem[] = [];
  if (ast !== null) visit(ast, schema, problems);
  return problems;
}

function visit(node: Expression, schema: Schema, problems: Problem[]): void {
  switch (node.type) {
    case 'and':
    case 'or':
      if (!schema.logical.includes(node.type)) {
        for (const keyword of node.keywordSpans) {
          problems.push({
            severity: 'error',
            kind: 'logical-operator-not-allowed',
            message: logicalOperatorNotAllowedMessage(node.type, schema.logical),
            span: keyword,
          });
        }
      }
      for (const child of node.children) visit(child, schema, problems);
      return;
    case 'comparison':
      validateComparison(node, schema, problems);
      return;
    default:
      assertNever(node);
  }
}

function validateComparison(node: Comparison, schema: Schema, problems: Problem[]): void {
  const resolution = resolvePath(schema, node.path.text);
  if (!resolution.ok) {
    const { suggestion } = resolution;
    const hint =
      suggestion === undefined
        ? {}
        : { hint: `did you mean ${suggestion}?`, fixes: [replacement(node.path.span, suggestion)] };
    problems.push({
      severity: 'error',
      kind: resolution.kind,
      message:
        resolution.reason !== undefined
          ? `Field ${node.path.text}: ${resolution.reason} (${resolution.supported.join(', ')})`
          : resolution.kind === 'unknown-locale' && resolution.field !== undefined
            ? unknownLocaleMessage(node.path.text, resolution.field, resolution.supported)
            : unknownFieldMessage(node.path.text, resolution.supported),
      span: node.path.span,
      ...hint,
    });
    return;
  }
  const { field } = resolution.path;
  if (!field.operators.includes(node.op)) {
    problems.push({
      severity: 'error',
      kind: 'operator-not-allowed',
      message: operatorNotAllowedMessage(node.op, field.operators),
      span: node.opSpan,
    });
    return;
  }
  // Operands read in place (no array per comparison). A like pattern is a string by syntax and no value: not checked.
  if (node.op === 'in') {
    for (const value of node.values) validateValue(node.path.text, resolution.path, value, problems);
  } else if ('value' in node && node.op !== 'like') {
    validateValue(node.path.text, resolution.path, node.value, problems);
  }
}

function validateValue(pathText: string, path: ResolvedPath, value: ValueNode, problems: Problem[]): void {
  const expected = valueTypeOf(path);
  switch (expected) {
    case 'scalar':
      return;
    case 'datetime':
      if (typeof value.value !== 'string' || !isCalendarDatetime(value.value)) {
        wrongTypeProblem(
          problems,
          value,
          `${valueTypeMessage(pathText, 'datetime', describeLiteral(value.value))}: write 'YYYY-MM-DD HH:mm:ss', a real date and time`,
        );
      }
      return;
    case 'string':
    case 'number':
    case 'boolean':
      if (typeof value.value !== expected) {
        wrongTypeProblem(problems, value, valueTypeMessage(pathText, expected, describeLiteral(value.value)));
        return;
      }
      break;
    default:
      assertNever(expected);
  }
  const known = path.kind === 'scalar' && path.field.type === 'string' ? path.field.values : undefined;
  if (known !== undefined && typeof value.value === 'string' && !known.includes(value.value)) {
    const suggestion = closestMatch(value.value, known);
    problems.push({
      severity: 'warning',
      kind: 'unknown-value',
      message: unknownValueMessage(pathText, value.value, known),
      span: value.span,
      ...(suggestion === undefined
        ? {}
        : {
            hint: `did you mean '${suggestion}'?`,
            fixes: [replacement(value.span, `'${suggestion.replace(/'/g, "''")}'`)],
          }),
    });
  }
}

/** A function, not a closure made in validateValue: that runs for every value of every comparison. */
function wrongTypeProblem(problems: Problem[], value: ValueNode, message: string): void {
  problems.push({ severity: 'error', kind: 'value-type', message, span: value.span });
}

function describeLiteral(value: Literal): string {
  return typeof value === 'string' ? `string ${JSON.stringify(value)}` : `${typeof value} ${String(value)}`;
}

/** The fix of a did-you-mean hint: the span becomes the suggestion. */
function replacement(span: Span, insert: string): Fix {
  return { message: `replace with ${insert}`, edits: [{ start: span.start, end: span.end, insert }] };
}
