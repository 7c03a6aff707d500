/**
 * i18n paths (SPEC §3, docs/SEMANTICS.md "i18n fields"): which candidates `name`, `name.defaultValue` and
 * `name.<locale>` compare against, including the fallback from an empty or missing translation to defaultValue.
 */
import type { I18nTarget } from '../../schema.js';
import { assertNever } from '../../util/assert-never.js';
import type { CandidateReader, RecordTest, ValueTest } from './types.js';
import { hasOwn, isContainer, nestedEntryTest, oneOf } from './values.js';

const DEFAULT_VALUE = 'defaultValue';
const TRANSLATIONS = 'i18nValue';

export function i18nReader(
  name: string,
  locales: readonly string[],
  target: I18nTarget,
  isPresent: ValueTest,
): CandidateReader {
  switch (target.kind) {
    case 'default':
      return reader((test) => nestedEntryTest(name, DEFAULT_VALUE, test), true, isPresent);
    case 'locale':
      return reader((test) => translationOrDefaultTest(name, target.locale, test), true, isPresent);
    case 'any':
      // A fresh array the closure owns: the schema's list could be a caller's array that changes later.
      return reader((test) => anyCandidateTest(name, [...locales], test), false, isPresent);
    default:
      return assertNever(target);
  }
}

function reader(some: (test: ValueTest) => RecordTest, singleCandidate: boolean, isPresent: ValueTest): CandidateReader {
  return { some, someEqual: (values) => some(oneOf(values, isPresent)), singleCandidate, valueType: 'string', isPresent };
}

/** The own i18n object `record.<name>`, or undefined. */
function i18nObject(record: unknown, name: string): Readonly<Record<string, unknown>> | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[name];
  return isContainer(value) && hasOwn(record, name) ? value : undefined;
}

/** `name.<locale>`: the translation when it is a non-empty string, otherwise defaultValue. */
function translationOrDefaultTest(name: string, locale: string, test: ValueTest): RecordTest {
  return (record) => {
    const value = i18nObject(record, name);
    if (value === undefined) return false;
    const translations = value[TRANSLATIONS];
    if (isContainer(translations)) {
      const translated = translations[locale];
      if (typeof translated === 'string' && translated !== '' && hasOwn(translations, locale) && hasOwn(value, TRANSLATIONS)) {
        return test(translated);
      }
    }
    return test(value[DEFAULT_VALUE]) && hasOwn(value, DEFAULT_VALUE);
  };
}

/** Bare `name`: defaultValue or any listed locale's translation (no fallback needed: defaultValue is a candidate). */
function anyCandidateTest(name: string, locales: readonly string[], test: ValueTest): RecordTest {
  const count = locales.length;
  return (record) => {
    const value = i18nObject(record, name);
    if (value === undefined) return false;
    if (test(value[DEFAULT_VALUE]) && hasOwn(value, DEFAULT_VALUE)) return true;
    const translations = value[TRANSLATIONS];
    if (!isContainer(translations) || !hasOwn(value, TRANSLATIONS)) return false;
    for (let index = 0; index < count; index += 1) {
      const locale = locales[index]!;
      if (test(translations[locale]) && hasOwn(translations, locale)) return true;
    }
    return false;
  };
}
