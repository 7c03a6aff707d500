// The hostile shapes (SECURITY.md T2), shared by test/hardening/limits.test.ts (each gets the limit
// diagnostic) and scripts/measure-hostile-input.mjs (how long each takes). Plain JS so the measuring script runs
// on Node 20 without a TypeScript loader; types are in hostile-inputs.d.mts.

const UNLIMITED_LENGTH = { maxLength: Number.MAX_SAFE_INTEGER };

/** @type {import('./hostile-inputs.d.mts').HostileInput[]} */
export const HOSTILE_INPUTS = [
  {
    name: '1 MB of text',
    text: () => `productKey = '${'a'.repeat(1 << 20)}'`,
    limits: undefined,
    limit: 'maxLength',
  },
  {
    name: '1 MB of valid comparisons (length limit)',
    text: () => "productKey = 'a' and ".repeat(Math.ceil((1 << 20) / 21)) + "productKey = 'a'",
    limits: undefined,
    limit: 'maxLength',
  },
  {
    name: '10,000 nested parentheses (length limit raised)',
    text: () => `${'('.repeat(10_000)}productKey = 'a'${')'.repeat(10_000)}`,
    limits: UNLIMITED_LENGTH,
    limit: 'maxDepth',
  },
  {
    name: '10,000 unclosed parentheses (length limit raised)',
    text: () => '('.repeat(10_000),
    limits: UNLIMITED_LENGTH,
    limit: 'maxDepth',
  },
  {
    name: '100,000-element in (length limit raised)',
    text: () => `productKey in (${Array.from({ length: 100_000 }, (_, i) => `'${i}'`).join(', ')})`,
    limits: UNLIMITED_LENGTH,
    limit: 'maxInValues',
  },
  {
    name: '10,000 ands (length limit raised)',
    text: () => Array.from({ length: 10_001 }, (_, i) => `productKey = '${i}'`).join(' and '),
    limits: UNLIMITED_LENGTH,
    limit: 'maxComparisons',
  },
  {
    name: '10,000 ors of nested ands (length limit raised)',
    text: () => Array.from({ length: 5_000 }, (_, i) => `(productKey = '${i}' and status = 'started')`).join(' or '),
    limits: UNLIMITED_LENGTH,
    limit: 'maxComparisons',
  },
];
