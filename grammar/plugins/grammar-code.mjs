// grammar-code: checks, on peggy's AST, that the grammar's code (actions, predicates, initializers) calls none of
// peggy's helpers that the direct-code pass does not generate — `location()`, `offset()`, `expected()`, `error()`
// (spans come from `range()`, errors are thrown by the grammar's own helpers) — and not the parser itself (its state
// lives at module scope: it is not reentrant).
//
// What it buys: a grammar edit that would fail at run time (a ReferenceError on the first parse reaching that
// action) fails the build instead, with the grammar location. No speed or size effect.
import { callsFunction, grammarCode } from './support.mjs';

export const name = 'grammar-code';

/** Helpers peggy's runtime offers that the generated parser does not have. */
export const MISSING_HELPERS = ['location', 'offset', 'expected', 'error'];

/** Check stage. */
export function checkGrammarCode(ast, options, session) {
  for (const { code, location, kind } of grammarCode(ast)) {
    for (const helper of MISSING_HELPERS) {
      if (callsFunction(code, helper)) {
        session.error(
          `grammar/plugins/${name}: this ${kind} calls ${helper}(), which the generated parser does not have ` +
            "(spans come from range(); throw the grammar's own errors)",
          location,
        );
      }
    }
    if (callsFunction(code, 'peg$parse')) {
      session.error(
        `grammar/plugins/${name}: this ${kind} calls peg$parse(): the generated parser is not reentrant`,
        location,
      );
    }
  }
}

export const passes = [{ stage: 'check', pass: checkGrammarCode }];
