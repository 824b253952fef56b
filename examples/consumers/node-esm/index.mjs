// A Node ESM consumer: dirty survey rows in, NPS and CSAT out, one bad row set aside and reported.
// Checks its own numbers (node:assert), so `node index.mjs` exiting 0 means the package works here.
import assert from 'node:assert/strict';
import { CxMetricsError, csat, nps, npsAccumulator, parseSurveyResponses } from 'cx-metrics';

const rows = [
  { id: 's1', submittedAt: '2024-03-01T09:30:00Z', nps: 10, csat: 5 },
  { id: 's2', submittedAt: '2024-03-01T11:00:00Z', nps: '7', csat: '4' }, // numeric strings, as CSV gives them
  { id: 's3', submittedAt: '2024-03-02T10:00:00Z', nps: 3, csat: 2 },
  { id: 's4', submittedAt: '2024-03-02', nps: 11 }, // off the 0–10 scale
  { id: 's5', submittedAt: '2024-03-03T12:00:00Z', nps: 9, csat: 3 },
];

const { records, issues } = parseSurveyResponses(rows, { onInvalid: 'skip' });
for (const issue of issues) console.log(`set aside row ${issue.index}: ${issue.message}`);

const score = nps(records.map((r) => r.nps));
const sat = csat(records.flatMap((r) => (r.csat === undefined ? [] : [r.csat])));
console.log(`NPS ${score.score} from ${score.n} answers (${score.promoters} promoters, ${score.detractors} detractors)`);
console.log(`CSAT ${(sat.rate * 100).toFixed(0)}% satisfied of ${sat.n}, mean ${sat.mean}`);

// Per-shard states merge to the batch result, and survive JSON on the way.
const monday = npsAccumulator().add(10).add(7);
const tuesday = npsAccumulator.fromState(JSON.parse(JSON.stringify(npsAccumulator().add(3).add(9).state())));
assert.deepEqual(monday.merge(tuesday).result(), score);

try {
  nps([10, 11]);
} catch (e) {
  assert.ok(e instanceof CxMetricsError);
  console.log(`rejected: ${e.code} at ${e.path} (value ${e.value})`);
}

assert.equal(issues.length, 1);
assert.equal(score.score, 25);
assert.equal(sat.rate, 0.5);
