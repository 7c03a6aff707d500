// The peggy plugin that turns peggy's generated parser into the one src/language/parse.ts runs:
//
//   peggy.generate(grammar, { output: 'source', format: 'es', allowedStartRules: ['Expression'], plugins: [plugin] })
//
// It adds one set of passes per module of this folder, in this order (each module's header says what it buys and
// what it relies on; bench/NOTES.md has the measurements):
//
//   dedupe-actions    transform stage (AST), and a check after peggy's generateBytecode
//   plain-range       text, after generateJS
//   strip-runtime     check stage (AST: the grammar calls none of what it removes), then text after generateJS
//   expectation-keys  text after generateJS, keys from the AST's expectations
//   hoist-constants   text after generateJS, counts checked against the AST's tables
//   hoist-functions   text after generateJS, functions checked against the AST's rules and actions
//
// The text passes run in the generate stage after peggy's generateJS, which leaves the code in `ast.code`; each
// reads it, edits it, and stores the result (a string) back. Each pass names the exact text or AST shape it
// expects and throws an error naming itself when that is not there, so peggy.generate() fails instead of returning
// a half-edited parser. The grammar author's rules are in the header of grammar/expression.peggy.
//
// Together (bench/NOTES.md, steps 3–4, measured with step 2, src/language/parse.ts's two-pass parse): `parse` per
// character 4.25 → 2.94 × JSON.parse, the fixed cost of `parse('a1=1')` 1.91 µs after steps 2–3, 0.94 µs after
// step 4; the minified and gzipped parser 4.25 KB → 2.58 KB. The figures per pass are in their headers.
import * as dedupeActions from './dedupe-actions.mjs';
import * as expectationKeys from './expectation-keys.mjs';
import * as hoistConstants from './hoist-constants.mjs';
import * as hoistFunctions from './hoist-functions.mjs';
import * as plainRange from './plain-range.mjs';
import * as stripRuntime from './strip-runtime.mjs';
import { misused } from './support.mjs';

/** The pass modules, in the order their passes are added (and, within a stage, run). */
export const PASS_MODULES = [dedupeActions, plainRange, stripRuntime, expectationKeys, hoistConstants, hoistFunctions];

/** The names of the passes, in order. */
export const PASS_NAMES = PASS_MODULES.map((module) => module.name);

/**
 * A plugin with some of the passes (all by default): `only` names the ones to use, `upTo` uses every pass up to and
 * including the one named. For tests: the build uses them all.
 */
export function otaPlugin({ only, upTo } = {}) {
  for (const pass of [...(only ?? []), ...(upTo === undefined ? [] : [upTo])]) {
    if (!PASS_NAMES.includes(pass)) misused('index', `no pass named \`${pass}\` (passes: ${PASS_NAMES.join(', ')})`);
  }
  const selected = PASS_MODULES.filter(
    (module, index) =>
      (only === undefined || only.includes(module.name)) && (upTo === undefined || index <= PASS_NAMES.indexOf(upTo)),
  );
  return {
    use(config, options) {
      const text = selected.some((module) => module.passes.some((entry) => entry.after === 'generateJS'));
      if (text && (options.output !== 'source' || options.format !== 'es')) {
        misused(
          'index',
          `the text passes need \`output: 'source'\` and \`format: 'es'\` (given output ${options.output}, format ${options.format})`,
        );
      }
      // The pass most recently inserted after each of peggy's passes, so that ours keep their order.
      const lastAfter = new Map();
      for (const module of selected) {
        for (const { stage, after, pass } of module.passes) {
          const list = config.passes[stage];
          if (!Array.isArray(list)) misused(module.name, `peggy has no \`${stage}\` stage`);
          if (after === undefined) {
            list.push(pass);
            continue;
          }
          const anchor = lastAfter.get(after) ?? list.find((peggyPass) => peggyPass.name === after);
          if (anchor === undefined)
            misused(module.name, `peggy has no \`${after}\` pass in its \`${stage}\` stage (peggy's passes changed)`);
          list.splice(list.indexOf(anchor) + 1, 0, pass);
          lastAfter.set(after, pass);
        }
      }
    },
  };
}

/** All the passes: what scripts/build-grammar.mjs uses. */
export const plugin = otaPlugin();
export default plugin;
