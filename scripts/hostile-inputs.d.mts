import type { Limits } from '../src/language/limits.js';

export interface HostileInput {
  /** What the input is, as the test and the measurement name it. */
  readonly name: string;
  /** Builds the text (lazily: some are megabytes). */
  readonly text: () => string;
  /** Limits passed to check: the length limit is raised so that the shape reaches `limit` itself. */
  readonly limits: Partial<Limits> | undefined;
  /** The limit whose diagnostic the input must get. */
  readonly limit: keyof Limits;
}

export declare const HOSTILE_INPUTS: readonly HostileInput[];
