import { describe, expect, it } from 'vitest';
import { CxMetricsError, JourneySchema, SUCCESS_METRICS, parseJourney } from '../../src/models/index.js';

function cxError(f: () => unknown): CxMetricsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CxMetricsError);
    return e as CxMetricsError;
  }
  throw new Error('expected a throw');
}

const BILLING = Object.freeze({
  id: 'billing',
  name: 'Billing question',
  touchpoints: Object.freeze([
    Object.freeze({ id: 'help-center', name: 'Help center' }),
    Object.freeze({ id: 'ivr' }),
    Object.freeze({ id: 'billing-call', successMetric: 'fcr.rate', target: 0.8 }),
  ]),
});

describe('parseJourney', () => {
  it('parseJourney(input) keeps a valid journey and its touchpoint order', () => {
    expect(parseJourney(BILLING)).toStrictEqual({
      id: 'billing',
      name: 'Billing question',
      touchpoints: [
        { id: 'help-center', name: 'Help center' },
        { id: 'ivr' },
        { id: 'billing-call', successMetric: 'fcr.rate', target: 0.8 },
      ],
    });
  });

  it('parseJourney(input) keeps a reversed touchpoint list reversed (order is not normalized)', () => {
    const reversed = { ...BILLING, touchpoints: [...BILLING.touchpoints].reverse() };
    expect(parseJourney(reversed).touchpoints.map((t) => t.id)).toEqual(['billing-call', 'ivr', 'help-center']);
  });

  it('parseJourney(input) reads an integer id as a string, a numeric-string target as a number, and drops unknown keys', () => {
    expect(
      parseJourney({ id: 7, name: 'Onboarding', owner: 'cx-team', touchpoints: [{ id: 'welcome', target: '0.9', color: 'red' }] }),
    ).toStrictEqual({ id: '7', name: 'Onboarding', touchpoints: [{ id: 'welcome', target: 0.9 }] });
  });

  it.each(SUCCESS_METRICS.map((m) => [m]))('parseJourney(input) accepts successMetric %s', (metric) => {
    expect(parseJourney({ id: 'j', name: 'J', touchpoints: [{ id: 't', successMetric: metric }] }).touchpoints[0]?.successMetric).toBe(metric);
  });

  it('parseJourney(input) rejects duplicate touchpoint ids, naming the repeat', () => {
    const e = cxError(() =>
      parseJourney({ id: 'billing', name: 'Billing', touchpoints: [{ id: 'ivr' }, { id: 'ivr', successMetric: 'csat.rate' }] }),
    );
    expect(e.message).toMatchInlineSnapshot(`"journey.touchpoints[1].id must be unique within the journey, got "ivr""`);
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_record', 'journey.touchpoints[1].id', null, 'ivr']);
  });

  it('parseJourney(input) names the first repeat when a duplicate is not adjacent', () => {
    const e = cxError(() => parseJourney({ id: 'j', name: 'J', touchpoints: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'b' }, { id: 'a' }] }));
    expect(e.path).toBe('journey.touchpoints[3].id');
    expect(e.value).toBe('b');
  });

  it('parseJourney(input) rejects an unknown successMetric', () => {
    const e = cxError(() => parseJourney({ id: 'j', name: 'J', touchpoints: [{ id: 'ivr' }, { id: 'agent', successMetric: 'csat.median' }] }));
    expect(e.message).toMatchInlineSnapshot(
      `"journey.touchpoints[1].successMetric must be one of csat.rate, csat.mean, nps.score, ces.mean, ces.rate, fcr.rate, aht.mean, holdTime.mean, holdTime.meanAll, holdTime.heldRate, reroutes.rate, reroutes.mean, churnIncidence.rate, got "csat.median""`,
    );
    expect([e.code, e.path, e.value]).toEqual(['invalid_record', 'journey.touchpoints[1].successMetric', 'csat.median']);
  });

  it('parseJourney(input) says "is required" for a missing name', () => {
    const e = cxError(() => parseJourney({ id: 'j', touchpoints: [] }));
    expect(e.message).toMatchInlineSnapshot(`"journey.name is required"`);
    expect(e.path).toBe('journey.name');
  });

  it('parseJourney(input) rejects touchpoints that are not an array', () => {
    const e = cxError(() => parseJourney({ id: 'j', name: 'J', touchpoints: 'ivr,agent' }));
    expect(e.message).toMatchInlineSnapshot(`"journey.touchpoints must be an array of touchpoints, got "ivr,agent""`);
  });

  it('parseJourney(input) rejects a blank touchpoint id and a non-finite target', () => {
    expect(cxError(() => parseJourney({ id: 'j', name: 'J', touchpoints: [{ id: ' ' }] })).message).toMatchInlineSnapshot(
      `"journey.touchpoints[0].id must be a non-empty string, got " ""`,
    );
    expect(cxError(() => parseJourney({ id: 'j', name: 'J', touchpoints: [{ id: 't', target: Number.NaN }] })).message).toMatchInlineSnapshot(
      `"journey.touchpoints[0].target must be a finite number, got NaN"`,
    );
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'billing'],
  ])('parseJourney(%s) throws invalid_record at path journey', (_what, input) => {
    const e = cxError(() => parseJourney(input));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_record', 'journey', null, input]);
  });

  it('parseJourney(input) with a JSON.parse\'d "__proto__" key never pollutes Object.prototype', () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"polluted": 1}, "id": "j", "name": "J", "touchpoints": [{"id": "a", "__proto__": {"polluted": 2}}]}',
    );
    const j = parseJourney(input);
    expect(Object.getPrototypeOf(j)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(j.touchpoints[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(j).toStrictEqual({ id: 'j', name: 'J', touchpoints: [{ id: 'a' }] });
  });

  it('parseJourney(input) does not mutate its input', () => {
    const input = { id: 7, name: 'J', touchpoints: [{ id: 't', target: '0.5' }] };
    parseJourney(input);
    expect(input).toEqual({ id: 7, name: 'J', touchpoints: [{ id: 't', target: '0.5' }] });
  });

  it("parseJourney(null) says 'journey must be an object, got null', and a bad touchpoint likewise", () => {
    expect(() => parseJourney(null)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: journey must be an object, got null]`);
    expect(() => parseJourney({ id: 'j', name: 'J', touchpoints: [5] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: journey.touchpoints[0] must be an object, got 5]`);
  });
});

describe('JourneySchema', () => {
  it('JourneySchema.safeParse(input) also rejects duplicate touchpoint ids', () => {
    const r = JourneySchema.safeParse({ id: 'j', name: 'J', touchpoints: [{ id: 'a' }, { id: 'a' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([['touchpoints', 1, 'id']]);
  });

  it('JourneySchema.parse(input) accepts distinct ids that differ only in case', () => {
    expect(JourneySchema.parse({ id: 'j', name: 'J', touchpoints: [{ id: 'IVR' }, { id: 'ivr' }] }).touchpoints).toHaveLength(2);
  });
});

describe('SUCCESS_METRICS', () => {
  it('SUCCESS_METRICS lists family.field names of the Contract results, without repeats', () => {
    expect(new Set(SUCCESS_METRICS).size).toBe(SUCCESS_METRICS.length);
    for (const m of SUCCESS_METRICS) expect(m).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
    // fields fixed by DESIGN.md "Contract"
    expect(SUCCESS_METRICS).toEqual(
      expect.arrayContaining(['csat.rate', 'nps.score', 'ces.mean', 'fcr.rate', 'aht.mean', 'holdTime.mean', 'reroutes.rate', 'churnIncidence.rate']),
    );
  });
});
