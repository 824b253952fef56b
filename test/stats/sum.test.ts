import { describe, expect, it } from 'vitest';
import { neumaierAdd, neumaierMerge, neumaierTotal, type CompensatedSum } from '../../src/stats/index.js';

function total(xs: Iterable<number>): number {
  const acc: CompensatedSum = { sum: 0, sumComp: 0 };
  for (const x of xs) neumaierAdd(acc, x);
  return neumaierTotal(acc);
}

function naive(xs: Iterable<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function* repeat(x: number, times: number): Generator<number> {
  for (let k = 0; k < times; k++) yield x;
}

describe('neumaierAdd / neumaierTotal: statistics.md §7 reference table', () => {
  // Each row: input, the naive running sum (which the compensated sum must beat), and the exact sum
  // (Python math.fsum, as printed in the reference).
  it.each([
    ['[1, 1e100, 1, -1e100]', [1, 1e100, 1, -1e100], 0, 2],
    ['[1, 1e16, -1e16, -0.5]', [1, 1e16, -1e16, -0.5], -0.5, 0.5],
  ] as const)('the compensated total of %s is the exact sum', (_name, xs, naiveValue, exact) => {
    expect(naive(xs)).toBe(naiveValue);
    expect(total(xs)).toBe(exact);
  });

  it('the compensated total of 10,000,000 × 0.1 is exactly 1000000 (naive: 999999.9998389754)', () => {
    expect(naive(repeat(0.1, 1e7))).toBe(999999.9998389754);
    expect(total(repeat(0.1, 1e7))).toBe(1000000);
  });

  it('the compensated total of 10,000,000 × 187.3 is exactly 1873000000 (naive: 1872999999.6839619)', () => {
    expect(naive(repeat(187.3, 1e7))).toBe(1872999999.6839619);
    expect(total(repeat(187.3, 1e7))).toBe(1873000000);
  });
});

describe('neumaierAdd(acc, x)', () => {
  it('neumaierAdd(acc, x) mutates acc in place and returns nothing', () => {
    const acc: CompensatedSum = { sum: 0, sumComp: 0 };
    expect(neumaierAdd(acc, 1.5)).toBeUndefined();
    expect(acc).toEqual({ sum: 1.5, sumComp: 0 });
  });

  it('neumaierAdd(acc, x) keeps a term smaller than the running sum in the compensation (1e16 + 1)', () => {
    // 1e16 + 1 rounds to 1e16 (spacing 2 there); the lost 1 goes to sumComp.
    const acc: CompensatedSum = { sum: 1e16, sumComp: 0 };
    neumaierAdd(acc, 1);
    expect(acc).toEqual({ sum: 1e16, sumComp: 1 });
    expect(neumaierTotal(acc)).toBe(1e16); // 1e16 + 1 is not a double: the total rounds to even
    neumaierAdd(acc, 1);
    expect(neumaierTotal(acc)).toBe(1e16 + 2);
  });

  it('neumaierAdd(acc, x) keeps the running sum when the term is larger than it (where Kahan fails)', () => {
    // Kahan's original fails when a term is larger than the running sum (statistics.md §7); Neumaier keeps the 1.
    const acc: CompensatedSum = { sum: 1, sumComp: 0 };
    neumaierAdd(acc, 1e100);
    expect(acc.sumComp).toBe(1);
    neumaierAdd(acc, -1e100);
    expect(neumaierTotal(acc)).toBe(1);
  });

  it('neumaierAdd(acc, 0) changes nothing', () => {
    const acc: CompensatedSum = { sum: 0.1, sumComp: 1e-18 };
    neumaierAdd(acc, 0);
    expect(acc).toEqual({ sum: 0.1, sumComp: 1e-18 });
  });
});

describe('neumaierMerge(acc, other)', () => {
  it('neumaierMerge(acc, other) gives the doc-comment example 0.1 + 0.2 = 0.30000000000000004 (both rounded inputs, no lost bits)', () => {
    const a: CompensatedSum = { sum: 0.1, sumComp: 0 };
    neumaierMerge(a, { sum: 0.2, sumComp: 0 });
    expect(neumaierTotal(a)).toBe(0.30000000000000004);
  });

  it('neumaierMerge(acc, other) keeps both compensations: [1, 1e100] merged with [1, -1e100] is 2', () => {
    const a: CompensatedSum = { sum: 0, sumComp: 0 };
    const b: CompensatedSum = { sum: 0, sumComp: 0 };
    for (const x of [1, 1e100]) neumaierAdd(a, x);
    for (const x of [1, -1e100]) neumaierAdd(b, x);
    neumaierMerge(a, b);
    expect(neumaierTotal(a)).toBe(2);
  });

  it('neumaierMerge(acc, other) of ten shards of 1,000,000 × 0.1 is exactly 1000000, as the single pass', () => {
    const merged: CompensatedSum = { sum: 0, sumComp: 0 };
    for (let s = 0; s < 10; s++) {
      const shard: CompensatedSum = { sum: 0, sumComp: 0 };
      for (let k = 0; k < 1e6; k++) neumaierAdd(shard, 0.1);
      neumaierMerge(merged, shard);
    }
    expect(neumaierTotal(merged)).toBe(1000000);
  });

  it('neumaierMerge(acc, other) does not change other', () => {
    const other = Object.freeze({ sum: 1e16, sumComp: 1 });
    const acc: CompensatedSum = { sum: 3, sumComp: 0 };
    neumaierMerge(acc, other);
    expect(other).toEqual({ sum: 1e16, sumComp: 1 });
    expect(neumaierTotal(acc)).toBe(1e16 + 4);
  });

  it('neumaierMerge(acc, empty) changes nothing', () => {
    const acc: CompensatedSum = { sum: 1e16, sumComp: 1 };
    neumaierMerge(acc, { sum: 0, sumComp: 0 });
    expect(acc).toEqual({ sum: 1e16, sumComp: 1 });
  });
});

describe('neumaierTotal(acc)', () => {
  it('neumaierTotal(acc) is sum + sumComp: the doc-comment example { sum: 1e16, sumComp: 2 } → 10000000000000002', () => {
    expect(neumaierTotal({ sum: 1e16, sumComp: 2 })).toBe(10000000000000002);
  });

  it('neumaierTotal(acc) of the empty sum is 0', () => {
    expect(neumaierTotal({ sum: 0, sumComp: 0 })).toBe(0);
    expect(total([])).toBe(0);
  });

  it('neumaierTotal(acc) does not change acc', () => {
    const acc = Object.freeze({ sum: 1, sumComp: 2 });
    expect(neumaierTotal(acc)).toBe(3);
  });
});
