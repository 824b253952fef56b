import { describe, expect, it } from 'vitest';
import { csatAccumulator } from '../../src/metrics/csat.js';
import { type SurveyFcrResult, type SurveyFcrState, surveyFcr, surveyFcrAccumulator } from '../../src/metrics/surveyFcr.js';
import type { SurveyResponse } from '../../src/models/index.js';
import { deepFreeze, expectResultsClose, thrown } from '../_arbitraries.js';

const survey = (id: string, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({ id, submittedAt: 0, ...extra });

/** z = Φ⁻¹(0.975) to double precision, and the Wilson interval written out (statistics.md §1). */
const Z = 1.959963984540054;
function wilson(k: number, n: number) {
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z / d) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return { low: k === 0 ? 0 : c - h, high: k === n ? 1 : c + h, level: 0.95 };
}

/** definitions.md §2.1 B: 500 answers to "Was your issue resolved?", 400 yes; plus 60 responses that skipped it. */
function reference(): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  for (let k = 0; k < 500; k++) out.push(survey(`s${k}`, { fcr: k < 400, csat: 4 }));
  for (let k = 0; k < 60; k++) out.push(survey(`u${k}`, { csat: 5 }));
  return out;
}

const EMPTY: SurveyFcrResult = { rate: null, resolved: 0, n: 0, unanswered: 0, effectiveN: 0, ci: null, lowSample: true };

describe('surveyFcr', () => {
  it('surveyFcr(surveys) returns 400 / 500 = 80.0 % (definitions.md §2.1 B); responses without fcr are unanswered', () => {
    const r = surveyFcr(reference());
    expect(r).toEqual({ rate: 0.8, resolved: 400, n: 500, unanswered: 60, effectiveN: 500, ci: expect.any(Object), lowSample: false });
    expectResultsClose(r.ci, wilson(400, 500), 1e-12);
  });

  it('surveyFcr(surveys) weighs answers by weight: yes 2 + 1, no 1 + 0.5 → 3 / 4.5, effectiveN 4.5² / 6.25 = 3.24', () => {
    const r = surveyFcr([
      survey('1', { fcr: true, weight: 2 }),
      survey('2', { fcr: true }),
      survey('3', { fcr: false, weight: 1 }),
      survey('4', { fcr: false, weight: 0.5 }),
    ]);
    expect(r).toEqual({ rate: 3 / 4.5, resolved: 2, n: 4, unanswered: 0, effectiveN: expect.any(Number), ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.effectiveN, 3.24, 1e-15);
    // the Wilson interval over the effective sample: k = rate × effectiveN = 2.16 of 3.24 (as csat does)
    expectResultsClose(r.ci, wilson(2.16, 3.24), 1e-12);
  });

  it('surveyFcr(surveys) with every weight 1 equals the unweighted result exactly', () => {
    const weighted = reference().map((s) => ({ ...s, weight: 1 }));
    expect(surveyFcr(weighted)).toEqual(surveyFcr(reference()));
  });

  it('surveyFcr(surveys) reads the weight of a response that skipped the question, but leaves it out', () => {
    expect(surveyFcr([survey('1', { fcr: true }), survey('2', { weight: 100 })])).toMatchObject({ rate: 1, n: 1, unanswered: 1, effectiveN: 1 });
  });

  it('surveyFcr(surveys) returns rate null and zero counts for no surveys, or none answering fcr', () => {
    expect(surveyFcr([])).toEqual(EMPTY);
    expect(surveyFcr([survey('1', { nps: 9 }), survey('2')])).toEqual({ ...EMPTY, unanswered: 2 });
  });

  it('surveyFcr(surveys) is 0 with an interval from 0 when every answer is no, and 1 up to 1 when every answer is yes', () => {
    const no = surveyFcr([survey('1', { fcr: false })]);
    expect([no.rate, no.ci?.low]).toEqual([0, 0]);
    expectResultsClose(no.ci?.high ?? null, wilson(0, 1).high, 1e-9);
    const yes = surveyFcr([survey('1', { fcr: true })]);
    expect([yes.rate, yes.ci?.high]).toEqual([1, 1]);
  });

  it('surveyFcr(surveys, options) applies confidence and lowSample', () => {
    expect(surveyFcr(reference(), { confidence: 0.99 }).ci?.level).toBe(0.99);
    expect(surveyFcr(reference(), { lowSample: { minN: 1000 } }).lowSample).toBe(true);
  });

  it('surveyFcr(surveys) does not mutate frozen inputs and reads any iterable', () => {
    const input = deepFreeze(reference());
    const before = structuredClone(input);
    expect(surveyFcr(new Set(input)).rate).toBe(0.8);
    expect(input).toEqual(before);
  });
});

describe('surveyFcr bad values and options', () => {
  it.each([['yes'], [1], [0], [null], ['partly']] as const)('surveyFcr(surveys) throws invalid_value for fcr = %j', (value) => {
    const e = thrown(() => surveyFcr([survey('1'), survey('2', { fcr: value } as unknown as Partial<SurveyResponse>)]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'surveys[1].fcr', 1, value]);
  });

  it.each([['zero', 0], ['negative', -1], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['a string', '2'], ['null', null]] as const)(
    'surveyFcr(surveys) throws invalid_value for a weight that is %s, answered or not',
    (_name, value) => {
      for (const extra of [{ fcr: true }, {}]) {
        const e = thrown(() => surveyFcr([survey('1'), survey('2', { ...extra, weight: value } as unknown as Partial<SurveyResponse>)]));
        expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'surveys[1].weight', 1]);
        expect(e.value).toBe(value);
      }
    },
  );

  it('surveyFcr(surveys) error messages name path, rule and value', () => {
    expect(() => surveyFcr([survey('1', { fcr: 'yes' } as unknown as Partial<SurveyResponse>)])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: surveys[0].fcr must be a boolean, got "yes"]`,
    );
    expect(() => surveyFcr([survey('1'), survey('2', { fcr: true, weight: 0 })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: surveys[1].weight must be a finite number > 0, got 0]`,
    );
    expect(() => surveyFcr([survey('1', { fcr: true, weight: 1e200 })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: surveys[0].weight would take Σ weight² past the largest finite number (rescale the weights), got 1e+200]`,
    );
    expect(() => surveyFcr([null as unknown as SurveyResponse])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: surveys[0] must be an object, got null]`);
  });

  it('surveyFcr(surveys, options) throws invalid_option for a bad confidence', () => {
    const e = thrown(() => surveyFcr([], { confidence: -1 }));
    expect([e.code, e.path, e.value]).toEqual(['invalid_option', 'options.confidence', -1]);
  });
});

describe('surveyFcrAccumulator', () => {
  const fold = (xs: readonly SurveyResponse[]) => {
    const acc = surveyFcrAccumulator();
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('folds to the batch result; merge of parts gives the whole', () => {
    const xs = reference();
    expect(fold(xs).result()).toEqual(surveyFcr(xs));
    expect(fold(xs.slice(0, 123)).merge(fold(xs.slice(123))).result()).toEqual(surveyFcr(xs));
  });

  it('state() is plain JSON; fromState restores it from a JSON round trip', () => {
    const s = fold([survey('1', { fcr: true, weight: 2 }), survey('2', { fcr: false }), survey('3')]).state();
    expect(s).toEqual({ v: 1, kind: 'surveyFcr', n: 2, resolved: 1, unanswered: 1, wSum: 3, wSquares: 5, wResolved: 2 });
    const restored = surveyFcrAccumulator.fromState(JSON.parse(JSON.stringify(s)) as SurveyFcrState);
    expect(restored.state()).toEqual(s);
    expect(restored.result().rate).toBe(2 / 3);
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(reference());
    const before = acc.state();
    expect(thrown(() => acc.add(survey('x', { fcr: true, weight: -1 }), 9)).path).toBe('surveys[9].weight');
    expect(thrown(() => acc.add(survey('x', { fcr: true, weight: 1e300 }))).index).toBe(560);
    expect(acc.state()).toEqual(before);
  });

  it.each([
    ['another family', () => csatAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...surveyFcrAccumulator().state(), v: 2 }), 'state.v'],
    ['a negative count', () => ({ ...surveyFcrAccumulator().state(), unanswered: -1 }), 'state.unanswered'],
    ['a negative weight total', () => ({ ...surveyFcrAccumulator().state(), wSquares: -1 }), 'state.wSquares'],
    ['resolved > n', () => ({ ...surveyFcrAccumulator().state(), n: 1, wSum: 1, wSquares: 1, resolved: 2, wResolved: 1 }), 'state.resolved'],
    ['n without weight', () => ({ ...surveyFcrAccumulator().state(), n: 1 }), 'state.wSum'],
    ['wResolved > wSum', () => ({ ...surveyFcrAccumulator().state(), n: 1, resolved: 1, wSum: 1, wSquares: 1, wResolved: 2 }), 'state.wResolved'],
    ['wResolved without resolved', () => ({ ...surveyFcrAccumulator().state(), n: 1, wSum: 1, wSquares: 1, wResolved: 0.5 }), 'state.wResolved'],
    ['Σw² too small for Σw (effectiveN > n)', () => ({ ...surveyFcrAccumulator().state(), n: 2, wSum: 2, wSquares: 1 }), 'state.wSquares'],
    ['Σw² without answers', () => ({ ...surveyFcrAccumulator().state(), wSquares: 1 }), 'state.wSquares'],
  ] as const)('merge and fromState reject %s with invalid_state', (_name, make, path) => {
    const e = thrown(() => surveyFcrAccumulator().merge(make() as unknown as SurveyFcrState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expect(thrown(() => surveyFcrAccumulator.fromState(make() as unknown as SurveyFcrState)).path).toBe(path);
  });

  it('merge rejects a state whose Σ weight² would overflow, and changes nothing', () => {
    const acc = fold([survey('1', { fcr: true, weight: 1e154 })]);
    const before = acc.state();
    const e = thrown(() => acc.merge(fold([survey('2', { fcr: true, weight: 1e154 })]).state()));
    expect([e.code, e.path]).toEqual(['invalid_state', 'state.wSquares']);
    expect(acc.state()).toEqual(before);
  });
});
