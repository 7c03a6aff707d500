// Deterministic JobInfo records (the seed page's struct) and the ten representative expressions of sections 2
// and 3. Values come from pools, as in a real organisation: a few thousand products and firmwares, two types, two
// statuses, names in English and Chinese (sometimes without a Chinese or English name, or with an empty one).

import { prng } from './corpus.mjs';

const EN = [
  'Inverter',
  'firmware',
  'upgrade',
  'Batch',
  'meter',
  'Gateway',
  'PV',
  'hotfix',
  'rollout',
  'wind turbine',
  'controller',
  'beta',
  'EMS',
  'battery',
  'BMS',
  'patch',
  'site',
  'Q3',
  'east',
  'phase 2',
];
const ZH = [
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

function pools(r) {
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const hex = '0123456789abcdef';
  const word = (alphabet, n) => Array.from({ length: n }, () => alphabet[r.int(alphabet.length)]).join('');
  const phrase = (words, n, sep) => Array.from({ length: n }, () => r.pick(words)).join(sep);
  return {
    productKeys: Array.from({ length: 2000 }, () => word(alnum, 8)),
    firmwareIds: Array.from({ length: 5000 }, () => word(hex, 24)),
    versions: Array.from({ length: 300 }, (_, i) => `${i % 4}.${(i >> 2) % 10}.${(i >> 5) % 10}`),
    enNames: Array.from({ length: 3000 }, () => phrase(EN, 2 + r.int(3), ' ')),
    zhNames: Array.from({ length: 3000 }, () => phrase(ZH, 2 + r.int(3), '')),
  };
}

function i18n(r, p) {
  const en = r.pick(p.enNames);
  const i18nValue = {};
  const zh = r.int(10);
  if (zh < 7) i18nValue.zh_CN = r.pick(p.zhNames);
  else if (zh === 7) i18nValue.zh_CN = '';
  if (r.int(10) < 6) i18nValue.en_US = r.chance(0.5) ? en : r.pick(p.enNames);
  return { defaultValue: r.chance(0.8) ? en : r.pick(p.zhNames), i18nValue };
}

/** `count` distinct JobInfo records of organisation `o1` (jobId and createTime are unique). */
export function records(count, seed = 7) {
  const r = prng(seed);
  const p = pools(r);
  const out = new Array(count);
  const t0 = Date.UTC(2020, 0, 1);
  for (let i = 0; i < count; i += 1) {
    out[i] = {
      orgId: 'o1',
      jobId: `job${i.toString(36).padStart(6, '0')}`,
      productKey: r.pick(p.productKeys),
      name: i18n(r, p),
      firmwareId: r.pick(p.firmwareIds),
      firmwareVersion: r.pick(p.versions),
      firmwareName: i18n(r, p),
      type: r.chance(0.7) ? 'upgrade' : 'verify',
      status: r.chance(0.5) ? 'started' : 'stopped',
      enableUpgradeRequest: r.chance(0.5),
      upgradeTimeout: 7200,
      createTime: t0 + i * 1000 + r.int(1000),
    };
  }
  return { records: out, pools: p };
}

const LIKE_EN = [
  'inverter',
  'gateway',
  'meter',
  'turbine',
  'controller',
  'battery',
  'rollout',
  'site',
  'phase',
  'east',
  'beta',
  'ems',
];
const LIKE_EN_2 = [
  'hotfix',
  'patch',
  'upgrade',
  'firmware',
  'bms',
  'pv',
  'q3',
  'batch',
  'wind',
  'meter',
  'gateway',
  'site',
];
const LIKE_ZH = ['逆变器', '网关', '风机', '控制器', '电池', '储能', '测试', '正式', '华东', '一期', '补丁', '光伏'];
const LIKE_ZH_2 = ['升级', '固件', '批量', '光伏', '补丁', '一期', '华东', '正式', '测试', '储能', '电池', '网关'];

/**
 * The values of the ten expressions' `variant`-th instance. Variant 0 is section 2's; section 3 times other
 * variants too, so that no query text is ever measured twice.
 */
export function expressionValues(p, variant = 0) {
  const k = variant * 20;
  const pk = (i) => p.productKeys[(i + k) % p.productKeys.length];
  const v = (i) => p.versions[(i + variant * 11) % p.versions.length];
  const at = (list, offset = 0) => list[(variant + offset) % list.length];
  return {
    pk1: pk(1),
    pkIn5: [pk(2), pk(3), pk(4), pk(5), pk(6)],
    status: variant % 2 === 0 ? 'started' : 'stopped',
    type: variant % 3 === 2 ? 'upgrade' : 'verify',
    nameLike: at(LIKE_EN),
    zhLike: at(LIKE_ZH),
    enLike: at(LIKE_EN_2),
    version7: v(7),
    firmware8: p.firmwareIds[(8 + k) % p.firmwareIds.length],
    pkIn3: [pk(9), pk(10), pk(11)],
    nameLike2: at(LIKE_EN_2, 7),
    fwLike2: at(LIKE_EN_2, 1),
    versionsIn3: [v(1), v(2), v(3)],
    zhLike2: at(LIKE_ZH_2),
    pk12: pk(12),
    pk13: pk(13),
  };
}

/** The ten expressions, with values picked from the pools so that each selects a realistic share of records. */
export function expressions(p, variant = 0) {
  const x = expressionValues(p, variant);
  const list = (values) => values.map((value) => `'${value}'`).join(', ');
  return [
    `productKey = '${x.pk1}'`,
    `productKey in (${list(x.pkIn5)})`,
    `status = '${x.status}' and type = '${x.type}'`,
    `name like '${x.nameLike}'`,
    `name.zh_CN like '${x.zhLike}'`,
    `firmwareName.en_US like '${x.enLike}'`,
    `firmwareVersion = '${x.version7}' or firmwareId = '${x.firmware8}'`,
    `productKey in (${list(x.pkIn3)}) and (name like '${x.nameLike2}' or firmwareName like '${x.fwLike2}')`,
    `(status = 'stopped' or type = '${x.type}') and firmwareVersion in (${list(x.versionsIn3)})`,
    `firmwareName.zh_CN like '${x.zhLike2}' and (productKey = '${x.pk12}' or productKey = '${x.pk13}')`,
  ];
}
