/**
 * Plans for each kind of resolved path: where its candidates (docs/SEMANTICS.md) are in a JobInfo-shaped document.
 */
import type { Comparison } from '../../language/ast.js';
import { valueTypeOf, type ResolvedPath, type ValueType } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { directPlan, documentPath, type MongoPathPlan } from './document.js';
import { i18nPlan } from './i18n.js';
import type { MongoTypeAlias } from './types.js';

const TYPE_ALIASES = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
} as const satisfies Record<ValueType, MongoTypeAlias>;

export function planFor(path: ResolvedPath, node: Comparison): MongoPathPlan {
  const typeAlias = TYPE_ALIASES[valueTypeOf(path)];
  switch (path.kind) {
    case 'scalar':
      return directPlan(documentPath(node, [path.name]), typeAlias);
    case 'map':
      return directPlan(documentPath(node, [path.name, path.key]), typeAlias);
    case 'i18n':
      return i18nPlan(node, path.name, path.field.locales, path.target);
    default:
      return assertNever(path);
  }
}

