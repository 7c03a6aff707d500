/** grammar/plugins/plain-range.mjs: `range()` returns `{ start, end }`, without peggy's `source`. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, editOutput, generate, generateError, load } from './fixture.js';

describe('plain-range', () => {
  it('rewrites range() to return start and end only', () => {
    const before = generate(FIXTURE);
    const after = generate(FIXTURE, { only: ['plain-range'] });
    expect(before).toContain('      source: peg$source,\n      start: peg$savedPos,');
    expect(after).toContain('  function range() {\n    return { start: peg$savedPos, end: peg$currPos };\n  }');
    expect(after).not.toMatch(/function range\(\) \{\n\s+return \{\n\s+source/);
    // Nothing else changes.
    expect(after.replace('return { start: peg$savedPos, end: peg$currPos };', '')).toBe(
      before.replace(
        /return \{\n {6}source: peg\$source,\n {6}start: peg\$savedPos,\n {6}end: peg\$currPos,\n {4}\};/,
        '',
      ),
    );
  });

  it('gives every span exactly start and end', async () => {
    const parser = await load(generate(FIXTURE, { only: ['plain-range'] }));
    const tree = parser.parse("(1, xab, 'q')");
    expect(tree.items[0]).toStrictEqual({ start: 1, end: 2 });
    expect(tree.items[1]).toStrictEqual({ start: 4, end: 7 });
    expect(tree.items[2]).toStrictEqual({ char: 'q', span: { start: 9, end: 12 } });
  });

  it('fails, naming itself, when range() is not written as it expects', () => {
    const error = generateError(FIXTURE, {
      only: ['plain-range'],
      plugins: [
        editOutput((text) => text.replace('      source: peg$source,\n', '      source: peg$source ?? null,\n')),
      ],
    });
    expect(error.message).toMatch(
      /^grammar\/plugins\/plain-range: expected exactly one `function range\(\) \{` \(range\(\) without source\)\. Peggy's output changed/,
    );
  });
});
