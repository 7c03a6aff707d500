/** Types of scripts/generate-docs.mjs, for test/docs.test.ts. */
export declare const REGENERATE: string;

export interface DocsResult {
  /** Every generated file: repository path → content. */
  readonly generated: ReadonlyMap<string, string>;
  readonly problems: readonly string[];
  readonly stale: readonly string[];
  readonly orphans: readonly string[];
  readonly fresh: readonly string[];
  readonly fixed: readonly string[];
}

export declare function generateDocs(): Promise<DocsResult>;
export declare function findings(result: DocsResult): string[];
