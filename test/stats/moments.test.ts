// Reference values: ../shared/reference/statistics.md §7 (Welford, Chan et al. merge, the 1e9-offset
// cancellation example) and §5 / §6 for the spread. Welford and Chan use only + − × ÷, which IEEE 754
// rounds the same way on every engine, so the §7 sequence is checked exactly where it came out exact;
// sums of products that do not (the Chan example built from data) compare within 1e-9 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Moments, momentsAdd, momentsMerge, momentsSpread } from '../../src/stats/moments.js';
import { meanInterval } from '../../src/stats/intervals.js';

const empty = (): Moments => ({ weight: 0, mean: 0, m2: 0 });

function wf(xs: readonly number[], ws?: readonly number[]): Moments {
  const m = empty();
  xs.forEach((x, k) => momentsAdd(m, x, ws?.[k]));
  return m;
}

/** |a − b| ≤ rel·|b| + abs (+ a subnormal floor). */
function near(a: number, b: number, rel = 1e-9, abs = 1e-12): void {
  // 1e-300: values near 1e-162 square to subnormals, where one rounding is the whole value.
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b) + abs + 1e-300);
}

describe('momentsAdd (Welford): statistics.md §7', () => {
  it('momentsAdd over [300, 420, 180, 260, 540, 310] passes (1, 300, 0) … (6, 335, 80750)', () => {
    const expected: [number, number, number][] = [
      [1, 300, 0],
      [2, 360, 7200],
      [3, 300, 28800],
      [4, 290, 30000],
      [5, 340, 80000],
      [6, 335, 80750],
    ];
    const m = empty();
    [300, 420, 180, 260, 540, 310].forEach((x, k) => {
      momentsAdd(m, x);
      const [weight, mean, m2] = expected[k]!;
      expect(m).toEqual({ weight, mean, m2 });
    });
    // variance 16150 (sample), 13458.33333 (population)
    expect(m.m2 / (m.weight - 1)).toBe(16150);
    near(m.m2 / m.weight, 13458.33333333333);
  });

  it('momentsAdd keeps the variance of values sharing a 1e9 offset: 30, where Σx² − (Σx)²/n gives −170.67', () => {
    const xs = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    const m = wf(xs);
    expect(m.weight).toBe(4);
    expect(m.mean).toBe(1e9 + 10);
    expect(m.m2 / (m.weight - 1)).toBe(30);
    // The textbook formula this replaces, as the reference computed it in doubles:
    const sum = xs.reduce((a, x) => a + x, 0);
    const sumSq = xs.reduce((a, x) => a + x * x, 0);
    expect((sumSq - (sum * sum) / 4) / 3).toBe(-170.66666666666666);
  });

  it('momentsAdd at offset 1e8 gives 30 too (the textbook formula gives 29.333333333333332)', () => {
    const m = wf([1e8 + 4, 1e8 + 7, 1e8 + 13, 1e8 + 16]);
    expect(m.m2 / (m.weight - 1)).toBe(30);
  });

  it('momentsAdd of one value: weight 1, the value as mean, m2 0', () => {
    expect(wf([42.5])).toEqual({ weight: 1, mean: 42.5, m2: 0 });
  });

  it('momentsAdd with weight w: the value counts w times (3 × 5 and 2 × 2: mean 3.8, m2 10.8)', () => {
    const weighted = wf([5, 2], [3, 2]);
    expect(weighted.weight).toBe(5);
    expect(weighted.mean).toBe(3.8);
    near(weighted.m2, 10.8);
    const repeated = wf([5, 5, 5, 2, 2]);
    expect(repeated).toEqual({ weight: 5, mean: 3.8, m2: 10.8 });
  });
});

describe('momentsMerge (Chan et al.): statistics.md §7', () => {
  it('momentsMerge((2, 360, 7200), (4, 322.5, 71675)) = (6, 335, 80750) exactly', () => {
    const a = { weight: 2, mean: 360, m2: 7200 };
    momentsMerge(a, { weight: 4, mean: 322.5, m2: 71675 });
    expect(a).toEqual({ weight: 6, mean: 335, m2: 80750 });
  });

  it('momentsMerge(wf([300, 420]), wf([180, 260, 540, 310])) equals the one pass over all six', () => {
    const a = wf([300, 420]);
    const b = wf([180, 260, 540, 310]);
    expect(a).toEqual({ weight: 2, mean: 360, m2: 7200 });
    expect(b.weight).toBe(4);
    expect(b.mean).toBe(322.5);
    near(b.m2, 71675);
    momentsMerge(a, b);
    expect(a.weight).toBe(6);
    expect(a.mean).toBe(335);
    near(a.m2, 80750);
  });

  it('momentsMerge with an empty side is the identity, both ways, and leaves the other side alone', () => {
    const a = wf([300, 420, 180]);
    const copy = { ...a };
    momentsMerge(a, empty());
    expect(a).toEqual(copy);
    const e = empty();
    const b = Object.freeze({ ...copy });
    momentsMerge(e, b);
    expect(e).toEqual(copy);
  });
});

describe('momentsSpread: sd and t interval from moments', () => {
  it('momentsSpread of CES [5,6,7,4,6,5,7,3,6,5]: sd 1.264911064, ci [4.495137135, 6.304862865] (statistics.md §5 ex. 1)', () => {
    const m = wf([5, 6, 7, 4, 6, 5, 7, 3, 6, 5]);
    const { sd, ci } = momentsSpread(m, m.weight, 0.95);
    near(sd!, 1.264911064);
    near(ci!.low, 4.495137135);
    near(ci!.high, 6.304862865);
    expect(ci).toEqual(meanInterval(10, m.mean, m.m2, 0.95));
  });

  it('momentsSpread with weights uses the Kish n_eff: s² = (m2 / Σw)·n_eff / (n_eff − 1)', () => {
    // statistics.md §6 example 1 weights, on the CES answers above.
    const xs = [5, 6, 7, 4, 6, 5, 7, 3, 6, 5];
    const ws = [1, 2, 0.5, 1, 3, 1.5, 1, 0.5, 2, 1];
    const m = wf(xs, ws);
    const nEff = 13.5 ** 2 / 23.75; // 7.673684211
    const { sd, ci } = momentsSpread(m, nEff, 0.95);
    // Oracle: the weighted variance computed directly from its definition.
    const mean = xs.reduce((a, x, k) => a + ws[k]! * x, 0) / 13.5;
    const m2 = xs.reduce((a, x, k) => a + ws[k]! * (x - mean) ** 2, 0);
    near(m.mean, mean);
    near(m.m2, m2);
    const s2 = ((m2 / 13.5) * nEff) / (nEff - 1);
    near(sd!, Math.sqrt(s2));
    const oracle = meanInterval(nEff, mean, s2 * (nEff - 1), 0.95)!;
    near(ci!.low, oracle.low);
    near(ci!.high, oracle.high);
  });

  it('momentsSpread gives nulls below an (effective) n of 2 and zero width when every value is equal', () => {
    expect(momentsSpread(empty(), 0, 0.95)).toEqual({ sd: null, ci: null });
    expect(momentsSpread(wf([7]), 1, 0.95)).toEqual({ sd: null, ci: null });
    expect(momentsSpread(wf([3, 4], [1, 9]), 100 / 82, 0.95)).toEqual({ sd: null, ci: null });
    expect(momentsSpread(wf([4, 4, 4]), 3, 0.95)).toEqual({ sd: 0, ci: { low: 4, high: 4, level: 0.95 } });
  });
});

// Laws (STYLE.md §6). Values: whole seconds, fractional values, and values sharing a large offset
// (the cancellation case of §7). Float results compare within 1e-9 relative, with an absolute floor
// for m2 scaled to the data (Σw·max x² · 1e-12), since m2 near 0 has no meaningful relative error.
const value = fc.oneof(
  fc.integer({ min: 0, max: 3600 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 1000 }).map((d) => 1e9 + d),
);
const values = fc.array(value, { maxLength: 60 });

function sameMoments(actual: Moments, expected: Moments, xs: readonly number[], ws?: readonly number[]): void {
  const scale = Math.max(0, ...xs.map((x) => x * x));
  near(actual.weight, expected.weight, 1e-12, 0);
  near(actual.mean, expected.mean, 1e-9, 1e-12 * Math.sqrt(scale));
  const totalW = ws ? ws.reduce((a, w) => a + w, 0) : xs.length;
  near(actual.m2, expected.m2, 1e-9, 1e-12 * totalW * scale);
}

function cutInto<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [0, ...cuts.map((c) => Math.min(c, xs.length)).sort((a, b) => a - b), xs.length];
  const parts: T[][] = [];
  for (let k = 0; k + 1 < at.length; k++) parts.push(xs.slice(at[k], at[k + 1]));
  return parts;
}

describe('moments laws', () => {
  it('split + merge = one pass: for any values cut anywhere into parts, merging the parts’ moments equals one pass', () => {
    fc.assert(
      fc.property(values, fc.array(fc.nat({ max: 60 }), { maxLength: 5 }), (xs, cuts) => {
        const whole = wf(xs);
        const merged = empty();
        for (const part of cutInto(xs, cuts)) momentsMerge(merged, wf(part));
        expect(merged.weight).toBe(xs.length); // counts are exact
        sameMoments(merged, whole, xs);
      }),
    );
  });

  it('merge is commutative: for any a, b, merge(a, b) = merge(b, a)', () => {
    fc.assert(
      fc.property(values, values, (xs, ys) => {
        const ab = wf(xs);
        momentsMerge(ab, wf(ys));
        const ba = wf(ys);
        momentsMerge(ba, wf(xs));
        sameMoments(ab, ba, [...xs, ...ys]);
      }),
    );
  });

  it('weights: for any values with integer weights k, adding x with weight k equals adding x k times', () => {
    const pairs = fc.array(fc.tuple(value, fc.integer({ min: 1, max: 5 })), { maxLength: 30 });
    fc.assert(
      fc.property(pairs, (ps) => {
        const weighted = wf(
          ps.map(([x]) => x),
          ps.map(([, k]) => k),
        );
        const repeated = wf(ps.flatMap(([x, k]) => Array<number>(k).fill(x)));
        expect(weighted.weight).toBe(repeated.weight);
        sameMoments(
          weighted,
          repeated,
          ps.map(([x]) => x),
          ps.map(([, k]) => k),
        );
      }),
    );
  });

  it('weights: for any weighted values, split + merge = one pass', () => {
    const pairs = fc.array(fc.tuple(value, fc.double({ min: 0.01, max: 100, noNaN: true })), { maxLength: 40 });
    fc.assert(
      fc.property(pairs, fc.nat({ max: 40 }), (ps, cut) => {
        const xs = ps.map(([x]) => x);
        const ws = ps.map(([, w]) => w);
        const whole = wf(xs, ws);
        const merged = wf(xs.slice(0, cut), ws.slice(0, cut));
        momentsMerge(merged, wf(xs.slice(cut), ws.slice(cut)));
        sameMoments(merged, whole, xs, ws);
      }),
    );
  });

  it('m2 is never negative and the mean lies within [min, max] (up to rounding) for any values', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (xs) => {
        const m = wf(xs);
        expect(m.m2).toBeGreaterThanOrEqual(0);
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        const slack = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
        expect(m.mean).toBeGreaterThanOrEqual(lo - slack);
        expect(m.mean).toBeLessThanOrEqual(hi + slack);
      }),
    );
  });
});
