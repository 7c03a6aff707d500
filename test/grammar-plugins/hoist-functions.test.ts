/** grammar/plugins/hoist-functions.mjs: peg$parse's functions and state move to module scope. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, editOutput, generate, generateError, load, parseBody } from './fixture.js';

describe('hoist-functions', () => {
  it('leaves peg$parse with its statements only', () => {
    const before = generate(FIXTURE, { upTo: 'hoist-constants' });
    const after = generate(FIXTURE, { upTo: 'hoist-functions' });
    expect(parseBody(before)).toMatch(/^ {2}function peg\$parseList\(\) \{$/m);
    const body = parseBody(after);
    expect(
      body.startsWith('\nfunction peg$parse(input$, options$) {\n  input = input$;\n  options = options$;\n'),
    ).toBe(true);
    expect(body).not.toMatch(/\bfunction\b(?! peg\$parse\(input\$)/);
    expect(body).not.toMatch(/^ {2}(let|const) /m);
    // The grammar's per-parse state: declared at module scope, set on every call.
    expect(body).toContain('\n  items = 0;\n');
    const moduleScope = after.slice(0, after.indexOf('\nfunction peg$parse('));
    for (const declaration of [
      'var input;',
      'var options;',
      'var peg$currPos;',
      'var peg$silentFails;',
      'var peg$result;',
      'var items;',
    ]) {
      expect(moduleScope).toContain(`\n${declaration}\n`);
    }
    for (const fn of ['peg$parseList', 'peg$parseItem', 'peg$parse_', 'peg$f0', 'scan', 'range', 'text', 'peg$fail']) {
      expect(moduleScope).toMatch(new RegExp(`^function ${fn.replace(/\$/g, '\\$')}\\(`, 'm'));
    }
  });

  it('leaves a parser that parses, with its state reset on every call', async () => {
    const parser = await load(generate(FIXTURE, { upTo: 'hoist-functions' }));
    expect(parser.parse('(1, 2, 3)', {}).count).toBe(3);
    expect(parser.parse('(1)', {}).count).toBe(1);
    expect(() => parser.parse('(1,', { peg$silentFails: 1 })).toThrow(
      expect.objectContaining({ expected: [], offset: 0 }),
    );
    expect(() => parser.parse('(1,', {})).toThrow(expect.objectContaining({ expected: [' ', 'item'], offset: 3 }));
    expect(parser.parse("('q')", {}).items[0]).toStrictEqual({ char: 'q', span: { start: 1, end: 4 } });
  });

  it('rejects a per-parse initializer that declares two variables at once', () => {
    const grammar = FIXTURE.replace('  let items = 0;\n', '  let items = 0, other = 1;\n');
    expect(generateError(grammar, { upTo: 'hoist-functions' }).message).toBe(
      'grammar/plugins/hoist-functions: one variable per `let`/`const` in the per-parse initializer: let items = 0, other = 1; ' +
        '(see the rules in the header of grammar/expression.peggy)',
    );
  });

  it('fails, naming itself, when peg$parse does not declare its state as expected', () => {
    const error = generateError(FIXTURE, {
      upTo: 'hoist-functions',
      plugins: [editOutput((text) => text.replace('  let peg$result;\n', '  var peg$result;\n'))],
    });
    expect(error.message).toMatch(
      /^grammar\/plugins\/hoist-functions: expected peg\$parse to declare peg\$result\. Peggy's output changed/,
    );
  });

  it('fails when the functions do not match the AST', () => {
    const error = generateError(FIXTURE, {
      upTo: 'hoist-functions',
      plugins: [
        editOutput((text) => text.replace('  function peg$parseItem() {', '  const peg$parseItem = function () {')),
      ],
    });
    expect(error.message).toContain(
      'grammar/plugins/hoist-functions: expected top-level functions of peg$parse for every rule and action, missing [peg$parseItem]',
    );
  });
});
