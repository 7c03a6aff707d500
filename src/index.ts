/**
 * ota-expr: the public surface in one reviewable file. Everything is exported by name; changing an exported type
 * is a breaking change and goes in CHANGELOG.md.
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
export type { Predicate, PredicateOptions } from './compile/predicate/index.js';
export { toPredicate } from './compile/predicate/index.js';
export type { MongoCondition, MongoFilter, MongoOptions, MongoTypeAlias } from './compile/mongo/index.js';
export { toMongo } from './compile/mongo/index.js';
export type { SqlDialectName, SqlMapping, SqlParam, SqlWhere, ToSqlOptions, OtaJobColumnKey, OtaJobRow } from './compile/sql/index.js';
export {
  toSql,
  createTableSql,
  otaJobTableSql,
  insertRowSql,
  insertRow,
  rowParams,
  toRow,
  OTA_JOB_COLUMNS,
} from './compile/sql/index.js';
export type {
  MemorySearchOptions,
  MongoSearch,
  SearchFailure,
  SearchOptions,
  SearchPage,
  SearchRequest,
  SearchResponse,
  SearchValidation,
  SqlSearch,
  SqlSearchOptions,
  ValidSearch,
} from './search/index.js';
export {
  DEFAULT_PAGE_NO,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  searchRecords,
  toMongoSearch,
  toSqlSearch,
  validateSearchRequest,
} from './search/index.js';
