/**
 * Net Promoter Score: promoters (9–10) minus detractors (0–6), in points of 100.
 * @module
 */
import { invalidValue } from '../models/errors.js';
import { type Accumulator, type Family, checkCount, checkHeader, makeAccumulator, withFromState } from './_accumulator.js';

/** NPS category of one answer. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** Result of {@link nps}. */
export interface NpsResult {
  /** 100 × (promoters − detractors) / n, in [-100, 100]; `null` when n = 0. Not rounded. */
  score: number | null;
  /** Answers counted. */
  n: number;
  /** Answers 9–10. */
  promoters: number;
  /** Answers 7–8. */
  passives: number;
  /** Answers 0–6. */
  detractors: number;
}

/** Plain-JSON state of an NPS accumulator. */
export interface NpsState {
  v: 1;
  kind: 'nps';
  promoters: number;
  passives: number;
  detractors: number;
}

function check(score: unknown, index: number | null, path: string): number {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    invalidValue(path, index, 'must be an integer 0–10', score);
  }
  return score;
}

/**
 * The NPS category of one 0–10 answer: 9–10 promoter, 7–8 passive, 0–6 detractor.
 *
 * Source: docs/metrics.md#nps; Reichheld, "The One Number You Need to Grow", HBR 2003.
 *
 * @param score - an integer 0–10
 * @returns `'promoter'`, `'passive'` or `'detractor'`
 * @throws {@link CxMetricsError} if `score` is not an integer 0–10 (a 1–10 scale is not NPS)
 * @example
 * ```ts
 * import { categorizeNps } from 'cx-metrics';
 * categorizeNps(9); // => 'promoter'
 * categorizeNps(7); // => 'passive'
 * categorizeNps(6); // => 'detractor'
 * ```
 */
export function categorizeNps(score: number): NpsCategory {
  const s = check(score, null, 'score');
  return s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor';
}

/** @internal */
export const npsFamily: Family<number, NpsState, NpsResult> = {
  kind: 'nps',
  add(state, score, index, field) {
    const s = check(score, index, field ? `surveys[${index}].${field}` : `scores[${index}]`);
    if (s >= 9) state.promoters++;
    else if (s >= 7) state.passives++;
    else state.detractors++;
  },
  merge(into, other) {
    into.promoters += other.promoters;
    into.passives += other.passives;
    into.detractors += other.detractors;
  },
  result(s) {
    const n = s.promoters + s.passives + s.detractors;
    return {
      score: n === 0 ? null : (100 * (s.promoters - s.detractors)) / n,
      n,
      promoters: s.promoters,
      passives: s.passives,
      detractors: s.detractors,
    };
  },
  copy: (s) => ({ v: 1, kind: 'nps', promoters: s.promoters, passives: s.passives, detractors: s.detractors }),
  check(s) {
    checkHeader(s, 'nps');
    checkCount(s, 'promoters');
    checkCount(s, 'passives');
    checkCount(s, 'detractors');
  },
};

/** @internal */
export function npsInit(): NpsState {
  return { v: 1, kind: 'nps', promoters: 0, passives: 0, detractors: 0 };
}

/** An NPS accumulator: see {@link Accumulator}. */
export type NpsAccumulator = Accumulator<number, NpsState, NpsResult>;

/**
 * A mergeable NPS accumulator; `npsAccumulator.fromState(state)` restores one from a saved state.
 *
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { npsAccumulator } from 'cx-metrics';
 * const monday = npsAccumulator().add(10).add(9);
 * const tuesday = npsAccumulator().add(3);
 * const saved = JSON.stringify(tuesday.state());
 * monday.merge(npsAccumulator.fromState(JSON.parse(saved))).result();
 * // => { score: 33.33333333333333, n: 3, promoters: 2, passives: 0, detractors: 1 }
 * ```
 */
export const npsAccumulator = /* @__PURE__ */ withFromState(
  (): NpsAccumulator => makeAccumulator(npsFamily, npsInit()),
  (state: NpsState): NpsAccumulator => makeAccumulator(npsFamily, npsInit()).merge(state),
);

/**
 * Net Promoter Score of 0–10 answers.
 *
 * Promoters answer 9–10, passives 7–8, detractors 0–6; passives count only in n.
 * Formula: 100 × (promoters − detractors) / n, in [-100, 100]. Not rounded: round for display.
 * Source: docs/metrics.md#nps; Reichheld, HBR 2003; ../reference/definitions.md §1.2.
 * Empty input: score `null`, counts 0. One pass, no allocation.
 *
 * @param scores - integer answers 0–10
 * @returns the score and the counts behind it
 * @throws {@link CxMetricsError} if an answer is not an integer 0–10, naming its index
 * @example
 * ```ts
 * import { nps } from 'cx-metrics';
 * nps([10, 9, 8, 3]); // => { score: 25, n: 4, promoters: 2, passives: 1, detractors: 1 }
 * nps([]); // => { score: null, n: 0, promoters: 0, passives: 0, detractors: 0 }
 * ```
 */
export function nps(scores: Iterable<number>): NpsResult {
  const state = npsInit();
  let i = 0;
  for (const s of scores) npsFamily.add(state, s, i++);
  return npsFamily.result(state);
}
