// Dirty rows in, typed records out: parse with onInvalid 'skip' keeps the good rows and reports
// every bad one by index; the default ('throw') stops at the first bad row with a CxMetricsError
// whose fields (code, path, index, value) say what and where, so you never parse message text.
import { CxMetricsError, csat, nps, parseInteractions } from '../dist/index.js';

// Rows as they come from a CSV export: strings everywhere, blank cells, a few mistakes.
const rows = [
  { id: 'c1', channel: 'phone', startedAt: '2024-03-04T09:00:00Z', talkSeconds: '300', holdSeconds: '', abandoned: 'false' },
  { id: 'c2', channel: 'phone', startedAt: '2024-03-04T09:05:00Z', talkSeconds: '-42' }, // negative duration
  { id: 'c3', channel: 'chat', startedAt: '12/03/2024 09:15', talkSeconds: '600' }, // not ISO-8601
  { id: 'c4', channel: '', startedAt: '2024-03-04T09:20:00Z', talkSeconds: '240' }, // blank required field
  { id: 'c5', channel: 'phone', startedAt: '2024-03-04T09:25:00Z', talkSeconds: '315000' }, // 315 s in ms: passes (≤ 1e9 s); only larger values are caught
  { id: 'c6', channel: 'email', startedAt: '2024-03-04T09:30:00Z', resolutionSeconds: '1296000000' }, // 15 days in ms
  { id: 'c7', channel: 'phone', startedAt: '2024-03-04T09:35:00Z', abandoned: 'N/A', waitSeconds: '80' }, // not a boolean
  'not even an object',
];

// 1. onInvalid: 'skip': every valid row kept, every invalid one reported (nothing lost silently).
const { records, issues } = parseInteractions(rows, { onInvalid: 'skip' });
console.log(`${records.length} of ${rows.length} rows kept:`, records.map((r) => r.id).join(', '));
console.log('first record, normalized (epoch ms, numbers, blank cell dropped):', records[0]);
console.log(`\n${issues.length} issues (index = 0-based position in the input; a CSV row number is index + 2):`);
for (const x of issues) console.log(`  [${x.index}] ${x.path || '(row)'}: ${x.message}`);
const rejected = new Set(issues.map((x) => x.index));
console.log(`\nkept + rejected rows = ${records.length} + ${rejected.size} = ${records.length + rejected.size} rows read`);

// 2. The default, onInvalid: 'throw': the first bad row throws.
try {
  parseInteractions(rows);
} catch (e) {
  if (!(e instanceof CxMetricsError)) throw e;
  console.log('\nparseInteractions(rows) threw CxMetricsError:');
  console.log({ name: e.name, code: e.code, path: e.path, index: e.index, value: e.value });
  console.log(`  message: ${e.message}`);
}

// 3. Metric functions check their input too, with the same error class.
for (const [label, run] of [
  ['nps([10, 9, 11])', () => nps([10, 9, 11])],
  ['csat([5, 0])', () => csat([5, 0])],
  ['csat([4], { scale: [1, 5], satisfiedFrom: 6 })', () => csat([4], { scale: [1, 5], satisfiedFrom: 6 })],
]) {
  try {
    run();
  } catch (e) {
    if (!(e instanceof CxMetricsError)) throw e;
    console.log(`\n${label} threw: code ${e.code}, path ${e.path}, index ${e.index}, value ${JSON.stringify(e.value)}`);
    console.log(`  message: ${e.message}`);
  }
}
