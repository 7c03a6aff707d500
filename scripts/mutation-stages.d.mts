/** Types of scripts/mutation-stages.mjs, for the tests that read its stage table. */
export interface MutationStage {
  readonly name: string;
  readonly mutate: readonly string[];
  readonly tests: readonly string[];
  readonly engines?: boolean;
}
export declare const STAGES: readonly MutationStage[];
export declare function selects(globs: readonly string[], path: string): boolean;
export declare function stageOf(path: string): MutationStage | undefined;
export declare function runStage(
  stage: MutationStage,
  options?: { readonly mutate?: readonly string[]; readonly report?: string; readonly ignoreStatic?: boolean },
): boolean;
/** The `file:lines` of the static mutants an `--ignore-static` report left out. */
export declare function staticLinesOf(reportPath: string): string[];
