/**
 * cx-metrics: customer-experience metrics you can trust.
 *
 * Every public name, listed explicitly. Metric code never imports zod, so a bundle of
 * `import { nps } from 'cx-metrics'` carries neither zod nor the parsers.
 * @module cx-metrics
 */

// models: schemas, types, parsers, JSON Schemas, the error class
export { CxMetricsError, type CxMetricsErrorCode } from './models/errors.js';
export { InteractionSchema, type Interaction, type InteractionInput } from './models/interaction.js';
export { SurveyResponseSchema, type SurveyResponse, type SurveyResponseInput } from './models/surveyResponse.js';
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
} from './models/journey.js';
export {
  parseInteractions,
  parseSurveyResponses,
  parseJourneyEvents,
  parseJourney,
  type ParseOptions,
  type ParseIssue,
  type ParseResult,
  type OnInvalid,
} from './models/parse.js';
export { modelJsonSchema, MODEL_NAMES, type ModelName } from './models/jsonSchema.js';

// metrics: batch functions and their accumulators
export type { Accumulator, FromState, StatOptions } from './metrics/_accumulator.js';
export type { Scale, ScoreInput, WeightedScore } from './metrics/_scale.js';
export { surveyScores } from './metrics/surveyScores.js';
export { categorizeNps, nps, npsAccumulator, type NpsCategory, type NpsOptions, type NpsResult, type NpsState, type NpsAccumulator } from './metrics/nps.js';
export { csat, csatAccumulator, type CsatOptions, type CsatResult, type CsatState, type CsatAccumulator } from './metrics/csat.js';
export { ces, cesAccumulator, type CesOptions, type CesDirection, type CesResult, type CesState, type CesAccumulator } from './metrics/ces.js';
export { aht, ahtAccumulator, type AhtOptions, type AhtResult, type AhtState, type AhtAccumulator } from './metrics/aht.js';
export { holdTime, holdTimeAccumulator, type HoldTimeOptions, type HoldTimeResult, type HoldTimeState, type HoldTimeAccumulator } from './metrics/holdTime.js';
export { reroutes, reroutesAccumulator, type ReroutesOptions, type ReroutesResult, type ReroutesState, type ReroutesAccumulator } from './metrics/reroutes.js';
export {
  churnIncidence,
  churnIncidenceAccumulator,
  type ChurnIncidenceOptions,
  type ChurnIncidenceResult,
  type ChurnIncidenceState,
  type ChurnIncidenceAccumulator,
} from './metrics/churnIncidence.js';
export { fcr, fcrAccumulator, type FcrOptions, type FcrResult, type FcrState, type FcrAccumulator } from './metrics/fcr.js';
export {
  firstResponseTime,
  firstResponseTimeAccumulator,
  type FirstResponseTimeOptions,
  type FirstResponseTimeResult,
  type FirstResponseTimeState,
  type FirstResponseTimeAccumulator,
} from './metrics/firstResponseTime.js';
export {
  resolutionTime,
  resolutionTimeAccumulator,
  type ResolutionTimeOptions,
  type ResolutionTimeResult,
  type ResolutionTimeState,
  type ResolutionTimeAccumulator,
} from './metrics/resolutionTime.js';
export type {
  DurationSource,
  DurationKind,
  DurationOptions,
  DurationResultOptions,
  DurationResult,
  DurationState,
  DurationAccumulator,
  DurationAccumulatorFactory,
} from './metrics/_durations.js';
export {
  serviceLevel,
  serviceLevelAccumulator,
  type ServiceLevelAbandons,
  type ServiceLevelOptions,
  type ServiceLevelResult,
  type ServiceLevelState,
  type ServiceLevelAccumulator,
} from './metrics/serviceLevel.js';
export {
  averageSpeedOfAnswer,
  averageSpeedOfAnswerAccumulator,
  type AverageSpeedOfAnswerOptions,
  type AverageSpeedOfAnswerResult,
  type AverageSpeedOfAnswerState,
  type AverageSpeedOfAnswerAccumulator,
} from './metrics/averageSpeedOfAnswer.js';
export {
  resolutionRate,
  resolutionRateAccumulator,
  type ResolutionRateOptions,
  type ResolutionRateResult,
  type ResolutionRateState,
  type ResolutionRateAccumulator,
} from './metrics/resolutionRate.js';
export {
  contactsPerCase,
  contactsPerCaseAccumulator,
  type ContactsPerCaseOptions,
  type ContactsPerCaseResult,
  type ContactsPerCaseState,
  type ContactsPerCaseAccumulator,
  type ContactsPerCaseAccumulatorFactory,
  type ChannelPath,
} from './metrics/contactsPerCase.js';
export { enps, enpsAccumulator, type EnpsOptions, type EnpsResult, type EnpsState, type EnpsAccumulator, type EnpsAccumulatorFactory } from './metrics/enps.js';
export {
  surveyFcr,
  surveyFcrAccumulator,
  type SurveyFcrOptions,
  type SurveyFcrResult,
  type SurveyFcrState,
  type SurveyFcrAccumulator,
} from './metrics/surveyFcr.js';

// stats: numeric helpers, intervals and comparisons
export { neumaierAdd, neumaierMerge, neumaierTotal, type CompensatedSum } from './stats/sum.js';
export { momentsAdd, momentsMerge, type Moments } from './stats/moments.js';
export { normalCdf, normalSf, normalQuantile, studentTCdf, studentTSf, studentTQuantile, regularizedBeta } from './stats/distributions.js';
export {
  wilsonInterval,
  npsInterval,
  meanInterval,
  effectiveSampleSize,
  type ConfidenceInterval,
  type LowSampleOptions,
} from './stats/intervals.js';
export {
  compareNps,
  compareRates,
  compareMeans,
  type CompareOptions,
  type Comparison,
  type NoTestReason,
  type NpsLike,
  type RateLike,
  type MeanLike,
} from './stats/compare.js';
export { quantile, quantileSorted, DDSketch, DDSKETCH_ZERO_LIMIT, type DDSketchOptions, type DDSketchState } from './stats/quantiles.js';
export { businessCalendar, businessSecondsBetween, type BusinessCalendar, type BusinessCalendarInput } from './stats/businessHours.js';
export { sampleSizeForRate, sampleSizeForNps, type SampleSizeForRateOptions, type SampleSizeForNpsOptions } from './stats/sampleSize.js';

// aggregate: metrics per group
export { byTouchpoint, type ByTouchpointOptions, type TouchpointRow } from './aggregate/byTouchpoint.js';
export type { GroupMetricsOptions, GroupRow, GroupField } from './aggregate/_groups.js';
