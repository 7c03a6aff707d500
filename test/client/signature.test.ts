/**
 * The client's hashes against SHA-256 computed independently with node:crypto: fixed vectors (the EnOS docs' own
 * sample request), random text (astral characters and lone surrogates included) and paramsData's ordering, which is
 * by code unit (ASCII for ASCII names), never by locale.
 */
import { createHash } from 'node:crypto';
import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { paramsData, requestSignature, sha256Hex, tokenEncryption } from '../../src/client.js';

function codeUnitOrder(a: string, b: string): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = a.charCodeAt(index) - b.charCodeAt(index);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex (WebCrypto) equals node:crypto', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('the FIPS 180-2 vector of %j', async (text, digest) => {
    expect(await sha256Hex(text)).toBe(digest);
    expect(nodeSha256(text)).toBe(digest);
  });

  it('Chinese, emoji and a lone surrogate (UTF-8, U+FFFD for the surrogate, as node:crypto does)', async () => {
    for (const text of ['逆变器 固件', '🚀 fw', 'a\ud800b', '\u3000\u00a0'])
      expect(await sha256Hex(text)).toBe(nodeSha256(text));
  });

  property.prop([fc.string({ unit: 'binary', maxLength: 300 })], { numRuns: 200 })('for random text', async (text) => {
    expect(await sha256Hex(text)).toBe(nodeSha256(text));
  });
});

describe('tokenEncryption and requestSignature', () => {
  it('the token encryption is sha256(appKey + timestamp + appSecret)', async () => {
    expect(await tokenEncryption({ appKey: 'ak', timestamp: 1572574909697, appSecret: 'sk' })).toBe(
      nodeSha256('ak1572574909697sk'),
    );
  });

  it("the EnOS docs' sample: /m/v1/b?k3=v3&k1=v1&k2=v2 with a JSON body", async () => {
    const body = '{"count":20,"page":1,"desc":"描述"}';
    const query = new URL('https://gw.example/m/v1/b?k3=v3&k1=v1&k2=v2').searchParams;
    const data = paramsData(query, body);
    expect(data).toBe(`k1v1k2v2k3v3${body}`);
    const signature = await requestSignature({
      accessToken: 'xxxxaaaxxxx',
      paramsData: data,
      timestamp: 1572574909697,
      appSecret: 'xxxappSecretxxx',
    });
    expect(signature).toBe(nodeSha256(`xxxxaaaxxxxk1v1k2v2k3v3${body}1572574909697xxxappSecretxxx`));
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
  });

  property.prop(
    [
      fc.string({ minLength: 1, maxLength: 64 }),
      fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.integer({ min: 0, max: 2 ** 45 }),
      fc.string({ minLength: 1, maxLength: 64 }),
    ],
    { numRuns: 100 },
  )('equals a signature computed independently', async (accessToken, query, body, timestamp, appSecret) => {
    // Sorted here by comparing UTF-16 code units one by one: independent of the client's use of `<`.
    const sorted = [...query].sort(([a], [b]) => codeUnitOrder(a, b));
    const expected = nodeSha256(accessToken + sorted.map(([k, v]) => k + v).join('') + body + timestamp + appSecret);
    expect(await requestSignature({ accessToken, paramsData: paramsData(query, body), timestamp, appSecret })).toBe(
      expected,
    );
  });
});

describe('paramsData', () => {
  it('sorts names in ASCII order (upper case, then _, then lower case), not in locale order', () => {
    const query: [string, string][] = [
      ['orgId', 'o1'],
      ['action', 'search'],
      ['Zeta', '1'],
      ['_x', '2'],
      ['a1', '3'],
      ['B', '4'],
      ['a', '5'],
    ];
    expect(paramsData(query, '')).toBe('B4Zeta1_x2a5a13actionsearchorgIdo1');
    const localeOrder = [...query]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => k + v)
      .join('');
    expect(localeOrder).not.toBe('B4Zeta1_x2a5a13actionsearchorgIdo1');
  });

  it('uses decoded values and keeps a repeated name in its given order, then the raw body', () => {
    const query = new URL('http://x/p?b=2&a=%E5%9B%BA+%26&b=1').searchParams;
    expect(paramsData(query, '{"expression":"x"}')).toBe('a固 &b2b1{"expression":"x"}');
  });

  it('is the body alone without query parameters, and empty for neither', () => {
    expect(paramsData([], '{}')).toBe('{}');
    expect(paramsData([], '')).toBe('');
  });
});
