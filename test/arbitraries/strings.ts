/**
 * The shared string pool of the arbitraries: records and expressions draw from the same small set of nasty strings
 * (plus mutations of them and a few random ones), so that generated `=`, `in` and `like` comparisons actually hit
 * generated records, and case folding, escaping and i18n fallback are exercised on every run.
 */
import fc from 'fast-check';

/**
 * Strings chosen to break compilers: ASCII case variants of one another (`=` is exact, `like` folds A–Z only),
 * quotes and backslashes, LIKE and regex metacharacters, trailing and leading spaces, letters that Unicode case
 * folding would change but `like` must not (É/é, ß/SS, ſ, the Kelvin sign, İ/ı), Chinese, astral emoji, the empty
 * string, tabs, line breaks and non-breaking spaces, and the known values of the OTA enum fields.
 */
export const STRING_POOL: readonly string[] = [
  '',
  ' ',
  'a',
  'A',
  'ab',
  'AB',
  'aB',
  'Inverter',
  'inverter',
  'INVERTER',
  'inverter ',
  ' inverter',
  'Inverter Firmware',
  'inverter_firmware',
  "it's",
  "O''Brien",
  'say "hi"',
  'C:\\fw',
  'C:\\FW\\v2',
  '\\\\',
  '100%',
  '100',
  'a_b',
  'a%b',
  'a.b',
  'a*b',
  '[x]',
  '(x)',
  '^x$',
  '\\x41',
  '.*',
  'a|b',
  '{1}',
  '?+',
  'Émile',
  'émile',
  'EMILE',
  'emile',
  'É',
  'é',
  'e\u0301',
  'straße',
  'STRASSE',
  'ß',
  'ss',
  'ſ',
  's',
  '\u212a',
  'k',
  'K',
  'İ',
  'ı',
  'i',
  'I',
  '固件',
  '固件升级',
  '升级',
  '😀',
  'fw😀',
  '😀😀',
  '𝔘pgrade',
  'started',
  'stopped',
  'verify',
  'upgrade',
  'Started',
  'STOPPED',
  'Verify',
  'v1.0.0',
  'V1.0.0',
  'v1.0.0 ',
  'tab\there',
  'line\nbreak',
  '\u00a0nbsp',
  '\u3000',
];

/**
 * A few pool strings drawn much more often than the rest, so that records and expressions meet: two ASCII case
 * variants, an empty string, a quote, an accented pair, Chinese and an astral emoji.
 */
export const HOT_STRINGS: readonly string[] = [
  '',
  'a',
  'A',
  'ab',
  'Inverter',
  'inverter',
  'inverter ',
  "it's",
  'C:\\fw',
  'Émile',
  'émile',
  '固件',
  'fw😀',
  'started',
  'verify',
];

/** Strings no engine can store alike: NUL (PostgreSQL text cannot hold it) and lone UTF-16 surrogates (UTF-8). */
export const UNSTORABLE_STRINGS: readonly string[] = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udfff\ud800'];

export interface StringArbitraryOptions {
  /**
   * Also produce NUL and lone surrogates, which PostgreSQL (and MongoDB's UTF-8) cannot store. Default false: the
   * strings are storable by every engine, as cross-engine agreement tests need. The hostile-input tests set it.
   */
  readonly unstorable?: boolean;
}

const pooled = fc.constantFrom(...STRING_POOL);
const hot = fc.constantFrom(...HOT_STRINGS);

/** Folds or unfolds ASCII letters only, as a user typing another case would. */
const asciiCaseVariant = fc.tuple(pooled, fc.constantFrom('upper', 'lower', 'swap')).map(([text, how]) =>
  text.replace(/[A-Za-z]/g, (letter) => {
    const upper = letter.toUpperCase();
    if (how === 'upper') return upper;
    if (how === 'lower') return letter.toLowerCase();
    return letter === upper ? letter.toLowerCase() : upper;
  }),
);

/** A run of whole code points of a pool string, so that `like` patterns are often found inside records. */
const codePointSlice = fc.tuple(pooled, fc.nat(), fc.nat()).map(([text, a, b]) => {
  const points = Array.from(text);
  const start = a % (points.length + 1);
  const end = start + (b % (points.length - start + 1));
  return points.slice(start, end).join('');
});

const concatenation = fc.tuple(pooled, pooled).map(([a, b]) => a + b);
const padded = fc.tuple(pooled, fc.constantFrom(' ', '  ', '\t', '\u3000')).map(([text, pad]) => text + pad);
/** Any code points (no lone surrogates); NUL and other controls included, NUL removed unless unstorable. */
const randomCodePoints = fc.string({ unit: 'binary', maxLength: 6 });
const randomGraphemes = fc.string({ unit: 'grapheme', maxLength: 4 });
/** Any UTF-16 code units, lone surrogates and NUL included. */
const randomCodeUnits = fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 6 });

/**
 * A string for a record or an expression value: mostly from HOT_STRINGS and STRING_POOL, often an ASCII case
 * variant, a slice, a concatenation or a padded pool string, sometimes random text.
 */
export function poolString(options: StringArbitraryOptions = {}): fc.Arbitrary<string> {
  const storable = fc.oneof(
    { weight: 10, arbitrary: hot },
    { weight: 10, arbitrary: pooled },
    { weight: 3, arbitrary: asciiCaseVariant },
    { weight: 3, arbitrary: codePointSlice },
    { weight: 2, arbitrary: concatenation },
    { weight: 1, arbitrary: padded },
    { weight: 1, arbitrary: randomCodePoints.map((text) => text.replaceAll('\u0000', '')) },
    { weight: 1, arbitrary: randomGraphemes },
  );
  if (options.unstorable !== true) return storable;
  return fc.oneof(
    { weight: 8, arbitrary: storable },
    { weight: 1, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) },
    { weight: 1, arbitrary: fc.oneof(randomCodePoints, randomCodeUnits) },
  );
}

/** Numbers for number fields: a small pool (so `=`/`in` hit) plus random finite doubles. Never NaN, ±Infinity or -0. */
export const NUMBER_POOL: readonly number[] = [0, 1, -1, 2, 1.5, 10, 100, -2.5e-8, 2 ** 53 - 1, -(2 ** 53 - 1), 1e21];

export function poolNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NUMBER_POOL) },
    {
      weight: 1,
      arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
    },
  );
}

/** Map keys (`tags.<key>`): case variants, `-` and `/`, digits, and keys that are Object.prototype's names. */
export const MAP_KEY_POOL: readonly string[] = [
  'k',
  'K',
  'key',
  'a-b',
  'x/y',
  '0',
  '_',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/** Datetimes of the one form, close together so that ordering bounds split records, leap days and edges included. */
export const DATETIME_POOL: readonly string[] = [
  '2023-01-01 00:00:00',
  '2023-06-15 12:30:00',
  '2023-06-15 12:30:01',
  '2023-12-31 23:59:59',
  '2024-02-29 08:00:00',
  '1999-12-31 23:59:59',
];

export function poolDatetime(): fc.Arbitrary<string> {
  return fc.constantFrom(...DATETIME_POOL);
}

/** A value of a map of scalars: a string, a number or a boolean, with the near-misses (`20` and `"20"`, `true` and `1`). */
export function poolScalar(options: StringArbitraryOptions = {}): fc.Arbitrary<string | number | boolean> {
  return fc.oneof(
    poolString(options),
    poolNumber(),
    fc.boolean(),
    fc.constantFrom<string | number | boolean>(20, '20', 1, '1', 'true', true),
  );
}
