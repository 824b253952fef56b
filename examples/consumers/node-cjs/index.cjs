// A Node CommonJS consumer: require('cx-metrics') loads the package's CJS build (dist/index.cjs).
// Checks its own numbers (node:assert), so `node index.cjs` exiting 0 means the package works here.
'use strict';
const assert = require('node:assert/strict');
const { aht, byTouchpoint, fcr, parseInteractions } = require('cx-metrics');

const { records } = parseInteractions([
  { id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z', customerId: 'k1', touchpoint: 'billing', talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 40 },
  { id: 'c2', channel: 'chat', startedAt: '2024-03-01T10:00:00Z', customerId: 'k1', touchpoint: 'billing', talkSeconds: 200 },
  { id: 'c3', channel: 'phone', startedAt: '2024-03-02T09:00:00Z', customerId: 'k2', touchpoint: 'support', talkSeconds: 500 },
  { id: 'c4', channel: 'phone', startedAt: '2024-03-02T09:30:00Z', customerId: 'k3', touchpoint: 'support', abandoned: true },
]);

const handle = aht(records);
const firstContact = fcr(records, { windowHours: 24 });
console.log(`AHT ${handle.mean.toFixed(1)} s over ${handle.n} handled contacts`);
console.log(`FCR ${(firstContact.rate * 100).toFixed(1)}% (${firstContact.resolvedFirst} of ${firstContact.n})`);
for (const row of byTouchpoint({ interactions: records })) {
  console.log(`${row.key}: ${row.interactions} contacts, AHT ${row.aht.mean} s, abandoned ${row.churnIncidence.abandoned}`);
}

assert.deepEqual([handle.mean, handle.n, handle.totalSeconds], [1100 / 3, 3, 1100]); // 400 + 200 + 500; c4 was abandoned
assert.ok(handle.ci.low < handle.mean && handle.mean < handle.ci.high && handle.lowSample);
assert.equal(firstContact.rate, 2 / 3); // c1 is repeated by c2 an hour later
