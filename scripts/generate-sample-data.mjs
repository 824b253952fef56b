#!/usr/bin/env node
// Generates the bundled sample data in examples/data/ (interactions, surveys, journey, README).
//
//   node scripts/generate-sample-data.mjs      (or: npm run sample-data)
//
// Deterministic: a fixed seed and its own small PRNG (mulberry32), integer seconds, UTC timestamps
// and a fixed key order, so every run writes byte-identical files. No dependencies.
//
// The data: one journey, 'billing-help', over four full weeks (Mon 2024-03-04 to Sun 2024-03-31,
// UTC). Customers open a billing question (an "episode"); some need more than one contact, some
// abandon the queue and retry, so FCR (no repeat within 7 days) lands in the 70–80 % range. About
// a third of handled contacts get a survey answer. A few deliberately dirty rows (listed in
// examples/data/README.md with their row numbers) show how parse* sets bad rows aside.
import { mkdirSync, writeFileSync } from 'node:fs';

const OUT = new URL('../examples/data/', import.meta.url);
const SEED = 20240304;

// ---------------------------------------------------------------- random numbers (seeded)

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** Picks a key of `weights` ({ key: weight }) with probability proportional to its weight. */
function weighted(weights) {
  const entries = Object.entries(weights);
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rand() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}
/** Standard normal (Box–Muller; no cached second value, so the stream stays simple). */
function normal() {
  const u = 1 - rand(); // (0, 1]
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
/** Log-normal seconds with the given median; right-skewed like real handle and wait times. */
const logNormal = (median, sigma) => median * Math.exp(sigma * normal());
const secs = (x, lo = 0, hi = Infinity) => Math.round(Math.min(hi, Math.max(lo, x)));

// ---------------------------------------------------------------- the world

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2024, 2, 4); // Monday 2024-03-04 00:00 UTC
const DAYS = 28;
const END = START + DAYS * DAY; // exclusive: Monday 2024-04-01 00:00 UTC
const EPISODES = 2100;
const CUSTOMERS = 12000;
const JOURNEY_ID = 'billing-help';

const journey = {
  id: JOURNEY_ID,
  name: 'Billing help',
  touchpoints: [
    { id: 'help-center', name: 'Help center (contact form and live chat)', successMetric: 'csat.rate', target: 0.8 },
    { id: 'chatbot', name: 'Billing chatbot', successMetric: 'reroutes.rate', target: 0.3 },
    { id: 'billing-call', name: 'Billing phone line', successMetric: 'fcr.rate', target: 0.8 },
    { id: 'billing-email', name: 'Billing email', successMetric: 'aht.mean', target: 480 },
  ],
};

const AGENTS = Array.from({ length: 20 }, (_, i) => `AG-${String(i + 1).padStart(2, '0')}`);
// Skills: 01–08 phone, 09–14 chat, 15–18 email, 19–20 senior (take transfers, any channel).
const AGENTS_BY_CHANNEL = { phone: AGENTS.slice(0, 8), chat: AGENTS.slice(8, 14), email: AGENTS.slice(14, 18) };
const SENIOR = AGENTS.slice(18);
// Each agent's speed: a fixed multiplier on talk / handling time (0.8 fast … 1.3 slow).
const SPEED = Object.fromEntries(AGENTS.map((a) => [a, 0.8 + rand() * 0.5]));

// Arrivals per hour of day (UTC; the contact centre works on UK time, which is UTC in March).
const HOURS_PHONE = [0, 0, 0, 0, 0, 0, 0, 1, 4, 8, 10, 10, 8, 7, 9, 9, 8, 6, 4, 2, 1, 0, 0, 0];
const HOURS_CHAT = [1, 0, 0, 0, 0, 0, 1, 2, 4, 7, 8, 8, 7, 7, 8, 8, 7, 6, 5, 5, 4, 3, 2, 1];
const HOURS_EMAIL = [1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 5, 5, 6, 6, 5, 4, 4, 4, 3, 3, 2, 2];
const DAY_WEIGHT = [1.1, 1.0, 1.0, 0.95, 0.9, 0.45, 0.3]; // Mon … Sun (START is a Monday)

const TOUCHPOINT_CHANNELS = {
  'help-center': { chat: 0.6, email: 0.4 },
  chatbot: { chat: 1 },
  'billing-call': { phone: 1 },
  'billing-email': { email: 1 },
  none: { phone: 0.7, email: 0.3 },
};
const FIRST_TOUCHPOINT = { 'help-center': 0.18, chatbot: 0.24, 'billing-call': 0.36, 'billing-email': 0.18, none: 0.04 };
// Chance that a handled contact does not settle the question (the customer comes back later).
const UNSETTLED = { 'help-center': 0.23, chatbot: 0.36, 'billing-call': 0.18, 'billing-email': 0.27, none: 0.14 };
// Where the customer goes next when the question is not settled.
const NEXT_TOUCHPOINT = {
  'help-center': { 'billing-call': 0.5, 'billing-email': 0.3, 'help-center': 0.2 },
  chatbot: { 'billing-call': 0.6, 'billing-email': 0.25, chatbot: 0.15 },
  'billing-call': { 'billing-call': 0.7, 'billing-email': 0.3 },
  'billing-email': { 'billing-email': 0.5, 'billing-call': 0.5 },
  none: { 'billing-call': 0.6, none: 0.4 },
};
const ABANDON = { phone: 0.12, chat: 0.09, email: 0 };

function hourProfile(channel) {
  return channel === 'phone' ? HOURS_PHONE : channel === 'chat' ? HOURS_CHAT : HOURS_EMAIL;
}

/** A random time in the month for a first contact, following the day and hour profiles. */
function arrival(channel) {
  const day = Number(weighted(Object.fromEntries(Array.from({ length: DAYS }, (_, d) => [d, DAY_WEIGHT[d % 7]]))));
  const hour = Number(weighted(Object.fromEntries(hourProfile(channel).map((w, h) => [h, w]))));
  return START + day * DAY + hour * HOUR + int(0, 3599) * 1000;
}

/** Moves a time into the channel's opening hours (phone 07–21, chat/email any time but rare at night). */
function intoOpenHours(t, channel) {
  const profile = hourProfile(channel);
  let x = t;
  for (let i = 0; i < 48 && profile[new Date(x).getUTCHours()] === 0; i++) x += HOUR;
  return x;
}

// ---------------------------------------------------------------- contacts

/** One contact at a touchpoint; returns the record (without id) and whether it was handled. */
function contact(t, touchpoint, customerId, caseKey) {
  const channel = weighted(TOUCHPOINT_CHANNELS[touchpoint]);
  const r = { channel, startedAt: t, customerId, caseKey };
  if (touchpoint !== 'none') {
    r.touchpoint = touchpoint;
    r.journeyId = JOURNEY_ID;
  }
  r.queue =
    touchpoint === 'none'
      ? `general-${channel}`
      : touchpoint === 'chatbot'
        ? 'billing-bot'
        : touchpoint === 'help-center'
          ? `help-center-${channel}`
          : chance(0.1)
            ? `billing-priority-${channel}`
            : `billing-${channel}`;

  // Abandons: phone and live chat only.
  const abandonP = touchpoint === 'chatbot' ? 0 : ABANDON[channel];
  if (chance(abandonP)) {
    r.abandoned = true;
    // About one abandon in eight is a short one (a wrong number, a pocket dial): under 5 s.
    r.waitSeconds = chance(0.13) ? int(1, 4) : secs(logNormal(channel === 'phone' ? 85 : 60, 0.8), 5, 1800);
    return r;
  }

  let agent;
  if (touchpoint === 'chatbot') {
    r.waitSeconds = 0;
    r.firstResponseSeconds = int(1, 3);
    r.talkSeconds = secs(logNormal(140, 0.6), 20);
    r.transfers = 0;
    if (chance(0.34)) {
      // The bot hands over to a live agent: one transfer, then an agent chat.
      agent = pick(AGENTS_BY_CHANNEL.chat);
      r.transfers = 1;
      r.waitSeconds = secs(logNormal(40, 0.9), 2, 1200);
      r.talkSeconds += secs(logNormal(420, 0.5) * SPEED[agent], 60);
      r.afterWorkSeconds = secs(logNormal(30, 0.6), 5);
      if (chance(0.06)) {
        r.holdSeconds = secs(logNormal(45, 0.6), 5);
        r.holdCount = 1;
      }
    }
  } else if (channel === 'phone') {
    agent = pick(chance(0.08) ? SENIOR : AGENTS_BY_CHANNEL.phone);
    r.waitSeconds = secs(logNormal(40, 1.0), 0, 1800);
    r.talkSeconds = secs(logNormal(330, 0.55) * SPEED[agent], 30);
    if (chance(0.32)) {
      const holds = chance(0.72) ? 1 : chance(0.8) ? 2 : 3;
      let hold = 0;
      for (let h = 0; h < holds; h++) hold += logNormal(55, 0.7);
      r.holdSeconds = secs(hold, 5);
      r.holdCount = holds;
    }
    r.afterWorkSeconds = secs(logNormal(55, 0.6), 5);
    r.transfers = chance(0.13) ? (chance(0.85) ? 1 : 2) : 0;
  } else if (channel === 'chat') {
    agent = pick(chance(0.05) ? SENIOR : AGENTS_BY_CHANNEL.chat);
    r.waitSeconds = secs(logNormal(25, 0.9), 0, 1200);
    r.firstResponseSeconds = r.waitSeconds + int(5, 40);
    r.talkSeconds = secs(logNormal(540, 0.5) * SPEED[agent], 60);
    if (chance(0.08)) {
      r.holdSeconds = secs(logNormal(40, 0.6), 5);
      r.holdCount = 1;
    }
    r.afterWorkSeconds = secs(logNormal(30, 0.6), 5);
    r.transfers = chance(0.08) ? 1 : 0;
  } else {
    // Email: waits in the queue for hours; the agent's handling time is "talk".
    agent = pick(chance(0.05) ? SENIOR : AGENTS_BY_CHANNEL.email);
    r.waitSeconds = secs(logNormal(3 * 3600, 0.9), 300, 3 * 86400);
    r.talkSeconds = secs(logNormal(260, 0.6) * SPEED[agent], 30);
    r.afterWorkSeconds = secs(logNormal(45, 0.6), 5);
    r.firstResponseSeconds = r.waitSeconds + r.talkSeconds;
    r.transfers = chance(0.04) ? 1 : 0;
  }
  if (agent !== undefined) r.agentId = agent;
  return r;
}

// Episodes: a customer's billing question, from first contact to settled (or given up).
const contacts = [];
for (let e = 0; e < EPISODES; e++) {
  const customerId = `CUST-${String(int(1, CUSTOMERS)).padStart(5, '0')}`;
  let touchpoint = weighted(FIRST_TOUCHPOINT);
  let t = arrival(weighted(TOUCHPOINT_CHANNELS[touchpoint]));
  for (let step = 0; step < 5 && t < END; step++) {
    const r = contact(t, touchpoint, customerId, e);
    contacts.push(r);
    if (r.abandoned) {
      // Most callers who give up in the queue try again within the hour or so.
      if (!chance(0.65)) break;
      t = intoOpenHours(t + secs(logNormal(25 * 60, 0.9), 60) * 1000, r.channel);
      continue;
    }
    r.unsettled = chance(UNSETTLED[touchpoint] * (step === 0 ? 1 : 0.8));
    // The agent's own "resolved" flag: usually right, but agents over-claim.
    r.resolved = r.unsettled ? chance(0.35) : chance(0.92);
    if (r.channel === 'email' && r.resolved) {
      r.resolutionSeconds = r.firstResponseSeconds + (chance(0.3) ? secs(logNormal(6 * 3600, 0.8), 600) : 0);
    }
    if (!r.unsettled) break;
    // Back again after a skewed delay: median ~1.5 days, some beyond the 7-day FCR window.
    touchpoint = weighted(NEXT_TOUCHPOINT[touchpoint]);
    t = intoOpenHours(t + secs(logNormal(1.5 * 86400, 1.0), 1800) * 1000, weighted(TOUCHPOINT_CHANNELS[touchpoint]));
  }
}

const rows = contacts.filter((r) => r.startedAt < END).sort((a, b) => a.startedAt - b.startedAt || a.caseKey - b.caseKey);
const caseIds = new Map();
rows.forEach((r, i) => {
  r.id = `INT-${String(i + 1).padStart(5, '0')}`;
  if (!caseIds.has(r.caseKey)) caseIds.set(r.caseKey, `CASE-${String(caseIds.size + 1).padStart(4, '0')}`);
  r.caseId = caseIds.get(r.caseKey);
});

// ---------------------------------------------------------------- surveys

const nextHandled = new Map(); // interaction → the same customer's next handled contact (start time)
{
  const last = new Map();
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.abandoned) continue;
    nextHandled.set(r, last.get(r.customerId));
    last.set(r.customerId, r.startedAt);
  }
}

const COMMENTS = {
  good: [
    'Quick and friendly, thanks!',
    'Sorted in one call. Great service.',
    'The agent explained the "proration" line on my bill clearly.',
    'Easy, fast, painless.',
    'Refund arrived the next day, thank you',
    'Chat was quick, and the agent was patient with me.',
  ],
  mixed: [
    'OK, but the email reply took a day.',
    'Fine in the end, though I had to explain it twice.',
    'Helpful agent, but the hold music, ugh.',
    'The help article said "no fee", the invoice says otherwise.',
  ],
  bad: [
    'Had to call twice, still not fixed.',
    'Bot kept sending me to the same article, so I gave up and called.',
    'Waited 20 minutes, then got transferred. Twice.',
    'Was told the refund would take "3-5 days", it has been a week.',
    'Nobody could tell me why my direct debit failed',
  ],
};
const MULTILINE_COMMENT = 'Two problems:\n1) late fee charged although I paid on time, 2) the "paperless" discount is missing.';

const BASE_MOOD = { 'help-center': 0.85, chatbot: 0.55, 'billing-call': 1.0, 'billing-email': 0.75 };
const cut = (x, cuts) => cuts.filter((c) => x >= c).length; // number of cut points at or below x
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

const surveys = [];
for (const r of rows) {
  if (r.abandoned || !chance(0.37)) continue;
  const next = nextHandled.get(r);
  const repeated = next !== undefined && next - r.startedAt <= 7 * DAY;
  let mood = (BASE_MOOD[r.touchpoint] ?? 0.8) + 0.8 * normal();
  if (r.unsettled) mood -= 0.9;
  if (r.resolved === false) mood -= 0.4;
  if (r.channel === 'phone' && r.waitSeconds > 180) mood -= 0.4;
  if ((r.holdSeconds ?? 0) > 120) mood -= 0.3;
  mood -= 0.35 * (r.transfers ?? 0);
  const s = {
    submittedAt:
      r.startedAt +
      1000 * ((r.waitSeconds ?? 0) + (r.talkSeconds ?? 0) + (r.holdSeconds ?? 0) + (r.afterWorkSeconds ?? 0)) +
      secs(logNormal(2 * 3600, 1.3), 60, 5 * 86400) * 1000,
    interactionId: r.id,
    customerId: r.customerId,
  };
  // Most responses carry no touchpoint: they inherit their interaction's through interactionId.
  if (r.touchpoint !== undefined && chance(0.08)) s.touchpoint = r.touchpoint;
  if (chance(0.97)) s.csat = 1 + cut(mood, [-1.4, -0.7, -0.15, 0.55]);
  if (chance(0.88)) s.nps = clamp(Math.round(7.3 + 2.0 * (mood + 0.5 * normal())), 0, 10);
  if (chance(0.72)) s.ces = clamp(Math.round(5.1 + 1.3 * (mood + 0.5 * normal())), 1, 7);
  if (chance(0.8)) s.fcr = repeated ? chance(0.2) : chance(0.9);
  if (chance(0.12)) {
    const tone = mood > 0.5 ? 'good' : mood > -0.5 ? 'mixed' : 'bad';
    s.comment = pick(COMMENTS[tone]);
  }
  s.interaction = r;
  surveys.push(s);
}
surveys.sort((a, b) => a.submittedAt - b.submittedAt || (a.interactionId < b.interactionId ? -1 : 1));
surveys.forEach((s, i) => {
  s.id = `SRV-${String(i + 1).padStart(5, '0')}`;
});
// One comment with a line break inside (quoted in the CSV; still one spreadsheet row).
{
  const s = surveys.find((x, i) => i >= 260 && x.csat !== undefined && x.csat <= 2);
  s.comment = MULTILINE_COMMENT;
}

// ---------------------------------------------------------------- deliberately dirty rows

/** Finds the first row at or after `from` that `ok` accepts and no other dirty row or survey uses. */
function dirtySlot(list, from, ok, taken) {
  for (let i = from; i < list.length; i++) if (!taken.has(i) && ok(list[i])) return i;
  throw new Error(`no row for a dirty value after ${from}`);
}
const surveyed = new Set(surveys.map((s) => s.interaction));
const handledPhone = (r) => r.channel === 'phone' && !r.abandoned && !surveyed.has(r);

const dirtyInteractions = [
  {
    at: 140,
    ok: handledPhone,
    field: 'talkSeconds',
    value: -42,
    what: 'negative talk time',
  },
  {
    at: 480,
    ok: (r) => handledPhone(r) && r.holdSeconds !== undefined,
    field: 'holdSeconds',
    value: '1:30',
    what: 'hold time written as m:ss text instead of seconds',
  },
  {
    at: 930,
    ok: (r) => !surveyed.has(r),
    field: 'startedAt',
    value: '12/03/2024 09:15',
    what: 'unparseable (and ambiguous) date: not ISO-8601',
  },
  {
    at: 1410,
    ok: (r) => !surveyed.has(r),
    field: 'channel',
    value: undefined,
    what: 'missing channel (a required field)',
  },
  {
    at: 1900,
    ok: (r) => r.abandoned === true,
    field: 'abandoned',
    value: 'N/A',
    what: 'non-boolean abandoned value',
  },
  {
    at: 2450,
    ok: (r) => r.channel === 'email' && r.resolutionSeconds !== undefined && !surveyed.has(r),
    field: 'resolutionSeconds',
    value: 1_296_000_000,
    what: 'duration in milliseconds (15 days in ms; > 1e9 s is rejected)',
  },
];
const dirtySurveys = [
  { at: 120, ok: (s) => s.nps !== undefined, field: 'nps', value: 11, what: 'NPS of 11 (the scale is 0–10)' },
  { at: 380, ok: (s) => s.csat !== undefined, field: 'csat', value: 0, what: 'CSAT of 0 (the scale is 1–5)' },
  { at: 640, ok: (s) => s.fcr !== undefined, field: 'fcr', value: 'not sure', what: 'non-boolean survey FCR answer' },
  { at: 900, ok: () => true, field: 'submittedAt', value: undefined, what: 'missing submittedAt (a required field)' },
];

function applyDirty(list, specs) {
  const taken = new Set();
  const out = [];
  for (const d of specs) {
    const i = dirtySlot(list, d.at, d.ok, taken);
    taken.add(i);
    const row = list[i];
    const original = row[d.field];
    row[d.field] = d.value; // undefined: the field is left out of the output (a blank cell)
    row.dirty = true;
    out.push({ ...d, index: i, id: row.id, original });
  }
  return out;
}
const dirtyI = applyDirty(rows, dirtyInteractions);
const dirtyS = applyDirty(surveys, dirtySurveys);

// ---------------------------------------------------------------- writing

const INTERACTION_FIELDS = [
  'id',
  'channel',
  'startedAt',
  'customerId',
  'caseId',
  'touchpoint',
  'journeyId',
  'agentId',
  'queue',
  'waitSeconds',
  'talkSeconds',
  'holdSeconds',
  'holdCount',
  'afterWorkSeconds',
  'transfers',
  'abandoned',
  'resolved',
  'firstResponseSeconds',
  'resolutionSeconds',
];
const SURVEY_FIELDS = ['id', 'submittedAt', 'interactionId', 'customerId', 'touchpoint', 'channel', 'agentId', 'journeyId', 'csat', 'nps', 'ces', 'fcr', 'comment', 'weight'];

const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
/** The row as written: fields in model order, absent fields left out, times as ISO-8601 UTC. */
function output(row, fields, timeField) {
  const o = {};
  for (const f of fields) {
    let v = row[f];
    if (v === undefined) continue;
    if (f === timeField && typeof v === 'number') v = iso(v);
    o[f] = v;
  }
  return o;
}
/** RFC 4180: quote a cell holding a comma, quote, CR or LF (or edge spaces); double inner quotes. */
function csvCell(v) {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
function writeCsv(name, records, fields) {
  const lines = [fields.join(',')];
  for (const r of records) lines.push(fields.map((f) => csvCell(r[f])).join(','));
  writeFileSync(new URL(name, OUT), `${lines.join('\n')}\n`);
}
function writeNdjson(name, records) {
  writeFileSync(new URL(name, OUT), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

const interactionsOut = rows.map((r) => output(r, INTERACTION_FIELDS, 'startedAt'));
const surveysOut = surveys.map((s) => output(s, SURVEY_FIELDS, 'submittedAt'));

mkdirSync(OUT, { recursive: true });
writeCsv('interactions.csv', interactionsOut, INTERACTION_FIELDS);
writeNdjson('interactions.ndjson', interactionsOut);
writeCsv('surveys.csv', surveysOut, SURVEY_FIELDS);
writeNdjson('surveys.ndjson', surveysOut);
writeFileSync(new URL('journey.json', OUT), `${JSON.stringify(journey, null, 2)}\n`);

// ---------------------------------------------------------------- README (kept in step with the data)

const clean = rows.filter((r) => !r.dirty);
const abandons = clean.filter((r) => r.abandoned === true);
const shortAbandons = abandons.filter((r) => r.waitSeconds < 5);
const byChannel = (ch) => clean.filter((r) => r.channel === ch).length;
const noTouchpoint = clean.filter((r) => r.touchpoint === undefined).length;
const pct = (x, n) => `${((100 * x) / n).toFixed(1)} %`;
const shown = (v) => (v === undefined ? '(blank)' : typeof v === 'string' ? `\`${JSON.stringify(v)}\`` : `\`${v}\``);
const table = (dirty, kind) =>
  dirty
    .map(
      (d) =>
        `| ${d.index + 2} | ${d.index + 1} | ${d.index} | \`${d.id ?? '(none)'}\` | \`${d.field}\` | ${shown(d.value)} | ${d.what} | ${
          kind === 'surveys' && d.field === 'csat' ? 'kept by `parseSurveyResponses`; `csat()` / `byTouchpoint` throw (see below)' : 'rejected by the parser'
        } |`,
    )
    .join('\n');

const readme = `# Sample data

Generated by \`scripts/generate-sample-data.mjs\` (\`npm run sample-data\`): a fixed seed and its own
small PRNG, so every run writes byte-identical files. **Do not edit these files by hand** (this
README included): change the script and run it again.

A made-up billing help desk over four full weeks, Monday 2024-03-04 to Sunday 2024-03-31 (all
times UTC, ISO-8601 with \`Z\`). One journey, \`billing-help\`, with four touchpoints.

| file | what |
| --- | --- |
| \`interactions.csv\`, \`interactions.ndjson\` | the same ${rows.length} contacts (one per row / line), ${dirtyI.length} of them deliberately dirty |
| \`surveys.csv\`, \`surveys.ndjson\` | the same ${surveys.length} survey responses, ${dirtyS.length} of them deliberately dirty |
| \`journey.json\` | the journey: touchpoints in order, each with a success metric and target |

\`examples/demo.mjs\` (\`npm run demo\`) reads the NDJSON files and the journey and prints a report.

## Format

- **Column names are the model's field names** (\`Interaction\`, \`SurveyResponse\`), in the model's order.
- **CSV:** a header row, comma-separated, \`\\n\` line ends, RFC 4180 quoting where a cell needs it
  (comments hold commas and \`"quotes"\`; one comment, in survey \`${surveys.find((s) => s.comment === MULTILINE_COMMENT).id}\`, holds a line break
  inside its quoted cell, so that survey row spans two physical lines). **A blank cell is an absent field.**
  Booleans are \`true\` / \`false\`; durations are whole seconds.
- **NDJSON:** one JSON object per line; absent fields are left out (never \`null\`); numbers are numbers.
- Both files of a pair hold the same records in the same order: parsing either gives the same result.

## What is in it

Interactions (${clean.length} clean rows counted here):

- **Channels:** phone ${byChannel('phone')}, chat ${byChannel('chat')}, email ${byChannel('email')}.
- **Touchpoints** (\`touchpoint\`, with \`journeyId: "billing-help"\`): \`help-center\` (live chat or contact
  form), \`chatbot\` (no agent unless it hands over: then \`transfers: 1\` and an \`agentId\`),
  \`billing-call\`, \`billing-email\`. ${noTouchpoint} contacts (general lines, queue \`general-*\`) have no
  touchpoint and no journey: they form the \`null\` row of \`byTouchpoint\`.
- **People:** ${AGENTS.length} agents (\`AG-01\` … \`AG-20\`: phone, chat, email specialists and two seniors who take
  transfers), ${new Set(clean.map((r) => r.customerId)).size} customers (\`CUST-…\`), ${caseIds.size} cases (\`CASE-…\`: one
  billing question, possibly several contacts).
- **Repeat contacts:** some questions are not settled at the first contact and the customer comes
  back after a skewed delay (median about 1.5 days; some after more than 7 days), often at another
  touchpoint; callers who abandon usually retry within the hour. With the default 7-day window,
  operational FCR over all contacts is in the 70–80 % range; agents' own \`resolved\` flag is more optimistic.
- **Durations** (log-normal, right-skewed, whole seconds, by channel): phone talk median about 6 min,
  about a third held (\`holdCount\` 1–3), wrap-up ~1 min; live chat ~9 min; email handling ~4.5 min after
  hours in the queue (\`waitSeconds\`, \`firstResponseSeconds\`, \`resolutionSeconds\` when resolved).
- **Transfers:** about one call in seven, ~8 % of live chats, a third of chatbot sessions (the hand-over).
- **Abandons:** ${abandons.length} (${pct(abandons.length, clean.length)} of contacts; phone and live chat only), each with
  \`waitSeconds\`; ${shortAbandons.length} are short abandons under 5 s (try \`churnIncidence(…, { shortAbandonSeconds: 5 })\`).

Surveys: about a third of handled contacts, each with \`interactionId\` and \`customerId\`; \`csat\` 1–5,
\`nps\` 0–10, \`ces\` 1–7 (higher is easier), \`fcr\` (\`true\`/\`false\`: "resolved on first contact?"), an
occasional \`comment\`. Not every question is answered. Only about 8 % carry a \`touchpoint\`; the rest
inherit their interaction's through \`interactionId\` in \`byTouchpoint\`. Scores follow the contact:
repeats, long waits, long holds and transfers lower them.

## Deliberately dirty rows

Row numbers: **CSV row** is the spreadsheet row (header = row 1, first record = row 2; a quoted line
break does not start a new row); **NDJSON line** is 1-based; **index** is the 0-based \`index\` the
parser reports in \`issues\` (CSV row = index + 2, NDJSON line = index + 1).

### interactions.csv / interactions.ndjson

| CSV row | NDJSON line | index | id | field | value | what is wrong | result |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table(dirtyI, 'interactions')}

### surveys.csv / surveys.ndjson

| CSV row | NDJSON line | index | id | field | value | what is wrong | result |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table(dirtyS, 'surveys')}

The CSAT of 0 passes \`parseSurveyResponses\` on purpose: the survey schema only checks that \`csat\`
and \`ces\` are finite numbers, because their scale is an option of the metric functions (a 0–10 CSAT
survey is legitimate). With the default 1–5 scale, \`csat()\` and \`byTouchpoint()\` throw a
\`CxMetricsError\` naming the record. The demo checks the survey scales itself after parsing and sets
that row aside too.

With \`onInvalid: 'skip'\` the parsers keep ${rows.length - dirtyI.length} interactions and ${surveys.length - dirtyS.length + 1} surveys and report the
others in \`issues\`. The clean rows have no surveys pointing at the dirty interactions.
`;
writeFileSync(new URL('README.md', OUT), readme);

console.log(
  `wrote examples/data/: ${rows.length} interactions (${dirtyI.length} dirty), ${surveys.length} surveys (${dirtyS.length} dirty), journey.json, README.md`,
);
