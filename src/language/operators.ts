/**
 * The operator table: every fact about a comparison operator, in one place (docs/LANGUAGE.md §2, §3). The AST's
 * operator types, the node makers, the printer, the validator's operand walk, the typed builder's method names
 * and the schema's checks all read it; no other file lists which operators take a value, a list or nothing.
 */
import type { Operator } from './ast.js';

/**
 * What an operator takes on its right: one literal (`=`), a string pattern (`like`), a non-empty list (`in`), or
 * nothing (`exists`, `is null`…).
 */
export type OperandShape = 'value' | 'pattern' | 'list' | 'none';

/** Where the operator's words stand: `f = v`, `exists(f)`, `f is null`. */
export type OperatorForm = 'infix' | 'prefix' | 'postfix';

/** The facts the operator table holds about one comparison operator. */
export interface OperatorFacts {
  /** What the operator takes on its right. */
  readonly operand: OperandShape;
  /** An ordering comparison (`<`, `<=`, `>`, `>=`): allowed on number fields only. */
  readonly ordering: boolean;
  /** Where the operator's words stand relative to the field. */
  readonly form: OperatorForm;
  /** The typed query builder's method (`where('f').eq(v)`). */
  readonly method: string;
  /** Other spellings the grammar reads as this operator. */
  readonly aliases?: readonly string[];
}

/** The operator table: each comparison operator's operand shape, ordering flag, form, builder method and aliases. */
export const OPERATOR_TABLE = {
  '=': { operand: 'value', ordering: false, form: 'infix', method: 'eq' },
  '!=': { operand: 'value', ordering: false, form: 'infix', method: 'ne', aliases: ['<>'] },
  '<': { operand: 'value', ordering: true, form: 'infix', method: 'lt' },
  '<=': { operand: 'value', ordering: true, form: 'infix', method: 'lte' },
  '>': { operand: 'value', ordering: true, form: 'infix', method: 'gt' },
  '>=': { operand: 'value', ordering: true, form: 'infix', method: 'gte' },
  in: { operand: 'list', ordering: false, form: 'infix', method: 'in' },
  like: { operand: 'pattern', ordering: false, form: 'infix', method: 'like' },
  exists: { operand: 'none', ordering: false, form: 'prefix', method: 'exists' },
  'not exists': { operand: 'none', ordering: false, form: 'prefix', method: 'notExists' },
  'is null': { operand: 'none', ordering: false, form: 'postfix', method: 'isNull' },
  'is not null': { operand: 'none', ordering: false, form: 'postfix', method: 'isNotNull' },
} as const satisfies Record<Operator, OperatorFacts>;

/** The type of `OPERATOR_TABLE`, with each operator's facts as literal types. */
export type OperatorTable = typeof OPERATOR_TABLE;

/** The operators whose operand has `shape`, as a type: `OperatorsTaking<'none'>` is the presence tests. */
export type OperatorsTaking<Shape extends OperandShape> = {
  [O in Operator]: OperatorTable[O]['operand'] extends Shape ? O : never;
}[Operator];

/** What each operand shape needs, in the words messages use (`in needs at least one value`). */
export const OPERAND_NEEDS: Readonly<Record<OperandShape, string>> = {
  value: 'one value',
  pattern: 'a string value',
  list: 'at least one value',
  none: 'no value',
};

export function operandShape(op: Operator): OperandShape {
  return OPERATOR_TABLE[op].operand;
}

/** True for a key of the table, whatever the caller passed: JSON trees and JavaScript callers may hold anything. */
export function isOperator(op: unknown): op is Operator {
  return typeof op === 'string' && Object.hasOwn(OPERATOR_TABLE, op);
}
