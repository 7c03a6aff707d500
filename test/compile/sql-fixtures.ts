/** Crafted OTA jobs and expressions, one per SQL trap, shared by the engine tests. */
import type { JobInfo } from '../../src/apis/ota-job/job-info.js';
import { defineSchema } from '../../src/schema/schema.js';

const ALL_OPS = ['=', '!=', 'in', 'like', 'exists', 'not exists', 'is null', 'is not null'] as const;

/** The OTA job fields with every operator allowed, for `!=`, presence and `like` on plain strings. */
export const wideSchema = defineSchema({
  name: 'ota-job-wide',
  fields: {
    productKey: { type: 'string', operators: ALL_OPS },
    status: { type: 'string', operators: ALL_OPS },
    name: { type: 'i18n', operators: ALL_OPS, locales: ['zh_CN', 'en_US'] },
    firmwareName: { type: 'i18n', operators: ALL_OPS, locales: ['zh_CN', 'en_US'] },
  },
  logical: ['and', 'or'],
});

let time = 1_700_000_000_000;
function job(jobId: string, fields: Record<string, unknown>): JobInfo {
  time += 1000;
  return { orgId: 'o1', jobId, createTime: time, ...fields };
}

export const JOBS: readonly JobInfo[] = [
  job('accent-upper', { name: { defaultValue: 'Élan Café' }, productKey: 'pk' }),
  job('accent-lower', { name: { defaultValue: 'élan café' }, productKey: 'PK' }),
  job('percent', { name: { defaultValue: '100% done_now' }, productKey: 'pk ' }),
  job('no-percent', { name: { defaultValue: '100x doneXnow' }, productKey: ' pk' }),
  job('backslash', { name: { defaultValue: 'C:\\fw\\v1' }, productKey: 'a\\b' }),
  job('strasse', { name: { defaultValue: 'STRASSE' } }),
  job('eszett', { name: { defaultValue: 'Straße' } }),
  job('turkish', { name: { defaultValue: 'İstanbul' } }),
  job('zh-empty', { name: { defaultValue: 'Default Name', i18nValue: { zh_CN: '' } } }),
  job('zh-set', { name: { defaultValue: 'Default Name', i18nValue: { zh_CN: '中文名' } } }),
  job('zh-null', { name: { defaultValue: 'Default Name', i18nValue: { zh_CN: null } } }),
  job('zh-only', { name: { i18nValue: { zh_CN: '中文' } } }),
  job('zh-spaces', { name: { defaultValue: 'Default Name', i18nValue: { zh_CN: '  ' } } }),
  job('en-only', { name: { i18nValue: { en_US: 'English Only' } } }),
  job('empty-default', { name: { defaultValue: '' } }),
  job('no-name', {}),
  job('wrong-type', { name: { defaultValue: 42 }, productKey: 7 }),
  job('injection', { productKey: "'); drop table ota_job; --" }),
  job('upper-ascii', {
    name: { defaultValue: 'FIRMWARE Upgrade' },
    firmwareName: { defaultValue: 'FW', i18nValue: { en_US: 'Firmware EN' } },
  }),
];

export const ALL_IDS: readonly string[] = JOBS.map((j) => j.jobId);

const WITH_DEFAULT = [
  'accent-upper',
  'accent-lower',
  'percent',
  'no-percent',
  'backslash',
  'strasse',
  'eszett',
  'turkish',
  'zh-empty',
  'zh-set',
  'zh-null',
  'zh-spaces',
  'empty-default',
  'upper-ascii',
];

export interface EngineCase {
  readonly text: string;
  readonly ids: readonly string[];
  readonly wide?: boolean;
  /** Which trap the case pins down. */
  readonly trap: string;
}

export const ENGINE_CASES: readonly EngineCase[] = [
  { trap: 'like folds ASCII only (É is not é)', text: "name like 'élan'", ids: ['accent-lower'] },
  { trap: 'like folds ASCII only (É is not é)', text: "name like 'ÉLAN'", ids: ['accent-upper'] },
  { trap: 'like folds ASCII letters', text: "name like 'LAN CAF'", ids: ['accent-upper', 'accent-lower'] },
  { trap: '% is literal', text: "name like '%'", ids: ['percent'] },
  { trap: '% is literal', text: "name like '0% d'", ids: ['percent'] },
  { trap: '_ is literal', text: "name like '_'", ids: ['percent'] },
  { trap: '_ is literal', text: "name like 'e_n'", ids: ['percent'] },
  { trap: 'backslash is literal', text: "name like '\\\\'", ids: ['backslash'] },
  { trap: 'backslash is literal', text: "name like 'c:\\fw\\v'", ids: ['backslash'] },
  { trap: 'ß is not ss', text: "name like 'ss'", ids: ['strasse'] },
  { trap: 'ß is not ss', text: "name like 'straße'", ids: ['eszett'] },
  { trap: 'Turkish İ is not i', text: "name like 'istanbul'", ids: [] },
  {
    trap: 'like on a locale falls back on empty or missing',
    text: "name.zh_CN like 'default'",
    ids: ['zh-empty', 'zh-null'],
  },
  { trap: 'a locale of spaces is not empty (PAD SPACE)', text: "name.zh_CN like '  '", ids: ['zh-spaces'] },
  {
    trap: 'like on a locale falls back',
    text: "name.en_US like 'default name'",
    ids: ['zh-empty', 'zh-set', 'zh-null', 'zh-spaces'],
  },
  { trap: 'like on a locale', text: "name.zh_CN like '中文'", ids: ['zh-set', 'zh-only'] },
  { trap: 'bare i18n name: any of default, zh, en', text: "name like 'english'", ids: ['en-only'] },
  { trap: 'default only', text: "name.defaultValue like 'english'", ids: [] },
  { trap: 'locale with missing default', text: "name.en_US like 'ENGLISH'", ids: ['en-only'] },
  { trap: "like '' matches every present value, empty included", text: "name.default like ''", ids: WITH_DEFAULT },
  { trap: 'wrong-typed value is absent', text: "name like '42'", ids: [] },
  { trap: '= is case-sensitive and pads nothing', text: "productKey = 'pk'", ids: ['accent-upper'] },
  { trap: '= keeps trailing spaces (PAD SPACE)', text: "productKey = 'pk '", ids: ['percent'] },
  { trap: 'in is exact', text: "productKey in ('PK', 'x')", ids: ['accent-lower'] },
  { trap: 'in is exact', text: "productKey in ('pk', ' pk')", ids: ['accent-upper', 'no-percent'] },
  { trap: 'SQL in a value is a value', text: "productKey = '''); drop table ota_job; --'", ids: ['injection'] },
  { trap: 'backslash in =', text: "productKey = 'a\\\\b'", ids: ['backslash'] },
  { trap: 'or', text: "name like 'firmware' or productKey = 'pk'", ids: ['accent-upper', 'upper-ascii'] },
  {
    trap: 'or inside and',
    text: "(name like 'café' or productKey = 'PK') and name like 'élan'",
    ids: ['accent-lower'],
  },
  { trap: 'i18n locale of another field', text: "firmwareName.en_US like 'firmware en'", ids: ['upper-ascii'] },
  { trap: 'i18n locale falls back to default', text: "firmwareName.zh_CN like 'fw'", ids: ['upper-ascii'] },
  {
    trap: '!= requires presence',
    wide: true,
    text: "productKey != 'pk'",
    ids: ['accent-lower', 'percent', 'no-percent', 'backslash', 'injection'],
  },
  {
    trap: 'not exists is IS NULL (wrong type is absent)',
    wide: true,
    text: 'not exists(productKey)',
    ids: ALL_IDS.filter(
      (id) => !['accent-upper', 'accent-lower', 'percent', 'no-percent', 'backslash', 'injection'].includes(id),
    ),
  },
  {
    trap: '!= on a bare i18n name: some candidate present, none equal',
    wide: true,
    text: "name != 'Default Name'",
    ids: [...WITH_DEFAULT.filter((id) => !id.startsWith('zh-')), 'zh-only', 'en-only'],
  },
  { trap: '= on a locale falls back', wide: true, text: "name.zh_CN = 'Default Name'", ids: ['zh-empty', 'zh-null'] },
  {
    trap: '!= on a locale',
    wide: true,
    text: "name.zh_CN != 'Default Name'",
    ids: [...WITH_DEFAULT.filter((id) => !['zh-empty', 'zh-null'].includes(id)), 'zh-only'],
  },
  {
    trap: 'is null on a locale: empty locale and no default',
    wide: true,
    text: 'name.zh_CN is null',
    ids: ['en-only', 'no-name', 'wrong-type', 'injection'],
  },
  { trap: 'exists on a bare name', wide: true, text: 'exists(name)', ids: [...WITH_DEFAULT, 'zh-only', 'en-only'] },
  {
    trap: 'like on a plain string column',
    wide: true,
    text: "productKey like 'PK'",
    ids: ['accent-upper', 'accent-lower', 'percent', 'no-percent'],
  },
  {
    trap: 'two-valued: a NULL column under or, then negated by the test',
    wide: true,
    text: "productKey != 'pk' or name.zh_CN = 'x'",
    ids: ['accent-lower', 'percent', 'no-percent', 'backslash', 'injection'],
  },
  {
    trap: 'is not null on a plain column: present, of the field type',
    wide: true,
    text: 'productKey is not null',
    ids: ['accent-upper', 'accent-lower', 'percent', 'no-percent', 'backslash', 'injection'],
  },
  {
    trap: 'exists on a locale: a non-empty translation, or the default',
    wide: true,
    text: 'exists(name.zh_CN)',
    ids: [...WITH_DEFAULT, 'zh-only'],
  },
  {
    trap: 'is not null on a locale is exists on it',
    wide: true,
    text: 'name.zh_CN is not null',
    ids: [...WITH_DEFAULT, 'zh-only'],
  },
];
