/**
 * compile/shared/text.ts, the facts about strings that several targets share: `like`'s ASCII-only case folding (the
 * predicate, SQL's bound patterns, MongoDB's regular expression) and what a SQL database cannot store.
 */
import { describe, expect, it } from 'vitest';
import {
  asciiCaseInsensitiveContainsSource,
  containsIgnoringAsciiCase,
  foldAsciiCase,
  hasLoneSurrogate,
  unstorableReason,
} from '../../../src/compile/shared/text.js';

const NUL = 'contains the NUL character U+0000, which SQL databases cannot store';
const LONE = 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding';

describe('foldAsciiCase folds A–Z onto a–z and nothing else', () => {
  it.each([
    ['ABCXYZ', 'abcxyz'],
    ['aZ09', 'az09'],
    ['@[`{', '@[`{'],
    ['ÀÉÎ', 'ÀÉÎ'],
    ['İK\u212aẞ', 'İk\u212aẞ'],
    ['Mixed CASE Words', 'mixed case words'],
    ['', ''],
  ])('%j → %j', (text, folded) => expect(foldAsciiCase(text)).toBe(folded));
});

describe('containsIgnoringAsciiCase', () => {
  it.each([
    ['Inverter', 'INV', true],
    ['inverter', 'Ter', true],
    ['in v', 'inv', false],
    ['CAFÉ', 'é', false],
    ['x', '', true],
    ['', 'x', false],
  ])('%j contains %j: %s', (text, pattern, expected) =>
    expect(containsIgnoringAsciiCase(text, pattern)).toBe(expected),
  );
});

describe('asciiCaseInsensitiveContainsSource: letters as classes, digits and non-ASCII literal, the rest \\xHH', () => {
  it.each([
    ['/09:', '\\x2f09\\x3a'],
    ['\u0001\u007f', '\\x01\\x7f'],
    ['\u0080\u00ff\u4e00', '\u0080\u00ff\u4e00'],
    ['@AZ[`az{', '\\x40[aA][zZ]\\x5b\\x60[aA][zZ]\\x7b'],
    ['', ''],
  ])('%j → %j', (pattern, source) => expect(asciiCaseInsensitiveContainsSource(pattern)).toBe(source));

  it('the source matches the characters it stands for, and only them', () => {
    const expression = new RegExp(asciiCaseInsensitiveContainsSource('/9:\u007f'));
    expect(expression.test('x/9:\u007fy')).toBe(true);
    expect(expression.test('/9;\u007f')).toBe(false);
  });
});

describe('hasLoneSurrogate and unstorableReason: what SQL databases cannot store', () => {
  it.each([
    ['plain text', false],
    ['😀', false],
    ['a😀b😁', false],
    ['\ud83d', true],
    ['\ude00', true],
    ['x\ud83d', true],
    ['\ude00x', true],
    ['\ude00\ud83d', true],
    ['😀\ud83d', true],
    ['\ude00😀', true],
    ['\ud83d\ud83d\ude00', true],
    ['\ud83d\ude00\ude00', true],
  ])('%j: lone surrogate %s', (text, lone) => {
    expect(hasLoneSurrogate(text)).toBe(lone);
    expect(unstorableReason(text)).toBe(lone ? LONE : undefined);
  });

  it.each([['\u0000'], ['a\u0000'], ['\u0000b'], ['\ud83d\u0000']])('%j holds NUL', (text) =>
    expect(unstorableReason(text)).toBe(NUL),
  );
});
