// Reference values: ../shared/reference/statistics.md §3 (NPS), §4 (rates), §5 (Welch), from SciPy.
import { describe, expect, it } from 'vitest';
import { compareMeans, compareNps, compareRates } from '../../src/stats/compare.js';
import { CxMetricsError } from '../../src/models/errors.js';

const close = (a: number | null | undefined, b: number) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), 1e-3));
};

describe('compareNps(a, b)', () => {
  it('260/140/100 vs 180/120/100: d 12, p 0.0254796495, CI [1.472238135, 22.52776187]', () => {
    const r = compareNps({ n: 500, promoters: 260, detractors: 100 }, { n: 400, promoters: 180, detractors: 100 });
    close(r.difference, 12);
    close(r.statistic, 2.234052035);
    close(r.pValue, 0.0254796495);
    close(r.ci?.low, 1.472238135);
    close(r.ci?.high, 22.52776187);
    expect(r.significant).toBe(true);
  });
  it('52/30/18 vs 45/30/25: d 14, p 0.2094742401, not significant', () => {
    const r = compareNps({ n: 100, promoters: 52, detractors: 18 }, { n: 100, promoters: 45, detractors: 25 });
    close(r.pValue, 0.2094742401);
    close(r.ci?.low, -7.863923153);
    close(r.ci?.high, 35.86392315);
    expect(r.significant).toBe(false);
  });
  it('compare(a, a) gives difference 0 and p-value 1; swapping mirrors', () => {
    const a = { n: 80, promoters: 30, detractors: 20 };
    const b = { n: 60, promoters: 20, detractors: 25 };
    expect(compareNps(a, a)).toMatchObject({ difference: 0, pValue: 1, significant: false });
    const ab = compareNps(a, b);
    const ba = compareNps(b, a);
    close(ba.difference, -ab.difference!);
    close(ba.pValue, ab.pValue!);
    close(ba.ci!.low, -ab.ci!.high);
  });
  it('no test for empty samples or zero variance on both sides', () => {
    expect(compareNps({ n: 0, promoters: 0, detractors: 0 }, { n: 5, promoters: 5, detractors: 0 })).toMatchObject({ pValue: null, reason: 'empty' });
    expect(compareNps({ n: 5, promoters: 5, detractors: 0 }, { n: 4, promoters: 4, detractors: 0 })).toMatchObject({
      difference: 0,
      pValue: null,
      reason: 'zero-variance',
      significant: false,
    });
  });
  it('rejects impossible counts', () => {
    expect(() => compareNps({ n: 3, promoters: 3, detractors: 1 }, { n: 1, promoters: 1, detractors: 0 })).toThrow(CxMetricsError);
  });
});

describe('compareRates(a, b)', () => {
  const table: [number, number, number, number, number, number, number, number][] = [
    [120, 1500, 90, 1500, 2.146693954, 0.03181765445, 0.001710853236, 0.03842053935],
    [172, 200, 160, 200, 1.597304604, 0.110197825, -0.01395189368, 0.1335631497],
    [2, 20, 0, 25, 1.617491598, 0.1057722079, -0.05147085608, 0.3010336452],
  ];
  it.each(table)('%s/%s vs %s/%s: z %s, p %s, Newcombe [%s, %s] (statistics.md §4)', (k1, n1, k2, n2, z, p, lo, hi) => {
    const r = compareRates({ successes: k1, n: n1 }, { successes: k2, n: n2 });
    close(r.statistic, z);
    close(r.pValue, p);
    close(r.ci?.low, lo);
    close(r.ci?.high, hi);
  });
  it('takes rate results ({ rate, n }) as well as counts', () => {
    const r = compareRates({ rate: 0.86, n: 200 }, { rate: 0.8, n: 200 });
    close(r.pValue, 0.110197825);
  });
  it('no events in either group: no test, but the interval is given', () => {
    const r = compareRates({ successes: 0, n: 10 }, { successes: 0, n: 12 });
    expect(r.pValue).toBeNull();
    expect(r.reason).toBe('zero-variance');
    expect(r.ci).not.toBeNull();
  });
  it('empty side: no test; k > n throws', () => {
    expect(compareRates({ rate: null, n: 0 }, { successes: 1, n: 2 }).reason).toBe('empty');
    expect(() => compareRates({ successes: 3, n: 2 }, { successes: 1, n: 2 })).toThrow(CxMetricsError);
  });
});

describe('compareMeans(a, b)', () => {
  it("AHT A vs B (statistics.md §5 example 2): Welch t 2.939023828, df 12.79387078, p 0.01168057271", () => {
    const r = compareMeans({ mean: 340, n: 12, sd: 68.52206015 }, { mean: 279.5, n: 10, sd: 18.02005056 });
    close(r.difference, 60.5);
    close(r.statistic, 2.939023828);
    close(r.df, 12.79387078);
    close(r.pValue, 0.01168057271);
    close(r.ci?.low, 15.95572367);
    close(r.ci?.high, 105.0442763);
  });
  it('CES by channel (example 3): t 2.700565334, df 17.42305018, p 0.0149276858', () => {
    const r = compareMeans({ mean: 5.4, n: 10, sd: Math.sqrt(1.6) }, { mean: 57 / 14, n: 14, sd: Math.sqrt(1.148351648351648) });
    close(r.statistic, 2.700565334);
    close(r.df, 17.42305018);
    close(r.pValue, 0.0149276858);
    close(r.ci?.low, 0.2925420457);
    close(r.ci?.high, 2.364600811);
  });
  it('too few values or no spread: no test', () => {
    expect(compareMeans({ mean: 3, n: 1, sd: null }, { mean: 4, n: 5, sd: 1 })).toMatchObject({ difference: -1, pValue: null, reason: 'too-few' });
    expect(compareMeans({ mean: 3, n: 4, sd: 0 }, { mean: 3, n: 5, sd: 0 })).toMatchObject({ pValue: null, reason: 'zero-variance' });
    expect(compareMeans({ mean: null, n: 0, sd: null }, { mean: 3, n: 5, sd: 0 }).reason).toBe('empty');
  });
  it('compare(a, a) gives p-value 1', () => {
    expect(compareMeans({ mean: 3, n: 4, sd: 1 }, { mean: 3, n: 4, sd: 1 })).toMatchObject({ difference: 0, pValue: 1 });
  });
});
