/** Names in English and Chinese (and sometimes Japanese and Spanish) for the demo records, as EnOS users write them. */
import type { Random } from './random.js';

export interface I18n {
  readonly defaultValue: string;
  readonly i18nValue: { readonly [locale: string]: string };
}

/** [English, Chinese, Japanese, Spanish] */
type Term = readonly [string, string, string, string];

export const EQUIPMENT: readonly Term[] = [
  ['Inverter', '逆变器', 'インバータ', 'Inversor'],
  ['Wind Turbine', '风机', '風力タービン', 'Aerogenerador'],
  ['Smart Meter', '智能电表', 'スマートメーター', 'Contador inteligente'],
  ['Gateway', '网关', 'ゲートウェイ', 'Pasarela'],
  ['Battery Pack', '电池组', 'バッテリーパック', 'Batería'],
  ['PV Panel', '光伏板', '太陽光パネル', 'Panel solar'],
  ['Transformer', '变压器', '変圧器', 'Transformador'],
  ['Combiner Box', '汇流箱', '接続箱', 'Caja combinadora'],
  ['Weather Station', '气象站', '気象ステーション', 'Estación meteorológica'],
  ['Charging Pile', '充电桩', '充電スタンド', 'Punto de carga'],
];

export const SITES: readonly Term[] = [
  ['Shanghai', '上海', '上海', 'Shanghái'],
  ['Jiangsu', '江苏', '江蘇', 'Jiangsu'],
  ['Inner Mongolia', '内蒙古', '内モンゴル', 'Mongolia Interior'],
  ['Singapore', '新加坡', 'シンガポール', 'Singapur'],
  ['Madrid', '马德里', 'マドリード', 'Madrid'],
  ['Tokyo', '东京', '東京', 'Tokio'],
  ['Gansu', '甘肃', '甘粛', 'Gansu'],
  ['Hebei', '河北', '河北', 'Hebei'],
];

export const PURPOSES: readonly Term[] = [
  ['firmware upgrade', '固件升级', 'ファームウェア更新', 'actualización de firmware'],
  ['hotfix', '紧急修复', 'ホットフィックス', 'corrección urgente'],
  ['security patch', '安全补丁', 'セキュリティパッチ', 'parche de seguridad'],
  ['beta rollout', '灰度发布', 'ベータ展開', 'despliegue beta'],
  ['verification', '验证', '検証', 'verificación'],
  ['Q3 batch', '第三季度批次', '第3四半期バッチ', 'lote T3'],
];

export const ALERT_TERMS: readonly Term[] = [
  ['Over temperature', '温度过高', '過熱', 'Sobretemperatura'],
  ['Low voltage', '电压过低', '低電圧', 'Baja tensión'],
  ['Communication lost', '通讯中断', '通信断', 'Comunicación perdida'],
  ['Grid fault', '电网故障', '系統障害', 'Fallo de red'],
  ['Vibration high', '振动过大', '振動過大', 'Vibración alta'],
  ['Door open', '柜门打开', '扉開放', 'Puerta abierta'],
];

export const SEVERITIES: readonly Term[] = [
  ['Critical', '严重', '重大', 'Crítica'],
  ['Major', '重要', '重要', 'Mayor'],
  ['Minor', '次要', '軽微', 'Menor'],
  ['Warning', '警告', '警告', 'Aviso'],
  ['Info', '提示', '情報', 'Información'],
];

export const COMMANDS: readonly Term[] = [
  ['Restart', '重启', '再起動', 'Reiniciar'],
  ['Set power limit', '设置功率限值', '出力制限設定', 'Fijar límite de potencia'],
  ['Read config', '读取配置', '設定読込', 'Leer configuración'],
  ['Sync clock', '同步时钟', '時刻同期', 'Sincronizar reloj'],
  ['Start self-test', '开始自检', '自己診断開始', 'Iniciar autoprueba'],
];

/**
 * An i18n name in one of the shapes EnOS returns: the default only, default plus Chinese and English, or all four
 * locales (as the seed page's sample has them).
 */
export function i18n(r: Random, english: string, chinese: string, japanese: string, spanish: string): I18n {
  const shape = r.int(10);
  if (shape < 2) return { defaultValue: english, i18nValue: {} };
  if (shape < 3) return { defaultValue: chinese, i18nValue: { zh_CN: chinese } };
  if (shape < 8) return { defaultValue: english, i18nValue: { en_US: english, zh_CN: chinese } };
  return { defaultValue: english, i18nValue: { en_US: english, zh_CN: chinese, ja_JP: japanese, es_ES: spanish } };
}

/** `<site> <equipment> <n>` in every language, e.g. "Shanghai Inverter 12" / "上海逆变器12". */
export function placeName(r: Random, equipment: Term, site: Term, n: number): I18n {
  return i18n(
    r,
    `${site[0]} ${equipment[0]} ${n}`,
    `${site[1]}${equipment[1]}${n}`,
    `${site[2]}${equipment[2]}${n}`,
    `${equipment[3]} ${site[3]} ${n}`,
  );
}

/** A term's i18n form with a suffix. */
export function termName(r: Random, term: Term, suffix = ''): I18n {
  return i18n(r, `${term[0]}${suffix}`, `${term[1]}${suffix}`, `${term[2]}${suffix}`, `${term[3]}${suffix}`);
}
