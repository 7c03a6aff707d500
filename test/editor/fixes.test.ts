/**
 * The common mistakes `check` recognises, and the fixes on its diagnostics: message, span and the text after the
 * fix, titled by the text. The CLI shows the same diagnostics (test/cli.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { check, schemas } from '../../src/core.js';
import { applyFix } from '../../src/editor.js';

function first(text: string, schema = schemas['ota-job']) {
  return check(text, { schema }).diagnostics[0]!;
}

describe('common mistakes: what the syntax error says and what its fix gives', () => {
  it.each([
    ["status == 'started'", 'write = instead of ==', '==', "status = 'started'"],
    [
      "productKey = 'a' && status = 'started'",
      'write and instead of &&',
      '&&',
      "productKey = 'a' and status = 'started'",
    ],
    ["productKey = 'a'||status = 'started'", 'write or instead of ||', '||', "productKey = 'a' or status = 'started'"],
    ["productKey （'a'）", 'write ( instead of （', '（', "productKey ('a'）"],
    ["productKey in ('a'，'b')", 'write , instead of ，', '，', "productKey in ('a','b')"],
    ["productKey ＝ 'a'", 'write = instead of ＝', '＝', "productKey = 'a'"],
    ["\uFEFFproductKey = 'a'", 'invisible character U+FEFF (pasted with the text?)', '\uFEFF', "productKey = 'a'"],
    [
      "productKey = 'a' \u200Band type = 'verify'",
      'invisible character U+200B',
      '\u200B',
      "productKey = 'a' and type = 'verify'",
    ],
    ['status = started', 'but found "started": strings need quotes', 'started', "status = 'started'"],
    ['productKey = pk-1', 'strings need quotes', 'pk-1', "productKey = 'pk-1'"],
    ['name like ‘x’', 'Typographic quote ‘ is not a string delimiter', '‘', "name like 'x'"],
    ['name like “x”', 'Typographic quote “ is not a string delimiter', '“', 'name like "x"'],
    ["‘name’ like 'x'", 'typographic quote ‘ is not a string delimiter', '‘', "'name' like 'x'"],
    ["name like 'fw", 'Unterminated string', "'", "name like 'fw'"],
    [
      'productKey = 12345678901234567890',
      'out of range',
      '12345678901234567890',
      "productKey = '12345678901234567890'",
    ],
  ])('%s', (text, says, covered, fixed) => {
    const diagnostic = first(text);
    expect(diagnostic.message).toContain(says);
    expect(text.slice(diagnostic.start, diagnostic.end)).toBe(covered);
    expect(diagnostic.fixes).toHaveLength(1);
    expect(applyFix(text, diagnostic.fixes![0]!)).toBe(fixed);
  });

  it('the fix of a typographic pair names both quotes, as the CLI shows it', () => {
    expect(first('name like ‘x’').fixes![0]!.message).toBe("replace ‘ and ’ with '");
    expect(first('name like ‘x').fixes![0]!.message).toBe("replace ‘ with '");
  });

  it.each(["(!tag.X = '1')", "!status = 'started'", '!exists(tags.k)'])(
    '%s: ! gets a clear message and no fix',
    (text) => {
      const diagnostic = first(text);
      expect(diagnostic.message).toContain(
        "negation is written !=, not exists(f) or is not null; EnOS Edge's (!f = 'v') form is not supported",
      );
      expect(text.slice(diagnostic.start, diagnostic.end)).toBe('!');
      expect(diagnostic.fixes).toBeUndefined();
    },
  );

  it('other syntax errors are unchanged and carry no fixes', () => {
    const diagnostic = first("productKey = 'a' and");
    expect(diagnostic.message).toBe(
      'Syntax error at line 1, column 21: expected a field name, "(", "exists" or "not", but found the end of the expression',
    );
    expect(diagnostic.fixes).toBeUndefined();
  });
});

describe('fixes for the hints the validator gives', () => {
  it.each([
    ["productkey = 'a'", "productKey = 'a'"],
    ["name.zh_cn like 'a'", "name.zh_CN like 'a'"],
    ["firmwareNme like 'a'", "firmwareName like 'a'"],
    ["status = 'STARTED'", "status = 'started'"],
    ['status = "Stoped"', "status = 'stopped'"],
  ])('%s', (text, fixed) => {
    const diagnostic = first(text);
    expect(diagnostic.hint).toMatch(/^did you mean/);
    expect(applyFix(text, diagnostic.fixes![0]!)).toBe(fixed);
    expect(check(fixed).diagnostics).toEqual([]);
  });

  it('no fix where there is no suggestion', () => {
    expect(first("zzzzzz = 'a'").fixes).toBeUndefined();
    expect(first("status = 'zzzzzzzz'").fixes).toBeUndefined();
  });
});
