/**
 * ota-expr/core: the browser entry. Parsing, validation, printing, code frames, schemas, the syntax tree and the
 * typed builder, and nothing that compiles to a query language, so a browser bundle carries only what an editor
 * or a form needs. No Node built-ins, no `eval`; every name is exported explicitly (the public surface of this
 * entry in one file). The compilers live in `ota-expr/predicate`, `ota-expr/sql`, `ota-expr/mongo` and
 * `ota-expr/search`; the root `ota-expr` re-exports all the entries.
 *
 * The entries are where Search OTA Job becomes the default API: the stages below them are generic and never name
 * an API (docs/ARCHITECTURE.md).
 */
import { otaJobSchema } from './apis/ota-job/schema.js';
import { checkText, type CheckOptions, type CheckResult } from './schema/check.js';

export type {
  AndNode,
  Comparison,
  ComparisonSpans,
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
export type { Diagnostic, DiagnosticKind, ErrorCode, Fix, Severity, TextEdit } from './diagnostics/diagnostic.js';
export { INVALID_PARAMETER } from './diagnostics/diagnostic.js';
export { ExpressionError } from './diagnostics/expression-error.js';
export type { Limits } from './language/limits.js';
export { DEFAULT_LIMITS } from './language/limits.js';
export type { ParseOptions } from './language/parse.js';
export { parse } from './language/parse.js';
export type { CheckOptions, CheckResult } from './schema/check.js';
export { print } from './language/print.js';
export type { FormatOptions } from './diagnostics/code-frame.js';
export { formatDiagnostic } from './diagnostics/code-frame.js';
export type {
  BooleanFieldSpec,
  DatetimeFieldSpec,
  FieldMap,
  FieldSpec,
  FieldType,
  I18nFieldSpec,
  MapFieldSpec,
  NumberFieldSpec,
  Schema,
  SchemaDefinition,
  SearchRules,
  SortKey,
  StringFieldSpec,
} from './schema/schema.js';
export type { I18nTarget, PathResolution, ResolvedPath, ValueType } from './schema/resolve.js';
export { defineSchema } from './schema/schema.js';
export { resolvePath } from './schema/resolve.js';
export {
  describeSchema,
  type DescribedValueType,
  type FieldDescription,
  type SchemaDescription,
} from './schema/describe.js';
export type { ApiDefinition } from './schema/api.js';
export { apiOf } from './schema/api.js';
export type { OtaJobSchema } from './apis/ota-job/schema.js';
export { otaJobSchema } from './apis/ota-job/schema.js';
export type { I18nString, JobInfo } from './apis/ota-job/job-info.js';
export { schemas } from './apis/schemas.js';
export type { OtaTaskRecord } from './apis/ota-task/record.js';
export type { FirmwareRecord } from './apis/firmware/record.js';
export type { DeviceUpgradeRecord } from './apis/device-upgrade/record.js';
export type { DeviceRecord } from './apis/device/record.js';
export type { ProductRecord } from './apis/product/record.js';
export type { ThingModelRecord } from './apis/thing-model/record.js';
export type { AssetNodeRecord } from './apis/asset-node/record.js';
export type { AssetTreeRecord } from './apis/asset-tree/record.js';
export type { CommandRecord } from './apis/command/record.js';
export type { EventRecord } from './apis/event/record.js';
export type { ActiveAlertRecord } from './apis/active-alert/record.js';
export type { HistoryAlertRecord } from './apis/history-alert/record.js';
export type { AlertRuleRecord } from './apis/alert-rule/record.js';
export type { AlertContentRecord } from './apis/alert-content/record.js';
export type { AlertSeverityRecord } from './apis/alert-severity/record.js';
export type { AlertTypeRecord } from './apis/alert-type/record.js';
export type { AlertRecord } from './apis/alert/record.js';
export type {
  OperandShape,
  OperatorFacts,
  OperatorForm,
  OperatorsTaking,
  OperatorTable,
} from './language/operators.js';
export { OPERATOR_TABLE } from './language/operators.js';
export type {
  DatetimeString,
  FieldHandle,
  FieldNameOf,
  FieldOf,
  Filter,
  LogicalMethods,
  MethodOf,
  OperatorMethods,
  PathOf,
  PathsOfField,
  QueryBuilder,
  QueryBuilderOptions,
  ValueOf,
} from './builder/builder.js';
export { BUILDER_METHODS, queryBuilder } from './builder/builder.js';

/**
 * Parses `text` and validates it against `options.schema` (default: `otaJobSchema`). Never throws: every problem is
 * a located diagnostic, sorted by position, and `ok` is false exactly when one is an error.
 * @example
 * ```ts
 * const result = check("status = 'started' and name like 'fw'");
 * if (!result.ok) console.log(result.diagnostics);
 * ```
 */
export function check(text: string, options?: CheckOptions): CheckResult {
  return checkText(text, options, otaJobSchema);
}
