// Weighted survey metrics: `{ value, weight }` items in nps / csat / ces, surveyScores, and survey
// weights in byTouchpoint. Reference values: ../shared/reference/statistics.md §2 (weighted NPS,
// Kish variance) and §6 (weighted Wilson, Kish effective n), computed there with NumPy / SciPy and
// compared here within 1e-9 relative, as its conventions ask. Counts stay counts and compare exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byTouchpoint } from '../../src/aggregate/byTouchpoint.js';
import { CxMetricsError, ces, csat, csatAccumulator, nps, npsAccumulator } from '../../src/metrics/index.js';
import { surveyScores } from '../../src/metrics/surveyScores.js';
import { meanInterval } from '../../src/stats/intervals.js';
import type { SurveyResponse } from '../../src/models/index.js';

function close(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-3));
}

/** The twelve (category, weight) responses of statistics.md §2, as 0–10 answers (10 / 8 / 3). */
const NPS_EXAMPLE: [number, number][] = [
  [1, 1.0],
  [1, 1.0],
  [1, 2.5],
  [1, 0.5],
  [1, 1.2],
  [0, 1.0],
  [0, 0.8],
  [0, 2.0],
  [-1, 1.5],
  [-1, 0.7],
  [1, 1.0],
  [-1, 3.0],
];
const npsItems = NPS_EXAMPLE.map(([s, weight]) => ({ value: s === 1 ? 10 : s === 0 ? 8 : 3, weight }));

describe('nps with weights: statistics.md §2 weighted NPS', () => {
  it('nps(12 weighted responses) gives NPS_w 12.34567901, effectiveN 9.266949153, Kish CI [−43.41980639, 68.11116441]', () => {
    const r = nps(npsItems);
    close(r.score, 12.34567901);
    close(r.effectiveN, 9.266949153);
    close(r.shares!.promoters, 0.4444444444);
    close(r.shares!.detractors, 0.3209876543);
    close(r.ci!.low, -43.41980639);
    close(r.ci!.high, 68.11116441);
    expect(r.ci!.level).toBe(0.95);
  });

  it('counts stay counts: 6 promoters, 3 passives, 3 detractors of n = 12 (the unweighted NPS would be 25)', () => {
    const r = nps(npsItems);
    expect([r.n, r.promoters, r.passives, r.detractors]).toEqual([12, 6, 3, 3]);
    expect(nps(npsItems.map((x) => x.value)).score).toBe(25);
  });

  it('lowSample follows effectiveN: 9.27 effective responses are low', () => {
    expect(nps(npsItems).lowSample).toBe(true);
  });
});

describe('csat with weights: statistics.md §6', () => {
  const y = [1, 1, 0, 1, 1, 0, 1, 1, 1, 0];
  const w = [1, 2, 0.5, 1, 3, 1.5, 1, 0.5, 2, 1];
  const binary = { scale: [0, 1] as const, satisfiedFrom: 1 };

  it('csat(example 1 on a 0/1 scale) gives p_w 0.7777777778, effectiveN 7.673684211, Wilson [0.4277269682, 0.9424949112]', () => {
    const r = csat(
      y.map((value, k) => ({ value, weight: w[k]! })),
      binary,
    );
    close(r.rate, 0.7777777778);
    close(r.mean, 0.7777777778);
    close(r.effectiveN, 7.673684211);
    close(r.ci!.low, 0.4277269682);
    close(r.ci!.high, 0.9424949112);
    expect([r.n, r.satisfied]).toEqual([10, 7]);
    expect(r.lowSample).toBe(true);
  });

  it('csat(example 1 unweighted) gives p̂ 0.7 and Wilson [0.3967781475, 0.8922087326]', () => {
    const r = csat(y, binary);
    expect(r.rate).toBe(0.7);
    close(r.ci!.low, 0.3967781475);
    close(r.ci!.high, 0.8922087326);
  });

  it('csat(example 2: 300 of weight 1, 100 of weight 3) gives n_eff 300, p_w 0.7, Wilson [0.6458824753, 0.7490603362], not the too-narrow n = 400 one', () => {
    const items = [
      ...Array.from({ length: 300 }, (_, k) => ({ value: k < 240 ? 1 : 0, weight: 1 })),
      ...Array.from({ length: 100 }, (_, k) => ({ value: k < 60 ? 1 : 0, weight: 3 })),
    ];
    const r = csat(items, binary);
    expect(r.effectiveN).toBe(300);
    close(r.rate, 0.7);
    close(r.ci!.low, 0.6458824753);
    close(r.ci!.high, 0.7490603362);
    expect([r.n, r.satisfied]).toEqual([400, 300]);
    // What using the row count would have claimed (statistics.md §6): [0.6533627542, 0.742832328]
    const naive = csat([...Array<number>(280).fill(1), ...Array<number>(120).fill(0)], binary);
    close(naive.ci!.low, 0.6533627542);
    close(naive.ci!.high, 0.742832328);
  });

  it('csat lowSample follows effectiveN, not n: 40 answers whose weights make n_eff 27.7 are low', () => {
    const items = Array.from({ length: 40 }, (_, k) => ({ value: k % 2 === 0 ? 5 : 2, weight: k < 20 ? 1 : 5 }));
    const r = csat(items);
    expect(r.n).toBe(40);
    close(r.effectiveN, 14400 / 520);
    expect(r.lowSample).toBe(true);
    expect(csat(items.map((x) => x.value)).lowSample).toBe(false);
  });
});

describe('ces with weights', () => {
  it('ces of the §5 answers with the §6 weights: weighted mean, sd and t interval over n_eff', () => {
    const xs = [5, 6, 7, 4, 6, 5, 7, 3, 6, 5];
    const ws = [1, 2, 0.5, 1, 3, 1.5, 1, 0.5, 2, 1];
    const r = ces(xs.map((value, k) => ({ value, weight: ws[k]! })));
    // Oracle from the definitions: Σwx/Σw; s² = (Σw(x − x̄)²/Σw)·n_eff/(n_eff − 1).
    const sw = 13.5;
    const mean = xs.reduce((a, x, k) => a + ws[k]! * x, 0) / sw;
    const nEff = sw ** 2 / 23.75;
    const s2 = (xs.reduce((a, x, k) => a + ws[k]! * (x - mean) ** 2, 0) / sw) * (nEff / (nEff - 1));
    close(r.mean, mean);
    close(r.mean, 151 / 27);
    close(r.effectiveN, nEff);
    close(r.sd, Math.sqrt(s2));
    // The interval is Student t with n_eff − 1 = 6.673684211 degrees of freedom around the weighted mean.
    const oracle = meanInterval(nEff, mean, s2 * (nEff - 1))!;
    close(r.ci!.low, oracle.low);
    close(r.ci!.high, oracle.high);
    expect(r.ci!.low).toBeLessThan(mean);
    expect(r.ci!.high).toBeGreaterThan(mean);
    close(r.rate, 12 / 13.5);
    expect([r.n, r.easy]).toEqual([10, 8]);
  });
});

// Weights all 1, and weights scaled by a constant (STYLE.md §6: laws).
const npsAnswers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 80 });
const csatAnswers = fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true })), { maxLength: 80 });
const cesAnswers = fc.array(fc.oneof(fc.integer({ min: 1, max: 7 }), fc.double({ min: 1, max: 7, noNaN: true })), { maxLength: 80 });
const weight = fc.oneof(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.integer({ min: 1, max: 5 }));

describe('weights all 1 give exactly the unweighted result', () => {
  it('nps: for any answers, { value, weight: 1 } items and { value } items equal plain answers (toEqual)', () => {
    fc.assert(
      fc.property(npsAnswers, (xs) => {
        const plain = nps(xs);
        expect(nps(xs.map((value) => ({ value, weight: 1 })))).toEqual(plain);
        expect(nps(xs.map((value) => ({ value })))).toEqual(plain);
      }),
    );
  });

  it('csat: for any answers on 1–5, { value, weight: 1 } items equal plain answers (toEqual)', () => {
    fc.assert(
      fc.property(csatAnswers, (xs) => {
        const plain = csat(xs);
        expect(csat(xs.map((value) => ({ value, weight: 1 })))).toEqual(plain);
        expect(csat(xs.map((value) => ({ value })))).toEqual(plain);
      }),
    );
  });

  it('ces: for any answers on 1–7, { value, weight: 1 } items equal plain answers (toEqual)', () => {
    fc.assert(
      fc.property(cesAnswers, (xs) => {
        const plain = ces(xs);
        expect(ces(xs.map((value) => ({ value, weight: 1 })))).toEqual(plain);
        expect(ces(xs.map((value) => ({ value })))).toEqual(plain);
      }),
    );
  });

  it('without weights effectiveN is n exactly', () => {
    fc.assert(
      fc.property(npsAnswers, (xs) => {
        expect(nps(xs).effectiveN).toBe(xs.length);
        expect(csat(xs.map((x) => Math.max(1, Math.min(5, x)))).effectiveN).toBe(xs.length);
      }),
    );
  });
});

/** Relative closeness for nullable numbers (both null passes). */
function closeOrNull(a: number | null, b: number | null, rel: number, abs = 0): void {
  if (a === null || b === null) {
    expect(a).toBe(b);
    return;
  }
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b)) + abs);
}

describe('scaling every weight by a constant changes nothing', () => {
  const scale = fc.oneof(fc.constantFrom(0.001, 0.37, 3, 1000), fc.double({ min: 1e-3, max: 1e3, noNaN: true }));

  it('nps: for any weighted answers and c > 0, score, shares, effectiveN (1e-12) and interval (1e-9) are unchanged; counts exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), weight), { maxLength: 60 }), scale, (ps, c) => {
        const a = nps(ps.map(([value, w]) => ({ value, weight: w })));
        const b = nps(ps.map(([value, w]) => ({ value, weight: w * c })));
        expect([b.n, b.promoters, b.passives, b.detractors]).toEqual([a.n, a.promoters, a.passives, a.detractors]);
        closeOrNull(b.score, a.score, 1e-12, 1e-12);
        closeOrNull(b.effectiveN, a.effectiveN, 1e-12);
        closeOrNull(b.shares?.promoters ?? null, a.shares?.promoters ?? null, 1e-12, 1e-15);
        closeOrNull(b.shares?.detractors ?? null, a.shares?.detractors ?? null, 1e-12, 1e-15);
        closeOrNull(b.ci?.low ?? null, a.ci?.low ?? null, 1e-9, 1e-9);
        closeOrNull(b.ci?.high ?? null, a.ci?.high ?? null, 1e-9, 1e-9);
      }),
    );
  });

  it('csat: for any weighted answers and c > 0, rate, mean, effectiveN (1e-12) and interval (1e-9) are unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), weight), { maxLength: 60 }), scale, (ps, c) => {
        const a = csat(ps.map(([value, w]) => ({ value, weight: w })));
        const b = csat(ps.map(([value, w]) => ({ value, weight: w * c })));
        expect([b.n, b.satisfied]).toEqual([a.n, a.satisfied]);
        closeOrNull(b.rate, a.rate, 1e-12, 1e-15);
        closeOrNull(b.mean, a.mean, 1e-12);
        closeOrNull(b.effectiveN, a.effectiveN, 1e-12);
        closeOrNull(b.ci?.low ?? null, a.ci?.low ?? null, 1e-9, 1e-12);
        closeOrNull(b.ci?.high ?? null, a.ci?.high ?? null, 1e-9, 1e-12);
      }),
    );
  });

  it('ces: for any weighted answers and c > 0, mean, rate, sd, effectiveN (1e-12) and intervals (1e-9) are unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), weight), { maxLength: 60 }), scale, (ps, c) => {
        const a = ces(ps.map(([value, w]) => ({ value, weight: w })));
        const b = ces(ps.map(([value, w]) => ({ value, weight: w * c })));
        expect([b.n, b.easy]).toEqual([a.n, a.easy]);
        closeOrNull(b.mean, a.mean, 1e-12);
        closeOrNull(b.rate, a.rate, 1e-12, 1e-15);
        closeOrNull(b.effectiveN, a.effectiveN, 1e-12);
        // At n_eff = 2 exactly (weights 4, 1, 1) the t interval starts; scaled weights can land an ulp
        // either side of that threshold, so sd and ci are compared away from it.
        if (Math.abs(a.effectiveN - 2) < 1e-9) return;
        // sd near 0 has no meaningful relative error: absolute floor on the 1–7 scale
        closeOrNull(b.sd, a.sd, 1e-9, 1e-9);
        closeOrNull(b.ci?.low ?? null, a.ci?.low ?? null, 1e-9, 1e-9);
        closeOrNull(b.ci?.high ?? null, a.ci?.high ?? null, 1e-9, 1e-9);
        closeOrNull(b.rateCi?.low ?? null, a.rateCi?.low ?? null, 1e-9, 1e-12);
        closeOrNull(b.rateCi?.high ?? null, a.rateCi?.high ?? null, 1e-9, 1e-12);
      }),
    );
  });
});

describe('weighted accumulators: split + merge = batch', () => {
  it('nps: for any weighted answers cut anywhere, merged accumulators give the batch counts exactly and score within 1e-12', () => {
    const items = fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), weight), { maxLength: 60 });
    fc.assert(
      fc.property(items, fc.nat({ max: 60 }), (ps, cut) => {
        const xs = ps.map(([value, w]) => ({ value, weight: w }));
        const batch = nps(xs);
        const left = npsAccumulator();
        for (const x of xs.slice(0, cut)) left.add(x);
        const right = npsAccumulator();
        for (const x of xs.slice(cut)) right.add(x);
        const merged = left.merge(JSON.parse(JSON.stringify(right.state()))).result();
        expect([merged.n, merged.promoters, merged.passives, merged.detractors]).toEqual([batch.n, batch.promoters, batch.passives, batch.detractors]);
        closeOrNull(merged.score, batch.score, 1e-12, 1e-12);
        closeOrNull(merged.effectiveN, batch.effectiveN, 1e-12);
      }),
    );
  });

  it('csat: for any weighted answers cut anywhere, merged accumulators give the batch rate and mean within 1e-12', () => {
    const items = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), weight), { maxLength: 60 });
    fc.assert(
      fc.property(items, fc.nat({ max: 60 }), (ps, cut) => {
        const xs = ps.map(([value, w]) => ({ value, weight: w }));
        const batch = csat(xs);
        const left = csatAccumulator();
        for (const x of xs.slice(0, cut)) left.add(x);
        const right = csatAccumulator();
        for (const x of xs.slice(cut)) right.add(x);
        const merged = left.merge(right).result();
        expect([merged.n, merged.satisfied]).toEqual([batch.n, batch.satisfied]);
        closeOrNull(merged.rate, batch.rate, 1e-12, 1e-15);
        closeOrNull(merged.mean, batch.mean, 1e-12);
        closeOrNull(merged.effectiveN, batch.effectiveN, 1e-12);
      }),
    );
  });
});

// Bug found (see report): a weighted mean is Σwx (compensated) over Σw (plain +=), so a constant
// answer at the scale's end can leave the scale by an ulp, e.g. 0.9999999999999998 on [1, 5].
describe('weighted means on the scale', () => {
  it('csat([{ value: 1, weight: 0.1 }, { value: 1, weight: 0.2 }, { value: 1, weight: 0.3 }]).mean is 1 (not 0.9999999999999998)', () => {
    expect(csat([{ value: 1, weight: 0.1 }, { value: 1, weight: 0.2 }, { value: 1, weight: 0.3 }]).mean).toBe(1);
  });
  it('ces([{ value: 1, weight: 0.1 }, { value: 1, weight: 0.2 }, { value: 1, weight: 0.3 }]).mean ≥ 1 (not 0.9999999999999998)', () => {
    expect(ces([{ value: 1, weight: 0.1 }, { value: 1, weight: 0.2 }, { value: 1, weight: 0.3 }]).mean).toBeGreaterThanOrEqual(1);
  });
});

describe('surveyScores(surveys, field)', () => {
  const surveys: SurveyResponse[] = [
    { id: 's1', submittedAt: 0, nps: 10, weight: 2, csat: 4 },
    { id: 's2', submittedAt: 0, nps: 3 },
    { id: 's3', submittedAt: 0, csat: 5, weight: 0.5 },
    { id: 's4', submittedAt: 0, ces: 6, weight: 4 },
  ];

  it("surveyScores(surveys, 'nps') yields { value, weight } with weight 1 for responses without one, and skips responses without nps", () => {
    expect([...surveyScores(surveys, 'nps')]).toEqual([
      { value: 10, weight: 2 },
      { value: 3, weight: 1 },
    ]);
    expect([...surveyScores(surveys, 'csat')]).toEqual([
      { value: 4, weight: 2 },
      { value: 5, weight: 0.5 },
    ]);
    expect([...surveyScores(surveys, 'ces')]).toEqual([{ value: 6, weight: 4 }]);
    expect([...surveyScores([], 'nps')]).toEqual([]);
  });

  it('nps(surveyScores(surveys, "nps")) is the weighted NPS: (2 − 1) / 3 = 33.33, n 2, effectiveN 9/5', () => {
    const r = nps(surveyScores(surveys, 'nps'));
    expect([r.n, r.promoters, r.detractors]).toEqual([2, 1, 1]);
    close(r.score, 100 / 3);
    close(r.effectiveN, 1.8);
  });

  it('surveyScores is lazy and reads its input once (a generator works)', () => {
    let reads = 0;
    function* gen(): Generator<SurveyResponse> {
      for (const s of surveys) {
        reads++;
        yield s;
      }
    }
    const scores = surveyScores(gen(), 'csat');
    expect(reads).toBe(0);
    expect(csat(scores).n).toBe(2);
    expect(reads).toBe(4);
  });

  it('surveyScores does not mutate the responses', () => {
    const frozen = surveys.map((s) => Object.freeze({ ...s }));
    expect(() => [...surveyScores(Object.freeze(frozen), 'nps')]).not.toThrow();
  });
});

describe('byTouchpoint uses survey weights', () => {
  const interactions = [
    { id: 'c1', channel: 'phone', startedAt: 0, touchpoint: 'billing', talkSeconds: 300 },
    { id: 'c2', channel: 'chat', startedAt: 0, touchpoint: 'support', talkSeconds: 200 },
  ];
  const surveys: SurveyResponse[] = [
    { id: 's0', submittedAt: 0, touchpoint: 'billing', nps: 10, csat: 5, weight: 3 },
    { id: 's1', submittedAt: 0, touchpoint: 'billing', nps: 0, csat: 1 },
    { id: 's2', submittedAt: 0, interactionId: 'c1', nps: 8, ces: 6, weight: 2 }, // billing, through c1
    { id: 's3', submittedAt: 0, touchpoint: 'support', nps: 9 },
  ];

  it('billing: NPS (3 − 1) / 6 = 33.33 with counts 1/1/1 and n_eff 36/14; CSAT (3·1 + 1·0) / 4 = 0.75, mean 4', () => {
    const [billing, support] = byTouchpoint({ interactions, surveys });
    expect(billing!.key).toBe('billing');
    expect(billing!.surveys).toBe(3);
    const n = billing!.nps;
    expect([n.n, n.promoters, n.passives, n.detractors]).toEqual([3, 1, 1, 1]);
    close(n.score, 100 / 3);
    close(n.effectiveN, 36 / 14);
    const c = billing!.csat;
    expect([c.n, c.satisfied, c.rate, c.mean, c.effectiveN]).toEqual([2, 1, 0.75, 4, 1.6]);
    expect(billing!.ces).toMatchObject({ n: 1, mean: 6, effectiveN: 1 });
    expect(support!.nps).toMatchObject({ n: 1, score: 100, effectiveN: 1 });
  });

  it('each row equals the metric over surveyScores of that touchpoint’s responses (toEqual)', () => {
    const [billing] = byTouchpoint({ interactions, surveys });
    const mine = surveys.slice(0, 3);
    expect(billing!.nps).toEqual(nps(surveyScores(mine, 'nps')));
    expect(billing!.csat).toEqual(csat(surveyScores(mine, 'csat')));
    expect(billing!.ces).toEqual(ces(surveyScores(mine, 'ces')));
  });

  it('weights all 1 (or absent) give the unweighted row', () => {
    const ones = surveys.map((s) => ({ ...s, weight: 1 }));
    const none = surveys.map(({ weight: _w, ...s }) => s);
    expect(byTouchpoint({ interactions, surveys: ones })).toEqual(byTouchpoint({ interactions, surveys: none }));
  });
});

describe('invalid weights throw CxMetricsError naming scores[i].weight or surveys[i].weight', () => {
  const bad: [string, unknown][] = [
    ['0', 0],
    ['-1', -1],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ["'2'", '2'],
    ['null', null],
  ];

  it.each(bad)('nps, csat and ces reject weight %s at scores[1].weight', (_name, w) => {
    for (const [metric, value] of [
      [nps, 9],
      [csat, 4],
      [ces, 5],
    ] as const) {
      const e = thrown(() => (metric as (xs: unknown[]) => unknown)([{ value, weight: 1 }, { value, weight: w }]));
      expect(e.code).toBe('invalid_value');
      expect(e.path).toBe('scores[1].weight');
      expect(e.index).toBe(1);
      expect(Object.is(e.value, w)).toBe(true);
    }
  });

  it.each(bad.filter(([name]) => name !== 'null'))('byTouchpoint rejects a survey weight %s at surveys[i].weight', (_name, w) => {
    for (const field of ['nps', 'csat', 'ces'] as const) {
      const surveys = [
        { id: 's0', submittedAt: 0, nps: 9 },
        { id: 's1', submittedAt: 0, touchpoint: 'x', [field]: 4, weight: w },
      ] as unknown as SurveyResponse[];
      const e = thrown(() => byTouchpoint({ surveys }));
      expect(e.code).toBe('invalid_value');
      expect(e.path).toBe('surveys[1].weight');
      expect(e.index).toBe(1);
    }
  });

  it('byTouchpoint names the survey’s own index when it waits for its interaction’s touchpoint', () => {
    const surveys = [
      { id: 's0', submittedAt: 0, nps: 9 },
      { id: 's1', submittedAt: 0, nps: 9 },
      { id: 's2', submittedAt: 0, interactionId: 'c1', csat: 4, weight: -2 },
    ] as SurveyResponse[];
    const e = thrown(() => byTouchpoint({ interactions: [{ id: 'c1', channel: 'phone', startedAt: 0, touchpoint: 't' }], surveys }));
    expect(e.path).toBe('surveys[2].weight');
    expect(e.index).toBe(2);
  });

  it('messages name the path, the rule and the value', () => {
    expect(() => nps([10, { value: 9, weight: 0 }])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: scores[1].weight must be a finite number > 0, got 0]`);
    expect(() => csat([{ value: 4, weight: '2' as unknown as number }])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: scores[0].weight must be a finite number > 0, got "2"]`,
    );
    expect(() => byTouchpoint({ surveys: [{ id: 's', submittedAt: 0, ces: 5, weight: NaN }] })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: surveys[0].weight must be a finite number > 0, got NaN]`,
    );
  });

  it('a bad value inside { value, weight } is named as scores[i], as a plain bad score is', () => {
    const e = thrown(() => nps([{ value: 11, weight: 2 }]));
    expect(e.path).toBe('scores[0]');
    expect(thrown(() => csat([{ value: 4 }, { value: null as unknown as number, weight: 1 }])).path).toBe('scores[1]');
  });
});

function thrown(fn: () => unknown): CxMetricsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CxMetricsError);
    return e as CxMetricsError;
  }
  throw new Error('expected a CxMetricsError, but nothing was thrown');
}
