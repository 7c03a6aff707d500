/**
 * ota-expr/core: the browser entry. Parsing, validation, printing, code frames, schemas, the syntax tree and the
 * typed builder, and nothing that compiles to a query language, so a browser bundle carries only what an editor
 * or a form needs. No Node built-ins, no `eval`; every name is exported explicitly (the public surface of this
 * entry in one file, as in src/index.ts). The compilers live in `ota-expr/predicate`, `ota-expr/sql`,
 * `ota-expr/mongo` and `ota-expr/search`; the root `ota-expr` exports everything.
 */
export type {
  AndNode,
  Comparison,
  Expression,
  FieldPath,
  InComparison,
  LikeComparison,
  Literal,
  LogicalOperator,
  Operator,
  OrNode,
  PresenceComparison,
  PresenceOperator,
  Span,
  ValueComparison,
  ValueNode,
  ValueOperator,
} from './ast.js';
export { and, or, comparison, fieldPath, valueNode, OPERATORS } from './ast.js';
export type { Diagnostic, DiagnosticKind, ErrorCode, Severity } from './diagnostics.js';
export { INVALID_PARAMETER } from './diagnostics.js';
export { ExpressionError } from './errors.js';
export type { Limits } from './limits.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ParseOptions } from './parse.js';
export { parse } from './parse.js';
export type { CheckOptions, CheckResult } from './check.js';
export { check } from './check.js';
export { print } from './print.js';
export type { FormatOptions } from './code-frame.js';
export { formatDiagnostic } from './code-frame.js';
export type {
  BooleanFieldSpec,
  FieldMap,
  FieldSpec,
  FieldType,
  I18nFieldSpec,
  I18nTarget,
  MapFieldSpec,
  NumberFieldSpec,
  OtaJobSchema,
  PathResolution,
  ResolvedPath,
  Schema,
  SchemaDefinition,
  StringFieldSpec,
} from './schema.js';
export { defineSchema, otaJobSchema, resolvePath } from './schema.js';
export type {
  FieldHandle,
  Filter,
  LogicalMethods,
  OperatorMethods,
  PathOf,
  QueryBuilder,
  QueryBuilderOptions,
  ValueOf,
} from './builder.js';
export { BUILDER_METHODS, queryBuilder } from './builder.js';
