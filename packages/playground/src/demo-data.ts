/**
 * The static mode's demo dataset: the reference server's own deterministic generator (`ota-expr-server/demo`, no
 * Node built-ins), so the static page and `ota-expr-server --demo` at the same scale hold the same records. Generated
 * in the page when an API is first searched, not shipped as JSON: the generator is a few KB, the records megabytes.
 */
import { DEMO_ORG_IDS, demoRecords as generate } from 'ota-expr-server/demo';
import type { ApiName } from './apis.js';

export { DEMO_ORG_IDS };

/**
 * A twentieth of the server's full demo (5,000 OTA jobs, 2,500 devices…): every page and filter of the full one has
 * matches here too, and a search of it in the page stays well under a frame's time on a phone.
 */
export const STATIC_DEMO_SCALE = 0.05;

/** Every record of an API, all demo organisations; the same on every call and every machine. */
export function demoRecords(name: ApiName): readonly unknown[] {
  return generate(name, { scale: STATIC_DEMO_SCALE });
}
