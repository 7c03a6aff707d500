/** Facts about strings that more than one target needs: `like`'s case folding and what an engine cannot store. */

/** Folds ASCII `A`–`Z` to `a`–`z` and nothing else (`É`, `ß`, `İ` stay as they are), as `like` compares. */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
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
