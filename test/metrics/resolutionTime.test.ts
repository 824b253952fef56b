// Reference values: ../shared/reference/definitions.md §5.2 (created Mon 09:00, solved Mon 15:00,
// reopened Tue 10:00, solved Wed 11:00: first resolution 6 h, full resolution 50 h) and
// statistics.md §8 (type 7 of [4.2, 1.5, 3.3, 8.0, 2.7] hours: median 3.3, p90 6.48, p75 4.2). The
// shared core is tested in depth in firstResponseTime.test.ts; here, what differs: the fields read.
import { describe, expect, it } from 'vitest';
import { firstResponseTimeAccumulator } from '../../src/metrics/firstResponseTime.js';
import { resolutionTime, resolutionTimeAccumulator, type ResolutionTimeResult, type ResolutionTimeState } from '../../src/metrics/resolutionTime.js';
import type { Interaction } from '../../src/models/index.js';
import { businessCalendar } from '../../src/stats/businessHours.js';
import { expectResultsClose, thrown } from '../_arbitraries.js';

const HOUR = 3_600_000;
const MONDAY_9 = Date.UTC(2024, 2, 4, 9);
const ticket = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'email', startedAt: MONDAY_9, ...extra });

describe('resolutionTime', () => {
  it("resolutionTime(interactions, { from: 'timestamps' }) of the §5.2 ticket: full resolution 50 h (latest solve)", () => {
    const r = resolutionTime([ticket('T1', { resolvedAt: Date.UTC(2024, 2, 6, 11) })], { from: 'timestamps' });
    expect(r).toMatchObject({ n: 1, missing: 0, mean: 180000, median: 180000, min: 180000, max: 180000, totalSeconds: 180000, method: 'exact' });
  });

  it("resolutionTime(interactions, { from: 'timestamps' }) of the §5.2 ticket: first resolution 6 h (first solve)", () => {
    expect(resolutionTime([ticket('T1', { resolvedAt: Date.UTC(2024, 2, 4, 15) })], { from: 'timestamps' }).mean).toBe(21600);
  });

  it('resolutionTime with a calendar: the §5.2 ticket on Mon–Fri 09:00–17:00 is 8 h + 8 h + 2 h = 18 h of business time', () => {
    const nineToFive: [string, string][] = [['09:00', '17:00']];
    const calendar = businessCalendar({ timeZone: 'UTC', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } });
    const r = resolutionTime([ticket('T1', { resolvedAt: Date.UTC(2024, 2, 6, 11) })], { from: 'timestamps', calendar });
    expect([r.n, r.mean]).toEqual([1, 64800]);
  });

  it('resolutionTime(interactions) reads resolutionSeconds: type 7 of the §8 second example (in hours)', () => {
    const hours = [4.2, 1.5, 3.3, 8.0, 2.7];
    const r = resolutionTime(
      hours.map((h, k) => ticket(`t${k}`, { resolutionSeconds: h * 3600 })),
      { percentiles: [0, 0.1, 0.5, 0.75, 0.9, 1] },
    );
    expect(r).toMatchObject({ n: 5, min: 1.5 * 3600, max: 8 * 3600, method: 'exact', relativeError: 0 });
    expectResultsClose(r.percentiles, { p0: 5400, p10: 1.98 * 3600, p50: 3.3 * 3600, p75: 4.2 * 3600, p90: 6.48 * 3600, p100: 28800 }, 1e-12);
    expectResultsClose([r.median, r.p90, r.mean], [3.3 * 3600, 6.48 * 3600, 3.94 * 3600], 1e-12);
  });

  it('resolutionTime counts unresolved tickets in missing, and does not read the first response or the resolved flag', () => {
    const r = resolutionTime([
      ticket('a', { resolutionSeconds: 600 }),
      ticket('b', { firstResponseSeconds: 60, resolved: true }),
      ticket('c', { resolutionSeconds: 1200, resolved: false }),
      ticket('d', { resolvedAt: MONDAY_9 + HOUR }),
    ]);
    expect(r).toMatchObject({ n: 2, missing: 2, mean: 900, min: 600, max: 1200 });
  });

  it('resolutionTime([]) has null values and zero counts', () => {
    const empty: ResolutionTimeResult = {
      n: 0,
      missing: 0,
      mean: null,
      median: null,
      p90: null,
      min: null,
      max: null,
      totalSeconds: 0,
      percentiles: { p50: null, p90: null, p95: null, p99: null },
      sd: null,
      ci: null,
      lowSample: true,
      method: 'exact',
      relativeError: 0,
    };
    expect(resolutionTime([])).toEqual(empty);
  });

  it('resolutionTime words its errors with the fields it reads', () => {
    expect(() => resolutionTime([ticket('a'), ticket('b', { resolutionSeconds: -60 })])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[1].resolutionSeconds must be a finite number of seconds ≥ 0, got -60]`);
    expect(() => resolutionTime([ticket('a', { resolvedAt: MONDAY_9 - HOUR })], { from: 'timestamps' })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0].resolvedAt must not be before startedAt (1709542800000), got 1709539200000]`);
    const e = thrown(() => resolutionTime([ticket('a', { resolvedAt: Number.POSITIVE_INFINITY })], { from: 'timestamps' }));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[0].resolvedAt', 0, Number.POSITIVE_INFINITY]);
  });
});

describe('resolutionTimeAccumulator', () => {
  it('resolutionTimeAccumulator folds to the batch result and keeps its kind in the state', () => {
    const xs = [ticket('a', { resolutionSeconds: 7200 }), ticket('b'), ticket('c', { resolutionSeconds: 3600 })];
    const acc = resolutionTimeAccumulator();
    for (const x of xs) acc.add(x);
    expect(acc.result()).toEqual(resolutionTime(xs));
    expect(acc.state()).toMatchObject({ kind: 'resolutionTime', n: 2, missing: 1, values: [3600, 7200] });
    const restored = resolutionTimeAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ResolutionTimeState);
    expect(restored.result()).toEqual(acc.result());
  });

  it('resolutionTimeAccumulator does not merge a first-response-time accumulator or state', () => {
    const frt = firstResponseTimeAccumulator().add(ticket('a', { firstResponseSeconds: 60 }));
    const acc = resolutionTimeAccumulator();
    expect(() => acc.merge(frt as never)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.kind must be 'resolutionTime', got "firstResponseTime"]`);
    expect(thrown(() => acc.merge(frt.state() as never)).path).toBe('state.kind');
    expect(acc.result().n).toBe(0);
  });

  it('resolutionTimeAccumulator({ exactLimit: 2 }) sketches the third resolution', () => {
    const acc = resolutionTimeAccumulator({ exactLimit: 2 });
    for (const s of [3600, 7200, 86400]) acc.add(ticket('c', { resolutionSeconds: s }));
    const r = acc.result();
    expect([r.method, r.relativeError, r.min, r.max, r.mean]).toEqual(['sketch', 0.01, 3600, 86400, 32400]);
    expect(Math.abs(r.median! - 7200)).toBeLessThanOrEqual(0.01 * 7200);
  });
});
