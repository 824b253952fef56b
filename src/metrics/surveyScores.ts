/**
 * From survey records to the `{ value, weight }` items the survey metrics take.
 * @module
 */
import type { SurveyResponse } from '../models/surveyResponse.js';
import type { WeightedScore } from './_scale.js';

/**
 * The answers of one question from survey responses, with each response's `weight` (1 when it has
 * none), as the `{ value, weight }` items `nps`, `csat` and `ces` accept. Responses without an
 * answer to that question are skipped (they are outside that metric's n).
 *
 * @param surveys - parsed survey responses
 * @param field - `'nps'`, `'csat'` or `'ces'`
 * @returns a lazy iterable of `{ value, weight }`
 * @example
 * ```ts
 * import { nps, surveyScores } from 'cx-metrics';
 * const surveys = [
 *   { id: 's1', submittedAt: 0, nps: 10, weight: 2 },
 *   { id: 's2', submittedAt: 0, nps: 3 },
 *   { id: 's3', submittedAt: 0, csat: 5 },
 * ];
 * const r = nps(surveyScores(surveys, 'nps'));
 * [r.n, r.score]; // => [2, 33.333333333333336] (weighted: (2 − 1) / 3)
 * ```
 */
export function* surveyScores(surveys: Iterable<SurveyResponse>, field: 'nps' | 'csat' | 'ces'): Generator<WeightedScore> {
  for (const s of surveys) {
    const value = s[field];
    if (value !== undefined) yield { value, weight: s.weight ?? 1 };
  }
}
