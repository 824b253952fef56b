// Laws of businessSecondsBetween (docs/business-hours.md). Business seconds come from sums of whole
// milliseconds, so for integer-ms inputs the laws hold exactly in milliseconds (compared as
// Math.round(seconds × 1000)). The oracle at the end is written independently of the code: it reads
// each quarter hour's local date, weekday and time from Intl.DateTimeFormat.formatToParts and tests
// membership in the schedule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, type BusinessCalendarInput, businessCalendar, businessSecondsBetween } from '../../src/stats/businessHours.js';

const DAY = 86_400_000;
const QUARTER = 900_000;
const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Key = (typeof KEYS)[number];
/** With DST (several kinds: at 02:00, at midnight, 30 minutes, at 02:45), and without (some at :30 / :45). */
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
] as const;
const ms = (seconds: number) => Math.round(seconds * 1000);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Disjoint intervals of a day from distinct sorted minute marks (an odd last mark is dropped). */
const dayArb = (marks: fc.Arbitrary<number>) =>
  fc.uniqueArray(marks, { maxLength: 6 }).map((xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const out: [string, string][] = [];
    for (let k = 0; k + 1 < s.length; k += 2) out.push([hhmm(s[k]!), hhmm(s[k + 1]!)]);
    return out;
  });
const anyMinute = fc.integer({ min: 0, max: 1440 });
const hoursArb = (marks: fc.Arbitrary<number>) =>
  fc.record(Object.fromEntries(KEYS.map((k) => [k, dayArb(marks)])) as Record<Key, fc.Arbitrary<[string, string][]>>, { requiredKeys: [] });
const T0 = Date.UTC(2023, 0, 1);
const T1 = Date.UTC(2026, 0, 1);
const dateArb = fc.integer({ min: T0 / DAY, max: T1 / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const inputArb = (marks: fc.Arbitrary<number> = anyMinute): fc.Arbitrary<BusinessCalendarInput> =>
  fc.record({ timeZone: fc.constantFrom(...ZONES), hours: hoursArb(marks), holidays: fc.array(dateArb, { maxLength: 8 }) });
const calendarArb = inputArb().map(businessCalendar);
/** 2024 DST days of ZONES (tz database): US and Havana, EU and Beirut, Australia and Chatham, Santiago. */
const DST_DAYS = ['2024-03-10', '2024-11-03', '2024-03-31', '2024-10-27', '2024-04-07', '2024-10-06', '2024-09-29', '2024-09-08'];
/** Integer-ms instants 2023–2025, half of them within two days of a DST change; spans up to 40 days (mostly shorter). */
const timeArb = fc.oneof(
  fc.integer({ min: T0, max: T1 }),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([d, dt]) => Date.parse(d) + dt),
);
const spanArb = fc.oneof(fc.integer({ min: 0, max: 2 * DAY }), fc.integer({ min: 0, max: 40 * DAY }));
const always: BusinessCalendarInput['hours'] = Object.fromEntries(KEYS.map((k) => [k, [['00:00', '24:00']]]));

/** Local date, weekday key and minute of the day of instant t in `zone`, read from Intl. */
function localParts(zone: string): (t: number) => { date: string; key: Key; minute: number } {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (t) => {
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, key: p.weekday!.toLowerCase() as Key, minute: Number(p.hour) * 60 + Number(p.minute) };
  };
}

describe('businessSecondsBetween laws', () => {
  it('for any calendar and start ≤ end, 0 ≤ business seconds ≤ calendar seconds', () => {
    fc.assert(
      fc.property(calendarArb, timeArb, spanArb, (c, start, span) => {
        const b = businessSecondsBetween(c, start, start + span);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(ms(b)).toBeLessThanOrEqual(span);
      }),
    );
  });

  it('for any calendar and a ≤ b ≤ c, f(a, c) = f(a, b) + f(b, c) (additive over any split point, exact in ms)', () => {
    fc.assert(
      fc.property(calendarArb, timeArb, spanArb, fc.double({ min: 0, max: 1, noNaN: true }), (cal, a, span, cut) => {
        const c = a + span;
        const b = a + Math.floor(span * cut);
        expect(ms(businessSecondsBetween(cal, a, c))).toBe(ms(businessSecondsBetween(cal, a, b)) + ms(businessSecondsBetween(cal, b, c)));
      }),
    );
  });

  it('for any calendar, start and end1 ≤ end2, f(start, end1) ≤ f(start, end2) (monotonic in end)', () => {
    fc.assert(
      fc.property(calendarArb, timeArb, spanArb, spanArb, (c, start, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(businessSecondsBetween(c, start, start + lo)).toBeLessThanOrEqual(businessSecondsBetween(c, start, start + hi));
      }),
    );
  });

  it('for any span, a 24/7 calendar in UTC gives exactly the calendar seconds', () => {
    const c = businessCalendar({ timeZone: 'UTC', hours: always });
    fc.assert(
      fc.property(fc.integer({ min: -8.6e15, max: 8.6e15 - 40 * DAY }), spanArb, (start, span) => {
        expect(businessSecondsBetween(c, start, start + span)).toBe(span / 1000);
      }),
    );
  });

  it('for any zone and span, a 24/7 calendar gives exactly the calendar seconds (local days tile real time, DST days included)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), timeArb, spanArb, (zone, start, span) => {
        expect(businessSecondsBetween(businessCalendar({ timeZone: zone, hours: always }), start, start + span)).toBe(span / 1000);
      }),
    );
  });

  it('for any span inside one local day that is closed (its weekday has no hours, or it is a holiday), business seconds are 0', () => {
    fc.assert(
      fc.property(inputArb(), timeArb, fc.integer({ min: 0, max: DAY }), fc.boolean(), (input, start, span, byHoliday) => {
        const local = localParts(input.timeZone);
        const day = local(start);
        fc.pre(local(start + span).date === day.date);
        const hours = byHoliday ? input.hours : { ...input.hours, [day.key]: [] };
        const closed = businessCalendar({ ...input, hours, holidays: byHoliday ? [...(input.holidays ?? []), day.date] : input.holidays ?? [] });
        expect(businessSecondsBetween(closed, start, start + span)).toBe(0);
      }),
    );
  });

  it('for any calendar, the result does not depend on what the calendar computed before (its day cache)', () => {
    fc.assert(
      fc.property(inputArb(), fc.array(fc.tuple(timeArb, spanArb), { minLength: 1, maxLength: 5 }), (input, spans) => {
        const used = businessCalendar(input);
        const got = spans.map(([s, n]) => businessSecondsBetween(used, s, s + n));
        const fresh = spans.map(([s, n]) => businessSecondsBetween(businessCalendar(input), s, s + n));
        expect(got).toEqual(fresh);
      }),
    );
  });

  it('for any calendar, a JSON copy is an equal calendar and gives the same results', () => {
    fc.assert(
      fc.property(calendarArb, timeArb, spanArb, (c, start, span) => {
        const json = JSON.parse(JSON.stringify(c)) as BusinessCalendar;
        expect(businessCalendar(json as unknown as BusinessCalendarInput)).toEqual(c);
        expect(businessSecondsBetween(json, start, start + span)).toBe(businessSecondsBetween(c, start, start + span));
      }),
      { numRuns: 40 },
    );
  });

  it('for any calendar and quarter-hour span of up to 4 days, business seconds = 900 × the quarter hours whose local time is open (Intl oracle)', () => {
    // Marks at 00:00, 04:00–23:00 and 24:00 only: none falls strictly inside an hour that these zones
    // repeat (01:00–03:45, or Saturday 23:00–24:00), where the oracle's "the wall clock reads an open
    // time" and the code's "open from the first opening instant to the first closing instant" differ
    // on purpose (docs/business-hours.md). Every zone's offset and change is a whole quarter hour.
    const marks = fc.oneof(fc.constantFrom(0, 1440), fc.integer({ min: 16, max: 92 }).map((q) => q * 15));
    fc.assert(
      fc.property(inputArb(marks), timeArb.map((t) => Math.floor(t / QUARTER)), fc.integer({ min: 0, max: 4 * 96 }), (input, q0, n) => {
        const c = businessCalendar(input);
        const local = localParts(c.timeZone);
        let open = 0;
        for (let q = q0; q < q0 + n; q++) {
          const { date, key, minute } = local(q * QUARTER);
          if (c.holidays.includes(date)) continue;
          if (c.hours[key].some(([a, b]) => minute >= hhmmToMinutes(a) && minute < hhmmToMinutes(b))) open++;
        }
        expect(businessSecondsBetween(c, q0 * QUARTER, (q0 + n) * QUARTER)).toBe(open * 900);
      }),
      { numRuns: 150 },
    );
  });
});

function hhmmToMinutes(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}
