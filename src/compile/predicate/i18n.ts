/**
 * i18n paths (SPEC §3, docs/SEMANTICS.md "i18n fields"): which candidates `name`, `name.defaultValue` and
 * `name.<locale>` compare against, including the fallback from an empty or missing translation to defaultValue.
 * The closures live in sites.generated.ts; each field, target and kind of candidate test gets its own copy of them
 * (slots.ts), so that the loads of `record.name` and `i18nValue.zh_CN` stay monomorphic and the candidate test is
 * always one site, which V8 inlines.
 */
import type { I18nTarget } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { I18N_SITES, type I18nSites } from './sites.generated.js';
import { SlotTable } from './slots.js';
import type { CandidateReader, RecordTest, SiteTest, TestKind, ValueTest } from './types.js';
import { containsIgnoringAsciiCaseTest, oneOf } from './values.js';

const i18nSlots = new SlotTable(I18N_SITES.length);

type Build = (sites: I18nSites, test: ValueTest) => RecordTest;

export function i18nReader(
  name: string,
  locales: readonly string[],
  target: I18nTarget,
  isPresent: ValueTest,
): CandidateReader {
  switch (target.kind) {
    case 'default':
      return reader(`${name}\u0000default`, 'defaultValue', (sites, test) => sites.defaultValue(name, test), true, isPresent);
    case 'locale': {
      const { locale } = target;
      return reader(`${name}\u0000locale\u0000${locale}`, 'translationOrDefault', (sites, test) => sites.translationOrDefault(name, locale, test), true, isPresent);
    }
    case 'any': {
      const [first, second] = locales;
      if (locales.length === 2 && first !== undefined && second !== undefined) {
        return reader(`${name}\u0000any`, 'anyOfTwo', (sites, test) => sites.anyOfTwo(name, first, second, test), false, isPresent);
      }
      // A fresh array the closure owns: the schema's list could be a caller's array that changes later.
      const owned = [...locales];
      return reader(`${name}\u0000any`, 'anyOfListed', (sites, test) => sites.anyOfListed(name, owned, test), false, isPresent);
    }
    default:
      return assertNever(target);
  }
}

function reader(path: string, method: keyof I18nSites, build: Build, singleCandidate: boolean, isPresent: ValueTest): CandidateReader {
  const some = (test: ValueTest, kind: TestKind): SiteTest => {
    const slot = i18nSlots.slotOf(`${path}\u0000${kind}`);
    return { test: build(I18N_SITES[slot]!, test), site: `i18n${slot}.${method}` };
  };
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
