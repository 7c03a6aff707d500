// The direct-code pass's code generator: one JavaScript function per rule, written straight from peggy's AST with
// peggy's semantics (what each node returns, where it leaves the position, which expectations it records and
// when), but without peggy's generic machinery:
//
// - Terminals test code units inline: a literal is a chain of `charCodeAt` comparisons, a class a range test, and
//   a repeated class with an unused result is a tight loop that only moves the position (no array of characters,
//   no one-character strings; `$(…)` slices the text once).
// - A result nobody reads is not built: a sequence under an action or a `$(…)`, a rule referenced only where its
//   value is dropped (white space), a lookahead's expression yield `true` instead of arrays and strings.
// - A choice skips an alternative that cannot start with the next character (first.mjs), but only while
//   expectations are not being recorded (`peg$silentFails !== 0`): with recording on, every alternative is tried,
//   so the failure report is peggy's, expectation for expectation.
//
// Invariant of every generated expression: it leaves its result in the variable it was given, `peg$FAILED` on
// failure, and on failure the position where it found it. Sequences and choices are labelled blocks left with
// `break`, so the output is flat rather than peggy's nesting.
import { misused } from '../support.mjs';
import { classRanges } from './chars.mjs';
import { expectationKey } from './keys.mjs';
import { firstOf } from './first.mjs';
import { name } from './name.mjs';

const FAILED = 'peg$FAILED';
const ALWAYS = 1;

/** Records an expectation if recording is on (peggy's `peg$fail`, guarded as peggy guards it). */
const fail = (key) => `if (peg$silentFails === 0) peg$fail(${JSON.stringify(key)});`;

const indent = (lines) => lines.map((line) => (line === '' ? line : `  ${line}`));

/**
 * Generates the rules of one grammar. `functions` interns action and predicate code (module.mjs writes them);
 * `needed` is the set of rules whose value some reference reads; `refs` collects, while generating, the rules
 * referenced where their value is read (the caller iterates until `needed` is stable).
 */
export class Emitter {
  constructor({ rules, functions, needed, chars, runtime }) {
    this.runtime = runtime;
    this.rules = rules;
    this.functions = functions;
    this.chars = chars;
    this.needed = needed;
    this.refs = new Set();
    this.firstMemo = new Map();
  }

  rule(rule) {
    this.vars = [];
    this.count = 0;
    this.labels = new Map();
    const body = this.gen(rule.expression, 'r0', {
      need: this.needed.has(rule.name),
      env: [],
      pluck: null,
    });
    const vars = ['r0', ...this.vars];
    const src = body.some((line) => line.includes('src.')) ? ['  const src = input;'] : [];
    return [
      `function peg$parse${rule.name}() {`,
      ...src,
      `  let ${vars.join(', ')};`,
      ...indent(body),
      '  return r0;',
      '}',
    ];
  }

  temp(prefix) {
    const variable = `${prefix}${++this.count}`;
    this.vars.push(variable);
    return variable;
  }

  /** A name for a labelled block (not a variable). */
  blockLabel(prefix) {
    return `${prefix}${++this.count}`;
  }

  gen(node, out, ctx) {
    const method = this[`gen_${node.type}`];
    if (method === undefined) misused(name, `peggy node type \`${node.type}\` is not supported`);
    return method.call(this, node, out, ctx);
  }

  gen_rule_ref(node, out, ctx) {
    if (ctx.need) this.refs.add(node.name);
    return [`${out} = peg$parse${node.name}();`];
  }

  gen_literal(node, out, ctx) {
    const text = node.value;
    if (text.length === 0) return [`${out} = "";`];
    const length = text.length;
    const at = (i) => (i === 0 ? 'peg$currPos' : `peg$currPos + ${i}`);
    const test = node.ignoreCase
      ? `input.substr(peg$currPos, ${length}).toLowerCase() === ${JSON.stringify(text.toLowerCase())}`
      : length <= 8
        ? Array.from({ length }, (_, i) => `input.charCodeAt(${at(i)}) === ${text.charCodeAt(i)}`).join(' && ')
        : `input.startsWith(${JSON.stringify(text)}, peg$currPos)`;
    const value = !ctx.need ? 'true' : node.ignoreCase ? `input.substr(peg$currPos, ${length})` : JSON.stringify(text);
    return [
      `if (${test}) {`,
      `  ${out} = ${value};`,
      length === 1 ? '  peg$currPos++;' : `  peg$currPos += ${length};`,
      '} else {',
      `  ${out} = ${FAILED};`,
      `  ${fail(expectationKey({ type: 'literal', value: text }))}`,
      '}',
    ];
  }

  /** The condition that the code unit in `c` is one the class matches (NaN, past the end, never is). */
  classTest(node, c) {
    const set = this.chars.test(classRanges(node), c);
    return node.inverted ? `${c} === ${c} && !(${set})` : set;
  }

  gen_class(node, out, ctx) {
    const c = this.temp('c');
    return [
      `${c} = input.charCodeAt(peg$currPos);`,
      `if (${this.classTest(node, c)}) {`,
      `  ${out} = ${ctx.need ? 'input.charAt(peg$currPos)' : 'true'};`,
      '  peg$currPos++;',
      '} else {',
      `  ${out} = ${FAILED};`,
      `  ${fail('character')}`,
      '}',
    ];
  }

  gen_any(node, out, ctx) {
    return [
      'if (peg$currPos < input.length) {',
      `  ${out} = ${ctx.need ? 'input.charAt(peg$currPos)' : 'true'};`,
      '  peg$currPos++;',
      '} else {',
      `  ${out} = ${FAILED};`,
      `  ${fail('any character')}`,
      '}',
    ];
  }

  gen_named(node, out, ctx) {
    const lines = ['peg$silentFails++;', ...this.gen(node.expression, out, ctx), 'peg$silentFails--;'];
    if (node.match !== ALWAYS)
      lines.push(`if (${out} === ${FAILED} && peg$silentFails === 0) peg$fail(${JSON.stringify(node.name)});`);
    return lines;
  }

  gen_choice(node, out, ctx) {
    const block = this.blockLabel('choice');
    const alternatives = [];
    for (const alternative of node.alternatives) {
      alternatives.push(alternative);
      if (alternative.match === ALWAYS) break;
    }
    const guards = alternatives.map((alternative) => {
      const first = firstOf(alternative, this.rules, this.firstMemo);
      return first !== null && !first.nullable ? first.set : null;
    });
    const next = guards.some((guard) => guard !== null) ? this.temp('n') : null;
    const lines = [`${block}: {`];
    if (next !== null) lines.push(`  ${next} = input.charCodeAt(peg$currPos);`);
    alternatives.forEach((alternative, index) => {
      const code = this.gen(alternative, out, { ...ctx, env: [...ctx.env], pluck: null });
      const last = index === alternatives.length - 1;
      const body = last ? code : [...code, `if (${out} !== ${FAILED}) break ${block};`];
      if (guards[index] === null) {
        lines.push(...indent(body));
        return;
      }
      // Skipped only when nothing would be recorded: the alternative would fail at once, with no effect.
      lines.push(
        `  if (peg$silentFails === 0 || ${this.chars.test(guards[index], next)}) {`,
        ...indent(indent(body)),
        '  }',
      );
      if (last) lines.push(`  else ${out} = ${FAILED};`);
    });
    lines.push('}');
    return lines;
  }

  gen_action(node, out, ctx) {
    const start = this.temp('s');
    const env = [...ctx.env];
    const code = this.gen(node.expression, out, { need: false, env, pluck: null });
    const call = `peg$savedPos = ${start}; ${out} = ${this.functions.call('action', env, node.code)};`;
    return [
      `${start} = peg$currPos;`,
      ...code,
      node.expression.match === ALWAYS ? call : `if (${out} !== ${FAILED}) { ${call} }`,
    ];
  }

  gen_sequence(node, out, ctx) {
    if (node.elements.length === 0) return [`${out} = [];`];
    const block = this.blockLabel('seq');
    const start = this.temp('s');
    const pluck = [];
    const values = [];
    const lines = [`${block}: {`, `  ${start} = peg$currPos;`];
    const needAll = ctx.need && !node.elements.some((e) => e.type === 'labeled' && e.pick);
    this.words(node.elements, needAll).forEach((element, index) => {
      if (element.word !== undefined) {
        const target = this.temp('e');
        values.push(target);
        lines.push(`  ${target} = ${element.word};`);
        const restore = index === 0 ? '' : `peg$currPos = ${start}; `;
        lines.push(`  if (${target} === ${FAILED}) { ${restore}${out} = ${FAILED}; break ${block}; }`);
        return;
      }
      const picked = element.type === 'labeled' && element.pick;
      const variable = element.type === 'labeled' && element.label !== null ? null : this.temp('e');
      const code = this.gen(element, variable ?? this.labelVar(element), {
        need: picked || needAll,
        env: ctx.env,
        pluck,
      });
      const target = variable ?? this.labelVar(element);
      values.push(target);
      lines.push(...indent(code));
      if (element.match !== ALWAYS) {
        const restore = index === 0 ? '' : `peg$currPos = ${start}; `;
        lines.push(`  if (${target} === ${FAILED}) { ${restore}${out} = ${FAILED}; break ${block}; }`);
      }
    });
    let value;
    if (pluck.length === 1) value = pluck[0];
    else if (pluck.length > 1) value = `[${pluck.join(', ')}]`;
    else value = ctx.need ? `[${values.join(', ')}]` : 'true';
    lines.push(`  ${out} = ${value};`, '}');
    return lines;
  }

  /**
   * The elements, with each run of two or more classes `[aA]`, `[bB]`… (an ASCII word in either case, the keywords)
   * whose values are not read replaced by one `peg$word("ab")` test (runtime.mjs), which records a failure where
   * the first class that fails would have.
   */
  words(elements, needAll) {
    const out = [];
    let letters = '';
    let first;
    const end = () => {
      if (letters.length >= 2) {
        this.runtime.add('peg$word');
        out.push({ word: `peg$word(${JSON.stringify(letters)})` });
      } else if (letters.length === 1) out.push(first);
      letters = '';
    };
    for (const element of elements) {
      const letter = needAll ? null : caseLetter(element);
      if (letter === null) {
        end();
        out.push(element);
        continue;
      }
      if (letters.length === 0) first = element;
      letters += letter;
    }
    end();
    return out;
  }

  /** The variable a labelled element's value goes to (made on first use, so sequence and labeled agree). */
  labelVar(node) {
    if (!this.labels.has(node)) this.labels.set(node, this.temp(`l_${node.label}`));
    return this.labels.get(node);
  }

  gen_labeled(node, out, ctx) {
    const variable = node.label !== null ? this.labelVar(node) : out;
    const code = this.gen(node.expression, variable, { need: true, env: [...ctx.env], pluck: null });
    if (node.label !== null) ctx.env.push([node.label, variable]);
    if (node.pick && ctx.pluck) ctx.pluck.push(variable);
    return variable === out ? code : [...code, `${out} = ${variable};`];
  }

  gen_text(node, out, ctx) {
    const start = this.temp('s');
    const code = this.gen(node.expression, out, { need: false, env: [...ctx.env], pluck: null });
    const take = `${out} = ${ctx.need ? `input.substring(${start}, peg$currPos)` : 'true'};`;
    return [
      `${start} = peg$currPos;`,
      ...code,
      node.expression.match === ALWAYS ? take : `if (${out} !== ${FAILED}) ${take}`,
    ];
  }

  lookahead(node, out, ctx, negative) {
    const start = this.temp('s');
    const probe = this.temp('t');
    const code = this.gen(node.expression, probe, { need: false, env: [...ctx.env], pluck: null });
    const matched = negative
      ? `{ peg$currPos = ${start}; ${out} = ${FAILED}; }`
      : `{ peg$currPos = ${start}; ${out} = undefined; }`;
    const unmatched = negative ? `${out} = undefined;` : `${out} = ${FAILED};`;
    return [
      `${start} = peg$currPos;`,
      'peg$silentFails++;',
      ...code,
      'peg$silentFails--;',
      `if (${probe} !== ${FAILED}) ${matched} else ${unmatched}`,
    ];
  }

  gen_simple_and(node, out, ctx) {
    return this.lookahead(node, out, ctx, false);
  }

  gen_simple_not(node, out, ctx) {
    return this.lookahead(node, out, ctx, true);
  }

  gen_optional(node, out, ctx) {
    const code = this.gen(node.expression, out, { ...ctx, env: [...ctx.env], pluck: null });
    return node.expression.match === ALWAYS ? code : [...code, `if (${out} === ${FAILED}) ${out} = null;`];
  }

  /** A loop over `node.expression`, at least `min` and at most `max` (null: no bound) times, `delimiter` between. */
  loop(node, out, ctx, min, max, delimiter) {
    const expression = node.expression;
    const env = [...ctx.env];
    if (!ctx.need && delimiter === null && expression.type === 'class' && min <= 1 && max === null) {
      // The common case of white space and names: move past the characters, build nothing.
      // The position is kept in a local while the loop runs: module-level state is memory, a local a register.
      const c = this.temp('c');
      const at = this.temp('i');
      const start = min === 1 ? this.temp('s') : null;
      return [
        ...(start ? [`${start} = peg$currPos;`] : []),
        `${at} = peg$currPos;`,
        `for (;;) {`,
        `  ${c} = src.charCodeAt(${at});`,
        `  if (!(${this.classTest(expression, c)})) break;`,
        `  ${at}++;`,
        '}',
        `peg$currPos = ${at};`,
        fail('character'),
        start ? `${out} = peg$currPos > ${start} ? true : ${FAILED};` : `${out} = true;`,
      ];
    }
    const item = this.temp('t');
    const count = ctx.need ? `${out}.length` : this.temp('k');
    const start = min > 0 ? this.temp('s') : null;
    const before = delimiter !== null ? this.temp('p') : null;
    const body = [];
    if (max !== null) body.push(`if (${count} >= ${max}) break;`);
    if (delimiter !== null) {
      body.push(
        `if (${count} > 0) {`,
        `  ${before} = peg$currPos;`,
        ...indent(this.gen(delimiter, item, { need: false, env: [...env], pluck: null })),
        `  if (${item} === ${FAILED}) break;`,
        '}',
      );
    }
    body.push(...this.gen(expression, item, { need: ctx.need, env: [...env], pluck: null }));
    body.push(
      delimiter !== null
        ? `if (${item} === ${FAILED}) { if (${count} > 0) peg$currPos = ${before}; break; }`
        : `if (${item} === ${FAILED}) break;`,
    );
    body.push(ctx.need ? `${out}.push(${item});` : `${count}++;`);
    const lines = [...(start ? [`${start} = peg$currPos;`] : []), ctx.need ? `${out} = [];` : `${count} = 0;`];
    lines.push('for (;;) {', ...indent(body), '}');
    if (min > 0) lines.push(`if (${count} < ${min}) { peg$currPos = ${start}; ${out} = ${FAILED}; }`);
    if (!ctx.need) lines.push(min > 0 ? `else ${out} = true;` : `${out} = true;`);
    return lines;
  }

  gen_zero_or_more(node, out, ctx) {
    return this.loop(node, out, ctx, 0, null, null);
  }

  gen_one_or_more(node, out, ctx) {
    return this.loop(node, out, ctx, 1, null, null);
  }

  gen_repeated(node, out, ctx) {
    const min = node.min ?? node.max;
    if (min.type !== 'constant' || node.max.type !== 'constant')
      misused(name, 'a repetition with variable or code boundaries is not supported');
    return this.loop(node, out, ctx, min.value ?? 0, node.max.value, node.delimiter ?? null);
  }

  gen_group(node, out, ctx) {
    return this.gen(node.expression, out, { ...ctx, env: [...ctx.env], pluck: null });
  }

  predicate(node, out, ctx, negative) {
    const call = this.functions.call('predicate', ctx.env, node.code);
    const [yes, no] = negative ? [FAILED, 'undefined'] : ['undefined', FAILED];
    return ['peg$savedPos = peg$currPos;', `${out} = ${call} ? ${yes} : ${no};`];
  }

  gen_semantic_and(node, out, ctx) {
    return this.predicate(node, out, ctx, false);
  }

  gen_semantic_not(node, out, ctx) {
    return this.predicate(node, out, ctx, true);
  }
}

/** The lower-case letter of a class that is exactly one ASCII letter in both cases (`[eE]`), or null. */
function caseLetter(node) {
  if (node.type !== 'class' || node.inverted || node.ignoreCase || node.unicode || node.parts.length !== 2) return null;
  const [a, b] = node.parts;
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return null;
  const lower = a.toLowerCase();
  return /^[a-z]$/.test(lower) && lower === b.toLowerCase() ? lower : null;
}
