/**
 * The candidates (docs/SEMANTICS.md) of each kind of resolved path: where they are in a document of the record's shape.
 */
import type { Comparison } from '../../language/ast.js';
import { DATETIME_SOURCE, valueTypeOf, type ResolvedPath, type ValueType } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { directCandidates, documentPath, type MongoCandidates } from './document.js';
import { i18nCandidates } from './i18n.js';
import type { MongoCondition } from './types.js';

const PRESENCE = {
  string: { $type: 'string' },
  number: { $type: 'number' },
  boolean: { $type: 'bool' },
  datetime: { $type: 'string', $regex: DATETIME_SOURCE },
  scalar: { $type: ['string', 'number', 'bool'] },
} as const satisfies Record<ValueType, MongoCondition>;

export function candidatesOf(path: ResolvedPath, node: Comparison): MongoCandidates {
  const valueType = valueTypeOf(path);
  const presence = PRESENCE[valueType];
  switch (path.kind) {
    case 'scalar':
      return directCandidates(documentPath(node, [path.name]), presence, valueType === 'datetime');
    case 'map':
      return directCandidates(documentPath(node, [path.name, path.key]), presence);
    case 'i18n':
      return i18nCandidates(node, path.name, path.field.locales, path.target);
    default:
      return assertNever(path);
  }
}
