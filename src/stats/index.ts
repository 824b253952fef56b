/**
 * Statistics: plain numeric helpers with no dependencies.
 * @module stats
 */
export { neumaierAdd, neumaierMerge, neumaierTotal, type CompensatedSum } from './sum.js';
export { momentsAdd, momentsMerge, type Moments } from './moments.js';
export { normalCdf, normalSf, normalQuantile, studentTCdf, studentTSf, studentTQuantile, regularizedBeta } from './distributions.js';
export { wilsonInterval, npsInterval, meanInterval, effectiveSampleSize, type ConfidenceInterval, type LowSampleOptions } from './intervals.js';
export { compareNps, compareRates, compareMeans, type CompareOptions, type Comparison, type NoTestReason, type NpsLike, type RateLike, type MeanLike } from './compare.js';
export { sampleSizeForRate, sampleSizeForNps, type SampleSizeForRateOptions, type SampleSizeForNpsOptions } from './sampleSize.js';
export { quantile, quantileSorted, DDSketch, DDSKETCH_ZERO_LIMIT, type DDSketchOptions, type DDSketchState } from './quantiles.js';
export { businessCalendar, businessSecondsBetween, type BusinessCalendar, type BusinessCalendarInput } from './businessHours.js';
