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
} from './language/ast.js';
export { and, or, comparison, fieldPath, valueNode, OPERATORS } from './language/ast.js';
export type { Diagnostic, DiagnosticKind, ErrorCode, Severity } from './diagnostics/diagnostic.js';
export { INVALID_PARAMETER } from './diagnostics/diagnostic.js';
export { ExpressionError } from './diagnostics/expression-error.js';
export type { Limits } from './language/limits.js';
export { DEFAULT_LIMITS } from './language/limits.js';
export type { ParseOptions } from './language/parse.js';
export { parse } from './language/parse.js';
export type { CheckOptions, CheckResult } from './schema/check.js';
export { check } from './schema/check.js';
export { print } from './language/print.js';
export type { FormatOptions } from './diagnostics/code-frame.js';
export { formatDiagnostic } from './diagnostics/code-frame.js';
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
} from './schema/schema.js';
export { defineSchema, otaJobSchema, resolvePath } from './schema/schema.js';
export type {
  FieldHandle,
  Filter,
  LogicalMethods,
  OperatorMethods,
  PathOf,
  QueryBuilder,
  QueryBuilderOptions,
  ValueOf,
} from './builder/builder.js';
export { BUILDER_METHODS, queryBuilder } from './builder/builder.js';
