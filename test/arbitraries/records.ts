/**
 * Nasty JobInfo records (docs/LANGUAGE.md §3, src/apis/ota-job/job-info.ts) for the differential tests: every engine must select the same
 * records. Strings come from the shared pool (./strings.ts), so generated expressions hit them.
 *
 * Usage:
 *   jobInfoRecord(options?)   one record
 *   jobInfoRecords(options?)  an array with unique jobIds (`job7`, `Job3`, `job_12`…)
 * Options (RecordArbitraryOptions):
 *   unstorable: false (default) keeps NUL and lone surrogates out, as PostgreSQL and MongoDB need; true puts them in
 *               (hostile-input tests only).
 *   wrongTypes: false (default); true also puts numbers and booleans where strings belong, a string where an i18n
 *               object belongs, and so on. Such records break JobInfo's declared field types on purpose, as stored
 *               data can; docs/SEMANTICS.md treats those values as absent (and `toRow` stores NULL for them).
 *   maxRecords: the array's maximum length for jobInfoRecords (default 20).
 */
import fc from 'fast-check';
import type { I18nString, JobInfo } from '../../src/apis/ota-job/job-info.js';
import { poolString, type StringArbitraryOptions } from './strings.js';

export interface RecordArbitraryOptions extends StringArbitraryOptions {
  readonly wrongTypes?: boolean;
  readonly maxRecords?: number;
  /** The array's minimum length for jobInfoRecords (default 0). */
  readonly minRecords?: number;
}

/** Few organisations, one of them differing from another only in case (`org-a` / `ORG-A`). */
export const ORG_IDS: readonly string[] = ['org-a', 'org-b', 'ORG-A'];
/** Few creation times, so that equal createTimes (and the jobId tie-break) are common. */
export const CREATE_TIMES: readonly number[] = [
  1_700_000_000_000, 1_700_000_000_000, 1_700_000_001_000, 1_600_000_000_000, 0,
];
/** Prefixes of generated jobIds: case and `_`/`-` variants, so that SQL collations and binary order differ. */
const JOB_ID_PREFIXES: readonly string[] = ['job', 'Job', 'JOB', 'job_', 'job-'];

const WRONG_SCALARS = fc.constantFrom<unknown>(0, 1, -1.5, true, false);

/** A queryable string field's value: a string, null, undefined, or (with wrongTypes) a number or boolean. */
function optionalString(strings: fc.Arbitrary<string>, wrongTypes: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: strings },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: wrongTypes ? 1 : 0, arbitrary: WRONG_SCALARS },
  );
}

/** An enum field: mostly its known values, sometimes pool text (case variants such as `Started` included). */
function enumString(
  known: readonly string[],
  strings: fc.Arbitrary<string>,
  wrongTypes: boolean,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: optionalString(strings, wrongTypes) },
  );
}

/**
 * `{ defaultValue, i18nValue: { zh_CN, en_US, es_ES } }` with every part optional, null, undefined or empty:
 * missing i18nValue objects, missing or empty translations (the `name.<locale>` fallback), and an extra locale
 * (es_ES) that no path reads.
 */
export function i18nValue(options: RecordArbitraryOptions = {}): fc.Arbitrary<I18nString | null | undefined> {
  const wrongTypes = options.wrongTypes === true;
  const strings = poolString(options);
  const text = fc.oneof(
    { weight: 4, arbitrary: optionalString(strings, wrongTypes) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  const translations = fc.oneof(
    { weight: 6, arbitrary: fc.record({ zh_CN: text, en_US: text, es_ES: text }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: wrongTypes ? 1 : 0, arbitrary: fc.oneof(strings, WRONG_SCALARS) },
  );
  const i18n = fc.record({ defaultValue: text, i18nValue: translations }, { requiredKeys: [] });
  return fc.oneof(
    { weight: 8, arbitrary: i18n },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: wrongTypes ? 1 : 0, arbitrary: fc.oneof(strings, WRONG_SCALARS) },
  ) as fc.Arbitrary<I18nString | null | undefined>;
}

/** One JobInfo record; any queryable field may be missing (the property absent), null or undefined. */
export function jobInfoRecord(options: RecordArbitraryOptions = {}): fc.Arbitrary<JobInfo> {
  const wrongTypes = options.wrongTypes === true;
  const strings = poolString(options);
  const queryable = fc.record(
    {
      productKey: optionalString(strings, wrongTypes),
      firmwareId: optionalString(strings, wrongTypes),
      firmwareVersion: optionalString(strings, wrongTypes),
      type: enumString(['verify', 'upgrade'], strings, wrongTypes),
      status: enumString(['started', 'stopped'], strings, wrongTypes),
      name: i18nValue(options),
      firmwareName: i18nValue(options),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      orgId: fc.constantFrom(...ORG_IDS),
      jobId: fc.tuple(fc.constantFrom(...JOB_ID_PREFIXES), fc.nat(99)).map(([prefix, n]) => `${prefix}${n}`),
      createTime: fc.constantFrom(...CREATE_TIMES),
      queryable,
    })
    .map(({ queryable: fields, ...identity }) => ({ ...identity, ...fields }) as JobInfo);
}

/** An array of records with unique jobIds (a prefix from a few case variants and the record's index). */
export function jobInfoRecords(options: RecordArbitraryOptions = {}): fc.Arbitrary<JobInfo[]> {
  return fc
    .array(fc.tuple(jobInfoRecord(options), fc.constantFrom(...JOB_ID_PREFIXES)), {
      minLength: options.minRecords ?? 0,
      maxLength: options.maxRecords ?? 20,
    })
    .map((entries) => entries.map(([record, prefix], index) => ({ ...record, jobId: `${prefix}${index}` })));
}
