import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanLike, count, durationSeconds, npsAnswer, parseIsoToEpochMs, timestamp } from '../../src/models/_fields.js';

/** Any instant from 0100-01-01 to 9999-12-31 (4-digit years, as toISOString writes them). */
const instant = fc
  .date({ min: new Date('0100-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.getTime());

/** A UTC offset in minutes, −23:59 … +23:59. */
const offsetMinutes = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Writes instant `t` as the wall-clock time of a zone `off` minutes ahead of UTC, with that offset. */
function withOffset(t: number, off: number, colon: boolean): string {
  const wall = new Date(t + off * 60_000).toISOString().slice(0, -1); // 'YYYY-MM-DDTHH:mm:ss.sss'
  const a = Math.abs(off);
  return `${wall}${off < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}${colon ? ':' : ''}${pad2(a % 60)}`;
}

/** Days in a month by the Gregorian leap rule, written out (the oracle for impossible dates). */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

describe('parseIsoToEpochMs laws', () => {
  it('parseIsoToEpochMs: for any instant t (years 0100–9999), parseIsoToEpochMs(new Date(t).toISOString()) = t', () => {
    fc.assert(
      fc.property(instant, (t) => {
        expect(parseIsoToEpochMs(new Date(t).toISOString())).toBe(t);
      }),
    );
  });

  it('parseIsoToEpochMs: for any instant and any offset ±23:59, the wall time with that offset reads as the same instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-02T00:00:00.000Z'), max: new Date('9999-12-30T00:00:00.000Z'), noInvalidDate: true }),
        offsetMinutes,
        fc.boolean(),
        (d, off, colon) => {
          const t = d.getTime();
          expect(parseIsoToEpochMs(withOffset(t, off, colon))).toBe(t);
        },
      ),
    );
  });

  it('parseIsoToEpochMs: for any date-time, dropping the Z changes nothing (offset-less is UTC)', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const iso = new Date(t).toISOString();
        expect(parseIsoToEpochMs(iso.slice(0, -1))).toBe(parseIsoToEpochMs(iso));
      }),
    );
  });

  it('parseIsoToEpochMs: for any year 0100–9999, month 1–12 and day 1–31, the date is read iff the day exists, as that UTC midnight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
        const t = parseIsoToEpochMs(text);
        if (d <= daysIn(y, m)) {
          expect(new Date(t).toISOString()).toBe(`${text}T00:00:00.000Z`);
        } else {
          expect(t).toBeNaN();
        }
      }),
    );
  });

  it('parseIsoToEpochMs: for any hour 24–99 or minute/second 60–99, the time is rejected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hour', 'minute', 'second'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (which, bad, h, m) => {
          const limit = which === 'hour' ? 24 : 60;
          fc.pre(bad >= limit);
          const hh = which === 'hour' ? bad : h;
          const mm = which === 'minute' ? bad : m;
          const ss = which === 'second' ? bad : 0;
          expect(parseIsoToEpochMs(`2024-03-01T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}Z`)).toBeNaN();
        },
      ),
    );
  });
});

describe('timestamp laws', () => {
  it('timestamp: for any epoch ms in [1e11, 1e13], timestamp.parse(ms) = ms and timestamp.parse(new Date(ms)) = ms', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e11, max: 1e13, noNaN: true }), (ms) => {
        expect(timestamp.parse(ms)).toBe(ms);
        const whole = Math.round(ms);
        expect(timestamp.parse(new Date(whole))).toBe(whole);
      }),
    );
  });

  it('timestamp: for any number in [0, 1e11), the error hints at epoch seconds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, maxExcluded: true, noNaN: true }), (n) => {
        const r = timestamp.safeParse(n);
        expect(r.success).toBe(false);
        expect(r.error?.issues[0]?.message).toContain('epoch seconds');
      }),
    );
  });
});

describe('durationSeconds laws', () => {
  it('durationSeconds: for any finite d in [0, 1e9], d and String(d) both parse to d', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(durationSeconds.parse(d)).toBe(d);
        // String(-0) is '0', so compare the string's value with ===, which equates 0 and -0
        expect(durationSeconds.parse(String(d)) === d).toBe(true);
      }),
    );
  });

  it('durationSeconds: for any finite d < 0 (not -0, which is ≥ 0), d and String(d) are rejected', () => {
    fc.assert(
      fc.property(fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(durationSeconds.safeParse(d).success).toBe(false);
        expect(durationSeconds.safeParse(String(d)).success).toBe(false);
      }),
    );
  });

  it('durationSeconds: for any finite d > 1e9, the error hints at milliseconds', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e9, minExcluded: true, noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(durationSeconds.safeParse(d).error?.issues[0]?.message).toContain('milliseconds');
      }),
    );
  });
});

describe('count and npsAnswer laws', () => {
  it('count: for any safe integer n ≥ 0, n and its decimal string parse to n', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(count.parse(n)).toBe(n);
        expect(count.parse(String(n))).toBe(n);
      }),
    );
  });

  it('count: for any finite non-integer, count rejects it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)), (x) => {
        expect(count.safeParse(x).success).toBe(false);
      }),
    );
  });

  it('npsAnswer: for any integer, npsAnswer accepts it iff it is in 0–10', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        expect(npsAnswer.safeParse(n).success).toBe(n >= 0 && n <= 10);
        expect(npsAnswer.safeParse(String(n)).success).toBe(n >= 0 && n <= 10);
      }),
    );
  });
});

describe('booleanLike laws', () => {
  const WORDS: ReadonlyArray<readonly [string, boolean]> = [
    ['true', true],
    ['yes', true],
    ['y', true],
    ['t', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['n', false],
    ['f', false],
    ['0', false],
  ];

  it('booleanLike: for any boolean word in any letter case with any surrounding spaces, it reads the word', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORDS),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.nat({ max: 3 }),
        fc.nat({ max: 3 }),
        ([word, expected], upper, before, after) => {
          const cased = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
          expect(booleanLike.parse(`${' '.repeat(before)}${cased}${' '.repeat(after)}`)).toBe(expected);
        },
      ),
    );
  });

  it('booleanLike: for any string that is not one of the words, it is rejected', () => {
    const known = new Set(WORDS.map(([w]) => w));
    fc.assert(
      fc.property(
        fc.string().filter((s) => !known.has(s.trim().toLowerCase())),
        (s) => {
          expect(booleanLike.safeParse(s).success).toBe(false);
        },
      ),
    );
  });
});
