// Accumulators: compute per shard, ship the plain-JSON state, merge anywhere, get the batch result.
//
// Here the shards are the four weeks of the sample data (think: four workers, or four nightly
// jobs). Each shard folds its contacts and surveys into accumulators and sends `state()` as JSON;
// a coordinator restores them with `fromState` and merges. The merged result equals the batch
// result over all records: exactly for counts, within 1e-12 relative for sums of seconds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  aht,
  ahtAccumulator,
  churnIncidence,
  churnIncidenceAccumulator,
  csat,
  csatAccumulator,
  fcr,
  fcrAccumulator,
  nps,
  npsAccumulator,
  parseInteractions,
  parseSurveyResponses,
} from '../dist/index.js';

const read = (name) =>
  readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
const interactions = parseInteractions(read('interactions.ndjson'), { onInvalid: 'skip' }).records;
// Only in-scale CSAT answers (the sample has one deliberate 0; see examples/data/README.md).
const surveys = parseSurveyResponses(read('surveys.ndjson'), { onInvalid: 'skip' }).records.filter((s) => s.csat === undefined || (s.csat >= 1 && s.csat <= 5));

const WEEK = 7 * 24 * 3_600_000;
const START = Date.UTC(2024, 2, 4);
const week = (t) => Math.min(3, Math.max(0, Math.floor((t - START) / WEEK)));
const options = { fcr: { windowHours: 168 }, churn: { shortAbandonSeconds: 5 } };

// ---- on each shard: fold the shard's records, send the states as JSON text
function shardStates(w) {
  const acc = {
    aht: ahtAccumulator(),
    fcr: fcrAccumulator(options.fcr),
    churn: churnIncidenceAccumulator(options.churn),
    nps: npsAccumulator(),
    csat: csatAccumulator(),
  };
  for (const r of interactions) {
    if (week(r.startedAt) !== w) continue;
    acc.aht.add(r);
    acc.fcr.add(r);
    acc.churn.add(r);
  }
  for (const s of surveys) {
    if (week(s.submittedAt) !== w) continue;
    if (s.nps !== undefined) acc.nps.add(s.nps);
    if (s.csat !== undefined) acc.csat.add(s.csat);
  }
  const states = Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, a.state()]));
  return JSON.stringify(states); // what goes over the wire or into a table
}
const messages = [0, 1, 2, 3].map(shardStates);
console.log(`4 shards sent ${messages.map((m) => `${(m.length / 1024).toFixed(1)} KB`).join(', ')} of state`);
console.log('an NPS state:', JSON.parse(messages[0]).nps);

// ---- on the coordinator: restore, merge (any order), read the result
const [first, ...rest] = messages.map((m) => JSON.parse(m));
const merged = {
  aht: ahtAccumulator.fromState(first.aht),
  fcr: fcrAccumulator.fromState(first.fcr),
  churn: churnIncidenceAccumulator.fromState(first.churn),
  nps: npsAccumulator.fromState(first.nps),
  csat: csatAccumulator.fromState(first.csat),
};
for (const states of rest.reverse()) for (const k of Object.keys(merged)) merged[k].merge(states[k]);

const results = Object.fromEntries(Object.entries(merged).map(([k, a]) => [k, a.result()]));
console.log('merged NPS: ', results.nps);
console.log('merged CSAT:', results.csat);
console.log('merged AHT: ', results.aht);
console.log('merged FCR: ', results.fcr);
console.log('merged churn incidence:', results.churn);

// ---- the same numbers as one batch call over everything
const answers = (field) => surveys.filter((s) => s[field] !== undefined).map((s) => s[field]);
assert.deepEqual(results.nps, nps(answers('nps')));
assert.deepEqual(results.csat.satisfied, csat(answers('csat')).satisfied);
assert.deepEqual(results.churn, churnIncidence(interactions, options.churn));
assert.deepEqual(results.fcr, fcr(interactions, options.fcr));
const batchAht = aht(interactions);
assert.equal(results.aht.n, batchAht.n);
assert.ok(Math.abs(results.aht.totalSeconds - batchAht.totalSeconds) <= 1e-12 * batchAht.totalSeconds);
console.log('\nmerged shards = batch over all records ✓');

// FCR needs the customers' contact times, not per-shard rates: a call on Sunday that is followed
// by a call-back on Monday is a repeat only when both weeks are seen together. Averaging the
// shards' own rates gets it wrong:
const perShard = messages.map((m) => fcrAccumulator.fromState(JSON.parse(m).fcr).result());
const averaged = perShard.reduce((sum, r) => sum + r.rate, 0) / perShard.length;
console.log(`FCR: average of the weekly rates ${(100 * averaged).toFixed(1)}% vs merged ${(100 * results.fcr.rate).toFixed(1)}% (the right one)`);
