/**
 * The few DOM members the tests read inside the page. The tests are type-checked with the root program, which is
 * Node's (no DOM library, on purpose), so a callback run in the page reads its globals through these types:
 * `const { document } = globalThis as unknown as InPage;` (types only; nothing here runs).
 */
export interface InPageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerText: string;
  readonly outerHTML: string;
  /** Present on form controls only. */
  readonly labels?: { readonly length: number } | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<InPageElement>;
}

export interface InPage {
  readonly document: {
    querySelector(selector: string): InPageElement | null;
    querySelectorAll(selector: string): ArrayLike<InPageElement>;
    getElementById(id: string): InPageElement | null;
    readonly documentElement: { readonly scrollWidth: number };
  };
  readonly window: { readonly innerWidth: number };
  readonly performance: { getEntriesByName(name: string): ArrayLike<{ readonly startTime: number }> };
}
