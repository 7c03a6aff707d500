/**
 * Validation before compiling to SQL: the schema's errors (src/validate.ts) plus what only SQL refuses — map
 * paths (the column layout has no column per arbitrary key) and strings no database can store (storable.ts).
 * With only a tree and no text, a diagnostic's line is 1 and its column `start + 1`; start and end are exact.
 */
import { operandValues, type Expression } from '../../language/ast.js';
import type { Diagnostic, Problem } from '../../diagnostics/diagnostic.js';
import { INVALID_PARAMETER } from '../../diagnostics/diagnostic.js';
import { resolvePath, type Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { validate } from '../../schema/validate.js';
import { unstorableReason } from './storable.js';

export function sqlDiagnosticsFor(ast: Expression, schema: Schema): Diagnostic[] {
  const problems = validate(ast, schema).filter((problem) => problem.severity === 'error');
  if (problems.length === 0) collectSqlProblems(ast, schema, problems);
  return problems.map(toDiagnostic).sort((a, b) => a.start - b.start || a.end - b.end);
}

function toDiagnostic(problem: Problem): Diagnostic {
  const base: Diagnostic = {
    code: INVALID_PARAMETER,
    severity: problem.severity,
    kind: problem.kind,
    message: problem.message,
    start: problem.span.start,
    end: problem.span.end,
    line: 1,
    column: problem.span.start + 1,
  };
  return problem.hint === undefined ? base : { ...base, hint: problem.hint };
}

function collectSqlProblems(node: Expression, schema: Schema, problems: Problem[]): void {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const child of node.children) collectSqlProblems(child, schema, problems);
      return;
    case 'comparison': {
      const resolution = resolvePath(schema, node.path.text);
      if (resolution.ok && resolution.path.kind === 'map') {
        problems.push({
          severity: 'error',
          kind: 'invalid-input',
          message: `Field ${node.path.text} is a map entry, which the SQL compilers cannot query: the table has no column per key`,
          span: node.path.span,
        });
      }
      for (const value of operandValues(node)) {
        const reason = typeof value.value === 'string' ? unstorableReason(value.value) : undefined;
        if (reason !== undefined) {
          problems.push({
            severity: 'error',
            kind: 'invalid-input',
            message: `The value for ${node.path.text} ${reason}`,
            span: value.span,
          });
        }
      }
      return;
    }
    default:
      assertNever(node);
  }
}

