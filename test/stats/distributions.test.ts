// Reference values: ../shared/reference/statistics.md §10 (SciPy 1.17, full doubles), and the
// closed forms for df = 1 and 2 given there. Tolerances as §10 measured them.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSf, regularizedBeta, studentTCdf, studentTQuantile, studentTSf } from '../../src/stats/distributions.js';
import { CxMetricsError } from '../../src/models/errors.js';

const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('normalQuantile', () => {
  const cases: [number, number][] = [
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
  ];
  it.each(cases)('normalQuantile(%s) = %s (SciPy norm.ppf) to 1e-14', (p, v) => {
    expect(rel(normalQuantile(p), v)).toBeLessThanOrEqual(1e-14);
  });
  it('normalQuantile is the inverse of normalCdf across the range', () => {
    for (const p of [1e-300, 1e-50, 1e-12, 0.001, 0.02, 0.3, 0.5, 0.7, 0.98, 0.999999]) {
      expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThanOrEqual(1e-13);
    }
  });
  it('normalQuantile(0) and (1) are infinite; outside [0, 1] throws CxMetricsError', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(CxMetricsError);
    expect(() => normalQuantile(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: p must be a probability in [0, 1], got NaN]`);
  });
});

describe('normalCdf and normalSf', () => {
  it('match SciPy reference values to 1e-14', () => {
    expect(rel(normalCdf(1), 0.8413447460685429)).toBeLessThanOrEqual(1e-14);
    expect(rel(normalSf(3), 0.0013498980316300933)).toBeLessThanOrEqual(1e-14);
    expect(rel(normalSf(5), 2.866515718791933e-7)).toBeLessThanOrEqual(1e-14);
    expect(rel(normalSf(8.3), 5.2055697448902465e-17)).toBeLessThanOrEqual(1e-13);
  });
  it('normalSf keeps tiny tails where 1 − normalCdf loses them', () => {
    expect(1 - normalCdf(8.3)).toBe(0);
    expect(normalSf(8.3)).toBeGreaterThan(0);
  });
  it('are symmetric and complementary, with NaN passing through', () => {
    for (const x of [-40, -6, -2.5, -0.3, 0, 0.3, 1, 4, 7]) {
      expect(normalCdf(x) + normalSf(x)).toBeCloseTo(1, 15);
      expect(rel(normalCdf(-x), normalSf(x))).toBeLessThanOrEqual(1e-15);
    }
    expect(normalCdf(60)).toBe(1);
    expect(normalSf(60)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('studentTSf and studentTCdf', () => {
  const cases: [number, number, number][] = [
    [2, 5, 0.050969739414929174],
    [2, 30, 0.027312522481491547],
    [1, 1, 0.25],
    [3, 10, 0.006671827511284785],
    [10, 2, 0.004926228511662845],
    [5, 3, 0.007696219036651147],
    [0.5, 1000, 0.30859254041693734],
    [2.939023828, 12.79387078, 0.005840286360287238],
  ];
  it.each(cases)('studentTSf(%s, %s) = %s (SciPy t.sf) to 1e-13', (t, df, v) => {
    expect(rel(studentTSf(t, df), v)).toBeLessThanOrEqual(1e-13);
  });
  it('agrees with the closed forms for df = 1 and df = 2 (written without cancellation)', () => {
    for (const t of [1e-6, 0.1, 0.7, 1.5, 3, 12, 100]) {
      // ½ − atan(t)/π = atan(1/t)/π;  ½ − t/(2√(2+t²)) = 1/(√(2+t²)(√(2+t²)+t))
      expect(rel(studentTSf(t, 1), Math.atan(1 / t) / Math.PI)).toBeLessThanOrEqual(1e-13);
      const r = Math.sqrt(2 + t * t);
      expect(rel(studentTSf(t, 2), 1 / (r * (r + t)))).toBeLessThanOrEqual(1e-13);
    }
  });
  it('is symmetric: cdf(−t) = sf(t), cdf(0) = 0.5', () => {
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTCdf(-2, 5)).toBeCloseTo(0.050969739414929174, 15);
    expect(studentTSf(-2, 5)).toBeCloseTo(1 - 0.050969739414929174, 15);
  });
  it('approaches the normal tail for very large df', () => {
    // the t tail exceeds the normal one by a relative O((1 + t²)/(4·df))
    expect(rel(studentTSf(3, 1e6), normalSf(3))).toBeLessThan(5e-5);
    expect(rel(studentTSf(3, 1e6), normalSf(3))).toBeGreaterThan(1e-7);
    expect(rel(studentTSf(3, 2e7), normalSf(3))).toBeLessThan(3e-6);
  });
  it('rejects df ≤ 0 or not finite', () => {
    expect(() => studentTSf(1, 0)).toThrow(CxMetricsError);
    expect(() => studentTSf(1, Infinity)).toThrow(CxMetricsError);
  });
});

describe('studentTQuantile', () => {
  const table: [number, [number, number, number]][] = [
    [1, [6.313751514675037, 12.706204736174694, 63.656741162871526]],
    [2, [2.9199855803537242, 4.302652729749462, 9.924843200918287]],
    [3, [2.3533634348018233, 3.1824463052837078, 5.840909309733355]],
    [5, [2.0150483733330233, 2.5705818356363146, 4.032142983555228]],
    [10, [1.8124611228116756, 2.228138851986274, 3.16927267261695]],
    [30, [1.697260886593957, 2.0422724563012378, 2.7499956535672254]],
    [100, [1.6602343260853392, 1.9839715185235518, 2.6258905214380173]],
    [1000, [1.6463788172854643, 1.9623390808264083, 2.580754698065951]],
  ];
  for (const [df, values] of table) {
    it(`studentTQuantile(p, ${df}) matches SciPy t.ppf at p = 0.95, 0.975, 0.995 to 1e-12`, () => {
      [0.95, 0.975, 0.995].forEach((p, i) => expect(rel(studentTQuantile(p, df), values[i]!)).toBeLessThanOrEqual(1e-12));
    });
  }
  it('inverts studentTSf for fractional df and is odd around p = 0.5', () => {
    for (const df of [2.5, 4.3, 12.79387078, 57.2, 3e5]) {
      for (const p of [0.6, 0.9, 0.975, 0.9999]) {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTSf(t, df) - (1 - p))).toBeLessThanOrEqual(1e-12 * Math.max(1, 1 - p));
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 12);
      }
    }
    expect(studentTQuantile(0.5, 9)).toBe(0);
    expect(studentTQuantile(1, 9)).toBe(Infinity);
  });
  it('the Welch quantile of statistics.md §5 example 2: t(0.975, 12.79387078) = 2.163912224', () => {
    expect(studentTQuantile(0.975, 12.79387078)).toBeCloseTo(2.163912224, 8);
  });
});

describe('regularizedBeta', () => {
  it('matches SciPy betainc reference values to 1e-13', () => {
    expect(rel(regularizedBeta(0.5, 2.5, 0.5), 0.07558681842161241)).toBeLessThanOrEqual(1e-13);
    expect(rel(regularizedBeta(0.25, 0.5, 0.5), 1 / 3)).toBeLessThanOrEqual(1e-13);
    expect(rel(regularizedBeta(0.9, 15, 0.5), 0.07785867031466781)).toBeLessThanOrEqual(1e-13);
    expect(rel(regularizedBeta(0.4, 5, 3), 0.096256)).toBeLessThanOrEqual(1e-13);
  });
  it('is 0 at x = 0 and 1 at x = 1, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(0.3, 2, 3) + regularizedBeta(0.7, 3, 2)).toBeCloseTo(1, 14);
  });
});
