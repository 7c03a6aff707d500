/**
 * vitest setup file of the mutation runs (vitest.mutation.config.ts): every fast-check property that does not pick its
 * own seed runs from one fixed seed, so two Stryker runs over the same code kill the same mutants. The seed can be
 * changed with OTA_FC_SEED (a run with another seed explores other inputs; its score is then compared with care).
 */
import fc from 'fast-check';

const seed = Number(process.env['OTA_FC_SEED'] ?? 20261201);
if (!Number.isSafeInteger(seed))
  throw new TypeError(`OTA_FC_SEED must be an integer, got ${process.env['OTA_FC_SEED']}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
