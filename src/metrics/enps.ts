/**
 * Employee Net Promoter Score (eNPS): NPS arithmetic on "would you recommend us as a place to
 * work?", with the minimum-responses suppression that protects anonymity.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import type { ConfidenceInterval } from '../stats/intervals.js';
import {
  type Accumulator,
  type Family,
  type ResultOptions,
  type StatOptions,
  checkHeader,
  fold,
  makeAccumulator,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import type { ScoreInput } from './_scale.js';
import { type NpsState, npsFamily, npsInit } from './nps.js';

/** Options of {@link enps}. */
export interface EnpsOptions extends StatOptions {
  /**
   * Below this many responses the result is suppressed: score, category counts, shares and
   * interval are `null` and `suppressed` is true, so a small team's answers cannot be told apart.
   * `n` is still reported. 0 or 1 turns suppression off.
   * @defaultValue 5: the common minimum-n rule of HR survey tools (definitions.md §1.3, §8)
   */
  minResponses?: number;
}

/** Result of {@link enps}; category counts are `null` while suppressed. */
export interface EnpsResult {
  /** 100 × (promoters − detractors) / n in [-100, 100], not rounded; `null` when n = 0 or suppressed. */
  score: number | null;
  /** Responses counted (reported even when suppressed). */
  n: number;
  /** Answers 9–10; `null` when suppressed. */
  promoters: number | null;
  /** Answers 7–8; `null` when suppressed. */
  passives: number | null;
  /** Answers 0–6; `null` when suppressed. */
  detractors: number | null;
  /** Shares of each category (weighted when weighted); `null` when n = 0 or suppressed. */
  shares: { promoters: number; passives: number; detractors: number } | null;
  /** Kish effective sample size; equals n without weights. */
  effectiveN: number;
  /** Interval of the score in points; `null` when n = 0 or suppressed. */
  ci: ConfidenceInterval | null;
  /** As for NPS; always true when suppressed. */
  lowSample: boolean;
  /** True when 0 < n < minResponses: the values are withheld to protect anonymity. */
  suppressed: boolean;
}

/** Plain-JSON state of an eNPS accumulator: the NPS state's counts under its own kind, so eNPS and NPS states never merge. */
export type EnpsState = Omit<NpsState, 'kind'> & { kind: 'enps' };

/** Result options of eNPS: interval, low-sample rule and the suppression threshold. @internal */
export interface EnpsResultOptions extends ResultOptions {
  minResponses: number;
}

function checkMinResponses(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) invalidOption('minResponses', 'must be an integer ≥ 0', v);
  return v;
}

function enpsResultOptions(o: EnpsOptions | undefined): EnpsResultOptions {
  return { ...resultOptions(o), minResponses: checkMinResponses(o?.minResponses ?? 5) };
}

const asNps = (s: EnpsState): NpsState => s as unknown as NpsState;

/** @internal */
export const enpsFamily: Family<ScoreInput, EnpsState, EnpsResult> = {
  kind: 'enps',
  add: (s, input, index, field, weight) => npsFamily.add(asNps(s), input, index, field, weight),
  merge: (into, o) => npsFamily.merge(asNps(into), asNps(o)),
  result(s, opts) {
    const r = npsFamily.result(asNps(s), opts);
    const min = (opts as Partial<EnpsResultOptions>).minResponses ?? 5;
    const suppressed = r.n > 0 && r.n < min;
    if (!suppressed) return { ...r, suppressed };
    return { score: null, n: r.n, promoters: null, passives: null, detractors: null, shares: null, effectiveN: r.effectiveN, ci: null, lowSample: true, suppressed };
  },
  copy: (s) => ({ ...s }),
  check(s, like) {
    checkHeader(s, 'enps');
    npsFamily.check({ ...s, kind: 'nps' }, asNps(like));
  },
};

/** @internal */
export function enpsInit(): EnpsState {
  return { ...npsInit(), kind: 'enps' };
}

/** An eNPS accumulator: see {@link Accumulator}. */
export type EnpsAccumulator = Accumulator<ScoreInput, EnpsState, EnpsResult>;

/** The eNPS accumulator factory, with `fromState` (which also takes `minResponses`). */
export interface EnpsAccumulatorFactory {
  /** An empty accumulator. */
  (options?: EnpsOptions): EnpsAccumulator;
  /**
   * Restores an accumulator from a plain-JSON state; `options` sets `minResponses`, the interval
   * level and low-sample thresholds of its results.
   * @throws {@link CxMetricsError} (`code: 'invalid_state'`) if the state is not one this version reads
   */
  fromState(state: EnpsState, options?: EnpsOptions): EnpsAccumulator;
}

/**
 * A mergeable eNPS accumulator; `enpsAccumulator.fromState(state, options)` restores one. The
 * state keeps the counts (it is not anonymous: store it as you store raw answers); suppression
 * applies to `result()`, with the `minResponses` given to the factory or to `fromState`.
 *
 * @param options - `minResponses` (default 5), interval level and low-sample thresholds
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { enpsAccumulator } from 'cx-metrics';
 * const team = enpsAccumulator().add(9).add(10).add(4);
 * team.result().suppressed; // => true (3 responses < 5)
 * team.add(8).add(9).result().score; // => 40
 * ```
 */
export const enpsAccumulator: EnpsAccumulatorFactory = /* @__PURE__ */ withFromState(
  (options?: EnpsOptions): EnpsAccumulator => makeAccumulator(enpsFamily, enpsInit(), enpsResultOptions(options)),
  (state: EnpsState, options?: EnpsOptions): EnpsAccumulator => makeAccumulator(enpsFamily, enpsInit(), enpsResultOptions(options)).merge(state),
);

/**
 * Employee Net Promoter Score of 0–10 answers, with anonymity suppression.
 *
 * The same arithmetic as {@link nps} (promoters 9–10, passives 7–8, detractors 0–6; interval,
 * weights and low-sample flag as there) on the question "How likely are you to recommend this
 * organization as a place to work?". When 0 < n < `minResponses` (default 5) the result is
 * suppressed: `score`, the category counts, `shares` and `ci` are `null`, `lowSample` and
 * `suppressed` true; `n` and `effectiveN` remain, so a report can say why nothing is shown.
 * Formula: 100 × (promoters − detractors) / n, in [-100, 100]. Not rounded.
 * Source: docs/service-metrics.md#enps; ../reference/definitions.md §1.3, §8 (HR glossaries).
 * Empty input: score `null`, counts 0, not suppressed (there is nobody to protect).
 *
 * @param scores - integer answers 0–10, or `{ value, weight }` items
 * @param options - `minResponses` (default 5), `confidence` (default 0.95), `lowSample`
 * @returns the score, the counts behind it (unless suppressed), its interval and flags
 * @throws {@link CxMetricsError} if an answer is not an integer 0–10 or a weight is not finite and > 0 (naming the index), or on an invalid option
 * @example
 * ```ts
 * import { enps } from 'cx-metrics';
 * // definitions.md §1.3: 80 employees, 20 promoters, 35 passives, 25 detractors
 * const answers = [...Array(20).fill(9), ...Array(35).fill(7), ...Array(25).fill(3)];
 * enps(answers).score; // => -6.25 (display −6)
 * enps([10, 9, 2]); // => { score: null, n: 3, promoters: null, …, suppressed: true }
 * ```
 */
export function enps(scores: Iterable<ScoreInput>, options?: EnpsOptions): EnpsResult {
  return fold(enpsFamily, enpsResultOptions(options), enpsInit(), scores);
}
