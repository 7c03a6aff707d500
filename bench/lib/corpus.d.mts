// Types of corpus.mjs for the TypeScript tests that read the bench corpus (test/differential.test.ts).
export interface CorpusItem {
  readonly text: string;
  readonly tree: unknown;
  readonly peers: Readonly<Record<string, string>>;
}
export declare function corpus(seed: number, count: number, exclude?: Set<string>): CorpusItem[];
export declare function invalidCorpus(seed: number, count: number, exclude?: Set<string>): { readonly text: string }[];
