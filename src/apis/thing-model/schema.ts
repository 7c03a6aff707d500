/**
 * `Search Thing Model` (`POST /model-service/v2.1/thing-models?action=search`): models by id and by the tags of the
 * model and of its attributes, measurement points, services and events. Ordered by modelId alone, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

const TAG_OPERATORS = ['=', 'like', 'exists', 'not exists'] as const;

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const thingModelSchema = /* @__PURE__ */ trustedSchema({
  name: 'thing-model',
  fields: {
    modelId: { type: 'string', operators: ['in'] },
    tags: { type: 'map', operators: TAG_OPERATORS },
    attribute_tags: { type: 'map', operators: TAG_OPERATORS },
    measurepoint_tags: { type: 'map', operators: TAG_OPERATORS },
    service_tags: { type: 'map', operators: TAG_OPERATORS },
    event_tags: { type: 'map', operators: TAG_OPERATORS },
  },
  logical: ['and', 'or'],
  search: { id: 'modelId', order: [], pageSize: { default: 10, max: 1000 } },
});

export type ThingModelSchema = typeof thingModelSchema;
