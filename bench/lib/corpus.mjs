// A deterministic corpus of realistic OTA expressions (docs/LANGUAGE.md §1–2, the seed page's shapes), generated as abstract
// trees and printed in the OTA syntax and in each peer's own syntax. Same seed, same corpus, on every machine.
//
// Abstract tree: { k: 'and' | 'or', c: [...] } or { k: 'cmp', field, sub?, op: '=' | 'in' | 'like', v }.
// `field` is a schema field; `sub` is the i18n sub-path of a `like` (`zh_CN`, `en_US`, `defaultValue`, `default`).

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (items) => items[int(items.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

const EN_WORDS = [
  'firmware',
  'inverter',
  'upgrade',
  'batch',
  'Meter',
  'gateway',
  'PV',
  'hotfix',
  'Q3',
  'rollout',
  'wind',
  'turbine',
  'controller',
  'beta',
  'v2',
  'EMS',
  'battery',
  'BMS',
  'patch',
  'site',
];
const ZH_WORDS = [
  '固件',
  '升级',
  '逆变器',
  '批量',
  '网关',
  '光伏',
  '风机',
  '控制器',
  '电池',
  '储能',
  '测试',
  '正式',
  '华东',
  '一期',
  '补丁',
];

function chars(r, alphabet, n) {
  let out = '';
  for (let i = 0; i < n; i += 1) out += alphabet[r.int(alphabet.length)];
  return out;
}

/** One value of the right shape for `field`. */
export function valueFor(r, field) {
  switch (field) {
    case 'productKey':
      return chars(r, ALNUM, 8);
    case 'firmwareId':
      return chars(r, HEX, 24);
    case 'firmwareVersion':
      return r.chance(0.7)
        ? `${r.int(4)}.${r.int(10)}.${r.int(20)}`
        : `v${r.int(4)}.${r.int(10)}.${r.int(20)}-${r.pick(['beta', 'rc1', 'hotfix'])}`;
    case 'type':
      return r.pick(['verify', 'upgrade']);
    case 'status':
      return r.pick(['started', 'stopped']);
    default:
      return likeText(r);
  }
}

/** A `like` pattern: English, Chinese or mixed; now and then with an apostrophe, so escapes are exercised. */
function likeText(r) {
  const kind = r.int(10);
  if (kind < 4) {
    const words = [r.pick(ZH_WORDS)];
    if (r.chance(0.6)) words.push(r.pick(ZH_WORDS));
    if (r.chance(0.3)) words.push(r.pick(ZH_WORDS));
    return words.join('');
  }
  if (kind < 8) {
    const words = [r.pick(EN_WORDS)];
    if (r.chance(0.5)) words.push(r.pick(EN_WORDS));
    if (r.chance(0.2)) words.push(String(r.int(100)));
    const text = words.join(' ');
    return r.chance(0.1) ? `${text}'s` : text;
  }
  return `${r.pick(ZH_WORDS)}${r.pick(EN_WORDS)}${r.chance(0.5) ? r.int(10) : ''}`;
}

const EQ_FIELDS = ['productKey', 'productKey', 'firmwareId', 'firmwareVersion', 'type', 'status', 'status'];
const IN_FIELDS = ['productKey', 'productKey', 'firmwareId', 'firmwareVersion'];
const LIKE_FIELDS = ['name', 'name', 'firmwareName', 'firmwareName'];
const LIKE_SUBS = [undefined, undefined, undefined, 'zh_CN', 'zh_CN', 'en_US', 'defaultValue', 'default'];

function comparisonNode(r) {
  const kind = r.int(10);
  if (kind < 4) {
    const field = r.pick(LIKE_FIELDS);
    return { k: 'cmp', field, sub: r.pick(LIKE_SUBS), op: 'like', v: valueFor(r, field) };
  }
  if (kind < 7) {
    const field = r.pick(EQ_FIELDS);
    return { k: 'cmp', field, op: '=', v: valueFor(r, field) };
  }
  const field = r.pick(IN_FIELDS);
  const values = [];
  const n = 2 + r.int(4);
  for (let i = 0; i < n; i += 1) values.push(valueFor(r, field));
  return { k: 'cmp', field, op: 'in', v: values };
}

/** An `or` of 2–3 operands, each a comparison or (rarely) an `and` of two. */
function orNode(r, depth) {
  const c = [];
  const n = 2 + r.int(2);
  for (let i = 0; i < n; i += 1) {
    const nested = depth < 2 && r.chance(0.15);
    // An `and` inside an `or` needs no parentheses; people write them half of the time anyway (docs/LANGUAGE.md §2: they
    // leave no node).
    c.push(
      nested ? { k: 'and', c: [comparisonNode(r), orOrCmp(r, depth + 1)], parens: r.chance(0.5) } : comparisonNode(r),
    );
  }
  return { k: 'or', c };
}

function orOrCmp(r, depth) {
  return r.chance(0.3) ? orNode(r, depth) : comparisonNode(r);
}

/** The seed's shapes: one comparison, a few joined by `and`, some `or` groups, now and then nested. */
function tree(r) {
  const shape = r.int(10);
  if (shape < 2) return comparisonNode(r);
  if (shape < 3) return orNode(r, 0);
  const c = [];
  const n = 2 + r.int(3);
  for (let i = 0; i < n; i += 1) c.push(r.chance(0.25) ? orNode(r, 1) : comparisonNode(r));
  return { k: 'and', c };
}

// ---------------------------------------------------------------------------------------------------------------
// The OTA syntax, written as people write it: both quote styles, keywords in any case, spaces or none.

function quoteOta(value, quote) {
  // A doubled delimiter or a backslash escape, both valid (docs/LANGUAGE.md §1); backslashes themselves never occur here.
  const body = value.split(quote).join(quote === "'" ? "''" : '\\"');
  return `${quote}${body}${quote}`;
}

function otaPath(node) {
  return node.sub === undefined ? node.field : `${node.field}.${node.sub}`;
}

function printOta(node, style, parent) {
  switch (node.k) {
    case 'and':
    case 'or': {
      const kw = style.keyword(node.k);
      const inner = node.c.map((child) => printOta(child, style, node.k)).join(` ${kw} `);
      return (node.k === 'or' && parent === 'and') || node.parens ? `(${inner})` : inner;
    }
    case 'cmp': {
      const q = () => style.quote();
      if (node.op === '=') return `${otaPath(node)}${style.eq}${quoteOta(node.v, q())}`;
      if (node.op === 'like') return `${otaPath(node)} ${style.keyword('like')} ${quoteOta(node.v, q())}`;
      return `${otaPath(node)} ${style.keyword('in')} (${node.v.map((v) => quoteOta(v, q())).join(style.comma)})`;
    }
  }
  throw new Error(`unknown node ${node.k}`);
}

function otaStyle(r) {
  const caseKind = r.int(20);
  const upper = caseKind < 5;
  const mixed = caseKind === 5;
  const doubleQuotes = r.next() < 0.3;
  return {
    eq: r.chance(0.25) ? '=' : ' = ',
    comma: r.chance(0.3) ? ',' : ', ',
    keyword: (word) => (mixed ? word[0].toUpperCase() + word.slice(1) : upper ? word.toUpperCase() : word),
    quote: () => (r.next() < (doubleQuotes ? 0.8 : 0.1) ? '"' : "'"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Peer syntaxes. Each comparison becomes one comparison of the same shape (a `like` becomes the peer's substring
// test on the same path), so the trees the parsers build are comparable. Section 2 of the bench writes the exact
// docs/LANGUAGE.md §3 semantics by hand instead.

const dq = (v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const sq = (v) => `'${v.replace(/'/g, "''")}'`;

function joinWith(node, print, andOp, orOp, parent) {
  const op = node.k === 'and' ? andOp : orOp;
  const inner = node.c.map((child) => print(child, node.k)).join(op);
  return node.k === 'or' && parent === 'and' ? `(${inner})` : inner;
}

const PEERS = {
  /** liqe (Lucene-like): `field:"text"` (phrase, case-sensitive substring), `AND`/`OR`; no list: an OR group. */
  liqe(node, parent) {
    if (node.k !== 'cmp') return joinWith(node, PEERS.liqe, ' AND ', ' OR ', parent);
    const path = otaPath(node);
    if (node.op === 'in') {
      const group = node.v.map((v) => `${path}:${dq(v)}`).join(' OR ');
      return `(${group})`;
    }
    return `${path}:${dq(node.v)}`;
  },
  /** RSQL/FIQL: `==`, `=in=(…)`, `;` and `,`; a like is the `*text*` wildcard convention. */
  rsql(node, parent) {
    if (node.k !== 'cmp') return joinWith(node, PEERS.rsql, ';', ',', parent);
    const path = otaPath(node);
    if (node.op === 'in') return `${path}=in=(${node.v.map(dq).join(',')})`;
    if (node.op === 'like') return `${path}==${dq(`*${node.v}*`)}`;
    return `${path}==${dq(node.v)}`;
  },
  /** CEL: `==`, `in [...]`, `.contains()`, `&&`/`||`. */
  cel(node, parent) {
    if (node.k !== 'cmp') return joinWith(node, PEERS.cel, ' && ', ' || ', parent);
    const path = otaPath(node);
    if (node.op === 'in') return `${path} in [${node.v.map(dq).join(', ')}]`;
    if (node.op === 'like') return `${path}.contains(${dq(node.v)})`;
    return `${path} == ${dq(node.v)}`;
  },
  /** filtrex: `==`, `in (…)`, `~=` (regular expression), `and`/`or`; strings in double quotes. */
  filtrex(node, parent) {
    if (node.k !== 'cmp') return joinWith(node, PEERS.filtrex, ' and ', ' or ', parent);
    const path = otaPath(node);
    if (node.op === 'in') return `${path} in (${node.v.map(dq).join(', ')})`;
    if (node.op === 'like') return `${path} ~= ${dq(node.v)}`;
    return `${path} == ${dq(node.v)}`;
  },
  /** OData v4 `$filter`: `eq`, `contains()`, `and`/`or`, paths with `/`; the parser has no `in`: an or group. */
  odata(node, parent) {
    if (node.k !== 'cmp') return joinWith(node, PEERS.odata, ' and ', ' or ', parent);
    const path = otaPath(node).replace(/\./g, '/');
    if (node.op === 'in') return `(${node.v.map((v) => `${path} eq ${sq(v)}`).join(' or ')})`;
    if (node.op === 'like') return `contains(${path},${sq(node.v)})`;
    return `${path} eq ${sq(node.v)}`;
  },
};

export const PEER_SYNTAXES = Object.keys(PEERS);

/**
 * `count` distinct OTA expressions of 20–200 characters, with their peer translations, from `seed`.
 * `exclude` (a Set of texts) keeps slices of one run disjoint: a text is never measured twice.
 */
export function corpus(seed, count, exclude = new Set()) {
  const r = prng(seed);
  const items = [];
  let guard = 0;
  while (items.length < count) {
    guard += 1;
    if (guard > count * 50) throw new Error('corpus: cannot find enough distinct expressions');
    const t = tree(r);
    const text = printOta(t, otaStyle(r), undefined);
    if (text.length < 20 || text.length > 200 || exclude.has(text)) continue;
    exclude.add(text);
    const peers = {};
    for (const name of PEER_SYNTAXES) peers[name] = PEERS[name](t, undefined);
    items.push({ tree: t, text, peers });
  }
  return items;
}

/**
 * `count` distinct texts with one syntax error each, made from valid corpus texts by the mistakes people make:
 * `==`, `&&`, a missing closing quote or parenthesis, a typographic quote.
 */
export function invalidCorpus(seed, count, exclude = new Set()) {
  const r = prng(seed ^ 0x5bd1e995);
  const items = [];
  const mistakes = [
    (t) => t.replace(/ = |=/, ' == '),
    (t) => t.replace(/ and /i, ' && '),
    (t) => t.slice(0, -1),
    (t) => t.replace(/'([^']*)'/, '‘$1’'),
  ];
  for (const item of corpus(seed, count * 2, new Set(exclude))) {
    const text = r.pick(mistakes)(item.text);
    if (text === item.text || exclude.has(text)) continue;
    exclude.add(text);
    items.push({ text });
    if (items.length === count) break;
  }
  return items;
}
