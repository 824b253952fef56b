/**
 * Business-hours arithmetic: how many real seconds of a time span fall inside a weekly schedule of
 * opening hours in an IANA time zone, minus holidays (definitions.md §5.1). Time-zone offsets come
 * from `Intl.DateTimeFormat`, so no time-zone database ships with the library.
 * @module
 */
import { CxMetricsError, formatValue, invalidValue } from '../models/errors.js';

/** A schedule as written by a person: see {@link businessCalendar}. */
export interface BusinessCalendarInput {
  /** IANA time-zone name the hours and holidays are read in, e.g. `'America/New_York'`. */
  timeZone: string;
  /**
   * Opening intervals per weekday as local `['HH:mm', 'HH:mm']` pairs, start inclusive, end
   * exclusive; `'24:00'` is allowed as an end. A weekday that is missing is closed.
   */
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<[string, string]>>>;
  /** Local dates `'YYYY-MM-DD'` that are closed all day. */
  holidays?: string[];
}

/**
 * A validated, frozen schedule made by {@link businessCalendar}. Its fields are plain JSON: the
 * zone as given, all seven weekdays (closed ones `[]`) with intervals sorted and touching ones
 * merged, and the holidays sorted without duplicates. The compiled form (and the zone's
 * `Intl.DateTimeFormat`) is kept out of sight on the object; a JSON copy is still a valid input.
 */
export interface BusinessCalendar {
  /** The IANA zone, as given. */
  readonly timeZone: string;
  /** All seven weekdays in order `mon` … `sun`; intervals sorted, touching ones merged; closed days `[]`. */
  readonly hours: Readonly<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', ReadonlyArray<readonly [string, string]>>>;
  /** Closed local dates `'YYYY-MM-DD'`, sorted, without duplicates. */
  readonly holidays: readonly string[];
}

const DAY = 86_400_000;
const MAX_TIME = 8.64e15; // the Date range
const MAX_SPAN = 1e12; // ms: 1e9 s, DESIGN.md's bound on durations
const CACHE_DAYS = 20_000; // days remembered per calendar (about 55 years) before the cache starts over
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPILED: unique symbol = /* @__PURE__ */ Symbol.for('cx-metrics.businessCalendar.v1');

/** One local day: its instants are [s0, s1); offset oA until the transition T (Infinity: none), oB after. */
interface Day { s0: number; s1: number; oA: number; oB: number; T: number }
interface Compiled {
  readonly open: readonly (readonly number[])[]; // per weekday (mon = 0), [start, end, …] in ms after midnight
  readonly holidays: ReadonlySet<number>; // local day numbers (days since 1970-01-01)
  readonly fmt: Intl.DateTimeFormat;
  readonly days: Map<number, Day>; // memo of day boundaries: a cache, never changes a result
  hint: number; // offset of the last day used: where to look first
}

function bad(path: string, rule: string, value: unknown): never {
  throw new CxMetricsError('invalid_option', `${path} ${rule}, got ${formatValue(value)}`, { path, index: null, value });
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Day of the month of day number `n`, the inverse of {@link dayNumber} (same source). */
function dayOfMonth(n: number): number {
  const z = n + 719468;
  const doe = z - Math.floor(z / 146097) * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** UTC offset (ms, local − UTC) in force at instant `t`, read from the zone's formatter. */
function offsetAt(c: Compiled, t: number): number {
  const s = Math.floor(Math.min(MAX_TIME, Math.max(-MAX_TIME, t)) / 1000) * 1000;
  const m = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/.exec(c.fmt.format(s));
  if (m === null) bad('calendar.timeZone', 'must be formatted as day, hours, minutes, seconds by Intl.DateTimeFormat', c.fmt.resolvedOptions().timeZone);
  const utcDay = Math.floor(s / DAY);
  const local = ((Number(m[2]) % 24) * 3600 + Number(m[3]) * 60 + Number(m[4])) * 1000;
  const day = Number(m[1]);
  const shift = day === dayOfMonth(utcDay) ? 0 : day === dayOfMonth(utcDay + 1) ? DAY : -DAY; // offsets are under a day
  return shift + local - (s - utcDay * DAY);
}

/** The first whole second in (lo, hi] whose offset differs from `o` = offsetAt(lo) (offsetAt(hi) ≠ o). */
function firstChange(c: Compiled, lo: number, hi: number, o: number): number {
  let a = Math.floor(lo / 1000);
  let b = Math.floor(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(c, mid * 1000) === o) a = mid;
    else b = mid;
  }
  return b * 1000;
}

/** The first instant whose wall clock reads local time `w` (ms, as if UTC) or later, and the offset then. */
function resolve(c: Compiled, w: number): [number, number] {
  const oL = offsetAt(c, w - DAY);
  const oR = offsetAt(c, w + DAY);
  if (oL === oR) return [w - oL, oL];
  const T = firstChange(c, w - DAY, w + DAY, oL);
  return w < T + oL ? [w - oL, oL] : [Math.max(T, w - oR), oR];
}

/** Boundaries of local day `d`, built from the day before when it is known (one Intl call a day). */
function dayOf(c: Compiled, d: number): Day {
  const hit = c.days.get(d);
  if (hit !== undefined) return hit;
  const prev = c.days.get(d - 1);
  const [s0, oA]: [number, number] = prev !== undefined ? [prev.s1, prev.oB] : resolve(c, d * DAY);
  const w1 = (d + 1) * DAY;
  const g = w1 - oA;
  const og = offsetAt(c, g);
  let day: Day = { s0, s1: g, oA, oB: oA, T: Infinity };
  if (og !== oA) {
    const T = firstChange(c, s0, g, oA);
    day = { s0, s1: Math.max(T, w1 - og), oA, oB: og, T };
  }
  if (c.days.size >= CACHE_DAYS) c.days.clear();
  c.days.set(d, day);
  return day;
}

/** The instant a local time `w` on day `day` first reads on the wall clock (a skipped time: the end of the gap). */
function instant(day: Day, w: number): number {
  return w < day.T + day.oA ? Math.max(day.s0, w - day.oA) : Math.max(day.T, w - day.oB);
}

function minutes(s: unknown, end: boolean, path: string): number {
  const m = typeof s === 'string' ? TIME.exec(s) : null;
  if (m !== null) return Number(m[1]) * 60 + Number(m[2]);
  if (end && s === '24:00') return 1440;
  return bad(path, end ? "must be a time 'HH:mm' from '00:00' to '24:00'" : "must be a time 'HH:mm' from '00:00' to '23:59'", s);
}

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/**
 * Validates a weekly schedule and compiles it for {@link businessSecondsBetween}.
 *
 * Intervals are sorted and those that touch (`['09:00','12:00']`, `['12:00','17:00']`) are merged;
 * intervals that overlap are an error, not merged, since an overlap is usually a typo that would
 * silently change every SLA number. An interval cannot pass midnight: split it at `'24:00'`.
 * Holidays close the whole local date. The zone is kept as written (Intl may spell it otherwise,
 * differently across runtimes). Compile once and reuse: the calendar caches its `Intl.DateTimeFormat`
 * and the UTC instants of the local days it has met.
 * Source: docs/business-hours.md; definitions.md §5.1; Zendesk Schedules API (intervals that
 * "can't span calendar days", time zone, holidays).
 *
 * @param input - `timeZone` (IANA), `hours` (weekday → `['HH:mm','HH:mm']` pairs), `holidays` (`'YYYY-MM-DD'`)
 * @returns a frozen, JSON-safe {@link BusinessCalendar}
 * @throws {@link CxMetricsError} (`invalid_option`, path such as `calendar.hours.mon[1]`) on a zone Intl
 *   does not know, an unknown weekday key, a time that is not `'HH:mm'`, an interval whose start is not
 *   before its end, overlapping intervals, or a holiday that is not a real `'YYYY-MM-DD'` date
 * @example
 * ```ts
 * import { businessCalendar } from 'cx-metrics';
 * const cal = businessCalendar({ timeZone: 'Europe/Berlin', hours: { mon: [['13:00', '17:00'], ['09:00', '13:00']] } });
 * cal.hours.mon; // => [['09:00', '17:00']]
 * cal.hours.sat; // => []
 * ```
 */
export function businessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) bad('calendar', 'must be an object { timeZone, hours, holidays? }', input);
  const { timeZone, hours, holidays } = input;
  let fmt: Intl.DateTimeFormat | undefined;
  try {
    if (typeof timeZone === 'string' && timeZone !== '') {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', numberingSystem: 'latn' });
    }
  } catch {
    // reported below
  }
  if (fmt === undefined) bad('calendar.timeZone', 'must be an IANA time-zone name known to Intl.DateTimeFormat, such as "America/New_York"', timeZone);
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) bad('calendar.hours', "must be an object from weekday (mon … sun) to ['HH:mm', 'HH:mm'] intervals", hours);
  for (const key of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) bad(`calendar.hours.${key}`, 'is not a weekday key (mon, tue, wed, thu, fri, sat, sun)', key);
  }
  const open: number[][] = [];
  const normalized: Record<string, ReadonlyArray<readonly [string, string]>> = {};
  for (const key of WEEKDAYS) {
    const list: unknown = hours[key];
    const path = `calendar.hours.${key}`;
    if (list !== undefined && !Array.isArray(list)) bad(path, "must be an array of ['HH:mm', 'HH:mm'] intervals", list);
    const parsed = ((list ?? []) as unknown[]).map((iv: unknown, i: number) => {
      if (!Array.isArray(iv) || iv.length !== 2) bad(`${path}[${i}]`, "must be a pair ['HH:mm', 'HH:mm']", iv);
      const a = minutes(iv[0], false, `${path}[${i}][0]`);
      const b = minutes(iv[1], true, `${path}[${i}][1]`);
      if (a > b) {
        const next = WEEKDAYS[(WEEKDAYS.indexOf(key) + 1) % 7]!;
        bad(`${path}[${i}]`, `must start before it ends (past midnight? write ${key} ['${hhmm(a)}', '24:00'] and ${next} ['00:00', '${hhmm(b)}'])`, iv);
      }
      if (a === b) bad(`${path}[${i}]`, 'must start before it ends', iv);
      return { a, b, i, iv };
    });
    parsed.sort((x, y) => x.a - y.a || x.i - y.i);
    const merged: number[] = [];
    let last: (typeof parsed)[number] | undefined;
    for (const p of parsed) {
      if (last !== undefined && p.a < last.b) bad(`${path}[${p.i}]`, `must not overlap ${path}[${last.i}] ${formatValue(last.iv)}`, p.iv);
      if (merged.length > 0 && merged[merged.length - 1] === p.a) merged[merged.length - 1] = p.b;
      else merged.push(p.a, p.b);
      last = p;
    }
    open.push(merged.map((min) => min * 60_000));
    const pairs: (readonly [string, string])[] = [];
    for (let k = 0; k < merged.length; k += 2) pairs.push(Object.freeze([hhmm(merged[k]!), hhmm(merged[k + 1]!)] as const));
    normalized[key] = Object.freeze(pairs);
  }
  if (holidays !== undefined && !Array.isArray(holidays)) bad('calendar.holidays', "must be an array of 'YYYY-MM-DD' dates", holidays);
  const closed = new Set<number>();
  const dates = new Set<string>();
  ((holidays ?? []) as unknown[]).forEach((h: unknown, i: number) => {
    const m = typeof h === 'string' ? DATE.exec(h) : null;
    const [y, mo, d] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = dayNumber(y, mo, d);
    if (m === null || mo < 1 || mo > 12 || d < 1 || dayOfMonth(n) !== d) bad(`calendar.holidays[${i}]`, "must be a real date 'YYYY-MM-DD'", h);
    closed.add(n);
    dates.add(h as string);
  });
  const calendar: BusinessCalendar = {
    timeZone,
    hours: Object.freeze(normalized) as BusinessCalendar['hours'],
    holidays: Object.freeze([...dates].sort()),
  };
  const compiled: Compiled = { open, holidays: closed, fmt, days: new Map(), hint: Number.NaN };
  Object.defineProperty(calendar, COMPILED, { value: compiled, enumerable: false });
  return Object.freeze(calendar);
}

function checkTime(path: 'start' | 'end', t: unknown): asserts t is number {
  if (typeof t !== 'number' || !(Math.abs(t) <= MAX_TIME)) invalidValue(path, null, 'must be an epoch-ms timestamp (a finite number within ±8.64e15)', t);
}

/**
 * Business seconds between two instants: the real elapsed seconds of [start, end) that fall inside
 * the calendar's opening hours, read in its time zone.
 *
 * Formula: Σ over the local days d met, and each opening interval [a, b) of d (none on a holiday),
 * of |[start, end) ∩ [instant(d, a), instant(d, b))| / 1000, where instant(d, x) is the first
 * instant at which the zone's wall clock reads d x or later. So an interval spanning a DST change
 * is an hour (or the change) shorter or longer than its wall-clock length; an opening time that the
 * clocks skip opens when the skipped span ends; a time the clocks pass twice means its first pass
 * (opening hours hold through the repeated hour once, never reopen). `'24:00'` is the next day's
 * first instant.
 * Source: docs/business-hours.md; definitions.md §5.1 (Fri 16:00 → Mon 10:00 on Mon–Fri
 * 09:00–17:00: 66 h calendar, 2 h business); DESIGN.md "Units" (business time is real time).
 * Cost: one step a local day; the first time a calendar meets a day, one `Intl` call (more on a
 * DST day), then memoized on the calendar: a one-year span takes about 0.4 ms cold, 6 µs warm.
 * Assumes a zone's offset changes at most once within any 48 h: true of every zone 1850–2100 in
 * Node 20's ICU (tzdata 2025c; the closest two changes are 165 h apart, docs/business-hours.md#cost).
 *
 * @param calendar - from {@link businessCalendar}; a plain JSON copy works but is re-validated on every call
 * @param start - epoch milliseconds, inclusive
 * @param end - epoch milliseconds, exclusive; at most 1e9 s (about 31 years) after `start`
 * @returns business seconds in [0, (end − start) / 1000]; 0 when end = start
 * @throws {@link CxMetricsError} `invalid_value` when `start` or `end` is not a finite epoch-ms number,
 *   when end < start (path `end`: callers decide what a reply before its ticket means), or when the span
 *   exceeds 1e9 s (epoch seconds passed as milliseconds?); `invalid_option` for a calendar that is not valid
 * @example
 * ```ts
 * import { businessCalendar, businessSecondsBetween } from 'cx-metrics';
 * const nineToFive: [string, string][] = [['09:00', '17:00']];
 * const cal = businessCalendar({ timeZone: 'UTC', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } });
 * // Created Friday 16:00, first reply Monday 10:00: how much business time?
 * businessSecondsBetween(cal, Date.parse('2024-03-01T16:00Z'), Date.parse('2024-03-04T10:00Z')); // => 7200 (2 h; 66 h of calendar time)
 * ```
 */
export function businessSecondsBetween(calendar: BusinessCalendar, start: number, end: number): number {
  const own = typeof calendar === 'object' && calendar !== null ? (calendar as { [COMPILED]?: Compiled })[COMPILED] : undefined;
  const c = own ?? (businessCalendar(calendar as unknown as BusinessCalendarInput) as unknown as { [COMPILED]: Compiled })[COMPILED];
  checkTime('start', start);
  checkTime('end', end);
  if (end < start) invalidValue('end', null, `must not be before start (${start})`, end);
  if (end - start > MAX_SPAN) invalidValue('end', null, `must be at most 1e9 s (about 31 years) after start (${start}), a sign of epoch seconds mixed with milliseconds`, end);
  if (end === start) return 0;
  let d = Math.floor((start + (Number.isNaN(c.hint) ? offsetAt(c, start) : c.hint)) / DAY);
  let day = dayOf(c, d);
  while (start < day.s0) day = dayOf(c, --d);
  while (start >= day.s1) day = dayOf(c, ++d);
  let ms = 0;
  for (;;) {
    if (!c.holidays.has(d)) {
      const iv = c.open[(((d + 3) % 7) + 7) % 7]!; // day 0, 1970-01-01, was a Thursday (index 3)
      const base = d * DAY;
      for (let k = 0; k < iv.length; k += 2) {
        const a = Math.max(start, instant(day, base + iv[k]!));
        const b = Math.min(end, instant(day, base + iv[k + 1]!));
        if (b > a) ms += b - a;
      }
    }
    if (day.s1 >= end) break;
    day = dayOf(c, ++d);
  }
  c.hint = day.oB;
  return ms / 1000;
}
