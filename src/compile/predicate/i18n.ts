/**
 * i18n paths (docs/LANGUAGE.md §3, docs/SEMANTICS.md "i18n fields"): which candidates `name`, `name.defaultValue` and
 * `name.<locale>` compare against, including the fallback from an empty or missing translation to defaultValue.
 * The record tests come from copies/index.ts (i18nTests), told which reading of the field each one is (target and
 * kind of candidate test), so that the loads of `record.name` and `i18nValue.zh_CN` stay monomorphic and the
 * candidate test is always of one kind, which V8 inlines.
 */
import type { I18nTarget } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { i18nTests, type Compiled, type I18nTests } from './copies/index.js';
import type { PredicateCandidates, TestKind, ValueTest } from './types.js';
import { containsIgnoringAsciiCaseTest, oneOf } from './values.js';

type Build = (tests: I18nTests, test: ValueTest) => Compiled;

export function i18nReader(
  name: string,
  locales: readonly string[],
  target: I18nTarget,
  isPresent: ValueTest,
): PredicateCandidates {
  switch (target.kind) {
    case 'default':
      return reader(name, 'default', (tests, test) => tests.defaultValue(test), true, isPresent);
    case 'locale': {
      const { locale } = target;
      return reader(
        name,
        `locale\u0000${locale}`,
        (tests, test) => tests.translationOrDefault(locale, test),
        true,
        isPresent,
      );
    }
    case 'any': {
      const [first, second] = locales;
      if (locales.length === 2 && first !== undefined && second !== undefined) {
        return reader(name, 'any', (tests, test) => tests.anyOfTwo(first, second, test), false, isPresent);
      }
      // A fresh array the closure owns: the schema's list could be a caller's array that changes later.
      const owned = [...locales];
      return reader(name, 'any', (tests, test) => tests.anyOfListed(owned, test), false, isPresent);
    }
    default:
      return assertNever(target);
  }
}

/** `target`: which candidates the reader compares (`default`, `locale\0zh_CN`, `any`), part of the reading's key. */
function reader(
  name: string,
  target: string,
  build: Build,
  singleCandidate: boolean,
  isPresent: ValueTest,
): PredicateCandidates {
  const some = (test: ValueTest, kind: TestKind): Compiled => build(i18nTests(name, `${target}\u0000${kind}`), test);
  return {
    some,
    someEqual: (values) => {
      const { test, kind } = oneOf(values, isPresent);
      return some(test, kind);
    },
    someLike: (pattern) => {
      const { test, kind } = containsIgnoringAsciiCaseTest(pattern);
      return some(test, kind);
    },
    singleCandidate,
    valueType: 'string',
    isPresent,
  };
}
