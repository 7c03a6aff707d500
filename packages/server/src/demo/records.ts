/**
 * One generator per API: the n-th demo record in the API's struct shape (docs/LANGUAGE.md §8.2, enos/APIS.md), with
 * every field its filters read, names in several languages, tags and attributes. Pure functions of the generator's
 * state, the index and the universe.
 */
import type { Random } from './random.js';
import { localTime, objectId, orgOf, siteOf, timeIn, type DemoProduct, type Universe } from './universe.js';
import {
  ALERT_TERMS,
  COMMANDS,
  EQUIPMENT,
  PURPOSES,
  SEVERITIES,
  SITES,
  i18n,
  placeName,
  termName,
  type I18n,
} from './words.js';

export type DemoRecord = Record<string, unknown> & { readonly orgId: string };
export type Generator = (r: Random, index: number, u: Universe) => DemoRecord;

const product = (r: Random, u: Universe): DemoProduct => r.pick(u.products);
const deviceKey = (index: number): string => `dev${String(index).padStart(6, '0')}`;
const assetIdOf = (r: Random, index: number): string => `${r.alnum(4)}${index.toString(36).padStart(4, '0')}`;
const equipmentName = (r: Random, p: DemoProduct, n: number): I18n =>
  placeName(r, EQUIPMENT[p.equipment]!, SITES[siteOf(r)]!, n);

function tags(r: Random, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  if (r.chance(0.8)) out['Region'] = r.pick(['East', 'North', 'South', 'West', 'APAC', 'EMEA']);
  if (r.chance(0.5)) out['Site'] = SITES[siteOf(r)]![0];
  if (r.chance(0.3)) out['owner'] = r.pick(['ops-team', 'grid-team', 'vendor/acme', '运维一组']);
  if (r.chance(0.2)) out['env'] = r.pick(['prod', 'staging', 'lab']);
  return out;
}

function nameOf(term: readonly [string, string, string, string], r: Random): I18n {
  return termName(r, term);
}

const otaJob: Generator = (r, index, u) => {
  const p = product(r, u);
  const createTime = timeIn(r);
  const purpose = r.pick(PURPOSES);
  const version = r.pick(p.versions);
  const equipment = EQUIPMENT[p.equipment]!;
  return {
    orgId: orgOf(r),
    productKey: p.productKey,
    jobId: objectId(r, createTime, index),
    name: i18n(
      r,
      `${equipment[0]} ${purpose[0]} ${version}`,
      `${equipment[1]}${purpose[1]} ${version}`,
      `${equipment[2]}${purpose[2]} ${version}`,
      `${purpose[3]} ${equipment[3]} ${version}`,
    ),
    firmwareId: objectId(r, createTime - 86_400_000, index),
    firmwareVersion: version,
    firmwareName: r.chance(0.3)
      ? { defaultValue: `firmware-${version}`, i18nValue: {} }
      : i18n(
          r,
          `${equipment[0]} firmware ${version}`,
          `${equipment[1]}固件 ${version}`,
          `ファーム ${version}`,
          `firmware ${version}`,
        ),
    type: r.chance(0.8) ? 'upgrade' : 'verify',
    enableUpgradeRequest: r.chance(0.5),
    upgradePolicy: r.pick([null, 'snapshot', 'incremental']),
    upgradeScope: {
      type: r.chance(0.6) ? 'total' : 'partial',
      versionNumbers: p.versions.filter((v) => v < version),
      deviceKeys: null,
      attributes: null,
      tags: null,
      assetTrees: null,
    },
    upgradeTimeout: r.pick([3600, 7200, 14400]),
    startSchedule: null,
    endSchedule: null,
    status: r.chance(0.6) ? 'started' : 'stopped',
    createTime,
  };
};

const otaTask: Generator = (r, index, u) => {
  const p = product(r, u);
  const from = p.versions[r.int(p.versions.length - 1)]!;
  const status = r.pick(['init', 'published', 'upgrading', 'succeeded', 'failed'] as const);
  return {
    taskId: `task${index.toString(16).padStart(10, '0')}`,
    orgId: orgOf(r),
    assetId: assetIdOf(r, index),
    productKey: p.productKey,
    deviceKey: deviceKey(r.int(50_000)),
    jobId: objectId(r, timeIn(r), r.int(100_000)),
    fromVersion: from,
    toVersion: p.versions[p.versions.length - 1]!,
    progress: status === 'succeeded' ? 100 : status === 'failed' ? -1 - r.int(99) : r.int(100),
    desc: r.pick(['', 'waiting for device', 'downloading', 'installed', 'timeout', '设备离线']),
    status,
    updateTime: timeIn(r),
  };
};

const firmware: Generator = (r, index, u) => {
  const p = product(r, u);
  const version = r.pick(p.versions);
  const createTime = timeIn(r);
  const equipment = EQUIPMENT[p.equipment]!;
  const sign = r.hex(32);
  return {
    orgId: orgOf(r),
    firmwareId: objectId(r, createTime, index),
    productKey: p.productKey,
    name: i18n(
      r,
      `${equipment[0]} firmware ${version}`,
      `${equipment[1]}固件${version}`,
      `ファーム ${version}`,
      `firmware ${version}`,
    ),
    version,
    desc: r.pick(['stability fixes', 'new telemetry points', '修复通讯问题', 'security update']),
    signMethod: 'md5',
    sign,
    fileUrl: `enos-connect://${sign}.bin`,
    fileSize: 100_000 + r.int(9_000_000),
    isVerified: r.chance(0.7),
    enableVerification: r.chance(0.5),
    createTime,
  };
};

const deviceUpgrade: Generator = (r, index, u) => {
  const p = product(r, u);
  return {
    orgId: orgOf(r),
    assetId: assetIdOf(r, index),
    productKey: p.productKey,
    deviceKey: deviceKey(index),
    firmwareVersion: r.pick(p.versions),
    isUpgrading: r.chance(0.2),
  };
};

const device: Generator = (r, index, u) => {
  const p = product(r, u);
  const createTime = timeIn(r);
  const status = r.pick(['online', 'online', 'offline', 'inactive', 'disabled'] as const);
  const attributes: Record<string, unknown> = {
    floor: 1 + r.int(30),
    capacity: r.pick([5, 10, 20, 50.5, 100]),
    manufacturer: r.pick(['Envision', 'ACME', '远景', 'Huawei']),
    isMain: r.chance(0.3),
  };
  if (r.chance(0.3)) attributes['ratedVoltage'] = r.pick([220, 380, 1000]);
  return {
    orgId: orgOf(r),
    assetId: assetIdOf(r, index),
    modelId: p.modelId,
    modelIdPath: `/${p.modelId}`,
    productKey: p.productKey,
    productName: nameOf(EQUIPMENT[p.equipment]!, r),
    productType: p.productType,
    dataFormat: 'Json',
    deviceKey: deviceKey(index),
    deviceName: equipmentName(r, p, index % 1000),
    deviceSecret: r.alnum(20),
    deviceDesc: r.pick(['', 'rooftop', 'substation 2', '一期工程']),
    timezone: r.pick(['+08:00', '+01:00', '+09:00']),
    firmwareVersion: r.pick(p.versions),
    deviceAttributes: attributes,
    deviceTags: tags(r, r.chance(0.4) ? { batch: `B${r.int(20)}` } : {}),
    createTime,
    status,
    activeTime: status === 'inactive' ? 0 : createTime + r.int(86_400_000),
    lastOnlineTime: createTime + r.int(YEAR),
    lastOfflineTime: createTime + r.int(YEAR),
  };
};

const YEAR = 366 * 24 * 60 * 60 * 1000;

const productRecord: Generator = (r, index, u) => {
  // Products are the universe's, so that devices and jobs name them; past its size the keys get a suffix.
  const base = u.products[index % u.products.length]!;
  const productKey = index < u.products.length ? base.productKey : `${base.productKey}${index}`;
  const createTime = timeIn(r);
  return {
    orgId: orgOf(r),
    productKey,
    productName: nameOf(EQUIPMENT[base.equipment]!, r),
    productSecret: r.alnum(16),
    productDesc: r.pick(['', 'standard model', '标准型号']),
    productType: base.productType,
    dataFormat: r.chance(0.8) ? 'Json' : 'Custom',
    productTags: tags(r),
    modelId: base.modelId,
    dynamicActiveEnabled: r.chance(0.5),
    biDirectionalAuth: r.chance(0.2),
    createTime,
    createBy: r.pick(['admin', 'ops', 'api']),
    updateTime: createTime + r.int(YEAR),
    updateBy: r.pick(['admin', 'ops', 'api']),
  };
};

const thingModel: Generator = (r, index) => {
  const equipment = EQUIPMENT[index % EQUIPMENT.length]!;
  const modelId = `${equipment[0].replace(/\W/g, '')}_${index}`;
  const pointTags = (): Record<string, string> =>
    r.chance(0.7)
      ? { unit: r.pick(['kW', 'V', 'A', '°C', 'Hz']), group: r.pick(['electric', 'thermal', 'status']) }
      : {};
  return {
    orgId: orgOf(r),
    modelId,
    modelIdPath: `/${modelId}`,
    name: nameOf(equipment, r),
    desc: `${equipment[0]} thing model`,
    tags: tags(r, { category: r.pick(['energy', 'storage', 'grid']) }),
    attribute_tags: pointTags(),
    measurepoint_tags: pointTags(),
    service_tags: r.chance(0.5) ? { type: r.pick(['control', 'query']) } : {},
    event_tags: r.chance(0.5) ? { type: r.pick(['temp', 'fault', 'info']) } : {},
    attributes: { capacity: { identifier: 'capacity', dataType: 'DOUBLE' } },
    measurepoints: { power: { identifier: 'power', dataType: 'DOUBLE', signalType: 'AI' } },
    services: {},
    events: {},
  };
};

const assetNode: Generator = (r, index, u) => {
  const p = product(r, u);
  return {
    assetId: assetIdOf(r, index),
    orgId: orgOf(r),
    treeId: r.pick(u.treeIds),
    name: equipmentName(r, p, index % 500),
    description: r.pick(['', 'main feeder', '备用']),
    attributes: {
      floorTotal: 1 + r.int(30),
      vendor: r.pick(['Envision', 'ACME', '远景']),
      commissioned: r.chance(0.8),
    },
    timezone: '+08:00',
    modelId: p.modelId,
    modelIdPath: `/Site/${p.modelId}`,
    rootModelId: 'Site',
    productKey: p.productKey,
    deviceKey: deviceKey(r.int(50_000)),
    tags: tags(r),
    label: r.chance(0.7) ? '0' : '1',
    createTime: timeIn(r),
  };
};

const assetTree: Generator = (r, index) => {
  const site = SITES[index % SITES.length]!;
  const treeId = `${r.alnum(6)}${index.toString(36).padStart(3, '0')}`;
  return {
    treeId,
    orgId: orgOf(r),
    name: i18n(
      r,
      `${site[0]} plant ${index}`,
      `${site[1]}电站${index}`,
      `${site[2]}発電所${index}`,
      `planta ${site[3]} ${index}`,
    ),
    tags: tags(r, { type: r.pick(['PV', 'Wind', 'Storage']) }),
    asset: { assetId: r.alnum(8), name: { defaultValue: `${site[0]} root`, i18nValue: {} } },
  };
};

const command: Generator = (r, index, u) => {
  const p = product(r, u);
  const created = timeIn(r);
  const term = r.pick(COMMANDS);
  return {
    commandId: `cmd${index.toString(16).padStart(10, '0')}`,
    orgId: orgOf(r),
    productKey: p.productKey,
    deviceKey: deviceKey(r.int(50_000)),
    assetId: r.alnum(8),
    createTime: localTime(created),
    createLocaltime: localTime(created),
    commandType: r.chance(0.5) ? 1 : 2,
    commandName: nameOf(term, r),
    timeout: 30,
    pendingTtl: 0,
    state: 1 + r.int(7),
    tslIdentifier: term[0].replace(/\W/g, ''),
    inputData: {},
    outputData: {},
  };
};

const event: Generator = (r, index, u) => {
  const p = product(r, u);
  const timestamp = timeIn(r);
  return {
    orgId: orgOf(r),
    eventId: `evt${index.toString(16).padStart(12, '0')}`,
    productKey: p.productKey,
    deviceKey: deviceKey(r.int(50_000)),
    assetId: r.alnum(8),
    tslEventKey: r.pick(['overTemp', 'lowVoltage', 'doorOpen', 'heartbeat']),
    tslEventType: r.pick(['INFO', 'WARN', 'ERROR']),
    output: JSON.stringify({ value: r.int(100) }),
    timestamp,
    localtime: localTime(timestamp),
  };
};

function alertCommon(r: Random, index: number, u: Universe): DemoRecord {
  const p = product(r, u);
  const occurTime = timeIn(r);
  const severity = r.int(SEVERITIES.length);
  const type = r.int(u.typeIds.length);
  const term = ALERT_TERMS[type % ALERT_TERMS.length]!;
  const treeId = r.pick(u.treeIds);
  const assetId = r.alnum(8);
  return {
    eventId: `${localTime(occurTime).slice(0, 10).replace(/-/g, '')}${r.hex(8)}${index.toString(16).padStart(8, '0')}`,
    orgId: orgOf(r),
    assetId,
    modelId: p.modelId,
    modelIdPath: `/${p.modelId}`,
    measurepointId: r.pick(['temperature', 'voltage', 'power', 'vibration', 'status']),
    hitRuleId: `rule${r.int(1000)}`,
    value: r.int(1000) / 10,
    occurTime,
    localOccurTime: localTime(occurTime),
    createTime: occurTime + r.int(1000),
    updateTime: occurTime + r.int(60_000),
    severityId: u.severityIds[severity]!,
    severityDesc: nameOf(SEVERITIES[severity]!, r),
    typeId: u.typeIds[type]!,
    typeDesc: nameOf(term, r),
    subTypeId: r.pick(u.subTypeIds),
    contentId: `content${r.int(500)}`,
    contentDesc: nameOf(term, r),
    eventType: r.pick([0, 1, 2, 3]),
    tag: tags(r, r.chance(0.3) ? { FLAG: r.pick(['0', '1']) } : {}),
    ruleDesc: nameOf(term, r),
    assetPath: `${treeId}:/${r.alnum(8)}/${assetId}`,
    treeId,
    deviceStatus: r.pick(['online', 'offline']),
  };
}

const activeAlert: Generator = alertCommon;

const historyAlert: Generator = (r, index, u) => {
  const alert = alertCommon(r, index, u);
  const recoverTime = (alert['occurTime'] as number) + r.int(86_400_000);
  return {
    ...alert,
    recoverTime,
    localRecoverTime: localTime(recoverTime),
    recoverReason: r.pick(['auto recovered', 'manually closed', '设备恢复']),
  };
};

const alertRule: Generator = (r, index, u) => {
  const p = product(r, u);
  const severity = r.int(SEVERITIES.length);
  const term = r.pick(ALERT_TERMS);
  const point = r.chance(0.8) ? r.pick(['temperature', 'voltage', 'power']) : null;
  return {
    orgId: orgOf(r),
    ruleId: `rule${String(index).padStart(5, '0')}`,
    ruleDesc: nameOf(term, r),
    modelId: p.modelId,
    measurepointId: point,
    deviceStatus: point === null ? r.pick(['offline', null]) : null,
    condition: point === null ? '' : `\${${point}} > ${r.int(100)}`,
    isEnabled: r.chance(0.8),
    severityId: u.severityIds[severity]!,
    severityDesc: nameOf(SEVERITIES[severity]!, r),
    contentId: `content${r.int(500)}`,
    contentDesc: nameOf(term, r),
    tags: tags(r),
    isRoot: r.chance(0.5),
    scope: { treeId: r.chance(0.5) ? 'all' : r.pick(u.treeIds), assetId: r.alnum(8) },
    triggeringDelayTimer: r.pick([0, 60, 300]),
  };
};

const alertContent: Generator = (r, index, u) => {
  const type = r.int(u.typeIds.length);
  const term = ALERT_TERMS[type % ALERT_TERMS.length]!;
  const subType = r.pick(u.subTypeIds);
  return {
    contentId: `content${index}`,
    contentDesc: termName(r, term, ` #${index}`),
    modelId: product(r, u).modelId,
    orgId: orgOf(r),
    alertTypeId: u.typeIds[type]!,
    subAlertTypeId: `${u.typeIds[type]!}.${subType}`,
    alertType: { typeId: u.typeIds[type]!, typeDesc: nameOf(term, r) },
    subAlertType: { typeId: `${u.typeIds[type]!}.${subType}`, parentTypeId: u.typeIds[type]! },
    tags: tags(r),
    updatePerson: r.pick(['admin', 'ops']),
    updateTime: timeIn(r),
  };
};

const alertSeverity: Generator = (r, index, u) => {
  const known = index < u.severityIds.length;
  return {
    severityId: known ? u.severityIds[index]! : `level${index}`,
    orgId: orgOf(r),
    severityDesc: nameOf(SEVERITIES[index % SEVERITIES.length]!, r),
    tags: tags(r),
    updatePerson: 'admin',
    updateTime: timeIn(r),
  };
};

const alertType: Generator = (r, index, u) => {
  const top = index < u.typeIds.length;
  const parent = u.typeIds[index % u.typeIds.length]!;
  return {
    typeId: top ? parent : `${parent}.${u.subTypeIds[index % u.subTypeIds.length]!}${index}`,
    typeDesc: nameOf(ALERT_TERMS[index % ALERT_TERMS.length]!, r),
    orgId: orgOf(r),
    parentTypeId: top ? null : parent,
    tags: tags(r),
    updatePerson: 'admin',
    updateTime: timeIn(r),
  };
};

const alert: Generator = (r, index, u) => {
  const occurTime = timeIn(r);
  const type = r.int(u.typeIds.length);
  const recovered = r.chance(0.6);
  return {
    alertId: `alert${index.toString(16).padStart(10, '0')}`,
    eventType: r.pick([0, 1, 2, 3, 4, 5]),
    dataSource: r.pick(['model_measurepoint', 'device_status', 'model_event']),
    orgId: orgOf(r),
    instanceId: r.alnum(8),
    metricId: r.pick(['temperature', 'voltage', 'power', 'status']),
    severityId: r.pick(u.severityIds),
    typeId: `${u.typeIds[type]!}.${r.pick(u.subTypeIds)}`,
    parentTypeId: u.typeIds[type]!,
    contentId: `content${r.int(500)}`,
    ruleId: `rule${String(r.int(1000)).padStart(5, '0')}`,
    occurTime,
    localOccurTime: localTime(occurTime),
    recoverTime: recovered ? occurTime + r.int(86_400_000) : null,
    tags: tags(r),
    metricTags: { assetTreePath: r.pick(u.treeIds), unit: r.pick(['kW', 'V', '°C']) },
    ruleTags: r.chance(0.5) ? { owner: r.pick(['ops-team', 'grid-team']) } : {},
    inhibited: r.chance(0.1),
    maskedBy: r.chance(0.05) ? `alert${r.hex(6)}` : null,
  };
};

/** Every API's generator and its record count at full scale. */
export const GENERATORS: Readonly<Record<string, { readonly count: number; readonly generate: Generator }>> = {
  'ota-job': { count: 100_000, generate: otaJob },
  'ota-task': { count: 20_000, generate: otaTask },
  firmware: { count: 2_000, generate: firmware },
  'device-upgrade': { count: 10_000, generate: deviceUpgrade },
  device: { count: 50_000, generate: device },
  product: { count: 200, generate: productRecord },
  'thing-model': { count: 300, generate: thingModel },
  'asset-node': { count: 10_000, generate: assetNode },
  'asset-tree': { count: 100, generate: assetTree },
  command: { count: 10_000, generate: command },
  event: { count: 20_000, generate: event },
  'active-alert': { count: 5_000, generate: activeAlert },
  'history-alert': { count: 10_000, generate: historyAlert },
  'alert-rule': { count: 1_000, generate: alertRule },
  'alert-content': { count: 500, generate: alertContent },
  'alert-severity': { count: 12, generate: alertSeverity },
  'alert-type': { count: 40, generate: alertType },
  alert: { count: 10_000, generate: alert },
};
