/**
 * One source of the token rules: src/editor/lexical-table.ts is generated from grammar/expression.peggy's token
 * rules (scripts/build-lexical.mjs), and the editor's tokens (completion, hover, the CodeMirror highlighter) come
 * from it. Checked two ways: the table is what the grammar gives today, and on valid expressions every span the
 * parser gives (path, operator, value, and/or) is exactly one token of the right kind, with no invalid token.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, print, schemas, type Expression } from '../../src/core.js';
import { tokens, type Token, type TokenKind } from '../../src/editor/tokens.js';
import { anyExpression } from '../arbitraries/ast.js';
import { validExpression } from '../arbitraries/expressions.js';
import { richTestSchema } from '../arbitraries/rich-schema.js';

const RUNS = Number(process.env.OTA_FUZZ_RUNS ?? 300);

describe("the editor reads the grammar's token rules", () => {
  it('src/editor/lexical-table.ts is what scripts/build-lexical.mjs derives from the grammar', () => {
    const run = spawnSync(process.execPath, ['scripts/build-lexical.mjs', '--check'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

function spansOf(tree: Expression | null, out: [TokenKind[], number, number][] = []): typeof out {
  if (tree === null) return out;
  if (tree.type !== 'comparison') {
    for (const keyword of tree.keywordSpans) out.push([['keyword'], keyword.start, keyword.end]);
    for (const child of tree.children) spansOf(child, out);
    return out;
  }
  out.push([['field'], tree.path.span.start, tree.path.span.end]);
  const single = !tree.op.includes(' ');
  out.push([single ? ['operator', 'keyword'] : ['keyword', 'space'], tree.opSpan.start, tree.opSpan.end]);
  const values = 'values' in tree ? tree.values : 'value' in tree ? [tree.value] : [];
  for (const value of values) out.push([['string', 'number', 'boolean'], value.span.start, value.span.end]);
  return out;
}

function agree(text: string): void {
  const found = tokens(text);
  expect(found.filter((token) => token.kind === 'invalid')).toEqual([]);
  for (const [kinds, start, end] of spansOf(parse(text))) {
    const covering = found.filter((token: Token) => token.start >= start && token.end <= end);
    expect(covering[0]?.start, `${text} [${start}, ${end})`).toBe(start);
    expect(covering.at(-1)?.end, `${text} [${start}, ${end})`).toBe(end);
    for (const token of covering) expect(kinds, `${text}: ${text.slice(token.start, token.end)}`).toContain(token.kind);
  }
}

describe('tokens agree with the parser', () => {
  it.each([
    "productKey in ('pk1', 'pk2') and name.zh_CN like '固件'",
    `productKey='a' AND (status = "started")`,
    'firmwareId = \'it\'\'s\' or firmwareId = "say \\"hi\\""',
    'deviceTags.a-b/c = 1 and not exists(and.x) and Name.IN is NOT null',
    'size <= -1.5e+3 and size <> 2',
  ])('%s', (text) => agree(text));

  it('on valid expressions of several schemas', () => {
    const schema = fc.constantFrom(schemas['ota-job']!, schemas.device!, richTestSchema);
    fc.assert(
      fc.property(
        schema.chain((s) => validExpression({ schema: s })),
        (tree) => agree(print(tree)),
      ),
      { numRuns: RUNS },
    );
  });

  it('on any syntax tree (any path, any literal)', () => {
    fc.assert(
      fc.property(anyExpression(), (tree) => agree(print(tree))),
      { numRuns: RUNS },
    );
  });
});
