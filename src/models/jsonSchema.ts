/**
 * JSON Schemas of the models, so services in other languages validate the same records.
 * @module
 */
import { z } from 'zod';
import { InteractionSchema } from './interaction.js';
import { JourneyEventSchema, JourneySchema } from './journey.js';
import { SurveyResponseSchema } from './surveyResponse.js';

/** The models that have a JSON Schema. */
export type ModelName = 'Interaction' | 'SurveyResponse' | 'Journey' | 'JourneyEvent';

const SCHEMAS = {
  Interaction: InteractionSchema,
  SurveyResponse: SurveyResponseSchema,
  Journey: JourneySchema,
  JourneyEvent: JourneyEventSchema,
} as const;

/**
 * The JSON Schema (draft 2020-12) of what a model accepts as input: the same rules as its zod
 * schema, with `Date` inputs written as ISO date-time strings. The build writes these to
 * `schemas/<Model>.json` in the package (importable as `cx-metrics/schemas/Interaction.json`).
 *
 * @param model - `'Interaction'`, `'SurveyResponse'`, `'Journey'` or `'JourneyEvent'`
 * @returns a fresh JSON-safe schema object
 * @example
 * ```ts
 * import { modelJsonSchema } from 'cx-metrics';
 * const schema = modelJsonSchema('Interaction');
 * schema.required; // => ['id', 'channel', 'startedAt']
 * ```
 */
export function modelJsonSchema(model: ModelName): Record<string, unknown> {
  const schema = SCHEMAS[model];
  if (!schema) throw new TypeError(`unknown model ${String(model)}`);
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  }) as Record<string, unknown>;
  out.title = model;
  return out;
}

/**
 * All model names with a JSON Schema, in a fixed order.
 * @example
 * ```ts
 * import { MODEL_NAMES } from 'cx-metrics';
 * MODEL_NAMES; // => ['Interaction', 'SurveyResponse', 'Journey', 'JourneyEvent']
 * ```
 */
export const MODEL_NAMES: readonly ModelName[] = ['Interaction', 'SurveyResponse', 'Journey', 'JourneyEvent'];
