// Deterministic JobInfo records (the seed page's struct) and the ten representative expressions of sections 2
// and 3. Values come from pools, as in a real organisation: a few thousand products and firmwares, two types, two
// statuses, names in English and Chinese (sometimes without a Chinese or English name, or with an empty one).

import { prng } from './corpus.mjs';

const EN = ['Inverter', 'firmware', 'upgrade', 'Batch', 'meter', 'Gateway', 'PV', 'hotfix', 'rollout', 'wind turbine', 'controller',
  'beta', 'EMS', 'battery', 'BMS', 'patch', 'site', 'Q3', 'east', 'phase 2'];
const ZH = ['固件', '升级', '逆变器', '批量', '网关', '光伏', '风机', '控制器', '电池', '储能', '测试', '正式', '华东', '一期', '补丁'];

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

/** The ten expressions, with values picked from the pools so that each selects a realistic share of records. */
export function expressions(p) {
  const pk = p.productKeys;
  const fw = p.firmwareIds;
  return [
    `productKey = '${pk[1]}'`,
    `productKey in ('${pk[2]}', '${pk[3]}', '${pk[4]}', '${pk[5]}', '${pk[6]}')`,
    `status = 'started' and type = 'verify'`,
    `name like 'inverter'`,
    `name.zh_CN like '逆变器'`,
    `firmwareName.en_US like 'hotfix'`,
    `firmwareVersion = '${p.versions[7]}' or firmwareId = '${fw[8]}'`,
    `productKey in ('${pk[9]}', '${pk[10]}', '${pk[11]}') and (name like 'batch' or firmwareName like 'patch')`,
    `(status = 'stopped' or type = 'verify') and firmwareVersion in ('${p.versions[1]}', '${p.versions[2]}', '${p.versions[3]}')`,
    `firmwareName.zh_CN like '升级' and (productKey = '${pk[12]}' or productKey = '${pk[13]}')`,
  ];
}
