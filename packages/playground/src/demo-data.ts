/**
 * The demo dataset of the static mode. INTERIM: a generic generator from each schema's description, until the
 * server package's deterministic generator (`ota-expr-server/demo`) lands; then this module re-exports that one, so
 * the static page and a `--demo` server hold the same records.
 */
import type { ApiName } from './apis.js';
import { playgroundApi } from './apis.js';

export const DEMO_ORG_IDS: readonly string[] = ['o15800000000000', 'o15800000000001'];

const RECORDS = 60;

/** Every record of an API for every demo organisation; the same on every call and every machine. */
export function demoRecords(name: ApiName): readonly unknown[] {
  const api = playgroundApi(name);
  const records: Record<string, unknown>[] = [];
  DEMO_ORG_IDS.forEach((orgId, orgIndex) => {
    for (let i = 0; i < RECORDS; i += 1) {
      const n = orgIndex * RECORDS + i;
      const record: Record<string, unknown> = { orgId, [api.definition.id]: `${name}-${String(n).padStart(4, '0')}` };
      for (const field of api.description.fields) {
        if (field.name === api.definition.id) continue;
        const value = fieldValue(field.type, field.name, field.knownValues, n);
        if (value !== undefined) record[field.name] = value;
      }
      for (const key of api.definition.order) {
        if (!(key.field in record)) record[key.field] = 1_700_000_000_000 + ((n * 7919) % 1000) * 60_000;
      }
      records.push(record);
    }
  });
  return records;
}

function fieldValue(type: string, name: string, known: readonly string[], n: number): unknown {
  switch (type) {
    case 'string':
      return known.length > 0 ? known[n % known.length] : `${name}-${n % 7}`;
    case 'number':
      return n % 5;
    case 'boolean':
      return n % 2 === 0;
    case 'datetime':
      return `2024-0${1 + (n % 9)}-1${n % 10} 10:00:00`;
    case 'i18n':
      return { defaultValue: `${name} ${n}`, i18nValue: { en_US: `${name} ${n}`, zh_CN: `名称 ${n}` } };
    case 'map':
      return { Region: ['China', 'Europe', 'America'][n % 3], Floor: String(n % 4) };
    default:
      return undefined;
  }
}
