/**
 * What each operator means, in one line (docs/SEMANTICS.md, docs/LANGUAGE.md §3): the hover text of an operator
 * and the `detail` of an operator's completion. Typed by the operator table's keys, so a new operator fails to
 * type-check until it is explained here.
 */
import type { LogicalOperator, Operator } from '../language/ast.js';

export const MEANINGS: Readonly<Record<Operator | LogicalOperator, string>> = {
  '=': 'equals the value exactly (case-sensitive, no coercion)',
  '!=': 'present and not equal to the value (also <>)',
  '<': 'less than the value',
  '<=': 'less than or equal to the value',
  '>': 'greater than the value',
  '>=': 'greater than or equal to the value',
  in: 'equals one of the listed values',
  like: 'contains the text, ignoring the case of A–Z; % and _ are literal',
  exists: 'the field is present and not null',
  'not exists': 'the field is absent or null',
  'is null': 'the field is absent or null',
  'is not null': 'the field is present and not null',
  and: 'both sides hold (binds tighter than or)',
  or: 'either side holds',
};
