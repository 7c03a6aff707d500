/**
 * SQL fragments: text plus the operator that binds it loosest, so that composition is always explicitly
 * parenthesised (an `or` inside an `and`, and an `and` inside an `or`). Written once for every engine.
 */
export interface Fragment {
  readonly sql: string;
  readonly prec: 'atom' | 'and' | 'or';
}

export function atom(sql: string): Fragment {
  return { sql, prec: 'atom' };
}

export function join(kind: 'and' | 'or', parts: readonly Fragment[]): Fragment {
  if (parts.length === 1) return parts[0]!;
  const keyword = kind === 'and' ? ' AND ' : ' OR ';
  // Same-kind parts are flattened; any other compound part gets parentheses.
  const sql = parts
    .map((part) => (part.prec === 'atom' || part.prec === kind ? part.sql : `(${part.sql})`))
    .join(keyword);
  return { sql, prec: kind };
}

/** Lazily built fragments, so that placeholders are created in text order. */
export type Build = () => Fragment;

export function allOf(...builds: Build[]): Fragment {
  return join(
    'and',
    builds.map((build) => build()),
  );
}

export function anyOf(...builds: Build[]): Fragment {
  return join(
    'or',
    builds.map((build) => build()),
  );
}
