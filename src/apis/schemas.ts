/**
 * The schemas of the EnOS search APIs that take an expression, by name: the CLI's `--schema` values and the keys of
 * the exported `schemas` object. Each carries its API's fields, operators and search rules (src/apis/<name>/).
 */
import type { Schema } from '../schema/schema.js';
import { activeAlertSchema } from './active-alert/schema.js';
import { alertContentSchema } from './alert-content/schema.js';
import { alertRuleSchema } from './alert-rule/schema.js';
import { alertSeveritySchema } from './alert-severity/schema.js';
import { alertTypeSchema } from './alert-type/schema.js';
import { alertSchema } from './alert/schema.js';
import { assetNodeSchema } from './asset-node/schema.js';
import { assetTreeSchema } from './asset-tree/schema.js';
import { commandSchema } from './command/schema.js';
import { deviceUpgradeSchema } from './device-upgrade/schema.js';
import { deviceSchema } from './device/schema.js';
import { eventSchema } from './event/schema.js';
import { firmwareSchema } from './firmware/schema.js';
import { historyAlertSchema } from './history-alert/schema.js';
import { otaJobSchema } from './ota-job/schema.js';
import { otaTaskSchema } from './ota-task/schema.js';
import { productSchema } from './product/schema.js';
import { thingModelSchema } from './thing-model/schema.js';

const BUILT_IN = {
  'ota-job': otaJobSchema,
  'ota-task': otaTaskSchema,
  firmware: firmwareSchema,
  'device-upgrade': deviceUpgradeSchema,
  device: deviceSchema,
  product: productSchema,
  'thing-model': thingModelSchema,
  'asset-node': assetNodeSchema,
  'asset-tree': assetTreeSchema,
  command: commandSchema,
  event: eventSchema,
  'active-alert': activeAlertSchema,
  'history-alert': historyAlertSchema,
  'alert-rule': alertRuleSchema,
  'alert-content': alertContentSchema,
  'alert-severity': alertSeveritySchema,
  'alert-type': alertTypeSchema,
  alert: alertSchema,
};

/**
 * The 18 built-in schemas by name, frozen; `schemas['ota-job']` is `otaJobSchema`. Each keeps its literal type, so
 * `queryBuilder(schemas.device)` knows `deviceTags.${string}` paths and every field's operators and values.
 */
export const schemas: Readonly<typeof BUILT_IN> & { readonly [name: string]: Schema } =
  /* @__PURE__ */ Object.freeze(BUILT_IN);
