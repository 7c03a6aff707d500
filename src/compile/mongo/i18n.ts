/**
 * i18n paths in a JobInfo document (`{ defaultValue, i18nValue: { zh_CN, en_US, … } }`, docs/LANGUAGE.md §3): bare `name`
 * is "any of defaultValue and the listed locales" (`$or`), `name.<locale>` is the translation when it is a
 * non-empty string and defaultValue otherwise (`$or` of the two cases, the second guarded by `$nor`).
 */
import type { Comparison } from '../../language/ast.js';
import type { I18nTarget } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { directCandidates, documentPath, fieldFilter, type MongoCandidates } from './document.js';
import type { MongoCondition, MongoFilter } from './types.js';

const NON_EMPTY_STRING: MongoCondition = { $type: 'string', $ne: '' };

export function i18nCandidates(
  node: Comparison,
  name: string,
  locales: readonly string[],
  target: I18nTarget,
): MongoCandidates {
  const defaultPath = documentPath(node, [name, 'defaultValue']);
  switch (target.kind) {
    case 'default':
      return directCandidates(defaultPath, { $type: 'string' });
    case 'locale': {
      const localePath = documentPath(node, [name, 'i18nValue', target.locale]);
      return {
        some: (condition) => translationOrDefault(localePath, defaultPath, condition),
        directPath: undefined,
        presence: { $type: 'string' },
        orderingNeedsPresence: false,
      };
    }
    case 'any': {
      const paths = [defaultPath, ...locales.map((locale) => documentPath(node, [name, 'i18nValue', locale]))];
      return {
        some: (condition) => ({ $or: paths.map((path) => fieldFilter(path, condition)) }),
        directPath: undefined,
        presence: { $type: 'string' },
        orderingNeedsPresence: false,
      };
    }
    default:
      return assertNever(target);
  }
}

/**
 * The translation satisfies the condition and is a non-empty string, or it is not one and defaultValue satisfies
 * it. `$ne: ''` sits beside `$type` so that it cannot match a missing translation.
 */
function translationOrDefault(localePath: string, defaultPath: string, condition: MongoCondition): MongoFilter {
  return {
    $or: [
      fieldFilter(localePath, { ...NON_EMPTY_STRING, ...condition }),
      { $nor: [fieldFilter(localePath, NON_EMPTY_STRING)], ...fieldFilter(defaultPath, condition) },
    ],
  };
}
