/**
 * Metrics: one family per file, each a batch function and its mergeable accumulator.
 * Imports no zod: `import { nps } from 'cx-metrics'` stays tiny in a browser bundle.
 * @module metrics
 */
export type { Accumulator, FromState } from './_accumulator.js';
export { surveyScores } from './surveyScores.js';
export { categorizeNps, nps, npsAccumulator, type NpsCategory, type NpsResult, type NpsState, type NpsAccumulator } from './nps.js';
export { csat, csatAccumulator, type CsatOptions, type CsatResult, type CsatState, type CsatAccumulator } from './csat.js';
export { ces, cesAccumulator, type CesOptions, type CesDirection, type CesResult, type CesState, type CesAccumulator } from './ces.js';
export type { Scale } from './_scale.js';
export { aht, ahtAccumulator, type AhtResult, type AhtState, type AhtAccumulator } from './aht.js';
export { holdTime, holdTimeAccumulator, type HoldTimeResult, type HoldTimeState, type HoldTimeAccumulator } from './holdTime.js';
export { reroutes, reroutesAccumulator, type ReroutesResult, type ReroutesState, type ReroutesAccumulator } from './reroutes.js';
export {
  churnIncidence,
  churnIncidenceAccumulator,
  type ChurnIncidenceOptions,
  type ChurnIncidenceResult,
  type ChurnIncidenceState,
  type ChurnIncidenceAccumulator,
} from './churnIncidence.js';
export { fcr, fcrAccumulator, type FcrOptions, type FcrResult, type FcrState, type FcrAccumulator } from './fcr.js';
export { CxMetricsError, type CxMetricsErrorCode } from '../models/errors.js';
export { serviceLevel, serviceLevelAccumulator } from './serviceLevel.js';
export { averageSpeedOfAnswer, averageSpeedOfAnswerAccumulator } from './averageSpeedOfAnswer.js';
export { resolutionRate, resolutionRateAccumulator } from './resolutionRate.js';
export { contactsPerCase, contactsPerCaseAccumulator } from './contactsPerCase.js';
export { enps, enpsAccumulator } from './enps.js';
export { surveyFcr, surveyFcrAccumulator } from './surveyFcr.js';
export { firstResponseTime, firstResponseTimeAccumulator } from './firstResponseTime.js';
export { resolutionTime, resolutionTimeAccumulator } from './resolutionTime.js';
