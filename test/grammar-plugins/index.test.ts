/** grammar/plugins/index.mjs: the plugin adds the passes in order, around peggy's own. */
import peggy from 'peggy';
import type { Config, ParserBuildOptions } from 'peggy';
import { describe, expect, it } from 'vitest';
import { PASS_NAMES, otaPlugin, plugin } from '../../grammar/plugins/index.mjs';
import { FIXTURE, generate, load } from './fixture.js';

const passesOf = (use: (config: Config) => void): Record<string, string[]> => {
  const config = {
    parser: peggy.parser,
    passes: Object.fromEntries(Object.entries(peggy.compiler.passes).map(([stage, list]) => [stage, [...list]])),
    reservedWords: [],
  };
  use(config as unknown as Config);
  return Object.fromEntries(
    Object.entries(config.passes).map(([stage, list]) => [stage, list.map((pass) => pass.name)]),
  );
};

describe('the plugin', () => {
  it('names its passes in order', () => {
    expect(PASS_NAMES).toStrictEqual([
      'dedupe-actions',
      'plain-range',
      'strip-runtime',
      'expectation-keys',
      'hoist-constants',
      'hoist-functions',
    ]);
  });

  it("puts the AST passes in peggy's stages and the text passes after generateJS, in order", () => {
    const passes = passesOf((config) =>
      plugin.use(config, { output: 'source', format: 'es' } as unknown as ParserBuildOptions),
    );
    expect(passes['check']!.at(-1)).toBe('checkGrammarCode');
    expect(passes['transform']!.at(-1)).toBe('dedupeActions');
    expect(passes['generate']).toStrictEqual([
      'generateBytecode',
      'checkDedupedActions',
      'generateJS',
      'plainRange',
      'stripRuntime',
      'expectationKeys',
      'hoistConstants',
      'hoistFunctions',
    ]);
  });

  it('builds the fixture with every pass', async () => {
    const parser = await load(generate(FIXTURE, { upTo: 'hoist-functions' }));
    expect(parser.parse('( 1 ,xa )', {})).toStrictEqual({
      items: [
        { start: 2, end: 3 },
        { start: 5, end: 7 },
      ],
      count: 2,
    });
  });

  it('rejects an unknown pass name', () => {
    expect(() => otaPlugin({ only: ['hoist-everything'] })).toThrow(
      'grammar/plugins/index: no pass named `hoist-everything`',
    );
  });
});
