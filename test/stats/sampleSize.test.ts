// Reference values: ../shared/reference/statistics.md §9 (exact n computed there with SciPy, then
// rounded up). The helpers return whole responses, so the rounded values compare exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSizeForNps, sampleSizeForRate } from '../../src/stats/sampleSize.js';
import { CxMetricsError } from '../../src/models/errors.js';

describe('sampleSizeForRate(options): statistics.md §9 table', () => {
  const table: [string, { marginOfError: number; expectedRate?: number; population?: number }, number, number][] = [
    ['p = 0.5, E = 0.05', { marginOfError: 0.05 }, 384.1458821, 385],
    ['p = 0.5 (given), E = 0.05', { marginOfError: 0.05, expectedRate: 0.5 }, 384.1458821, 385],
    ['p = 0.5, E = 0.03', { marginOfError: 0.03 }, 1067.071895, 1068],
    ['p = 0.85, E = 0.03', { marginOfError: 0.03, expectedRate: 0.85 }, 544.2066663, 545],
    ['p = 0.1, E = 0.02', { marginOfError: 0.02, expectedRate: 0.1 }, 864.3282347, 865],
    ['p = 0.5, E = 0.05, population N = 2000', { marginOfError: 0.05, population: 2000 }, 322.3855367, 323],
  ];
  it.each(table)('sampleSizeForRate(%s) rounds %s up to %s', (_name, options, _exact, expected) => {
    expect(sampleSizeForRate(options)).toBe(expected);
  });
});

describe('sampleSizeForNps(options): statistics.md §9 table', () => {
  const table: [string, { marginOfError: number; expectedPromoters?: number; expectedDetractors?: number }, number, number][] = [
    ['worst case pP = pD = 0.5 (default), E = 5 pts', { marginOfError: 5 }, 1536.583528, 1537],
    ['worst case given explicitly, E = 5 pts', { marginOfError: 5, expectedPromoters: 0.5, expectedDetractors: 0.5 }, 1536.583528, 1537],
    ['pP = 0.5, pD = 0.2, E = 5 pts', { marginOfError: 5, expectedPromoters: 0.5, expectedDetractors: 0.2 }, 937.3159522, 938],
    ['pP = 0.5, pD = 0.2, E = 3 pts', { marginOfError: 3, expectedPromoters: 0.5, expectedDetractors: 0.2 }, 2603.655423, 2604],
    ['pP = 0.45, pD = 0.25, E = 10 pts', { marginOfError: 10, expectedPromoters: 0.45, expectedDetractors: 0.25 }, 253.5362822, 254],
  ];
  it.each(table)('sampleSizeForNps(%s) rounds %s up to %s', (_name, options, _exact, expected) => {
    expect(sampleSizeForNps(options)).toBe(expected);
  });

  it('sampleSizeForNps needs 1.6 to 4 times the responses of a rate for the same margin (statistics.md §9)', () => {
    // ±5 NPS points is ±0.05 in −1..1 units; the rate's worst case is p = 0.5.
    const rate = sampleSizeForRate({ marginOfError: 0.05 });
    expect(sampleSizeForNps({ marginOfError: 5 }) / rate).toBeCloseTo(4, 1);
    expect(sampleSizeForNps({ marginOfError: 5, expectedPromoters: 0.5, expectedDetractors: 0.2 }) / rate).toBeGreaterThanOrEqual(1.6);
  });
});

describe('sample sizes: small margins, other levels, edge values', () => {
  it('sampleSizeForRate at 90% and 99% brackets the 95% value', () => {
    // z² · 0.25 / 0.05²: 90% z = 1.644853627 → 270.5543454 → 271; 99% z = 2.575829304 → 663.4896601 → 664.
    expect(sampleSizeForRate({ marginOfError: 0.05, confidence: 0.9 })).toBe(271);
    expect(sampleSizeForRate({ marginOfError: 0.05, confidence: 0.99 })).toBe(664);
  });
  it('sampleSizeForRate never asks for fewer than 1 response, even with no variance (p = 0 or 1)', () => {
    expect(sampleSizeForRate({ marginOfError: 0.05, expectedRate: 0 })).toBe(1);
    expect(sampleSizeForRate({ marginOfError: 0.05, expectedRate: 1 })).toBe(1);
    expect(sampleSizeForRate({ marginOfError: 0.99 })).toBe(1);
    expect(sampleSizeForNps({ marginOfError: 5, expectedPromoters: 1, expectedDetractors: 0 })).toBe(1);
  });
  it('sampleSizeForNps reads marginOfError in points: 0.05 means ±0.05 points, not ±5', () => {
    // A proportion passed by mistake is a legal (tiny) margin: the answer is huge, which is the hint.
    expect(sampleSizeForNps({ marginOfError: 0.05 })).toBe(15365836);
  });
  // Bug found (see report): with a zero-variance expectation and population 1 the finite-population
  // correction divides 0 by 0 and the helper returns NaN instead of 1.
  it('sampleSizeForRate({ marginOfError: 0.05, expectedRate: 0, population: 1 }) returns 1, not NaN', () => {
    expect(sampleSizeForRate({ marginOfError: 0.05, expectedRate: 0, population: 1 })).toBe(1);
  });
});

describe('sample sizes: invalid options throw CxMetricsError invalid_option', () => {
  const rateCases: [string, unknown, string][] = [
    ['no options', undefined, 'options.marginOfError'],
    ['marginOfError missing', {}, 'options.marginOfError'],
    ['marginOfError 0', { marginOfError: 0 }, 'options.marginOfError'],
    ['marginOfError 1', { marginOfError: 1 }, 'options.marginOfError'],
    ['marginOfError -0.05', { marginOfError: -0.05 }, 'options.marginOfError'],
    ['marginOfError NaN', { marginOfError: NaN }, 'options.marginOfError'],
    ["marginOfError '0.05'", { marginOfError: '0.05' }, 'options.marginOfError'],
    ['marginOfError 5 (points, not a proportion)', { marginOfError: 5 }, 'options.marginOfError'],
    ['expectedRate 1.2', { marginOfError: 0.05, expectedRate: 1.2 }, 'options.expectedRate'],
    ['expectedRate -0.1', { marginOfError: 0.05, expectedRate: -0.1 }, 'options.expectedRate'],
    ['expectedRate NaN', { marginOfError: 0.05, expectedRate: NaN }, 'options.expectedRate'],
    ['confidence 1', { marginOfError: 0.05, confidence: 1 }, 'options.confidence'],
    ['confidence 0', { marginOfError: 0.05, confidence: 0 }, 'options.confidence'],
    ['confidence 95 (a percentage)', { marginOfError: 0.05, confidence: 95 }, 'options.confidence'],
    ['population 0', { marginOfError: 0.05, population: 0 }, 'options.population'],
    ['population 0.5', { marginOfError: 0.05, population: 0.5 }, 'options.population'],
    ['population Infinity', { marginOfError: 0.05, population: Infinity }, 'options.population'],
    ['population NaN', { marginOfError: 0.05, population: NaN }, 'options.population'],
    ["population '2000'", { marginOfError: 0.05, population: '2000' }, 'options.population'],
  ];
  it.each(rateCases)('sampleSizeForRate with %s throws at %s', (_name, options, path) => {
    const e = thrown(() => sampleSizeForRate(options as never));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toBe(path);
    expect(e.index).toBeNull();
  });

  const npsCases: [string, unknown, string][] = [
    ['no options', undefined, 'options.marginOfError'],
    ['marginOfError 0', { marginOfError: 0 }, 'options.marginOfError'],
    ['marginOfError 200', { marginOfError: 200 }, 'options.marginOfError'],
    ['marginOfError -5', { marginOfError: -5 }, 'options.marginOfError'],
    ['marginOfError Infinity', { marginOfError: Infinity }, 'options.marginOfError'],
    ['expectedPromoters -0.1', { marginOfError: 5, expectedPromoters: -0.1 }, 'options.expectedPromoters'],
    ['expectedPromoters 50 (a percentage)', { marginOfError: 5, expectedPromoters: 50 }, 'options.expectedPromoters'],
    ['expectedDetractors 2', { marginOfError: 5, expectedDetractors: 2 }, 'options.expectedDetractors'],
    ['shares adding up past 1', { marginOfError: 5, expectedPromoters: 0.7, expectedDetractors: 0.4 }, 'options.expectedDetractors'],
    ['the default detractor share 0.5 with promoters 0.6', { marginOfError: 5, expectedPromoters: 0.6 }, 'options.expectedDetractors'],
    ['confidence 0', { marginOfError: 5, confidence: 0 }, 'options.confidence'],
    ['population 0.5', { marginOfError: 5, population: 0.5 }, 'options.population'],
  ];
  it.each(npsCases)('sampleSizeForNps with %s throws at %s', (_name, options, path) => {
    const e = thrown(() => sampleSizeForNps(options as never));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toBe(path);
  });

  it('messages name the option, the rule and the value', () => {
    expect(() => sampleSizeForRate({ marginOfError: 3 })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.marginOfError must be a proportion in (0, 1), got 3]`,
    );
    expect(() => sampleSizeForNps({ marginOfError: 5, expectedPromoters: 0.7, expectedDetractors: 0.4 })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.expectedDetractors plus expectedPromoters must be at most 1, got 0.4]`,
    );
    expect(() => sampleSizeForRate({ marginOfError: 0.05, population: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.population must be a finite number ≥ 1, got 0]`,
    );
  });
});

// Laws: the sample size is a whole number ≥ 1 that moves the right way with each option.
const margin = fc.double({ min: 0.001, max: 0.5, noNaN: true });
const npsMargin = fc.double({ min: 0.1, max: 100, noNaN: true });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
/** Promoter and detractor shares with pP + pD ≤ 1. */
const shares = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => [a, (1 - a) * b] as const);
/**
 * Populations ≥ 2: population 1 with a zero-variance expectation hits the 0/0 bug above (it.todo).
 */
const population = fc.oneof(fc.integer({ min: 2, max: 1_000_000 }), fc.double({ min: 2, max: 1e9, noNaN: true }));

describe('sample size laws', () => {
  it('for any options, sampleSizeForRate and sampleSizeForNps are whole numbers ≥ 1', () => {
    fc.assert(
      fc.property(margin, rate, level, fc.option(population, { nil: undefined }), (e, p, c, n) => {
        const r = sampleSizeForRate({ marginOfError: e, expectedRate: p, confidence: c, ...(n === undefined ? {} : { population: n }) });
        expect(Number.isInteger(r) && r >= 1).toBe(true);
      }),
    );
    fc.assert(
      fc.property(npsMargin, shares, level, fc.option(population, { nil: undefined }), (e, [pP, pD], c, n) => {
        const r = sampleSizeForNps({ marginOfError: e, expectedPromoters: pP, expectedDetractors: pD, confidence: c, ...(n === undefined ? {} : { population: n }) });
        expect(Number.isInteger(r) && r >= 1).toBe(true);
      }),
    );
  });

  it('a smaller margin never needs fewer responses: for any E1 ≤ E2, n(E1) ≥ n(E2)', () => {
    fc.assert(
      fc.property(margin, margin, rate, level, (a, b, p, c) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(sampleSizeForRate({ marginOfError: small, expectedRate: p, confidence: c })).toBeGreaterThanOrEqual(
          sampleSizeForRate({ marginOfError: large, expectedRate: p, confidence: c }),
        );
      }),
    );
    fc.assert(
      fc.property(npsMargin, npsMargin, shares, (a, b, [pP, pD]) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const o = { expectedPromoters: pP, expectedDetractors: pD };
        expect(sampleSizeForNps({ marginOfError: small, ...o })).toBeGreaterThanOrEqual(sampleSizeForNps({ marginOfError: large, ...o }));
      }),
    );
  });

  it('a higher confidence never needs fewer responses: for any c1 ≤ c2, n(c1) ≤ n(c2)', () => {
    fc.assert(
      fc.property(level, level, margin, rate, (a, b, e, p) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(sampleSizeForRate({ marginOfError: e, expectedRate: p, confidence: low })).toBeLessThanOrEqual(
          sampleSizeForRate({ marginOfError: e, expectedRate: p, confidence: high }),
        );
      }),
    );
    fc.assert(
      fc.property(level, level, npsMargin, shares, (a, b, e, [pP, pD]) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const o = { marginOfError: e, expectedPromoters: pP, expectedDetractors: pD };
        expect(sampleSizeForNps({ ...o, confidence: low })).toBeLessThanOrEqual(sampleSizeForNps({ ...o, confidence: high }));
      }),
    );
  });

  it('the finite-population correction never asks for more: for any N, n(N) ≤ n(∞), and n(N) ≤ ⌈N⌉', () => {
    fc.assert(
      fc.property(margin, rate, level, population, (e, p, c, n) => {
        const o = { marginOfError: e, expectedRate: p, confidence: c };
        const corrected = sampleSizeForRate({ ...o, population: n });
        expect(corrected).toBeLessThanOrEqual(sampleSizeForRate(o));
        expect(corrected).toBeLessThanOrEqual(Math.ceil(n));
      }),
    );
    fc.assert(
      fc.property(npsMargin, shares, population, (e, [pP, pD], n) => {
        const o = { marginOfError: e, expectedPromoters: pP, expectedDetractors: pD };
        expect(sampleSizeForNps({ ...o, population: n })).toBeLessThanOrEqual(sampleSizeForNps(o));
      }),
    );
  });

  it('a larger population never needs fewer responses: for any N1 ≤ N2, n(N1) ≤ n(N2)', () => {
    fc.assert(
      fc.property(margin, rate, population, population, (e, p, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const o = { marginOfError: e, expectedRate: p };
        expect(sampleSizeForRate({ ...o, population: small })).toBeLessThanOrEqual(sampleSizeForRate({ ...o, population: large }));
      }),
    );
  });

  it('p = 0.5 is the worst case: for any expected rate p, n(p) ≤ n(0.5); and n(p) = n(1 − p)', () => {
    fc.assert(
      fc.property(margin, rate, (e, p) => {
        const worst = sampleSizeForRate({ marginOfError: e });
        expect(sampleSizeForRate({ marginOfError: e, expectedRate: p })).toBeLessThanOrEqual(worst);
      }),
    );
    // p(1 − p) is symmetric, but 1 − p is rounded: check on dyadic p, where 1 − p is exact.
    fc.assert(
      fc.property(margin, fc.integer({ min: 0, max: 1024 }), (e, k) => {
        const p = k / 1024;
        expect(sampleSizeForRate({ marginOfError: e, expectedRate: p })).toBe(sampleSizeForRate({ marginOfError: e, expectedRate: 1 - p }));
      }),
    );
  });

  it('pP = pD = 0.5 is the worst NPS case: for any shares, n(pP, pD) ≤ n(0.5, 0.5)', () => {
    fc.assert(
      fc.property(npsMargin, shares, (e, [pP, pD]) => {
        expect(sampleSizeForNps({ marginOfError: e, expectedPromoters: pP, expectedDetractors: pD })).toBeLessThanOrEqual(
          sampleSizeForNps({ marginOfError: e }),
        );
      }),
    );
  });
});

/** Runs `fn`, asserts it throws a CxMetricsError, and returns it. */
function thrown(fn: () => unknown): CxMetricsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CxMetricsError);
    return e as CxMetricsError;
  }
  throw new Error('expected a CxMetricsError, but nothing was thrown');
}
