// dedupe-actions: actions and predicates with the same code and the same labels in scope (`{ return range(); }`
// after four keyword rules…) become one generated function (`peg$fN`) instead of one each.
//
// What it buys: size: 21 bytes of the minified and gzipped parser on this grammar (three copies of
// `{ return range(); }`), more with every repeated action. No speed change.
//
// What it relies on: peggy's generateBytecode interns each function constant by its kind (action or predicate),
// parameters (the labels in scope), code and code location, so two nodes with the same code and parameters get two
// functions only because their locations differ. This pass works on peggy's AST, in the transform stage: nodes with
// the same kind and code are given the first one's code location, so peggy itself generates one function for those
// whose parameters also match (the parameters are part of its key: same code under different labels stays apart).
// A check right after generateBytecode fails the build if any two entries of `ast.functions` still share kind,
// parameters and code, i.e. if peggy no longer interns this way. (Source maps of a merged action point at its
// first copy; the build makes none.)
import { grammarCode, outputChanged } from './support.mjs';

export const name = 'dedupe-actions';

/** Transform stage: identical code shares one code location, so generateBytecode interns it once. */
export function dedupeActions(ast) {
  const first = new Map();
  for (const found of grammarCode(ast)) {
    if (found.kind === 'initializer') continue;
    const key = `${found.kind}\u0000${found.code}`;
    const location = first.get(key);
    if (location === undefined) first.set(key, found.location);
    else found.node.codeLocation = location;
  }
}

/** Generate stage, right after generateBytecode: no two function constants have the same kind, parameters and code. */
export function checkDedupedActions(ast) {
  if (!Array.isArray(ast.functions)) outputChanged(name, 'expected `ast.functions` after generateBytecode');
  const seen = new Map();
  ast.functions.forEach((fn, index) => {
    const key = JSON.stringify([fn.predicate, fn.params, fn.body]);
    if (seen.has(key)) {
      outputChanged(
        name,
        `peg$f${seen.get(key)} and peg$f${index} have the same parameters and code: peggy no longer interns function constants by code location`,
      );
    }
    seen.set(key, index);
  });
}

export const passes = [
  { stage: 'transform', pass: dedupeActions },
  { stage: 'generate', after: 'generateBytecode', pass: checkDedupedActions },
];
