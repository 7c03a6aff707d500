// What an expression can start with, for the choice dispatch of the direct-code pass: the set of code units its
// first test can accept, whether it can match without consuming anything, and whether that is known at all.
//
// The dispatch skips an alternative whose first test cannot accept the next character. That is only the same as
// trying it when trying it would fail at once with no effect, so the set is "unknown" whenever something that can
// run code or look ahead comes before the first consuming test: a semantic predicate, a lookahead (`&`/`!`), `.`,
// an inverted class, a case-insensitive literal. (An action runs only after its expression matched, so it does not
// get in the way.) Peggy rejects left recursion, so following rule references terminates.
import { classRanges, union } from './chars.mjs';

/** `{ set, nullable }` when known, or `null` when the expression can start in ways this does not follow. */
export function firstOf(node, rules, memo = new Map()) {
  const visit = (n) => firstOf(n, rules, memo);
  switch (n(node)) {
    case 'literal':
      if (node.value.length === 0) return { set: [], nullable: true };
      if (node.ignoreCase) return null;
      return { set: [[node.value.charCodeAt(0), node.value.charCodeAt(0)]], nullable: false };
    case 'class':
      return node.inverted ? null : { set: classRanges(node), nullable: false };
    case 'rule_ref': {
      if (memo.has(node.name)) return memo.get(node.name);
      memo.set(node.name, null); // a cycle through a nullable prefix: unknown
      const found = visit(rules.get(node.name).expression);
      memo.set(node.name, found);
      return found;
    }
    case 'rule':
    case 'named':
    case 'action':
    case 'labeled':
    case 'text':
    case 'group':
      return visit(node.expression);
    case 'optional':
    case 'zero_or_more': {
      const inner = visit(node.expression);
      return inner === null ? null : { set: inner.set, nullable: true };
    }
    case 'one_or_more':
      return visit(node.expression);
    case 'repeated': {
      const inner = visit(node.expression);
      if (inner === null || node.min?.type === 'function' || node.max.type === 'function') return null;
      const min = (node.min ?? node.max).value ?? 0;
      return { set: inner.set, nullable: inner.nullable || min === 0 };
    }
    case 'sequence': {
      let set = [];
      for (const element of node.elements) {
        const inner = visit(element);
        if (inner === null) return null;
        set = union(set, inner.set);
        if (!inner.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'choice': {
      let set = [];
      let nullable = false;
      for (const alternative of node.alternatives) {
        const inner = visit(alternative);
        if (inner === null) return null;
        set = union(set, inner.set);
        nullable ||= inner.nullable;
      }
      return { set, nullable };
    }
    default:
      // any, simple_and, simple_not, semantic_and, semantic_not, library_ref
      return null;
  }
}

const n = (node) => node.type;
