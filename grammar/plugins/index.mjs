// The peggy plugin that makes the parser src/language/parse.ts runs:
//
//   peggy.generate(grammar, { output: 'source', format: 'es', allowedStartRules: ['Expression'], plugins: [plugin] })
//
// Peggy reads the grammar, checks it and runs its transform passes; the plugin adds one check and replaces peggy's
// code generation (each module's header says what it buys and relies on; bench/NOTES.md has the measurements):
//
//   grammar-code   check stage: the grammar's code calls none of peggy's helpers the parser does not have
//   direct-code    generate stage, in place of peggy's generateBytecode and generateJS: the parser written
//                  straight from peggy's AST (grammar/plugins/direct-code/)
//
// A pass that does not find the AST shape it expects throws an error naming itself, so peggy.generate() fails
// instead of returning a half-made parser. The grammar author's rules are in the header of grammar/expression.peggy.
//
// History (bench/NOTES.md): until issue #18 the plugin edited peggy's generated text (dedupe-actions, plain-range,
// strip-runtime, expectation-keys, hoist-constants, hoist-functions); direct-code writes all of that directly.
import * as directCode from './direct-code.mjs';
import * as grammarCode from './grammar-code.mjs';
import { misused } from './support.mjs';

/** The pass modules, in the order their passes are added. */
export const PASS_MODULES = [grammarCode, directCode];

/** The names of the passes, in order. */
export const PASS_NAMES = PASS_MODULES.map((module) => module.name);

/**
 * A plugin with some of the passes (all by default): `only` names the ones to use. For tests: the build uses them
 * all. Without direct-code, peggy's own generator runs.
 */
export function otaPlugin({ only } = {}) {
  for (const pass of only ?? []) {
    if (!PASS_NAMES.includes(pass)) misused('index', `no pass named \`${pass}\` (passes: ${PASS_NAMES.join(', ')})`);
  }
  const selected = PASS_MODULES.filter((module) => only === undefined || only.includes(module.name));
  return {
    use(config) {
      for (const module of selected) {
        for (const { stage, replaces, pass } of module.passes) {
          const list = config.passes[stage];
          if (!Array.isArray(list)) misused(module.name, `peggy has no \`${stage}\` stage`);
          if (replaces === undefined) {
            list.push(pass);
            continue;
          }
          const names = list.map((peggyPass) => peggyPass.name);
          if (names.join() !== replaces.join())
            misused(
              module.name,
              `expected peggy's \`${stage}\` stage to be [${replaces.join(', ')}], found [${names.join(', ')}]`,
            );
          list.splice(0, list.length, pass);
        }
      }
    },
  };
}

/** All the passes: what scripts/build-grammar.mjs uses. */
export const plugin = otaPlugin();
export default plugin;
