import type { Plugin } from 'peggy';

/** The names of the passes, in the order they are added. */
export declare const PASS_NAMES: readonly string[];

/** A plugin with some of the passes: `only` names the ones to use. */
export declare function otaPlugin(options?: { only?: readonly string[] }): Plugin;

/** All the passes: what scripts/build-grammar.mjs uses. */
export declare const plugin: Plugin;
export default plugin;
