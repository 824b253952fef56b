// Reference values: ../shared/reference/statistics.md §1 (Wilson), §2 (NPS), §5 (t), computed
// there with SciPy; compared to 1e-9 relative as its conventions ask.
import { describe, expect, it } from 'vitest';
import { meanInterval, npsInterval, wilsonInterval } from '../../src/stats/intervals.js';
import { CxMetricsError } from '../../src/models/errors.js';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), 1e-3));

describe('wilsonInterval(k, n)', () => {
  const table: [number, number, number, number][] = [
    [172, 200, 0.8051011913, 0.9013301737],
    [3, 40, 0.02583602577, 0.1986423352],
    [45, 50, 0.7863976856, 0.9565242351],
    [0, 10, 0, 0.2775327999],
    [10, 10, 0.7224672001, 1],
    [1, 1, 0.2065493144, 1],
  ];
  it.each(table)('wilsonInterval(%s, %s) = [%s, %s] (statistics.md §1)', (k, n, lo, hi) => {
    const ci = wilsonInterval(k, n)!;
    close(ci.low, lo);
    close(ci.high, hi);
    expect(ci.level).toBe(0.95);
  });
  it('bounds are exactly 0 at k = 0 and exactly 1 at k = n', () => {
    expect(wilsonInterval(0, 3)!.low).toBe(0);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
  });
  it('other levels: 172/200 at 90% and 99%', () => {
    const a = wilsonInterval(172, 200, 0.9)!;
    close(a.low, 0.8148206992);
    close(a.high, 0.8955693451);
    const b = wilsonInterval(172, 200, 0.99)!;
    close(b.low, 0.7851984684);
    close(b.high, 0.911682854);
  });
  it('weighted: p_w = 0.7777777778 with n_eff = 7.673684211 (statistics.md §6 example 1)', () => {
    const ne = 13.5 ** 2 / 23.75;
    const ci = wilsonInterval((10.5 / 13.5) * ne, ne)!;
    close(ci.low, 0.4277269682);
    close(ci.high, 0.9424949112);
  });
  it('n = 0 gives null; k > n, negative n and bad levels throw', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(CxMetricsError);
    expect(() => wilsonInterval(-1, 4)).toThrow(CxMetricsError);
    expect(() => wilsonInterval(1, 4, 1)).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.confidence must be a number between 0 and 1 (exclusive), got 1]`,
    );
  });
});

describe('npsInterval(pP, pD, n)', () => {
  const table: [string, number, number, number, number, number][] = [
    ['A 260/140/100', 260, 100, 500, 25.11162578, 38.88837422],
    ['B 45/30/25', 45, 25, 100, 4.077177318, 35.92282268],
    ['C 9/1/0 (clamped)', 9, 0, 10, 71.40614903, 100],
    ['D 5/0/5', 5, 5, 10, -61.97950323, 61.97950323],
    ['E 10/0/0 (zero width)', 10, 0, 10, 100, 100],
  ];
  it.each(table)('%s gives [%s, %s] (statistics.md §2)', (_name, p, d, n, lo, hi) => {
    const ci = npsInterval(p / n, d / n, n)!;
    close(ci.low, lo);
    close(ci.high, hi);
  });
  it('weighted (Kish) example of §2: NPS_w 12.35, n_eff 9.27 → [−43.42, 68.11]', () => {
    const ci = npsInterval(0.4444444444444444, 0.32098765432098764, 16.2 ** 2 / 28.32)!;
    close(ci.low, -43.41980639);
    close(ci.high, 68.11116441);
  });
  it('n = 0 gives null', () => {
    expect(npsInterval(0, 0, 0)).toBeNull();
  });
});

describe('meanInterval(n, mean, m2)', () => {
  it('CES [5,6,7,4,6,5,7,3,6,5]: [4.495137135, 6.304862865] (statistics.md §5 example 1)', () => {
    const ci = meanInterval(10, 5.4, 1.264911064 ** 2 * 9)!;
    close(ci.low, 4.495137135);
    close(ci.high, 6.304862865);
  });
  it('AHT A and B of §5 example 2', () => {
    const a = meanInterval(12, 340, 68.52206015 ** 2 * 11)!;
    close(a.low, 296.4631601);
    close(a.high, 383.5368399);
    const b = meanInterval(10, 279.5, 18.02005056 ** 2 * 9)!;
    close(b.low, 266.6092324);
    close(b.high, 292.3907676);
  });
  it('one value has no interval; equal values give zero width', () => {
    expect(meanInterval(1, 5, 0)).toBeNull();
    expect(meanInterval(0, 0, 0)).toBeNull();
    expect(meanInterval(4, 5, 0)).toEqual({ low: 5, high: 5, level: 0.95 });
  });
});
