// The cross-runtime smoke suite: one set of checks against the built package's PUBLIC API, run
// unchanged on Node (ESM and CJS), Bun, Deno, Chromium and workerd by scripts/test-runtimes.mjs.
//
// Runtime-neutral on purpose: no Node API, no global but the language's own (no process, no
// Buffer, no console), no import but the one the caller passes in. Every expected number below is
// worked out by hand from the fixtures (see the comments), not copied from a run of the library.
//
//   import * as api from 'cx-metrics';          // or: const api = require('cx-metrics')
//   import { runSmoke } from './smoke.mjs';
//   runSmoke(api); // => { total, passed, failed, failures: [check names], details: [messages] }

const H = 3_600_000; // one hour in ms

/** Raw interaction rows as they come from a file: ISO strings, a Date, epoch ms, numeric strings, a blank. */
export function interactionRows() {
  return [
    // handled, handle time 300 + 60 + 40 = 400 s, held, rerouted once
    { id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z', customerId: 'k1', touchpoint: 'billing', talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 40, transfers: 1 },
    // handled, 200 s (a numeric string), after-work blank = absent; k1 again 1 h after c1: c1 is a repeat
    { id: 'c2', channel: 'chat', startedAt: new Date(Date.UTC(2024, 2, 1, 10)), customerId: 'k1', touchpoint: 'billing', talkSeconds: '200', afterWorkSeconds: '' },
    // handled, 500 s; k2's next contact (c5) comes 25 h later
    { id: 'c3', channel: 'phone', startedAt: '2024-03-02T09:00:00Z', customerId: 'k2', touchpoint: 'support', talkSeconds: 500, holdSeconds: 0 },
    // abandoned: offered, not handled
    { id: 'c4', channel: 'phone', startedAt: '2024-03-02T09:30:00Z', customerId: 'k3', touchpoint: 'support', waitSeconds: 30, abandoned: true },
    // the bad row: a negative duration
    { id: 'bad', channel: 'phone', startedAt: '2024-03-02T10:00:00Z', talkSeconds: -5 },
    // handled, 0 s, no touchpoint; epoch ms 1709460000000 = 2024-03-03T10:00:00Z
    { id: 'c5', channel: 'email', startedAt: 1709460000000, customerId: 'k2' },
  ];
}

/** Raw survey rows: one joined to its interaction's touchpoint, one with its own, one bad, one with none. */
export function surveyRows() {
  return [
    { id: 's1', submittedAt: '2024-03-01T09:30:00Z', interactionId: 'c1', nps: 10, csat: 5 }, // billing via c1
    { id: 's2', submittedAt: '2024-03-01T11:00:00Z', interactionId: 'c2', touchpoint: 'billing', nps: '7', csat: 4 },
    { id: 's3', submittedAt: '2024-03-02T10:00:00Z', interactionId: 'c3', nps: 3, csat: 2, ces: 6 }, // support via c3
    { id: 's4', submittedAt: '2024-03-02', nps: 11 }, // the bad row: NPS off the 0–10 scale
    { id: 's5', submittedAt: '2024-03-03T12:00:00Z', nps: 9, csat: 3 }, // no touchpoint anywhere: key null
  ];
}

/** Public names the checks rely on (a missing or misspelled export fails one named check). */
export const PUBLIC_NAMES = [
  'CxMetricsError',
  'parseInteractions',
  'parseSurveyResponses',
  'InteractionSchema',
  'SurveyResponseSchema',
  'categorizeNps',
  'nps',
  'npsAccumulator',
  'csat',
  'csatAccumulator',
  'ces',
  'aht',
  'ahtAccumulator',
  'fcr',
  'fcrAccumulator',
  'byTouchpoint',
];

// ---- tiny assertion helpers (no node:assert: this file runs in browsers and workers too) ----

function show(v) {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !same(a[k], b[k])) return false;
  return true;
}

function eq(actual, expected, what) {
  if (!same(actual, expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** `expected` lists only the fields to compare, so results may gain fields without breaking the suite. */
function has(actual, expected, what) {
  if (typeof actual !== 'object' || actual === null) throw new Error(`${what}: expected an object, got ${show(actual)}`);
  for (const k of Object.keys(expected)) eq(actual[k], expected[k], `${what}.${k}`);
}

function ok(cond, what) {
  if (!cond) throw new Error(what);
}

function thrown(fn, what) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error(`${what}: expected a throw, nothing was thrown`);
}

/**
 * Runs every check against `api` (the package's module namespace or `require()` result).
 * Never throws: a failing or crashing check is counted and named.
 */
export function runSmoke(api) {
  const checks = [];
  const check = (name, fn) => checks.push([name, fn]);

  // Parsed once here; a parser failure is reported by the parse checks, and the checks that need
  // records then fail with a clear message instead of crashing the suite.
  let interactions;
  let surveys;
  const records = () => {
    if (!interactions) interactions = api.parseInteractions(interactionRows(), { onInvalid: 'skip' }).records;
    return interactions;
  };
  const surveyRecords = () => {
    if (!surveys) surveys = api.parseSurveyResponses(surveyRows(), { onInvalid: 'skip' }).records;
    return surveys;
  };
  const rowOf = (rows, key) => {
    const r = rows.find((x) => x.key === key);
    if (!r) throw new Error(`byTouchpoint has no row ${show(key)}; keys: ${show(rows.map((x) => x.key))}`);
    return r;
  };

  check('public exports are present', () => {
    const missing = PUBLIC_NAMES.filter((n) => api[n] === undefined || api[n] === null);
    eq(missing, [], 'missing exports');
    ok(typeof api.npsAccumulator.fromState === 'function', 'npsAccumulator.fromState is not a function');
    ok(typeof api.fcrAccumulator.fromState === 'function', 'fcrAccumulator.fromState is not a function');
  });

  check('parseInteractions skip: keeps valid rows, reports the bad one', () => {
    const { records: r, issues } = api.parseInteractions(interactionRows(), { onInvalid: 'skip' });
    eq(r.map((x) => x.id), ['c1', 'c2', 'c3', 'c4', 'c5'], 'record ids');
    eq(issues.length, 1, 'issues.length');
    has(issues[0], { index: 4, path: 'talkSeconds', value: -5 }, 'issues[0]');
    eq(issues[0].message, 'interactions[4].talkSeconds must be a finite number of seconds \u2265 0, got -5', 'issues[0].message');
  });

  check('parseInteractions normalizes timestamps and numbers', () => {
    const r = records();
    eq(r[0].startedAt, Date.UTC(2024, 2, 1, 9), 'ISO string -> epoch ms');
    eq(r[1].startedAt, Date.UTC(2024, 2, 1, 10), 'Date -> epoch ms');
    eq(r[4].startedAt, 1709460000000, 'epoch ms kept');
    eq(r[1].talkSeconds, 200, "'200' -> 200");
    ok(!('afterWorkSeconds' in r[1]), 'a blank optional field must be absent');
    eq(r[3].abandoned, true, 'abandoned');
  });

  check('parseSurveyResponses skip: keeps valid rows, reports the bad one', () => {
    const { records: r, issues } = api.parseSurveyResponses(surveyRows(), { onInvalid: 'skip' });
    eq(r.map((x) => x.id), ['s1', 's2', 's3', 's5'], 'record ids');
    eq(r[1].nps, 7, "nps '7' -> 7");
    eq(r[0].submittedAt, Date.UTC(2024, 2, 1, 9, 30), 'submittedAt');
    eq(issues.length, 1, 'issues.length');
    has(issues[0], { index: 3, path: 'nps', value: 11 }, 'issues[0]');
    eq(issues[0].message, 'surveys[3].nps must be an integer 0\u201310, got 11', 'issues[0].message');
  });

  check('parse with the default onInvalid throws CxMetricsError invalid_record', () => {
    const e = thrown(() => api.parseInteractions(interactionRows()), 'parseInteractions(rows)');
    ok(e instanceof api.CxMetricsError, `not a CxMetricsError: ${show(String(e))}`);
    has(e, { code: 'invalid_record', path: 'interactions[4].talkSeconds', index: 4, value: -5 }, 'error');
  });

  check('nps: 100 x (promoters - detractors) / n', () => {
    // [10, 7, 3, 9]: promoters 10, 9; passive 7; detractor 3 -> 100 x (2 - 1) / 4 = 25
    const r = api.nps(surveyRecords().map((s) => s.nps));
    has(r, { score: 25, n: 4, promoters: 2, passives: 1, detractors: 1, effectiveN: 4, lowSample: true }, 'nps');
    // trinomial variance: pP + pD - (pP - pD)^2 = 0.5 + 0.25 - 0.0625 = 0.6875; SE = 100 sqrt(0.6875/4)
    ok(r.ci.level === 0.95 && r.ci.high === 100 && Math.abs(r.ci.low - (25 - 1.959963984540054 * 100 * Math.sqrt(0.6875 / 4))) < 1e-9, `nps ci ${show(r.ci)}`);
  });

  check('nps of nothing is null, never NaN', () => {
    eq(api.nps([]), { score: null, n: 0, promoters: 0, passives: 0, detractors: 0, shares: null, effectiveN: 0, ci: null, lowSample: true }, 'nps([])');
  });

  check('categorizeNps: 9-10 / 7-8 / 0-6', () => {
    eq([10, 9, 8, 7, 6, 0].map((s) => api.categorizeNps(s)), ['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor'], 'categories');
  });

  check('csat: top-2-box on 1-5', () => {
    // [5, 4, 2, 3]: satisfied (>= 4) 5, 4 -> rate 2/4; mean 14/4 = 3.5
    has(api.csat(surveyRecords().map((s) => s.csat)), { rate: 0.5, satisfied: 2, n: 4, mean: 3.5 }, 'csat');
  });

  check('ces: mean and share easy (>= 5 on 1-7)', () => {
    // [6, 4, 7, 3]: mean 20/4 = 5; easy 6, 7 -> 0.5
    has(api.ces([6, 4, 7, 3]), { mean: 5, rate: 0.5, n: 4 }, 'ces');
  });

  check('aht: talk + hold + after-work over handled contacts', () => {
    // handled c1 400, c2 200, c3 500, c5 0 (c4 abandoned) -> 1100 / 4 = 275
    has(api.aht(records()), { mean: 275, n: 4, totalSeconds: 1100 }, 'aht');
  });

  check('fcr: default 168 h window', () => {
    // k1: c1 then c2 1 h later -> c1 repeat, c2 resolved; k2: c3 then c5 25 h later -> c3 repeat, c5 resolved
    has(api.fcr(records()), { rate: 0.5, resolvedFirst: 2, n: 4, repeats: 2 }, 'fcr');
  });

  check('fcr: 24 h window', () => {
    // c5 comes 25 h after c3: outside 24 h, so c3 is resolved first too
    has(api.fcr(records(), { windowHours: 24 }), { rate: 0.75, resolvedFirst: 3, n: 4, repeats: 1 }, 'fcr');
  });

  check('byTouchpoint: keys in order, null group last, counts add up', () => {
    const rows = api.byTouchpoint({ interactions: records(), surveys: surveyRecords() });
    eq(rows.map((r) => r.key), ['billing', 'support', null], 'keys');
    eq(rows.map((r) => r.interactions), [2, 2, 1], 'interactions per row');
    eq(rows.map((r) => r.surveys), [2, 1, 1], 'surveys per row');
  });

  check('byTouchpoint billing row (survey joined through interactionId)', () => {
    const r = rowOf(api.byTouchpoint({ interactions: records(), surveys: surveyRecords() }), 'billing');
    has(r.aht, { mean: 300, n: 2, totalSeconds: 600 }, 'billing.aht'); // (400 + 200) / 2
    has(r.nps, { score: 50, n: 2, promoters: 1, passives: 1, detractors: 0 }, 'billing.nps'); // s1 10 (via c1), s2 7
    has(r.csat, { rate: 1, satisfied: 2, n: 2, mean: 4.5 }, 'billing.csat'); // 5, 4
    has(r.fcr, { rate: 0.5, resolvedFirst: 1, n: 2 }, 'billing.fcr'); // c1 repeat, c2 resolved
    has(r.reroutes, { rate: 0.5, rerouted: 1, n: 2 }, 'billing.reroutes'); // c1 transferred once
    has(r.holdTime, { mean: 60, held: 1, n: 2 }, 'billing.holdTime');
  });

  check('byTouchpoint support and null rows', () => {
    const rows = api.byTouchpoint({ interactions: records(), surveys: surveyRecords() });
    const s = rowOf(rows, 'support');
    has(s.churnIncidence, { rate: 0.5, abandoned: 1, n: 2 }, 'support.churnIncidence'); // c4 of c3, c4
    has(s.aht, { mean: 500, n: 1 }, 'support.aht');
    has(s.nps, { score: -100, n: 1, detractors: 1 }, 'support.nps'); // s3: 3
    has(s.ces, { mean: 6, n: 1 }, 'support.ces');
    has(s.fcr, { rate: 1, resolvedFirst: 1, n: 1 }, 'support.fcr'); // c5 is in the null group
    const z = rowOf(rows, null);
    has(z.nps, { score: 100, n: 1, promoters: 1 }, 'null.nps'); // s5: 9
    has(z.aht, { mean: 0, n: 1, totalSeconds: 0 }, 'null.aht'); // c5: nothing recorded
  });

  check('results are JSON-safe (survive stringify/parse unchanged)', () => {
    const rows = api.byTouchpoint({ interactions: records(), surveys: surveyRecords() });
    eq(JSON.parse(JSON.stringify(rows)), rows, 'byTouchpoint rows after a JSON round trip');
    const empty = api.byTouchpoint({ interactions: [], surveys: [] });
    eq(JSON.parse(JSON.stringify(empty)), empty, 'empty byTouchpoint after a JSON round trip');
  });

  check('inputs are not mutated', () => {
    const raw = interactionRows();
    const before = JSON.stringify(raw);
    const parsed = api.parseInteractions(raw, { onInvalid: 'skip' }).records;
    const snapshot = JSON.stringify(parsed);
    api.byTouchpoint({ interactions: parsed, surveys: surveyRecords() });
    api.fcr(parsed);
    eq(JSON.stringify(raw), before, 'raw rows');
    eq(JSON.stringify(parsed), snapshot, 'parsed records');
  });

  check('npsAccumulator: merged shards equal the batch result, in either order', () => {
    const scores = surveyRecords().map((s) => s.nps); // [10, 7, 3, 9]
    const a = api.npsAccumulator().add(scores[0]).add(scores[1]);
    const b = api.npsAccumulator().add(scores[2]).add(scores[3]);
    const ab = api.npsAccumulator().merge(a).merge(b).result();
    const ba = api.npsAccumulator().merge(b.state()).merge(a.state()).result();
    eq(ab, api.nps(scores), 'a + b');
    eq(ba, api.nps(scores), 'b + a');
  });

  check('fcrAccumulator: shards split across one customer merge to the batch result', () => {
    const r = records();
    // c1 (k1) and c3 (k2) in one shard, their repeats c2, c5 and the abandoned c4 in the other
    const a = api.fcrAccumulator();
    for (const x of [r[0], r[2]]) a.add(x);
    const b = api.fcrAccumulator();
    for (const x of [r[1], r[3], r[4]]) b.add(x);
    eq(a.merge(b).result(), api.fcr(r), 'merged vs batch');
  });

  check('ahtAccumulator: merged shards equal the batch result', () => {
    const r = records();
    const a = api.ahtAccumulator().add(r[0]).add(r[1]);
    const b = api.ahtAccumulator().add(r[2]).add(r[3]).add(r[4]);
    eq(a.merge(b.state()).result(), api.aht(r), 'merged vs batch');
  });

  check('state JSON round trip: npsAccumulator.fromState', () => {
    const acc = api.npsAccumulator().add(10).add(9).add(3);
    const restored = api.npsAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())));
    eq(restored.state(), acc.state(), 'state');
    has(restored.result(), { score: (100 * (2 - 1)) / 3, n: 3, promoters: 2, passives: 0, detractors: 1, effectiveN: 3 }, 'result');
  });

  check('state JSON round trip: fcrAccumulator.fromState, then merge', () => {
    const r = records();
    const a = api.fcrAccumulator({ windowHours: 24 });
    for (const x of r.slice(0, 3)) a.add(x);
    const wire = JSON.stringify(a.state());
    const restored = api.fcrAccumulator.fromState(JSON.parse(wire));
    eq(JSON.stringify(restored.state()), wire, 'state after the round trip');
    for (const x of r.slice(3)) restored.add(x);
    eq(restored.result(), api.fcr(r, { windowHours: 24 }), 'restored + rest vs batch');
  });

  check('CxMetricsError fields: nps([10, 11])', () => {
    const e = thrown(() => api.nps([10, 11]), 'nps([10, 11])');
    ok(e instanceof api.CxMetricsError, `not an instance of CxMetricsError: ${show(String(e))}`);
    ok(e instanceof Error, 'not an instance of Error');
    has(e, { name: 'CxMetricsError', code: 'invalid_value', path: 'scores[1]', index: 1, value: 11 }, 'error');
    ok(typeof e.message === 'string' && e.message.includes('scores[1]') && e.message.includes('11'), `message ${show(e.message)}`);
  });

  check('CxMetricsError fields: a NaN duration', () => {
    const e = thrown(() => api.aht([{ id: 'x', channel: 'phone', startedAt: 0 }, { id: 'y', channel: 'phone', startedAt: 0, talkSeconds: NaN }]), 'aht');
    ok(e instanceof api.CxMetricsError, `not a CxMetricsError: ${show(String(e))}`);
    has(e, { code: 'invalid_value', path: 'interactions[1].talkSeconds', index: 1 }, 'error');
    ok(Number.isNaN(e.value), `value: expected NaN, got ${show(e.value)}`);
    ok(e.message.includes('NaN'), `message ${show(e.message)}`);
  });

  check('CxMetricsError fields: a state of an unknown version', () => {
    const e = thrown(() => api.npsAccumulator.fromState({ v: 2, kind: 'nps', promoters: 0, passives: 0, detractors: 0 }), 'fromState');
    ok(e instanceof api.CxMetricsError, `not a CxMetricsError: ${show(String(e))}`);
    has(e, { code: 'invalid_state', path: 'state.v', index: null, value: 2 }, 'error');
  });

  const failures = [];
  const details = [];
  let passed = 0;
  for (const [name, fn] of checks) {
    try {
      fn();
      passed++;
    } catch (e) {
      failures.push(name);
      details.push(`${name}: ${e && e.message ? e.message : String(e)}`);
    }
  }
  return { total: checks.length, passed, failed: failures.length, failures, details };
}

/** The line every entry prints, so the runner can find the result among a runtime's own output. */
export const MARKER = '@@cx-metrics-smoke ';
