/**
 * Compensated (Neumaier) summation: sums of fractional seconds that stay exact to ~1e-16 relative
 * over millions of terms and merge across shards.
 * @module
 */

/**
 * A running compensated sum: `sum + sumComp` is the total. Plain JSON.
 */
export interface CompensatedSum {
  /** The running sum. */
  sum: number;
  /** The accumulated rounding error to add back. */
  sumComp: number;
}

/**
 * Adds `x` to a compensated sum in place (Neumaier's variant of Kahan summation, which stays
 * correct when a term is larger than the running sum).
 *
 * Source: docs/metrics.md ("Sums"); ../reference/statistics.md §7; Neumaier (1974).
 *
 * @param acc - the running sum, mutated
 * @param x - a finite term
 * @example
 * ```ts
 * import { neumaierAdd, neumaierTotal } from 'cx-metrics';
 * const acc = { sum: 0, sumComp: 0 };
 * for (const x of [1, 1e100, 1, -1e100]) neumaierAdd(acc, x);
 * neumaierTotal(acc); // => 2 (a naive loop gives 0)
 * ```
 */
export function neumaierAdd(acc: CompensatedSum, x: number): void {
  const s = acc.sum;
  const t = s + x;
  if (Math.abs(s) >= Math.abs(x)) acc.sumComp += s - t + x;
  else acc.sumComp += x - t + s;
  acc.sum = t;
}

/**
 * Adds another compensated sum into `acc` (the merge of two shards' sums).
 *
 * @param acc - the running sum, mutated
 * @param other - the sum to add
 * @example
 * ```ts
 * import { neumaierMerge, neumaierTotal } from 'cx-metrics';
 * const a = { sum: 0.1, sumComp: 0 };
 * neumaierMerge(a, { sum: 0.2, sumComp: 0 });
 * neumaierTotal(a); // => 0.30000000000000004
 * ```
 */
export function neumaierMerge(acc: CompensatedSum, other: CompensatedSum): void {
  neumaierAdd(acc, other.sum);
  acc.sumComp += other.sumComp;
}

/**
 * The total of a compensated sum.
 *
 * @param acc - a compensated sum
 * @returns `sum + sumComp`
 * @example
 * ```ts
 * import { neumaierTotal } from 'cx-metrics';
 * neumaierTotal({ sum: 1e16, sumComp: 2 }); // => 10000000000000002
 * ```
 */
export function neumaierTotal(acc: CompensatedSum): number {
  return acc.sum + acc.sumComp;
}
