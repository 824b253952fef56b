/**
 * Models: zod schemas, inferred types, boundary parsers and JSON Schemas.
 * The only layer that imports zod.
 * @module models
 */
export { CxMetricsError, type CxMetricsErrorCode } from './errors.js';
export { InteractionSchema, type Interaction, type InteractionInput } from './interaction.js';
export { SurveyResponseSchema, type SurveyResponse, type SurveyResponseInput } from './surveyResponse.js';
export {
  JourneySchema,
  JourneyEventSchema,
  TouchpointSchema,
  SUCCESS_METRICS,
  JOURNEY_OUTCOMES,
  type Journey,
  type JourneyInput,
  type Touchpoint,
  type SuccessMetric,
  type JourneyEvent,
  type JourneyEventInput,
} from './journey.js';
export {
  parseInteractions,
  parseSurveyResponses,
  parseJourneyEvents,
  parseJourney,
  type ParseOptions,
  type ParseIssue,
  type ParseResult,
  type OnInvalid,
} from './parse.js';
export { modelJsonSchema, MODEL_NAMES, type ModelName } from './jsonSchema.js';
