/**
 * The candidates (docs/SEMANTICS.md) of each kind of resolved path: where they are in a document of the record's shape.
 */
import type { Comparison } from '../../language/ast.js';
import { valueTypeOf, type ResolvedPath, type ValueType } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { directCandidates, documentPath, type MongoCandidates } from './document.js';
import { i18nCandidates } from './i18n.js';
import type { MongoTypeAlias } from './types.js';

const TYPE_ALIASES = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
} as const satisfies Record<ValueType, MongoTypeAlias>;

export function candidatesOf(path: ResolvedPath, node: Comparison): MongoCandidates {
  const typeAlias = TYPE_ALIASES[valueTypeOf(path)];
  switch (path.kind) {
    case 'scalar':
      return directCandidates(documentPath(node, [path.name]), typeAlias);
    case 'map':
      return directCandidates(documentPath(node, [path.name, path.key]), typeAlias);
    case 'i18n':
      return i18nCandidates(node, path.name, path.field.locales, path.target);
    default:
      return assertNever(path);
  }
}
