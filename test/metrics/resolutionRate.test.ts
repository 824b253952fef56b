import { describe, expect, it } from 'vitest';
import { reroutesAccumulator } from '../../src/metrics/reroutes.js';
import { type ResolutionRateResult, type ResolutionRateState, resolutionRate, resolutionRateAccumulator } from '../../src/metrics/resolutionRate.js';
import type { Interaction } from '../../src/models/index.js';
import { deepFreeze, thrown } from '../_arbitraries.js';

const contact = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'chat', startedAt: 0, ...extra });

/** z = Φ⁻¹(0.975) to double precision, and the Wilson interval written out (statistics.md §1). */
const Z = 1.959963984540054;
function wilson(k: number, n: number) {
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z / d) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return { low: k === 0 ? 0 : c - h, high: k === n ? 1 : c + h };
}

/** 1,000 handled contacts: 820 resolved, 130 not, 50 without a disposition; and 40 abandons. */
function day(): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < 1000; k++) out.push(contact(`h${k}`, k < 820 ? { resolved: true } : k < 950 ? { resolved: false } : {}));
  for (let k = 0; k < 40; k++) out.push(contact(`b${k}`, { abandoned: true, resolved: k < 10 }));
  return out;
}

const EMPTY: ResolutionRateResult = { rate: null, resolved: 0, n: 0, unknown: 0, ci: null, lowSample: true };

describe('resolutionRate', () => {
  it('resolutionRate(interactions) returns 820 / 950 over the contacts that report resolved; 50 unknown; abandons left out', () => {
    const r = resolutionRate(day());
    expect(r).toEqual({ rate: 820 / 950, resolved: 820, n: 950, unknown: 50, ci: expect.any(Object), lowSample: false });
    const w = wilson(820, 950);
    expect(r.ci!.low).toBeCloseTo(w.low, 12);
    expect(r.ci!.high).toBeCloseTo(w.high, 12);
  });

  it('resolutionRate(interactions) counts resolved: false in n and a missing resolved as unknown, never as unresolved', () => {
    expect(resolutionRate([contact('1', { resolved: false }), contact('2')])).toEqual({
      rate: 0,
      resolved: 0,
      n: 1,
      unknown: 1,
      ci: { low: 0, high: expect.any(Number), level: 0.95 },
      lowSample: true,
    });
  });

  it('resolutionRate(interactions) treats abandoned: false as handled and abandoned: true as outside every count', () => {
    const r = resolutionRate([contact('1', { abandoned: false, resolved: true }), contact('2', { abandoned: true, resolved: true }), contact('3', { abandoned: true })]);
    expect([r.rate, r.resolved, r.n, r.unknown]).toEqual([1, 1, 1, 0]);
  });

  it('resolutionRate(interactions) returns rate null for no interactions, all abandoned, or no dispositions', () => {
    expect(resolutionRate([])).toEqual(EMPTY);
    expect(resolutionRate([contact('1', { abandoned: true, resolved: true })])).toEqual(EMPTY);
    expect(resolutionRate([contact('1'), contact('2')])).toEqual({ ...EMPTY, unknown: 2 });
  });

  it('resolutionRate(interactions, options) applies confidence and lowSample', () => {
    const xs = [contact('1', { resolved: true }), contact('2', { resolved: false })];
    expect(resolutionRate(xs, { confidence: 0.8 }).ci?.level).toBe(0.8);
    expect(resolutionRate(xs, { lowSample: { minN: 2, minCount: 1 } }).lowSample).toBe(false);
  });

  it('resolutionRate(interactions) does not mutate frozen inputs and reads any iterable', () => {
    const input = deepFreeze(day());
    const before = structuredClone(input);
    expect(resolutionRate(new Set(input)).resolved).toBe(820);
    expect(input).toEqual(before);
  });
});

describe('resolutionRate bad values and options', () => {
  it.each([['yes'], [1], [0], [null], ['true']] as const)('resolutionRate(interactions) throws invalid_value for resolved = %j, on abandoned contacts too', (value) => {
    for (const abandoned of [false, true]) {
      const e = thrown(() => resolutionRate([contact('1'), contact('2', { abandoned, resolved: value } as unknown as Partial<Interaction>)]));
      expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[1].resolved', 1, value]);
    }
  });

  it('resolutionRate(interactions) error messages name path, rule and value', () => {
    expect(() => resolutionRate([contact('1', { resolved: 'yes' } as unknown as Partial<Interaction>)])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].resolved must be a boolean, got "yes"]`,
    );
    expect(() => resolutionRate([contact('1'), contact('2', { abandoned: 'no' } as unknown as Partial<Interaction>)])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[1].abandoned must be a boolean, got "no"]`,
    );
    expect(() => resolutionRate([undefined as unknown as Interaction])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0] must be an object, got undefined]`);
  });

  it('resolutionRate(interactions, options) throws invalid_option for a bad confidence or lowSample', () => {
    expect(thrown(() => resolutionRate([], { confidence: 95 })).path).toBe('options.confidence');
    expect(thrown(() => resolutionRateAccumulator({ lowSample: { minCount: Number.NaN } })).path).toBe('options.lowSample.minCount');
  });
});

describe('resolutionRateAccumulator', () => {
  const fold = (xs: readonly Interaction[]) => {
    const acc = resolutionRateAccumulator();
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('folds to the batch result; merge of parts gives the whole', () => {
    const xs = day();
    expect(fold(xs).result()).toEqual(resolutionRate(xs));
    expect(fold(xs.slice(0, 900)).merge(fold(xs.slice(900)).state()).result()).toEqual(resolutionRate(xs));
  });

  it('state() is plain JSON; fromState restores it from a JSON round trip', () => {
    const s = fold(day()).state();
    expect(s).toEqual({ v: 1, kind: 'resolutionRate', n: 950, resolved: 820, unknown: 50 });
    const restored = resolutionRateAccumulator.fromState(JSON.parse(JSON.stringify(s)) as ResolutionRateState);
    expect(restored.state()).toEqual(s);
    expect(restored.result()).toEqual(resolutionRate(day()));
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(day());
    const before = acc.state();
    expect(thrown(() => acc.add(contact('x', { resolved: 1 } as unknown as Interaction), 5)).path).toBe('interactions[5].resolved');
    expect(thrown(() => acc.add(contact('x', { resolved: 1 } as unknown as Interaction))).index).toBe(1040);
    expect(acc.state()).toEqual(before);
  });

  it.each([
    ['another family', () => reroutesAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...resolutionRateAccumulator().state(), v: 0 }), 'state.v'],
    ['a negative count', () => ({ ...resolutionRateAccumulator().state(), unknown: -1 }), 'state.unknown'],
    ['resolved > n', () => ({ ...resolutionRateAccumulator().state(), resolved: 1 }), 'state.resolved'],
  ] as const)('merge and fromState reject %s with invalid_state', (_name, make, path) => {
    const e = thrown(() => resolutionRateAccumulator().merge(make() as unknown as ResolutionRateState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expect(thrown(() => resolutionRateAccumulator.fromState(make() as unknown as ResolutionRateState)).path).toBe(path);
  });
});
