/**
 * Average Handle Time (AHT): talk + hold + after-contact work per handled contact.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState } from '../models/errors.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import { type Accumulator, type Family, checkCount, checkFinite, checkHeader, makeAccumulator, ratio, withFromState } from './_accumulator.js';
import { checkRecord, duration, isAbandoned } from './_record.js';

/** Result of {@link aht}. */
export interface AhtResult {
  /** totalSeconds / n, in seconds; `null` when no contact was handled. */
  mean: number | null;
  /** Handled contacts (not abandoned). */
  n: number;
  /** Σ (talk + hold + afterWork) over handled contacts, seconds. */
  totalSeconds: number;
}

/** Plain-JSON state of an AHT accumulator. */
export interface AhtState {
  v: 1;
  kind: 'aht';
  n: number;
  sum: number;
  sumComp: number;
}

/** @internal */
export const ahtFamily: Family<Interaction, AhtState, AhtResult> = {
  kind: 'aht',
  add(s, r, i) {
    checkRecord(r, i);
    const handle = duration(r, 'talkSeconds', i) + duration(r, 'holdSeconds', i) + duration(r, 'afterWorkSeconds', i);
    if (isAbandoned(r, i)) return;
    s.n++;
    neumaierAdd(s, handle);
  },
  merge(into, o) {
    into.n += o.n;
    neumaierMerge(into, o);
  },
  result: (s) => ({ mean: ratio(s.sum + s.sumComp, s.n), n: s.n, totalSeconds: s.sum + s.sumComp }),
  copy: (s) => ({ ...s }),
  check(s) {
    checkHeader(s, 'aht');
    checkCount(s, 'n');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    if ((s.sum as number) + (s.sumComp as number) < 0) invalidState('state.sum', 'must total ≥ 0 seconds', s.sum);
  },
};

/** @internal */
export function ahtInit(): AhtState {
  return { v: 1, kind: 'aht', n: 0, sum: 0, sumComp: 0 };
}

/** An AHT accumulator: see {@link Accumulator}. */
export type AhtAccumulator = Accumulator<Interaction, AhtState, AhtResult>;

/**
 * A mergeable AHT accumulator; `ahtAccumulator.fromState(state)` restores one from a saved state.
 *
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { ahtAccumulator } from 'cx-metrics';
 * const acc = ahtAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, talkSeconds: 300, afterWorkSeconds: 60 });
 * acc.result(); // => { mean: 360, n: 1, totalSeconds: 360 }
 * ```
 */
export const ahtAccumulator = /* @__PURE__ */ withFromState(
  (): AhtAccumulator => makeAccumulator(ahtFamily, ahtInit()),
  (state: AhtState): AhtAccumulator => makeAccumulator(ahtFamily, ahtInit()).merge(state),
);

/**
 * Average Handle Time over handled contacts.
 *
 * A contact is handled unless `abandoned === true`; a missing talk, hold or after-work time counts
 * as 0. Queue wait is not handle time.
 * Formula: Σ (talkSeconds + holdSeconds + afterWorkSeconds) / handled contacts.
 * Source: docs/metrics.md#aht; ../reference/definitions.md §3.1 (Amazon Connect, Genesys Cloud, Talkdesk).
 * Sums use compensated (Neumaier) summation. No handled contact: mean `null`.
 *
 * @param interactions - contacts (see {@link Interaction})
 * @returns mean seconds, handled count and total seconds
 * @throws {@link CxMetricsError} if a duration is negative, NaN, infinite or above 1e9, naming field and index
 * @example
 * ```ts
 * import { aht } from 'cx-metrics';
 * aht([
 *   { id: '1', channel: 'phone', startedAt: 0, talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 60 },
 *   { id: '2', channel: 'phone', startedAt: 0, talkSeconds: 240, afterWorkSeconds: 30 },
 *   { id: '3', channel: 'phone', startedAt: 0, talkSeconds: 420, holdSeconds: 120, afterWorkSeconds: 90 },
 *   { id: '4', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 40 },
 * ]); // => { mean: 440, n: 3, totalSeconds: 1320 }
 * ```
 */
export function aht(interactions: Iterable<Interaction>): AhtResult {
  const state = ahtInit();
  let i = 0;
  for (const r of interactions) ahtFamily.add(state, r, i++);
  return ahtFamily.result(state);
}
