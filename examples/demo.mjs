// The cx-metrics demo (`npm run demo`): reads the bundled sample data, sets dirty rows aside with
// their line numbers, and prints a per-touchpoint report for the 'billing-help' journey.
//
//   npm run build && node examples/demo.mjs
//
// Data: examples/data/ (see its README.md; regenerate with `npm run sample-data`).
// In your own code, import from 'cx-metrics' instead of '../dist/index.js'.
import { readFileSync } from 'node:fs';
import {
  CxMetricsError,
  aht,
  byTouchpoint,
  compareNps,
  compareRates,
  ces,
  churnIncidence,
  csat,
  fcr,
  holdTime,
  nps,
  parseInteractions,
  parseJourney,
  parseSurveyResponses,
  reroutes,
} from '../dist/index.js';

const DATA = new URL('./data/', import.meta.url);
const FCR_WINDOW_HOURS = 168; // 7 days, the library's default, stated here so the report can say it
const SHORT_ABANDON_SECONDS = 5; // abandons under 5 s (wrong numbers) leave the abandon rate

// ------------------------------------------------------------------ formatting helpers

const DASH = '–';
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const percent = (x) => (x === null ? DASH : `${(100 * x).toFixed(1)}%`);
const signed = (x) => (x === null ? DASH : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
const fixed2 = (x) => (x === null ? DASH : x.toFixed(2));
/** Seconds as m:ss (h:mm:ss from an hour up). */
function clock(seconds) {
  if (seconds === null) return DASH;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
/** A value with its n, e.g. `77.0% (135)`; just `–` when n is 0. */
const withN = (text, n) => (n === 0 ? DASH : `${text} (${thousands(n)})`);
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Plain-text table; `align` has one letter per column, `l` or `r` (default: first left, others right). */
function table(headers, rows, align = 'l'.padEnd(headers.length, 'r')) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((x, c) => (align[c] === 'l' ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l.trimEnd()}`).join('\n');
}

// ------------------------------------------------------------------ reading

/**
 * Reads an NDJSON file by plain line splitting. Returns the parsed rows, the 1-based line number
 * of each row, and the lines that are not JSON at all (set aside before the schema sees them).
 */
function readNdjson(name) {
  const rows = [];
  const lineOf = [];
  const unreadable = [];
  readFileSync(new URL(name, DATA), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      try {
        rows.push(JSON.parse(text));
        lineOf.push(i + 1);
      } catch (e) {
        unreadable.push({ line: i + 1, reason: `not JSON (${e.message})` });
      }
    });
  return { rows, lineOf, unreadable };
}

/** Runs a parse* function with onInvalid 'skip'; maps every kept record and issue back to its line. */
function parseFile(name, parse) {
  const { rows, lineOf, unreadable } = readNdjson(name);
  const { records, issues } = parse(rows, { onInvalid: 'skip' });
  const rejected = new Set(issues.map((x) => x.index));
  const recordIndexes = []; // input index (as issues report it) of each kept record
  lineOf.forEach((_, index) => {
    if (!rejected.has(index)) recordIndexes.push(index);
  });
  const setAside = [...unreadable, ...issues.map((x) => ({ line: lineOf[x.index], reason: x.message }))];
  return { name, read: rows.length + unreadable.length, records, recordIndexes, lineOf, setAside };
}

const interactions = parseFile('interactions.ndjson', parseInteractions);
const surveys = parseFile('surveys.ndjson', parseSurveyResponses);
const journey = parseJourney(JSON.parse(readFileSync(new URL('journey.json', DATA), 'utf8')));

// The survey schema checks that csat and ces are finite numbers; their scale is an option of the
// metric functions, so a 0 on a 1–5 CSAT survey passes the parser and would make csat() and
// byTouchpoint() throw. Check each answer against the default scales with the metrics themselves.
{
  const kept = [];
  const keptIndexes = [];
  surveys.records.forEach((s, k) => {
    const index = surveys.recordIndexes[k];
    for (const [field, check, scale] of [
      ['csat', csat, '1–5'],
      ['ces', ces, '1–7'],
    ]) {
      if (s[field] === undefined) continue;
      try {
        check([s[field]]);
      } catch (e) {
        if (!(e instanceof CxMetricsError)) throw e;
        surveys.setAside.push({
          line: surveys.lineOf[index],
          reason: `surveys[${index}].${field} must be on the scale ${scale}, got ${JSON.stringify(e.value)} (the parser accepts it: the scale is a metric option)`,
        });
        return;
      }
    }
    kept.push(s);
    keptIndexes.push(index);
  });
  surveys.records = kept;
  surveys.recordIndexes = keptIndexes;
  surveys.setAside.sort((a, b) => a.line - b.line);
}

// ------------------------------------------------------------------ report

const I = interactions.records;
const S = surveys.records;
let first = Infinity;
let last = -Infinity;
for (const r of I) {
  if (r.startedAt < first) first = r.startedAt;
  if (r.startedAt > last) last = r.startedAt;
}

console.log(`cx-metrics demo: journey '${journey.name}' (${journey.id}), contacts from ${day(first)} to ${day(last)} (UTC)`);
console.log('');
console.log("Parsing (onInvalid: 'skip'): nothing is dropped silently");
for (const f of [interactions, surveys]) {
  console.log(`  examples/data/${f.name}: ${thousands(f.read)} rows read, ${thousands(f.records.length)} kept, ${f.setAside.length} set aside`);
  for (const x of f.setAside) console.log(`    line ${String(x.line).padStart(4)}  ${x.reason}`);
}
console.log('');

const order = journey.touchpoints.map((t) => t.id);
const rows = byTouchpoint(
  { interactions: I, surveys: S },
  { order, fcr: { windowHours: FCR_WINDOW_HOURS }, churnIncidence: { shortAbandonSeconds: SHORT_ABANDON_SECONDS } },
);

console.log(`Per touchpoint (journey order; FCR window ${FCR_WINDOW_HOURS} h, abandons under ${SHORT_ABANDON_SECONDS} s left out)`);
console.log(
  table(
    ['touchpoint', 'contacts', 'AHT', 'held', 'transfer', 'abandon', 'FCR (n)', 'surveys', 'CSAT (n)', 'NPS (n)', 'CES (n)'],
    rows.map((r) => [
      r.key ?? '(no touchpoint)',
      thousands(r.interactions),
      clock(r.aht.mean),
      percent(r.holdTime.heldRate),
      percent(r.reroutes.rate),
      percent(r.churnIncidence.rate),
      withN(percent(r.fcr.rate), r.fcr.n),
      thousands(r.surveys),
      withN(percent(r.csat.rate), r.csat.n),
      withN(signed(r.nps.score), r.nps.n),
      withN(fixed2(r.ces.mean), r.ces.n),
    ]),
  ),
);
console.log('  AHT = talk + hold + wrap-up per handled contact; held, transfer: share of handled contacts;');
console.log('  abandon: share of offered contacts; FCR here counts a repeat only at the same touchpoint;');
console.log('  CSAT: share of 4–5 answers; CES: mean on 1–7 (higher is easier). Surveys without a touchpoint');
console.log('  take their interaction\'s.');
console.log('');

// Totals over every record: the same functions, ungrouped.
const answers = (field) => S.filter((s) => s[field] !== undefined).map((s) => s[field]);
const t = {
  nps: nps(answers('nps')),
  csat: csat(answers('csat')),
  ces: ces(answers('ces')),
  aht: aht(I),
  hold: holdTime(I),
  reroutes: reroutes(I),
  fcr: fcr(I, { windowHours: FCR_WINDOW_HOURS }),
  churn: churnIncidence(I, { shortAbandonSeconds: SHORT_ABANDON_SECONDS }),
  churnRaw: churnIncidence(I),
};
function ci(interval, format) {
  return interval === null ? DASH : `${format(interval.low)} to ${format(interval.high)}`;
}
console.log(`Overall (${thousands(I.length)} contacts, ${thousands(S.length)} survey responses)`);
console.log(
  table(
    ['metric', 'value', '95% interval', 'evidence'],
    [
      ['NPS', signed(t.nps.score), ci(t.nps.ci, signed), `${t.nps.promoters} promoters, ${t.nps.passives} passives, ${t.nps.detractors} detractors of ${t.nps.n}`],
      ['CSAT', percent(t.csat.rate), ci(t.csat.ci, percent), `${t.csat.satisfied} of ${t.csat.n} answered 4–5; mean ${fixed2(t.csat.mean)}`],
      ['CES', fixed2(t.ces.mean), ci(t.ces.ci, fixed2), `mean of ${t.ces.n}; ${percent(t.ces.rate)} easy (5–7)`],
      ['AHT', clock(t.aht.mean), ci(t.aht.ci, clock), `over ${thousands(t.aht.n)} handled contacts`],
      ['hold', percent(t.hold.heldRate), ci(t.hold.heldRateCi, percent), `of handled contacts held, ${clock(t.hold.mean)} on average when held`],
      ['transfers', percent(t.reroutes.rate), ci(t.reroutes.ci, percent), `of handled contacts rerouted; ${fixed2(t.reroutes.mean)} transfers per contact`],
      ['FCR', percent(t.fcr.rate), ci(t.fcr.ci, percent), `${thousands(t.fcr.resolvedFirst)} of ${thousands(t.fcr.n)} not followed by a repeat at any touchpoint within ${FCR_WINDOW_HOURS} h`],
      [
        'churn incidence',
        percent(t.churn.rate),
        ci(t.churn.ci, percent),
        `${t.churn.abandoned} of ${thousands(t.churn.n)} offered abandoned; ${t.churn.shortAbandons} short abandons left out (raw rate ${percent(t.churnRaw.rate)})`,
      ],
    ],
    'lrrl',
  ),
);
console.log('');

// Each touchpoint's success metric against its target. The journey gives the target, not its
// direction: rates of bad things and times are better when lower.
const LOWER_IS_BETTER = new Set(['aht.mean', 'holdTime.mean', 'holdTime.meanAll', 'holdTime.heldRate', 'reroutes.rate', 'reroutes.mean', 'churnIncidence.rate']);
function formatMetric(metric, x) {
  if (x === null) return DASH;
  if (metric === 'nps.score') return signed(x);
  if (metric.endsWith('.rate') || metric.endsWith('Rate')) return percent(x);
  if (metric === 'aht.mean' || metric.startsWith('holdTime.mean')) return clock(x);
  return fixed2(x);
}
const byKey = new Map(rows.map((r) => [r.key, r]));
console.log(`Success metrics of '${journey.name}'`);
console.log(
  table(
    ['touchpoint', 'metric', 'actual', 'target', 'status'],
    journey.touchpoints.map((tp) => {
      if (tp.successMetric === undefined) return [tp.id, DASH, DASH, DASH, 'no metric'];
      const [family, field] = tp.successMetric.split('.');
      const row = byKey.get(tp.id);
      const actual = row ? row[family][field] : null;
      const lower = LOWER_IS_BETTER.has(tp.successMetric);
      const target = tp.target === undefined ? DASH : `${lower ? '≤' : '≥'} ${formatMetric(tp.successMetric, tp.target)}`;
      const status = actual === null || tp.target === undefined ? 'no data' : (lower ? actual <= tp.target : actual >= tp.target) ? 'met' : 'missed';
      return [tp.id, tp.successMetric, formatMetric(tp.successMetric, actual), target, status];
    }),
    'llrrl',
  ),
);

// Is the change real? The last two weeks against the first two, with the significance tests.
const mid = Date.UTC(2024, 2, 18);
const early = S.filter((x) => x.submittedAt < mid);
const late = S.filter((x) => x.submittedAt >= mid);
const npsOf = (list) => nps(list.filter((x) => x.nps !== undefined).map((x) => x.nps));
// FCR of a contact is known only once its window has passed, and each half sees only its own
// contacts: with asOf at the end of each half, contacts of its last 7 days are `pending`, not
// flattered as resolved (their repeat may fall after the cut).
const end = Math.max(...I.map((x) => x.startedAt));
const fcrEarly = fcr(I.filter((x) => x.startedAt < mid), { windowHours: FCR_WINDOW_HOURS, asOf: mid });
const fcrLate = fcr(I.filter((x) => x.startedAt >= mid), { windowHours: FCR_WINDOW_HOURS, asOf: end });
const dNps = compareNps(npsOf(late), npsOf(early));
const dFcr = compareRates(fcrLate, fcrEarly);
const verdict = (c) => (c.pValue === null ? `no test (${c.reason})` : c.significant ? `real change (p = ${c.pValue.toFixed(3)})` : `could be noise (p = ${c.pValue.toFixed(3)})`);
console.log('');
console.log('Is it real? March 18–31 against March 4–17');
console.log(
  table(
    ['metric', 'before', 'after', 'change', '95% interval of the change', 'verdict'],
    [
      ['NPS', signed(npsOf(early).score), signed(npsOf(late).score), signed(dNps.difference), ci(dNps.ci, signed), verdict(dNps)],
      ['FCR', percent(fcrEarly.rate), percent(fcrLate.rate), `${signed(dFcr.difference * 100)} pts`, ci(dFcr.ci, (x) => `${signed(x * 100)} pts`), verdict(dFcr)],
    ],
    'lrrrrl',
  ),
);
