// Benchmark: byTouchpoint on 1M interactions + 333k surveys (seeded), against a hand-written
// single-pass loop that computes the same numbers, in the same process. Prints medians and the
// ratio library / hand-written. Not a test: run with `npm run bench` (builds first).
//   BENCH_N=200000 npm run bench   # smaller data
import { byTouchpoint } from '../dist/index.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n) {
  const rand = mulberry32(42);
  const touchpoints = ['help-center', 'chatbot', 'billing-call', 'billing-email', 'tech-call', 'store'];
  const channels = ['phone', 'chat', 'email'];
  const customers = Math.floor(n / 3);
  const t0 = Date.UTC(2024, 0, 1);
  const interactions = new Array(n);
  for (let i = 0; i < n; i++) {
    const abandoned = rand() < 0.06;
    const r = {
      id: `c${i}`,
      channel: channels[Math.floor(rand() * 3)],
      startedAt: t0 + Math.floor(rand() * 90 * 86_400_000),
      customerId: `k${Math.floor(rand() * customers)}`,
      waitSeconds: Math.round(rand() * 120),
      talkSeconds: abandoned ? 0 : Math.round(60 + rand() * 600),
      holdSeconds: rand() < 0.3 ? Math.round(rand() * 180) : 0,
      afterWorkSeconds: Math.round(rand() * 90 * 10) / 10,
      transfers: rand() < 0.1 ? 1 + Math.floor(rand() * 2) : 0,
      abandoned,
    };
    if (rand() < 0.97) r.touchpoint = touchpoints[Math.floor(rand() * touchpoints.length)];
    interactions[i] = r;
  }
  const surveys = new Array(Math.floor(n / 3));
  for (let j = 0; j < surveys.length; j++) {
    const i = Math.floor(rand() * n);
    const s = { id: `s${j}`, submittedAt: interactions[i].startedAt + 3_600_000, interactionId: `c${i}` };
    if (rand() < 0.2 && interactions[i].touchpoint) s.touchpoint = interactions[i].touchpoint;
    if (rand() < 0.9) s.csat = 1 + Math.floor(rand() * 5);
    if (rand() < 0.8) s.nps = Math.floor(rand() * 11);
    if (rand() < 0.5) s.ces = 1 + Math.floor(rand() * 7);
    surveys[j] = s;
  }
  return { interactions, surveys };
}

// The hand-written baseline: one pass over interactions, one over surveys, the same numbers.
function handWritten({ interactions, surveys }, windowHours = 168) {
  const groups = new Map();
  const group = (key) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, interactions: 0, handled: 0, handle: 0, held: 0, hold: 0, rerouted: 0, transfers: 0, offered: 0, abandoned: 0,
        cust: new Map(), noCustomer: 0, nps: [0, 0, 0], csatN: 0, csatSat: 0, csatSum: 0, cesN: 0, cesEasy: 0, cesSum: 0, surveys: 0,
        answered: 0, answeredWithin: 0, abandonedWithin: 0, waitSum: 0 };
      groups.set(key, g);
    }
    return g;
  };
  const byId = new Map();
  for (let i = 0; i < interactions.length; i++) {
    const r = interactions[i];
    const key = r.touchpoint ?? null;
    const g = group(key);
    byId.set(r.id, key);
    g.interactions++;
    g.offered++;
    const wait = r.waitSeconds;
    if (r.abandoned === true) {
      g.abandoned++;
      if (wait !== undefined && wait <= 20) g.abandonedWithin++;
      continue;
    }
    g.handled++;
    if (wait !== undefined) { g.answered++; g.waitSum += wait; if (wait <= 20) g.answeredWithin++; }
    const hold = r.holdSeconds ?? 0;
    g.handle += (r.talkSeconds ?? 0) + hold + (r.afterWorkSeconds ?? 0);
    if (hold > 0) { g.held++; g.hold += hold; }
    const t = r.transfers ?? 0;
    if (t > 0) { g.rerouted++; g.transfers += t; }
    if (r.customerId === undefined) g.noCustomer++;
    else {
      const list = g.cust.get(r.customerId);
      if (list) list.push(r.startedAt);
      else g.cust.set(r.customerId, [r.startedAt]);
    }
  }
  for (let j = 0; j < surveys.length; j++) {
    const s = surveys[j];
    const key = s.touchpoint ?? (s.interactionId !== undefined ? byId.get(s.interactionId) ?? null : null);
    const g = group(key);
    g.surveys++;
    if (s.csat !== undefined) { g.csatN++; g.csatSum += s.csat; if (s.csat >= 4) g.csatSat++; }
    if (s.nps !== undefined) g.nps[s.nps >= 9 ? 0 : s.nps >= 7 ? 1 : 2]++;
    if (s.ces !== undefined) { g.cesN++; g.cesSum += s.ces; if (s.ces >= 5) g.cesEasy++; }
  }
  const w = windowHours * 3_600_000;
  const rows = [];
  for (const g of groups.values()) {
    let first = 0, n = 0;
    for (const times of g.cust.values()) {
      times.sort((a, b) => a - b);
      for (let k = 0; k < times.length; k++) { n++; if (!(k + 1 < times.length && times[k + 1] - times[k] <= w)) first++; }
    }
    const npsN = g.nps[0] + g.nps[1] + g.nps[2];
    rows.push({ key: g.key, interactions: g.interactions, ahtMean: g.handled ? g.handle / g.handled : null, held: g.held,
      reroutes: g.rerouted, abandoned: g.abandoned, fcrRate: n ? first / n : null, fcrN: n,
      nps: npsN ? (100 * (g.nps[0] - g.nps[2])) / npsN : null, csatRate: g.csatN ? g.csatSat / g.csatN : null, cesMean: g.cesN ? g.cesSum / g.cesN : null,
      serviceLevel: g.answered + g.abandoned - g.abandonedWithin ? g.answeredWithin / (g.answered + g.abandoned - g.abandonedWithin) : null,
      asa: g.answered ? g.waitSum / g.answered : null });
  }
  return rows;
}

function time(fn, runs) {
  const ts = [];
  let out;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    out = fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return { median: ts[Math.floor(ts.length / 2)], out };
}

console.log(`generating ${N.toLocaleString('en')} interactions + ${Math.floor(N / 3).toLocaleString('en')} surveys (seed 42)…`);
const data = generate(N);
// Warm up both on a slice, then interleave the timed runs.
byTouchpoint({ interactions: data.interactions.slice(0, 50_000), surveys: data.surveys.slice(0, 16_000) });
handWritten({ interactions: data.interactions.slice(0, 50_000), surveys: data.surveys.slice(0, 16_000) });
const lib = time(() => byTouchpoint(data), RUNS);
const hand = time(() => handWritten(data), RUNS);

// Same numbers, checked field by field.
const byKey = new Map(hand.out.map((r) => [r.key, r]));
const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
for (const row of lib.out) {
  const h = byKey.get(row.key);
  const ok = h && row.interactions === h.interactions && close(row.aht.mean, h.ahtMean) && row.holdTime.held === h.held &&
    row.reroutes.rerouted === h.reroutes && row.churnIncidence.abandoned === h.abandoned && close(row.fcr.rate, h.fcrRate) &&
    row.fcr.n === h.fcrN && close(row.nps.score, h.nps) && close(row.csat.rate, h.csatRate) && close(row.ces.mean, h.cesMean) &&
    close(row.serviceLevel.rate, h.serviceLevel) && close(row.averageSpeedOfAnswer.mean, h.asa);
  if (!ok) {
    console.error('MISMATCH for key', row.key, row, h);
    process.exit(1);
  }
}
console.log(`byTouchpoint (cx-metrics): ${lib.median.toFixed(0)} ms (median of ${RUNS})`);
console.log(`hand-written single pass: ${hand.median.toFixed(0)} ms (median of ${RUNS})`);
console.log(`ratio cx-metrics / hand-written: ${(lib.median / hand.median).toFixed(2)}× (target ≤ 1.2×); results agree on ${lib.out.length} rows`);
