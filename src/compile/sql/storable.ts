/**
 * Strings a database cannot hold. PostgreSQL rejects U+0000 in `text` and in `jsonb`
 * (https://www.postgresql.org/docs/15/datatype-character.html, "The character with the code zero cannot be
 * stored"); a lone UTF-16 surrogate has no UTF-8 encoding, so drivers silently replace it with U+FFFD and the
 * query would compare against another string. Both are refused up front, the same way for every dialect, so a
 * query is valid or invalid regardless of the backend.
 */

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains the NUL character U+0000, which SQL databases cannot store';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    return 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding';
  }
  return undefined;
}
