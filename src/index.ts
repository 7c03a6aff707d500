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
