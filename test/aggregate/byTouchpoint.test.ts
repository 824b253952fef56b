import { describe, expect, it } from 'vitest';
import { byTouchpoint, type TouchpointRow } from '../../src/aggregate/index.js';
import {
  aht,
  averageSpeedOfAnswer,
  churnIncidence,
  fcr,
  holdTime,
  resolutionRate,
  reroutes,
  serviceLevel,
  surveyFcr,
  type FcrOptions,
} from '../../src/metrics/index.js';
import { firstResponseTime } from '../../src/metrics/firstResponseTime.js';
import { resolutionTime } from '../../src/metrics/resolutionTime.js';
import type { Interaction, SurveyResponse } from '../../src/models/index.js';
import { REFERENCE, deepFreeze, expectIntervalAround, expectResultsClose, HOUR_MS, tInterval95, thrown } from '../_arbitraries.js';

/** An interval checked apart from the row (see expectHandComputedRows). */
const anInterval = expect.any(Object);

const contact = (id: string, touchpoint: string | undefined, extra: Partial<Interaction> = {}): Interaction => ({
  id,
  channel: 'phone',
  startedAt: 0,
  ...(touchpoint === undefined ? {} : { touchpoint }),
  ...extra,
});
const survey = (id: string, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({ id, submittedAt: 0, ...extra });

/**
 * Hand-computed example: three groups (billing, support, no touchpoint). c1, c3 and c4 are the
 * three calls of definitions.md §3.1 / §3.2 spread over the touchpoints. Queue waits: billing
 * answered after 15 and 25 s, abandoned after 40 s; support answered after 3 s and once without a
 * recorded wait; no touchpoint: answered without a wait, abandoned after 2 s. `resolved` is set on
 * some handled contacts, and on the abandoned c3 (not handled: ignored by the resolution rate).
 */
const interactions = (): Interaction[] => [
  contact('c1', 'billing', { talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 60, customerId: 'ann', transfers: 0, waitSeconds: 15, resolved: true }),
  contact('c2', 'billing', { talkSeconds: 240, afterWorkSeconds: 30, customerId: 'ann', startedAt: 2 * HOUR_MS, transfers: 1, waitSeconds: 25, resolved: false }),
  contact('c3', 'billing', { abandoned: true, waitSeconds: 40, customerId: 'bob', resolved: true }),
  // ann again, 3 h after c1, but at another touchpoint: not a repeat of billing's contacts
  contact('c4', 'support', { talkSeconds: 420, holdSeconds: 120, afterWorkSeconds: 90, transfers: 2, customerId: 'ann', startedAt: 3 * HOUR_MS, resolved: true }),
  contact('c5', 'support', { talkSeconds: 100, waitSeconds: 3 }),
  contact('c6', undefined, { talkSeconds: 60, customerId: 'cara', abandoned: false, resolved: false }),
  contact('c7', undefined, { abandoned: true, waitSeconds: 2 }),
];
const surveys = (): SurveyResponse[] => [
  survey('s1', { interactionId: 'c1', nps: 10, csat: 5, fcr: true }), // -> billing (inherited)
  survey('s2', { interactionId: 'c4', nps: 3, csat: 2, ces: 6, fcr: false }), // -> support (inherited)
  survey('s3', { touchpoint: 'billing', interactionId: 'c4', nps: 8, ces: 3, fcr: false }), // own touchpoint wins -> billing
  survey('s4', { interactionId: 'missing', nps: 9, fcr: true }), // interaction not found -> null
  survey('s5', { csat: 4 }), // nothing to go by -> null
  survey('s6', { interactionId: 'c6', nps: 0 }), // interaction without touchpoint -> null
  survey('s7', { interactionId: 'c2', csat: 3, fcr: true }), // two surveys of one interaction -> billing
  survey('s8', { interactionId: 'c2', nps: 9 }),
];

// Every group is a low sample (n < 30). Intervals without a fixed value are `anInterval` here and
// checked in expectHandComputedRows.
/** The duration result of a group whose `missing` contacts carry no duration (n = 0). */
function noDuration(missing: number) {
  return { ...firstResponseTime([]), missing };
}

const billing: TouchpointRow = {
  key: 'billing',
  interactions: 3,
  surveys: 4,
  // (300+60+60) + (240+0+30) = 690 s over 2 handled; c3 abandoned
  aht: { mean: 345, n: 2, totalSeconds: 690, sd: expect.any(Number), ci: anInterval, lowSample: true },
  // one held contact: no spread, so no sd or t interval
  holdTime: { mean: 60, meanAll: 30, heldRate: 0.5, held: 1, n: 2, totalSeconds: 60, sd: null, ci: null, heldRateCi: anInterval, lowSample: true },
  reroutes: { rate: 0.5, mean: 0.5, rerouted: 1, n: 2, total: 1, ci: anInterval, lowSample: true },
  churnIncidence: { rate: 1 / 3, abandoned: 1, n: 3, shortAbandons: 0, ci: anInterval, lowSample: true },
  // ann at 0 h and 2 h: the first is a repeat, the second resolved
  fcr: { rate: 0.5, resolvedFirst: 1, n: 2, repeats: 1, pending: 0, withoutCustomer: 0, ci: anInterval, lowSample: true },
  // s1, s3, s7, s8: csat 5, 3; nps 10, 8, 9; ces 3 (no weights: effectiveN = n)
  csat: { rate: 0.5, satisfied: 1, n: 2, mean: 4, effectiveN: 2, ci: anInterval, lowSample: true },
  nps: {
    score: 200 / 3,
    n: 3,
    promoters: 2,
    passives: 1,
    detractors: 0,
    shares: { promoters: 2 / 3, passives: 1 / 3, detractors: 0 },
    effectiveN: 3,
    ci: anInterval,
    lowSample: true,
  },
  ces: { mean: 3, rate: 0, n: 1, easy: 0, effectiveN: 1, sd: null, ci: null, rateCi: anInterval, lowSample: true },
  // default 20 s threshold, 'excludedIfWithinThreshold': c1 (15 s) met, c2 (25 s) missed; c3
  // abandoned after 40 s, past the threshold, stays in n as a miss: 1 / (2 + 1 − 0)
  serviceLevel: {
    rate: 1 / 3,
    met: 1,
    n: 3,
    answered: 2,
    answeredWithinThreshold: 1,
    abandoned: 1,
    abandonedWithinThreshold: 0,
    shortAbandons: 0,
    missingWait: 0,
    thresholdSeconds: 20,
    ci: anInterval,
    lowSample: true,
  },
  // handled contacts' waits 15 and 25 s (c3 abandoned): mean 20, sd √(5² + 5²) = √50
  averageSpeedOfAnswer: { mean: 20, n: 2, totalSeconds: 40, missing: 0, sd: Math.sqrt(50), ci: anInterval, lowSample: true },
  // handled c1 resolved, c2 not; c3's `resolved` is ignored (abandoned): 1 of 2
  resolutionRate: { rate: 0.5, resolved: 1, n: 2, unknown: 0, ci: anInterval, lowSample: true },
  // s1 yes, s3 no, s7 yes (s1 and s7 inherit billing), s8 does not answer: 2 of 3
  surveyFcr: { rate: 2 / 3, resolved: 2, n: 3, unanswered: 1, effectiveN: 3, ci: anInterval, lowSample: true },
  // no contact in this example carries a response or resolution time: all 3 are missing
  firstResponseTime: noDuration(3),
  resolutionTime: noDuration(3),
};
const support: TouchpointRow = {
  key: 'support',
  interactions: 2,
  surveys: 1,
  // (420+120+90) + 100 = 730 s over 2
  aht: { mean: 365, n: 2, totalSeconds: 730, sd: expect.any(Number), ci: anInterval, lowSample: true },
  holdTime: { mean: 120, meanAll: 60, heldRate: 0.5, held: 1, n: 2, totalSeconds: 120, sd: null, ci: null, heldRateCi: anInterval, lowSample: true },
  reroutes: { rate: 0.5, mean: 1, rerouted: 1, n: 2, total: 2, ci: anInterval, lowSample: true },
  churnIncidence: { rate: 0, abandoned: 0, n: 2, shortAbandons: 0, ci: anInterval, lowSample: true },
  fcr: { rate: 1, resolvedFirst: 1, n: 1, repeats: 0, pending: 0, withoutCustomer: 1, ci: anInterval, lowSample: true },
  csat: { rate: 0, satisfied: 0, n: 1, mean: 2, effectiveN: 1, ci: anInterval, lowSample: true },
  // one detractor: one category, a zero-width interval at -100 (statistics.md §2 edge cases)
  nps: {
    score: -100,
    n: 1,
    promoters: 0,
    passives: 0,
    detractors: 1,
    shares: { promoters: 0, passives: 0, detractors: 1 },
    effectiveN: 1,
    ci: { low: -100, high: -100, level: 0.95 },
    lowSample: true,
  },
  ces: { mean: 6, rate: 1, n: 1, easy: 1, effectiveN: 1, sd: null, ci: null, rateCi: anInterval, lowSample: true },
  // c5 answered after 3 s ≤ 20 s: 1 of 1; c4 has no wait (missingWait, outside n)
  serviceLevel: {
    rate: 1,
    met: 1,
    n: 1,
    answered: 1,
    answeredWithinThreshold: 1,
    abandoned: 0,
    abandonedWithinThreshold: 0,
    shortAbandons: 0,
    missingWait: 1,
    thresholdSeconds: 20,
    ci: anInterval,
    lowSample: true,
  },
  // one wait, 3 s: no spread, so no sd or t interval; c4 without a wait is missing
  averageSpeedOfAnswer: { mean: 3, n: 1, totalSeconds: 3, missing: 1, sd: null, ci: null, lowSample: true },
  // c4 resolved: 1 of 1; c5 does not report it (unknown)
  resolutionRate: { rate: 1, resolved: 1, n: 1, unknown: 1, ci: anInterval, lowSample: true },
  // s2 (inherited from c4) says no: 0 of 1
  surveyFcr: { rate: 0, resolved: 0, n: 1, unanswered: 0, effectiveN: 1, ci: anInterval, lowSample: true },
  firstResponseTime: noDuration(2),
  resolutionTime: noDuration(2),
};
const none: TouchpointRow = {
  key: null,
  interactions: 2,
  surveys: 3,
  aht: { mean: 60, n: 1, totalSeconds: 60, sd: null, ci: null, lowSample: true },
  holdTime: { mean: null, meanAll: 0, heldRate: 0, held: 0, n: 1, totalSeconds: 0, sd: null, ci: null, heldRateCi: anInterval, lowSample: true },
  reroutes: { rate: 0, mean: 0, rerouted: 0, n: 1, total: 0, ci: anInterval, lowSample: true },
  churnIncidence: { rate: 0.5, abandoned: 1, n: 2, shortAbandons: 0, ci: anInterval, lowSample: true },
  fcr: { rate: 1, resolvedFirst: 1, n: 1, repeats: 0, pending: 0, withoutCustomer: 0, ci: anInterval, lowSample: true },
  // s4, s5, s6: nps 9, 0; csat 4
  csat: { rate: 1, satisfied: 1, n: 1, mean: 4, effectiveN: 1, ci: anInterval, lowSample: true },
  // one promoter, one detractor: Var = 1, 0 ± 1.96 × 100 × √(1/2) is clamped to [-100, 100] at both ends
  nps: {
    score: 0,
    n: 2,
    promoters: 1,
    passives: 0,
    detractors: 1,
    shares: { promoters: 0.5, passives: 0, detractors: 0.5 },
    effectiveN: 2,
    ci: { low: -100, high: 100, level: 0.95 },
    lowSample: true,
  },
  ces: { mean: null, rate: null, n: 0, easy: 0, effectiveN: 0, sd: null, ci: null, rateCi: null, lowSample: true },
  // c6 answered without a wait (missingWait); c7 abandoned after 2 s ≤ 20 s leaves n under
  // 'excludedIfWithinThreshold': n = 0 + 1 − 1 = 0, no rate
  serviceLevel: {
    rate: null,
    met: 0,
    n: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 1,
    abandonedWithinThreshold: 1,
    shortAbandons: 0,
    missingWait: 1,
    thresholdSeconds: 20,
    ci: null,
    lowSample: true,
  },
  // the only handled contact, c6, has no wait (c7's wait is an abandon's)
  averageSpeedOfAnswer: { mean: null, n: 0, totalSeconds: 0, missing: 1, sd: null, ci: null, lowSample: true },
  // c6 not resolved: 0 of 1 (c7 abandoned)
  resolutionRate: { rate: 0, resolved: 0, n: 1, unknown: 0, ci: anInterval, lowSample: true },
  // s4 yes (its interaction is missing); s5, s6 do not answer: 1 of 1
  surveyFcr: { rate: 1, resolved: 1, n: 1, unanswered: 2, effectiveN: 1, ci: anInterval, lowSample: true },
  firstResponseTime: noDuration(2),
  resolutionTime: noDuration(2),
};

/**
 * Asserts the rows of the hand-computed example: the fields above, then each interval.
 * AHT: billing 420 and 270 s (sd √(75² + 75²)), support 630 and 100 s (sd √(265² + 265²)); 95% t
 * interval mean ± t(0.975, 1) · sd / √2 (statistics.md §5, t from §10). Rates: a Wilson interval around
 * the rate; 0 of n starts at exactly 0 (statistics.md §1); 1 of 1 and 0 of 1 are reference examples.
 */
function expectHandComputedRows(rows: TouchpointRow[]): void {
  expect(rows).toEqual([billing, support, none]);
  const [b, s, n] = rows as [TouchpointRow, TouchpointRow, TouchpointRow];
  expectResultsClose(b.aht.sd, Math.sqrt(11250), 1e-12);
  expectResultsClose(b.aht.ci, tInterval95(345, Math.sqrt(11250), 2), 1e-9);
  expectResultsClose(s.aht.sd, Math.sqrt(140450), 1e-12);
  expectResultsClose(s.aht.ci, tInterval95(365, Math.sqrt(140450), 2), 1e-9);
  for (const r of [b.holdTime, s.holdTime]) expectIntervalAround(r.heldRateCi, 0.5);
  for (const r of [b.reroutes, b.churnIncidence, b.fcr, b.csat, s.reroutes, s.churnIncidence, n.churnIncidence]) expectIntervalAround(r.ci, r.rate);
  for (const r of [b.serviceLevel, b.resolutionRate, b.surveyFcr]) expectIntervalAround(r.ci, r.rate);
  expect(s.churnIncidence.ci?.low).toBe(0);
  // ASA: waits 15 and 25 s, mean 20, sd √50; 95% t interval 20 ± t(0.975, 1) · √50 / √2
  expectResultsClose(b.averageSpeedOfAnswer.ci, tInterval95(20, Math.sqrt(50), 2), 1e-9);
  for (const ci of [s.fcr.ci, s.ces.rateCi, n.fcr.ci, n.csat.ci, s.serviceLevel.ci, s.resolutionRate.ci, n.surveyFcr.ci]) {
    expectResultsClose(ci, REFERENCE.wilson1of1, 1e-9);
  }
  for (const ci of [b.ces.rateCi, s.csat.ci, n.holdTime.heldRateCi, n.reroutes.ci, n.resolutionRate.ci, s.surveyFcr.ci]) {
    expectResultsClose(ci, REFERENCE.wilson0of1, 1e-9);
  }
  // 200/3 + 1.96 × 100 × √((2/3 − 4/9) / 3) > 100: clamped at 100
  expectIntervalAround(b.nps.ci, 200 / 3, [-100, 100]);
  expect(b.nps.ci?.high).toBe(100);
}

const keys = (rows: TouchpointRow[]) => rows.map((r) => r.key);

describe('byTouchpoint', () => {
  it('byTouchpoint({ interactions, surveys }) computes every metric per touchpoint (hand-computed example)', () => {
    expectHandComputedRows(byTouchpoint({ interactions: interactions(), surveys: surveys() }));
  });

  it('byTouchpoint rows are JSON-safe: a JSON round trip gives the same rows', () => {
    const rows = byTouchpoint({ interactions: interactions(), surveys: surveys() });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('byTouchpoint row counts add up to the ungrouped metrics (§3.1: AHT 1,320 s over the three calls + c5 + c6)', () => {
    const rows = byTouchpoint({ interactions: interactions(), surveys: surveys() });
    const sum = (f: (r: TouchpointRow) => number) => rows.reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.interactions)).toBe(7);
    expect(sum((r) => r.surveys)).toBe(8);
    expect(sum((r) => r.aht.totalSeconds)).toBe(aht(interactions()).totalSeconds);
    expect(sum((r) => r.aht.n)).toBe(aht(interactions()).n);
    expect(sum((r) => r.holdTime.held)).toBe(holdTime(interactions()).held);
    expect(sum((r) => r.reroutes.total)).toBe(reroutes(interactions()).total);
    expect(sum((r) => r.churnIncidence.abandoned)).toBe(churnIncidence(interactions()).abandoned);
  });

  it('byTouchpoint rows add up to the ungrouped serviceLevel.answered and surveyFcr.n (every survey counted once, inherited ones included)', () => {
    const rows = byTouchpoint({ interactions: interactions(), surveys: surveys() });
    const sum = (f: (r: TouchpointRow) => number) => rows.reduce((s, r) => s + f(r), 0);
    const sl = serviceLevel(interactions());
    const sf = surveyFcr(surveys());
    // answered with a wait: c1, c2, c5; answering fcr: s1, s2, s3, s4, s7
    expect([sl.answered, sf.n]).toEqual([3, 5]);
    expect(sum((r) => r.serviceLevel.answered)).toBe(sl.answered);
    expect(sum((r) => r.surveyFcr.n)).toBe(sf.n);
    expect(sum((r) => r.surveyFcr.resolved)).toBe(sf.resolved);
    expect(sum((r) => r.surveyFcr.unanswered)).toBe(sf.unanswered);
    expect(sum((r) => r.serviceLevel.missingWait)).toBe(sl.missingWait);
    expect(sum((r) => r.averageSpeedOfAnswer.totalSeconds)).toBe(averageSpeedOfAnswer(interactions()).totalSeconds);
    expect(sum((r) => r.resolutionRate.n)).toBe(resolutionRate(interactions()).n);
  });

  it("byTouchpoint(data, { serviceLevel: { thresholdSeconds: 30, abandoned: 'missed' } }) applies those options in every group", () => {
    const rows = byTouchpoint({ interactions: interactions(), surveys: surveys() }, { serviceLevel: { thresholdSeconds: 30, abandoned: 'missed' } });
    const [b, s, n] = rows as [TouchpointRow, TouchpointRow, TouchpointRow];
    expect(keys(rows)).toEqual(['billing', 'support', null]);
    // billing: 15 and 25 s both ≤ 30 s now; c3 abandoned after 40 s is a miss: 2 / (2 + 1)
    expect(b.serviceLevel).toEqual({
      rate: 2 / 3,
      met: 2,
      n: 3,
      answered: 2,
      answeredWithinThreshold: 2,
      abandoned: 1,
      abandonedWithinThreshold: 0,
      shortAbandons: 0,
      missingWait: 0,
      thresholdSeconds: 30,
      ci: anInterval,
      lowSample: true,
    });
    expectIntervalAround(b.serviceLevel.ci, 2 / 3);
    // support: c5 after 3 s, 1 of 1 as before
    expect(s.serviceLevel).toEqual({ ...support.serviceLevel, thresholdSeconds: 30 });
    expectResultsClose(s.serviceLevel.ci, REFERENCE.wilson1of1, 1e-9);
    // no touchpoint: c7 abandoned within 30 s is still a miss under 'missed': 0 of 1 (was n = 0)
    expect(n.serviceLevel).toEqual({
      rate: 0,
      met: 0,
      n: 1,
      answered: 0,
      answeredWithinThreshold: 0,
      abandoned: 1,
      abandonedWithinThreshold: 1,
      shortAbandons: 0,
      missingWait: 1,
      thresholdSeconds: 30,
      ci: anInterval,
      lowSample: true,
    });
    expectResultsClose(n.serviceLevel.ci, REFERENCE.wilson0of1, 1e-9);
    // each row is serviceLevel() of the group's own contacts with the same options
    for (const row of rows) {
      const own = interactions().filter((x) => (x.touchpoint ?? null) === row.key);
      expect(row.serviceLevel).toEqual(serviceLevel(own, { thresholdSeconds: 30, abandoned: 'missed' }));
    }
    // the other metrics do not change
    const plain = byTouchpoint({ interactions: interactions(), surveys: surveys() });
    expect(rows.map(({ serviceLevel: _sl, ...rest }) => rest)).toEqual(plain.map(({ serviceLevel: _sl, ...rest }) => rest));
  });

  it('byTouchpoint gives serviceLevel its own confidence over the top-level one; the other new metrics take the top-level one', () => {
    const rows = byTouchpoint({ interactions: interactions(), surveys: surveys() }, { confidence: 0.9, serviceLevel: { confidence: 0.99 } });
    const [b] = rows as [TouchpointRow];
    expect(b.serviceLevel.ci?.level).toBe(0.99);
    expect([b.averageSpeedOfAnswer.ci?.level, b.resolutionRate.ci?.level, b.surveyFcr.ci?.level]).toEqual([0.9, 0.9, 0.9]);
    expect(b.serviceLevel).toEqual(serviceLevel(interactions().filter((x) => x.touchpoint === 'billing'), { confidence: 0.99 }));
  });

  it('byTouchpoint gives a survey without touchpoint its interaction’s touchpoint, through interactionId', () => {
    const rows = byTouchpoint({ interactions: [contact('c1', 'billing')], surveys: [survey('s1', { interactionId: 'c1', nps: 10 })] });
    expect(rows.map((r) => [r.key, r.interactions, r.surveys, r.nps.n])).toEqual([['billing', 1, 1, 1]]);
  });

  it('byTouchpoint inherits the touchpoint whatever the order of surveys and interactions (surveys are matched by id)', () => {
    const xs = [contact('c1', 'billing'), contact('c2', 'support')];
    const ss = [survey('s1', { interactionId: 'c2', csat: 5 }), survey('s2', { interactionId: 'c1', csat: 1 })];
    const a = byTouchpoint({ interactions: xs, surveys: ss });
    const b = byTouchpoint({ interactions: [...xs].reverse(), surveys: [...ss].reverse() });
    expect(a.map((r) => [r.key, r.csat.mean])).toEqual([
      ['billing', 1],
      ['support', 5],
    ]);
    expect(b).toEqual(a);
  });

  it('byTouchpoint puts a survey whose interaction is missing in the null group', () => {
    const rows = byTouchpoint({ interactions: [contact('c1', 'billing')], surveys: [survey('s1', { interactionId: 'nope', nps: 9 })] });
    expect(rows.map((r) => [r.key, r.interactions, r.surveys, r.nps.promoters])).toEqual([
      ['billing', 1, 0, 0],
      [null, 0, 1, 1],
    ]);
  });

  it('byTouchpoint puts a survey whose interaction has no touchpoint in the null group', () => {
    const rows = byTouchpoint({ interactions: [contact('c1', undefined)], surveys: [survey('s1', { interactionId: 'c1', nps: 9 })] });
    expect(rows.map((r) => [r.key, r.interactions, r.surveys])).toEqual([[null, 1, 1]]);
  });

  it('byTouchpoint keeps a survey’s own touchpoint over its interaction’s', () => {
    const rows = byTouchpoint({ interactions: [contact('c1', 'billing')], surveys: [survey('s1', { interactionId: 'c1', touchpoint: 'app', nps: 9 })] });
    expect(rows.map((r) => [r.key, r.interactions, r.surveys])).toEqual([
      ['app', 0, 1],
      ['billing', 1, 0],
    ]);
  });

  it('byTouchpoint groups records without touchpoint under key null (not "" or "(none)"), and keeps "" as its own key', () => {
    const rows = byTouchpoint({ interactions: [contact('c1', undefined), contact('c2', ''), contact('c3', 'billing')] });
    expect(keys(rows)).toEqual(['', 'billing', null]);
  });

  it('byTouchpoint sorts rows by key in code-unit order, the null row last', () => {
    const xs = ['support', undefined, 'billing', 'Web', 'app', 'billing'].map((t, k) => contact(`c${k}`, t));
    // 'W' (U+0057) sorts before 'a' (U+0061) in code-unit order
    expect(keys(byTouchpoint({ interactions: xs }))).toEqual(['Web', 'app', 'billing', 'support', null]);
  });

  it('byTouchpoint(data, { order }) lists the given keys first, in that order, then the rest, null last', () => {
    const xs = ['support', undefined, 'billing', 'Web', 'app'].map((t, k) => contact(`c${k}`, t));
    expect(keys(byTouchpoint({ interactions: xs }, { order: ['support'] }))).toEqual(['support', 'Web', 'app', 'billing', null]);
    expect(keys(byTouchpoint({ interactions: xs }, { order: ['billing', 'app', 'support'] }))).toEqual(['billing', 'app', 'support', 'Web', null]);
  });

  it('byTouchpoint(data, { order }) creates no row for an ordered key without records', () => {
    const xs = [contact('c1', 'billing'), contact('c2', 'support')];
    expect(keys(byTouchpoint({ interactions: xs }, { order: ['ivr', 'support'] }))).toEqual(['support', 'billing']);
  });

  it('byTouchpoint computes FCR within each touchpoint: a later contact at another touchpoint is not a repeat', () => {
    const xs = [contact('c1', 'billing', { customerId: 'ann' }), contact('c2', 'support', { customerId: 'ann', startedAt: HOUR_MS })];
    const rows = byTouchpoint({ interactions: xs });
    expect(rows.map((r) => [r.key, r.fcr.resolvedFirst, r.fcr.repeats])).toEqual([
      ['billing', 1, 0],
      ['support', 1, 0],
    ]);
    expect(fcr(xs).repeats).toBe(1);
  });

  it('byTouchpoint passes each metric its options (fcr window, short abandons, CSAT threshold)', () => {
    const fcrOptions: FcrOptions = { windowHours: 1 };
    const rows = byTouchpoint(
      { interactions: interactions(), surveys: surveys() },
      { fcr: fcrOptions, churnIncidence: { shortAbandonSeconds: 5 }, csat: { satisfiedFrom: 3 } },
    );
    const [b, , n] = rows;
    // ann's second billing contact 2 h later is outside a 1 h window: 2 of 2 resolved, the interval ends at exactly 1
    expect(b!.fcr).toEqual({ rate: 1, resolvedFirst: 2, n: 2, repeats: 0, pending: 0, withoutCustomer: 0, ci: anInterval, lowSample: true });
    expectIntervalAround(b!.fcr.ci, 1);
    expect(b!.fcr.ci?.high).toBe(1);
    // c7 abandoned after 2 s: a short abandon under 5 s; 0 of 1 left
    expect(n!.churnIncidence).toEqual({ rate: 0, abandoned: 0, n: 1, shortAbandons: 1, ci: anInterval, lowSample: true });
    expectResultsClose(n!.churnIncidence.ci, REFERENCE.wilson0of1, 1e-9);
    // csat 5 and 3 are both satisfied from 3
    expect(b!.csat).toEqual({ rate: 1, satisfied: 2, n: 2, mean: 4, effectiveN: 2, ci: anInterval, lowSample: true });
    expectIntervalAround(b!.csat.ci, 1);
    expect(b!.csat.ci?.high).toBe(1);
  });

  it('byTouchpoint(data, { fcr: { asOf } }) holds back young contacts as pending per group', () => {
    const rows = byTouchpoint({ interactions: interactions() }, { fcr: { windowHours: 24, asOf: 10 * HOUR_MS } });
    // every contact started less than 24 h before asOf: all pending, the repeat in billing included
    expect(rows.map((r) => [r.key, r.fcr.n, r.fcr.pending])).toEqual([
      ['billing', 0, 2],
      ['support', 0, 1],
      [null, 0, 1],
    ]);
  });

  it('byTouchpoint returns no rows for no data', () => {
    expect(byTouchpoint({})).toEqual([]);
    expect(byTouchpoint({ interactions: [], surveys: [] })).toEqual([]);
  });

  it('byTouchpoint of one interaction is one row with that interaction’s metrics', () => {
    const x = contact('c1', 'billing', { talkSeconds: 120, customerId: 'ann', waitSeconds: 12, resolved: true });
    expect(byTouchpoint({ interactions: [x] })).toEqual([
      {
        key: 'billing',
        interactions: 1,
        surveys: 0,
        aht: aht([x]),
        holdTime: holdTime([x]),
        reroutes: reroutes([x]),
        churnIncidence: churnIncidence([x]),
        fcr: fcr([x]),
        csat: { rate: null, satisfied: 0, n: 0, mean: null, effectiveN: 0, ci: null, lowSample: true },
        nps: { score: null, n: 0, promoters: 0, passives: 0, detractors: 0, shares: null, effectiveN: 0, ci: null, lowSample: true },
        ces: { mean: null, rate: null, n: 0, easy: 0, effectiveN: 0, sd: null, ci: null, rateCi: null, lowSample: true },
        serviceLevel: serviceLevel([x]),
        averageSpeedOfAnswer: averageSpeedOfAnswer([x]),
        resolutionRate: resolutionRate([x]),
        surveyFcr: { rate: null, resolved: 0, n: 0, unanswered: 0, effectiveN: 0, ci: null, lowSample: true },
        firstResponseTime: firstResponseTime([x]),
        resolutionTime: resolutionTime([x]),
      },
    ]);
  });

  it('byTouchpoint of surveys only gives rows with empty operational metrics', () => {
    const [row] = byTouchpoint({ surveys: [survey('s1', { touchpoint: 'app', nps: 10 })] });
    expect(row).toMatchObject({
      key: 'app',
      interactions: 0,
      surveys: 1,
      aht: aht([]),
      fcr: fcr([]),
      churnIncidence: churnIncidence([]),
      serviceLevel: serviceLevel([]),
      averageSpeedOfAnswer: averageSpeedOfAnswer([]),
      resolutionRate: resolutionRate([]),
    });
    expect(row!.nps.score).toBe(100);
  });

  it('byTouchpoint of all-abandoned contacts has null AHT, hold and FCR values and a churn rate of 1', () => {
    const [row] = byTouchpoint({ interactions: [contact('c1', 'ivr', { abandoned: true, customerId: 'ann' }), contact('c2', 'ivr', { abandoned: true })] });
    expect(row).toMatchObject({ key: 'ivr', interactions: 2, aht: aht([]), holdTime: holdTime([]), reroutes: reroutes([]), fcr: fcr([]) });
    expect(row!.churnIncidence).toEqual({ rate: 1, abandoned: 2, n: 2, shortAbandons: 0, ci: anInterval, lowSample: true });
    expectIntervalAround(row!.churnIncidence.ci, 1);
    expect(row!.churnIncidence.ci?.high).toBe(1);
  });

  it('byTouchpoint reads any iterables (generators)', () => {
    function* gen<T>(xs: T[]): Generator<T> {
      yield* xs;
    }
    expectHandComputedRows(byTouchpoint({ interactions: gen(interactions()), surveys: gen(surveys()) }));
  });

  it('byTouchpoint does not mutate frozen inputs', () => {
    const xs = deepFreeze(interactions());
    const ss = deepFreeze(surveys());
    const before = structuredClone([xs, ss]);
    expectHandComputedRows(byTouchpoint({ interactions: xs, surveys: ss }));
    expect([xs, ss]).toEqual(before);
  });
});

describe('byTouchpoint bad values and options', () => {
  it('byTouchpoint throws invalid_value for an interaction touchpoint that is not a string', () => {
    const e = thrown(() => byTouchpoint({ interactions: [contact('c1', 'a'), { ...contact('c2', undefined), touchpoint: 42 } as unknown as Interaction] }));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[1].touchpoint', 1, 42]);
  });

  it('byTouchpoint throws invalid_value for a survey touchpoint that is not a string', () => {
    const e = thrown(() => byTouchpoint({ surveys: [survey('s1'), { ...survey('s2'), touchpoint: null } as unknown as SurveyResponse] }));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'surveys[1].touchpoint', 1, null]);
  });

  it('byTouchpoint names the interaction and field of a bad metric value', () => {
    const e = thrown(() => byTouchpoint({ interactions: [contact('c1', 'a'), contact('c2', 'a'), contact('c3', 'b', { holdSeconds: -1 })] }));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[2].holdSeconds', 2, -1]);
  });

  it('byTouchpoint names the survey and field of a bad score, also for a survey matched through its interaction', () => {
    const direct = thrown(() => byTouchpoint({ surveys: [survey('s0'), survey('s1', { touchpoint: 'a', nps: 11 })] }));
    expect([direct.code, direct.path, direct.index, direct.value]).toEqual(['invalid_value', 'surveys[1].nps', 1, 11]);
    const matched = thrown(() =>
      byTouchpoint({ interactions: [contact('c1', 'a')], surveys: [survey('s0'), survey('s1'), survey('s2', { interactionId: 'c1', csat: 9 })] }),
    );
    expect([matched.code, matched.path, matched.index, matched.value]).toEqual(['invalid_value', 'surveys[2].csat', 2, 9]);
  });

  it('byTouchpoint words its errors', () => {
    expect(() => byTouchpoint({ interactions: [contact('c1', 'a'), { ...contact('c2', undefined), touchpoint: 42 } as unknown as Interaction] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[1].touchpoint must be a string, got 42]`);
    expect(() => byTouchpoint({ surveys: [survey('s0'), survey('s1', { touchpoint: 'a', nps: 11 })] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: surveys[1].nps must be an integer 0–10, got 11]`);
  });

  it.each([
    ['fcr windowHours 0', { fcr: { windowHours: 0 } }, 'options.windowHours'],
    ['fcr windowHours -1', { fcr: { windowHours: -1 } }, 'options.windowHours'],
    ['fcr windowHours NaN', { fcr: { windowHours: Number.NaN } }, 'options.windowHours'],
    ['churnIncidence shortAbandonSeconds -1', { churnIncidence: { shortAbandonSeconds: -1 } }, 'options.shortAbandonSeconds'],
    ['csat satisfiedFrom off the scale', { csat: { satisfiedFrom: 6 } }, 'options.satisfiedFrom'],
  ] as const)('byTouchpoint throws invalid_option for %s, even on no data', (_name, options, path) => {
    for (const data of [{}, { interactions: interactions(), surveys: surveys() }]) {
      const e = thrown(() => byTouchpoint(data, options));
      expect([e.code, e.path]).toEqual(['invalid_option', path]);
    }
  });

  it("byTouchpoint(data, { order: ['b', 'a', 'b'] }) lists 'b' before 'a' (first occurrence wins)", () => {
    const rows = byTouchpoint(
      { interactions: [{ id: '1', channel: 'phone', startedAt: 0, touchpoint: 'a' }, { id: '2', channel: 'phone', startedAt: 0, touchpoint: 'b' }] },
      { order: ['b', 'a', 'b'] },
    );
    expect(rows.map((r) => r.key)).toEqual(['b', 'a']);
  });
});

describe('byTouchpoint response and resolution times', () => {
  const c = (id: string, touchpoint: string, extra: Partial<Interaction>): Interaction => ({ id, channel: 'email', startedAt: 1_700_000_000_000, touchpoint, ...extra });
  const xs = [
    c('a', 'email', { firstResponseSeconds: 600, resolutionSeconds: 7200 }),
    c('b', 'email', { firstResponseSeconds: 1800 }),
    c('c', 'email', {}),
    c('d', 'chat', { firstResponseSeconds: 30, resolvedAt: 1_700_000_000_000 + 900_000 }),
  ];
  it('computes them per group from the records that carry them; the others are missing', () => {
    const rows = byTouchpoint({ interactions: xs });
    const email = rows.find((r) => r.key === 'email')!;
    const chat = rows.find((r) => r.key === 'chat')!;
    // email: responses 600 and 1800 s → mean 1200, median (type 7) 1200; c has none → missing 1
    expect([email.firstResponseTime.n, email.firstResponseTime.missing, email.firstResponseTime.mean, email.firstResponseTime.median]).toEqual([2, 1, 1200, 1200]);
    expect([email.resolutionTime.n, email.resolutionTime.missing, email.resolutionTime.mean]).toEqual([1, 2, 7200]);
    expect(email.firstResponseTime).toEqual(firstResponseTime(xs.slice(0, 3)));
    // chat: resolvedAt is a timestamp, read only with from: 'timestamps'
    expect(chat.resolutionTime.n).toBe(0);
    const ts = byTouchpoint({ interactions: xs }, { resolutionTime: { from: 'timestamps' } });
    expect(ts.find((r) => r.key === 'chat')!.resolutionTime.mean).toBe(900);
  });
});
