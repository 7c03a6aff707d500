/** Facts about strings that more than one target needs: `like`'s case folding and what an engine cannot store. */

/** Folds ASCII `A`–`Z` to `a`–`z` and nothing else (`É`, `ß`, `İ` stay as they are), as `like` compares. */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** The reference meaning of `like` on a present string (docs/LANGUAGE.md §3): ASCII-folded containment by UTF-16 code units. */
export function containsIgnoringAsciiCase(text: string, pattern: string): boolean {
  return foldAsciiCase(text).includes(foldAsciiCase(pattern));
}

/**
 * The source of a regular expression that matches a string exactly when it contains `pattern`, ignoring the case
 * of ASCII letters only, for both JavaScript (no flags) and MongoDB's PCRE (no options).
 *
 * - Each ASCII letter becomes a two-letter class (`a` → `[aA]`): the `i` flag is not used because both engines fold
 *   non-ASCII letters under it too (`É`/`é`, and PCRE's Unicode mode even `ſ`/`s`), which `like` must not.
 * - Every other ASCII character except digits is written `\xHH`, which means "this code unit" in JavaScript (with or
 *   without the `u` flag) and in PCRE alike, so no character of `pattern` can act as syntax, not even under the
 *   `x` option; NUL, which PCRE refuses in a pattern, is `\x00` too.
 * - Characters beyond ASCII are never syntax in either engine and stay literal.
 *
 * The result has no quantifiers, groups or alternation: matching tries each start once per pattern character
 * (at most |text|·|pattern| steps), so no input can make it backtrack catastrophically.
 */
export function asciiCaseInsensitiveContainsSource(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const code = pattern.charCodeAt(index);
    if (code >= 0x80 || (code >= 0x30 && code <= 0x39)) {
      source += pattern[index];
    } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      const lower = String.fromCharCode(code | 0x20);
      const upper = String.fromCharCode(code & ~0x20);
      source += `[${lower}${upper}]`;
    } else {
      source += `\\x${code.toString(16).padStart(2, '0')}`;
    }
  }
  return source;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A UTF-16 surrogate without its pair: it has no UTF-8 encoding, so engines that store UTF-8 replace it. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * Why a SQL database cannot store `text`, or undefined when it can. PostgreSQL rejects U+0000 in `text` and in
 * `jsonb` (https://www.postgresql.org/docs/15/datatype-character.html, "The character with the code zero cannot be
 * stored"); a lone surrogate has no UTF-8 encoding, so drivers silently replace it with U+FFFD and the query would
 * compare against another string. Both are refused the same way for every dialect, so a query is valid or invalid
 * regardless of the backend.
 */
export function unstorableReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains the NUL character U+0000, which SQL databases cannot store';
  if (hasLoneSurrogate(text)) return 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding';
  return undefined;
}
