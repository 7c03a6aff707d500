/** grammar/plugins/index.mjs: the plugin adds its check and replaces peggy's code generation. */
import peggy from 'peggy';
import type { Config } from 'peggy';
import { describe, expect, it } from 'vitest';
import { PASS_NAMES, otaPlugin, plugin } from '../../grammar/plugins/index.mjs';
import { FIXTURE, generate, load } from './fixture.js';

const passesOf = (use: (config: Config) => void, generate = [...peggy.compiler.passes.generate]) => {
  const config = {
    parser: peggy.parser,
    passes: { ...Object.fromEntries(Object.entries(peggy.compiler.passes).map(([s, l]) => [s, [...l]])), generate },
    reservedWords: [],
  };
  use(config as unknown as Config);
  return Object.fromEntries(Object.entries(config.passes).map(([stage, list]) => [stage, list.map((p) => p.name)]));
};

describe('the plugin', () => {
  it('names its passes in order', () => {
    expect(PASS_NAMES).toStrictEqual(['grammar-code', 'direct-code']);
  });

  it("adds the grammar check to peggy's check stage and replaces its generate stage", () => {
    const passes = passesOf((config) => plugin.use(config, {} as never));
    expect(passes['check']!.at(-1)).toBe('checkGrammarCode');
    expect(passes['transform']).toStrictEqual(peggy.compiler.passes.transform.map((pass) => pass.name));
    expect(passes['generate']).toStrictEqual(['directCode']);
  });

  it("fails, naming the pass, when peggy's generate stage is not the one it replaces", () => {
    const extra = Object.assign(() => undefined, { displayName: 'x' });
    expect(() =>
      passesOf((config) => plugin.use(config, {} as never), [...peggy.compiler.passes.generate, extra]),
    ).toThrow("grammar/plugins/direct-code: expected peggy's `generate` stage to be [generateBytecode, generateJS]");
  });

  it('builds the fixture with every pass', async () => {
    const parser = await load(generate(FIXTURE));
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
