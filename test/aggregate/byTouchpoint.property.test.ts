import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byTouchpoint, type ByTouchpointOptions, type TouchpointRow } from '../../src/aggregate/index.js';
import {
  aht,
  averageSpeedOfAnswer,
  ces,
  churnIncidence,
  csat,
  fcr,
  holdTime,
  nps,
  reroutes,
  resolutionRate,
  serviceLevel,
  surveyFcr,
} from '../../src/metrics/index.js';
import { firstResponseTime } from '../../src/metrics/firstResponseTime.js';
import { resolutionTime } from '../../src/metrics/resolutionTime.js';
import type { StatOptions } from '../../src/index.js';
import type { Interaction, SurveyResponse } from '../../src/models/index.js';
import { expectClose, expectResultsClose, HOUR_MS, interactionsArb, momentsAbsTolerance, nonFiniteNumbers, surveysArb, TOUCHPOINTS } from '../_arbitraries.js';

const dataArb = fc.record({ interactions: interactionsArb, surveys: surveysArb });
/** Both inputs and a permutation of each. */
const permutedDataArb = dataArb.chain((d) =>
  fc.tuple(
    fc.constant(d),
    fc.record({
      interactions: fc.shuffledSubarray(d.interactions, { minLength: d.interactions.length, maxLength: d.interactions.length }),
      surveys: fc.shuffledSubarray(d.surveys, { minLength: d.surveys.length, maxLength: d.surveys.length }),
    }),
  ),
);
/** Interval level and low-sample thresholds, each possibly absent (top level, or a metric's own). */
const statArb: fc.Arbitrary<StatOptions> = fc
  .record(
    {
      confidence: fc.constantFrom(0.8, 0.9, 0.99),
      lowSample: fc.record({ minN: fc.integer({ min: 0, max: 40 }), minCount: fc.integer({ min: 0, max: 6 }) }, { requiredKeys: [] }).map((o) => ({ ...o })),
    },
    { requiredKeys: [] },
  )
  .map((o) => ({ ...o }));
const optionsArb: fc.Arbitrary<ByTouchpointOptions> = fc
  .record(
    {
      stat: statArb,
      fcr: fc
        .record({ windowHours: fc.constantFrom(24, 48, 168), asOf: fc.integer({ min: 0, max: 12 * 24 * HOUR_MS }) }, { requiredKeys: [] })
        .map((o) => ({ ...o })),
      churnIncidence: fc.constantFrom(0, 5, 20).map((shortAbandonSeconds) => ({ shortAbandonSeconds })),
      serviceLevel: fc
        .tuple(
          fc.record(
            {
              thresholdSeconds: fc.constantFrom(0, 20, 30, 60),
              abandoned: fc.constantFrom('excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold', 'excluded' as const),
              shortAbandonSeconds: fc.constantFrom(0, 5, 10),
            },
            { requiredKeys: [] },
          ),
          statArb,
        )
        .map(([o, stat]) => ({ ...o, ...stat })),
      order: fc.shuffledSubarray([...TOUCHPOINTS, 'ivr']),
    },
    { requiredKeys: [] },
  )
  .map(({ stat, ...o }) => ({ ...stat, ...o }));

/**
 * The interval and low-sample options a metric gets in a group: its own `confidence` / `lowSample`
 * over the top-level ones (as the grouping engine resolves them).
 */
function statFor(o: ByTouchpointOptions, own?: StatOptions): StatOptions {
  const out: StatOptions = {};
  for (const from of [o, own]) {
    if (from?.confidence !== undefined) out.confidence = from.confidence;
    if (from?.lowSample !== undefined) out.lowSample = from.lowSample;
  }
  return out;
}

const sum = (rows: TouchpointRow[], f: (r: TouchpointRow) => number) => rows.reduce((s, r) => s + f(r), 0);
const scoresOf = (ss: readonly SurveyResponse[], field: 'csat' | 'nps' | 'ces') => ss.flatMap((s) => (s[field] === undefined ? [] : [s[field]]));

/**
 * The tolerance of fields derived from moments (sd and t intervals of AHT, hold time, ASA and CES), which
 * depend on the order of the records up to rounding (statistics.md §7): 1e-9 relative or
 * momentsAbsTolerance of the largest value in the data (handle times; CES answers up to 7).
 */
function momentsTolerance(xs: readonly Interaction[]): [rel: number, abs: number] {
  const handle = (r: Interaction) => (r.talkSeconds ?? 0) + (r.holdSeconds ?? 0) + (r.afterWorkSeconds ?? 0);
  // ASA's moments are of the queue waits
  return [1e-9, momentsAbsTolerance(Math.max(7, ...xs.map(handle), ...xs.map((r) => r.waitSeconds ?? 0)))];
}

/** A result without the fields derived from moments. */
const withoutMoments = <T extends object>(r: T): T => ({ ...r, sd: null, ci: null });

/**
 * Rows equal: everything exact except sums of fractional seconds (within 1e-12 relative) and the
 * fields derived from moments (within {@link momentsTolerance}); every field is compared.
 */
function expectSameRows(actual: TouchpointRow[], expected: TouchpointRow[], xs: readonly Interaction[]): void {
  expect(actual.map((r) => r.key)).toEqual(expected.map((r) => r.key));
  actual.forEach((a, k) => {
    const e = expected[k]!;
    const { aht: aa, holdTime: ah, ces: ac, averageSpeedOfAnswer: aw, ...restA } = a;
    const { aht: ea, holdTime: eh, ces: ec, averageSpeedOfAnswer: ew, ...restE } = e;
    expect(restA).toEqual(restE);
    expect([aa.n, aa.lowSample, ah.n, ah.held, ah.heldRate, ah.heldRateCi, ah.lowSample]).toEqual([ea.n, ea.lowSample, eh.n, eh.held, eh.heldRate, eh.heldRateCi, eh.lowSample]);
    expect([aw.n, aw.missing, aw.lowSample]).toEqual([ew.n, ew.missing, ew.lowSample]);
    expectClose(aa.totalSeconds, ea.totalSeconds);
    expectClose(aa.mean, ea.mean);
    expectClose(ah.totalSeconds, eh.totalSeconds);
    expectClose(ah.mean, eh.mean);
    expectClose(ah.meanAll, eh.meanAll);
    expectClose(aw.totalSeconds, ew.totalSeconds);
    expectClose(aw.mean, ew.mean);
    // CES answers are integers: everything but sd and the t interval exactly
    expect(withoutMoments(ac)).toEqual(withoutMoments(ec));
  });
  expectResultsClose(actual, expected, ...momentsTolerance(xs));
}

describe('byTouchpoint laws', () => {
  it('for any data, row counts add up to the ungrouped counts (interactions, surveys, aht.n, holdTime.held, churnIncidence.n, nps.n, csat.n, …)', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, ({ interactions: xs, surveys: ss }, o) => {
        const rows = byTouchpoint({ interactions: xs, surveys: ss }, o);
        expect(sum(rows, (r) => r.interactions)).toBe(xs.length);
        expect(sum(rows, (r) => r.surveys)).toBe(ss.length);
        expect(sum(rows, (r) => r.aht.n)).toBe(aht(xs).n);
        const h = holdTime(xs);
        expect([sum(rows, (r) => r.holdTime.held), sum(rows, (r) => r.holdTime.n)]).toEqual([h.held, h.n]);
        const rr = reroutes(xs);
        expect([sum(rows, (r) => r.reroutes.n), sum(rows, (r) => r.reroutes.rerouted), sum(rows, (r) => r.reroutes.total)]).toEqual([rr.n, rr.rerouted, rr.total]);
        const ch = churnIncidence(xs, o.churnIncidence);
        expect([sum(rows, (r) => r.churnIncidence.n), sum(rows, (r) => r.churnIncidence.abandoned), sum(rows, (r) => r.churnIncidence.shortAbandons)]).toEqual([
          ch.n,
          ch.abandoned,
          ch.shortAbandons,
        ]);
        // FCR is computed within each touchpoint, so only the contacts scored or held back add up
        const f = fcr(xs, o.fcr);
        expect([sum(rows, (r) => r.fcr.n + r.fcr.pending), sum(rows, (r) => r.fcr.withoutCustomer)]).toEqual([f.n + f.pending, f.withoutCustomer]);
        const n = nps(scoresOf(ss, 'nps'));
        expect([sum(rows, (r) => r.nps.n), sum(rows, (r) => r.nps.promoters), sum(rows, (r) => r.nps.detractors)]).toEqual([n.n, n.promoters, n.detractors]);
        const c = csat(scoresOf(ss, 'csat'));
        expect([sum(rows, (r) => r.csat.n), sum(rows, (r) => r.csat.satisfied)]).toEqual([c.n, c.satisfied]);
        expect(sum(rows, (r) => r.ces.n)).toBe(ces(scoresOf(ss, 'ces')).n);
      }),
    );
  });

  it('for any data, rows add up to the ungrouped serviceLevel (answered, met, n, …), averageSpeedOfAnswer, resolutionRate and surveyFcr counts', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, ({ interactions: xs, surveys: ss }, o) => {
        const rows = byTouchpoint({ interactions: xs, surveys: ss }, o);
        const sl = serviceLevel(xs, o.serviceLevel);
        // every convention's met and n are sums of per-contact counts, so they add up too
        const slKeys = ['answered', 'answeredWithinThreshold', 'abandoned', 'abandonedWithinThreshold', 'shortAbandons', 'missingWait', 'met', 'n'] as const;
        expect(slKeys.map((k) => sum(rows, (r) => r.serviceLevel[k]))).toEqual(slKeys.map((k) => sl[k]));
        const sf = surveyFcr(ss);
        expect([sum(rows, (r) => r.surveyFcr.n), sum(rows, (r) => r.surveyFcr.resolved), sum(rows, (r) => r.surveyFcr.unanswered)]).toEqual([sf.n, sf.resolved, sf.unanswered]);
        const asa = averageSpeedOfAnswer(xs);
        expect([sum(rows, (r) => r.averageSpeedOfAnswer.n), sum(rows, (r) => r.averageSpeedOfAnswer.missing)]).toEqual([asa.n, asa.missing]);
        expectClose(sum(rows, (r) => r.averageSpeedOfAnswer.totalSeconds), asa.totalSeconds);
        const rr = resolutionRate(xs);
        expect([sum(rows, (r) => r.resolutionRate.n), sum(rows, (r) => r.resolutionRate.resolved), sum(rows, (r) => r.resolutionRate.unknown)]).toEqual([
          rr.n,
          rr.resolved,
          rr.unknown,
        ]);
      }),
    );
  });

  it('for any data, the per-row sums of seconds add up to the ungrouped sums within 1e-12 relative', () => {
    fc.assert(
      fc.property(dataArb, ({ interactions: xs, surveys: ss }) => {
        const rows = byTouchpoint({ interactions: xs, surveys: ss });
        expectClose(sum(rows, (r) => r.aht.totalSeconds), aht(xs).totalSeconds);
        expectClose(sum(rows, (r) => r.holdTime.totalSeconds), holdTime(xs).totalSeconds);
      }),
    );
  });

  it('for any data, each row equals the metrics of its own records (surveys keyed by own touchpoint, else their interaction’s, else null)', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, ({ interactions: xs, surveys: ss }, o) => {
        const byId = new Map(xs.map((x) => [x.id, x]));
        const keyOfSurvey = (s: SurveyResponse) => s.touchpoint ?? (s.interactionId === undefined ? undefined : byId.get(s.interactionId)?.touchpoint) ?? null;
        for (const row of byTouchpoint({ interactions: xs, surveys: ss }, o)) {
          const mine = xs.filter((x) => (x.touchpoint ?? null) === row.key);
          const theirs = ss.filter((s) => keyOfSurvey(s) === row.key);
          const expected: TouchpointRow = {
            key: row.key,
            interactions: mine.length,
            surveys: theirs.length,
            aht: aht(mine, statFor(o)),
            holdTime: holdTime(mine, statFor(o)),
            reroutes: reroutes(mine, statFor(o)),
            churnIncidence: churnIncidence(mine, { ...o.churnIncidence, ...statFor(o, o.churnIncidence) }),
            fcr: fcr(mine, { ...o.fcr, ...statFor(o, o.fcr) }),
            csat: csat(scoresOf(theirs, 'csat'), statFor(o)),
            nps: nps(scoresOf(theirs, 'nps'), statFor(o)),
            ces: ces(scoresOf(theirs, 'ces'), statFor(o)),
            serviceLevel: serviceLevel(mine, { ...o.serviceLevel, ...statFor(o, o.serviceLevel) }),
            averageSpeedOfAnswer: averageSpeedOfAnswer(mine, statFor(o)),
            resolutionRate: resolutionRate(mine, statFor(o)),
            // every survey of the group, those inheriting the touchpoint through interactionId too
            surveyFcr: surveyFcr(theirs, statFor(o)),
            firstResponseTime: firstResponseTime(mine, statFor(o)),
            resolutionTime: resolutionTime(mine, statFor(o)),
          };
          // Exact, except sd and the t interval of CES: a group takes the surveys matched through
          // their interaction after the others, so its moments see another order than this filter.
          expect({ ...row, ces: withoutMoments(row.ces) }).toEqual({ ...expected, ces: withoutMoments(expected.ces) });
          expectResultsClose(row, expected, ...momentsTolerance(xs));
        }
      }),
    );
  });

  it('for any data, keys are unique, sorted in code-unit order after the ordered keys, null last', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, (d, o) => {
        const keys = byTouchpoint(d, o).map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        const nullAt = keys.indexOf(null);
        if (nullAt !== -1) expect(nullAt).toBe(keys.length - 1);
        const order = o.order ?? [];
        const ordered = order.filter((k) => keys.includes(k));
        expect(keys.slice(0, ordered.length)).toEqual(ordered);
        const rest = keys.slice(ordered.length).filter((k): k is string => k !== null);
        expect(rest).toEqual([...rest].sort());
      }),
    );
  });

  it('for any data, every touchpoint present in the data has a row, and no other key does', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, (d, o) => {
        const keys = byTouchpoint(d, o).map((r) => r.key);
        for (const x of d.interactions) expect(keys).toContain(x.touchpoint ?? null);
        for (const s of d.surveys) if (s.touchpoint !== undefined) expect(keys).toContain(s.touchpoint);
        const present = new Set<string | null>([...d.interactions.map((x) => x.touchpoint ?? null), ...d.surveys.map((s) => s.touchpoint ?? null)]);
        // null may also come from surveys whose interaction is missing or has no touchpoint
        for (const k of keys) if (k !== null) expect(present.has(k)).toBe(true);
      }),
    );
  });

  it('order-independent: permuting interactions and surveys gives the same rows in the same order (sums within 1e-12)', () => {
    fc.assert(
      fc.property(permutedDataArb, optionsArb, ([d, p], o) => {
        expectSameRows(byTouchpoint(p, o), byTouchpoint(d, o), d.interactions);
      }),
    );
  });

  it('rows are JSON-safe: no NaN or Infinity, and JSON.parse(JSON.stringify(rows)) deep-equals rows', () => {
    fc.assert(
      fc.property(dataArb, optionsArb, (d, o) => {
        const rows = byTouchpoint(d, o);
        expect(nonFiniteNumbers(rows)).toEqual([]);
        expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
      }),
    );
  });
});
