import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  booleanLike,
  count,
  durationSeconds,
  id,
  label,
  npsAnswer,
  parseIsoToEpochMs,
  timestamp,
  weight,
} from '../../src/models/_fields.js';

// Expected epoch values are computed by hand, not with Date:
// 2024-03-01T00:00Z is 19 783 days after 1970-01-01 (54 years × 365 + 13 leap days 1972…2020,
// + 31 days of January + 29 days of February 2024), × 86 400 000 ms = 1 709 251 200 000.
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MAR_1_2024 = 1_709_251_200_000;
/** 2024-03-01T09:00:00Z = 1 709 251 200 000 + 9 × 3 600 000. */
const NINE_AM = 1_709_283_600_000;
/** 2000-02-29T00:00Z: 2000-01-01 is 10 957 days (30 × 365 + 7 leap days 1972…1996) = 946 684 800 000 ms; + 59 days. */
const FEB_29_2000 = 951_782_400_000;

/** The first issue's message of a failed parse, or `undefined` if it passed. */
function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
}

describe('parseIsoToEpochMs', () => {
  it.each([
    ['2024-03-01T09:00:00Z', NINE_AM],
    ['2024-03-01T09:00:00z', NINE_AM],
    ['2024-03-01T09:00:00.000Z', NINE_AM],
    ['2024-03-01T09:00:00.250Z', NINE_AM + 250],
    ['2024-03-01T09:00:00,5Z', NINE_AM + 500],
    ['2024-03-01T09:00Z', NINE_AM],
    ['2024-03-01T11:00:00+02:00', NINE_AM],
    ['2024-03-01T11:00:00+0200', NINE_AM],
    ['2024-03-01T11:00:00+02', NINE_AM],
    ['2024-03-01T04:00:00-0500', NINE_AM],
    ['2024-03-01T04:00:00-05:00', NINE_AM],
    ['2024-03-01T14:30:00+05:30', NINE_AM],
    ['2024-03-01T09:00:00+00:00', NINE_AM],
    ['2024-03-01T00:30:00+01:00', MAR_1_2024 - 30 * 60_000],
    ['2024-02-29T23:00:00-10:00', MAR_1_2024 + 9 * HOUR],
    ['2024-03-01T09:00:00', NINE_AM],
    ['2024-03-01 09:00:00', NINE_AM],
    ['2024-03-01', MAR_1_2024],
    ['  2024-03-01T09:00:00Z  ', NINE_AM],
    ['2024-02-29', MAR_1_2024 - DAY],
    ['2000-02-29', FEB_29_2000],
  ])('parseIsoToEpochMs(%j) = %d', (text, expected) => {
    expect(parseIsoToEpochMs(text)).toBe(expected);
  });

  it.each([
    ['2024-02-30', 'February 2024 has 29 days'],
    ['2023-02-29', '2023 is not a leap year'],
    ['1900-02-29', '1900 is not a leap year (divisible by 100, not 400)'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'no month 13'],
    ['2024-00-10', 'no month 0'],
    ['2024-03-00', 'no day 0'],
    ['2024-03-01T24:00:00Z', 'no hour 24'],
    ['2024-03-01T09:60:00Z', 'no minute 60'],
    ['2024-03-01T09:00:60Z', 'no second 60'],
    ['2024-03-01T09:00:00+24:00', 'offset hour 24'],
    ['2024-03-01T09:00:00+02:60', 'offset minute 60'],
    ['2024-3-1', 'month and day need two digits'],
    ['03/01/2024', 'not ISO-8601'],
    ['2024-03-01T09', 'hour without minutes'],
    ['2024-03-01T09:00:00Zjunk', 'trailing text'],
    ['', 'empty'],
    ['abc', 'not a date'],
  ])('parseIsoToEpochMs(%j) is NaN (%s)', (text) => {
    expect(parseIsoToEpochMs(text)).toBeNaN();
  });

  describe('in a runtime whose local zone is not UTC', () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/New_York';
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('parseIsoToEpochMs(offset-less date-time) still reads it as UTC', () => {
      // Precondition: the zone really is New York (EST, UTC−5, on 2024-03-01), so a local-time reading would differ.
      expect(new Date(NINE_AM).getTimezoneOffset()).toBe(300);
      expect(parseIsoToEpochMs('2024-03-01T09:00:00')).toBe(NINE_AM);
      expect(parseIsoToEpochMs('2024-03-01')).toBe(MAR_1_2024);
      expect(timestamp.parse('2024-03-01T09:00:00')).toBe(NINE_AM);
    });
  });

  it("parseIsoToEpochMs('0000-02-29') = -62 162 121 600 000 (year 0 is a leap year; 1900-02-29 is not)", () => {
    // days from 0000-01-01 to 1970-01-01 = 719 528; 0000-02-29 is day 59 of year 0
    expect(parseIsoToEpochMs('0000-02-29')).toBe((59 - 719_528) * 86_400_000);
    expect(parseIsoToEpochMs('1900-02-29')).toBeNaN();
    expect(parseIsoToEpochMs('2000-02-29')).toBe(951_782_400_000);
  });
});

describe('timestamp', () => {
  it.each([
    ['epoch ms', NINE_AM, NINE_AM],
    ['a Date', new Date(NINE_AM), NINE_AM],
    ['ISO with Z', '2024-03-01T09:00:00Z', NINE_AM],
    ['ISO with +02:00', '2024-03-01T11:00:00+02:00', NINE_AM],
    ['ISO with -0500', '2024-03-01T04:00:00-0500', NINE_AM],
    ['offset-less ISO (UTC)', '2024-03-01T09:00:00', NINE_AM],
    ['date-only ISO', '2024-03-01', MAR_1_2024],
    ['the smallest accepted epoch ms, 1e11', 1e11, 1e11],
    ['the largest accepted epoch ms, 1e13', 1e13, 1e13],
  ])('timestamp.parse(%s) gives epoch ms', (_what, input, expected) => {
    expect(timestamp.parse(input)).toBe(expected);
  });

  it('timestamp.parse(epoch seconds) is rejected with a hint to multiply by 1000', () => {
    expect(firstMessage(timestamp, 1_709_283_600)).toMatchInlineSnapshot(
      `"must be epoch milliseconds (this looks like epoch seconds: multiply by 1000)"`,
    );
    expect(firstMessage(timestamp, 99_999_999_999)).toBe(firstMessage(timestamp, 1_709_283_600));
    expect(firstMessage(timestamp, 0)).toBe(firstMessage(timestamp, 1_709_283_600));
  });

  it('timestamp.parse(epoch microseconds) is rejected with a hint', () => {
    expect(firstMessage(timestamp, NINE_AM * 1000)).toMatchInlineSnapshot(
      `"must be epoch milliseconds (this looks like microseconds or nanoseconds)"`,
    );
    expect(firstMessage(timestamp, 1e13 + 1)).toBe(firstMessage(timestamp, NINE_AM * 1000));
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['an invalid Date', new Date(Number.NaN)],
    ['2024-02-30', '2024-02-30'],
    ['2023-02-29', '2023-02-29'],
    ['a word', 'yesterday'],
    ['an empty string', ''],
    ['true', true],
    ['null', null],
    ['undefined', undefined],
    ['an object', {}],
  ])('timestamp.parse(%s) is rejected', (_what, input) => {
    expect(firstMessage(timestamp, input)).toMatchInlineSnapshot(`"must be an ISO-8601 date-time, a Date or epoch milliseconds"`);
  });
});

describe('durationSeconds', () => {
  it.each([
    [0, 0],
    [300, 300],
    [300.25, 300.25],
    [1e9, 1e9],
    ['300', 300],
    [' 12.5 ', 12.5],
    ['1.5e2', 150],
    ['.5', 0.5],
    ['+7', 7],
  ])('durationSeconds.parse(%j) = %d', (input, expected) => {
    expect(durationSeconds.parse(input)).toBe(expected);
  });

  it.each([
    ['-5', -5],
    ['-0.001', -0.001],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['"1e400" (Infinity as text)', '1e400'],
    ['"-5"', '-5'],
    ['""', ''],
    ['"abc"', 'abc'],
    ['"12s"', '12s'],
    ['"0x10"', '0x10'],
    ['"1,5"', '1,5'],
    ['null', null],
    ['true', true],
  ])('durationSeconds.parse(%s) is rejected', (_what, input) => {
    expect(firstMessage(durationSeconds, input)).toMatchInlineSnapshot(`"must be a finite number of seconds ≥ 0"`);
  });

  it('durationSeconds.parse(above 1e9) is rejected with a hint about milliseconds', () => {
    expect(firstMessage(durationSeconds, 1e9 + 1)).toMatchInlineSnapshot(`"must be at most 1e9 seconds (is it in milliseconds?)"`);
    expect(firstMessage(durationSeconds, '1e10')).toBe(firstMessage(durationSeconds, 1e9 + 1));
  });
});

describe('count', () => {
  it.each([
    [0, 0],
    [3, 3],
    ['3', 3],
    [' 12 ', 12],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('count.parse(%j) = %d', (input, expected) => {
    expect(count.parse(input)).toBe(expected);
  });

  it.each([
    ['3.5', 3.5],
    ['"3.5"', '3.5'],
    ['-1', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['2^53', 2 ** 53],
    ['"abc"', 'abc'],
    ['true', true],
  ])('count.parse(%s) is rejected', (_what, input) => {
    expect(firstMessage(count, input)).toMatchInlineSnapshot(`"must be an integer ≥ 0"`);
  });
});

describe('npsAnswer', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('npsAnswer.parse(%d) keeps it', (n) => {
    expect(npsAnswer.parse(n)).toBe(n);
  });

  it.each([
    ['9', 9],
    [' 10 ', 10],
    ['0', 0],
  ])('npsAnswer.parse(%j) = %d', (input, expected) => {
    expect(npsAnswer.parse(input)).toBe(expected);
  });

  it.each([
    ['9.5', 9.5],
    ['11', 11],
    ['-1', -1],
    ['"9.5"', '9.5'],
    ['"ten"', 'ten'],
    ['NaN', Number.NaN],
    ['null', null],
  ])('npsAnswer.parse(%s) is rejected', (_what, input) => {
    expect(firstMessage(npsAnswer, input)).toMatchInlineSnapshot(`"must be an integer 0–10"`);
  });
});

describe('weight', () => {
  it.each([
    [0.5, 0.5],
    [1, 1],
    [1e-9, 1e-9],
    ['2', 2],
  ])('weight.parse(%j) = %d', (input, expected) => {
    expect(weight.parse(input)).toBe(expected);
  });

  it.each([
    ['0', 0],
    ['-1', -1],
    ['"0"', '0'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['"heavy"', 'heavy'],
  ])('weight.parse(%s) is rejected', (_what, input) => {
    expect(firstMessage(weight, input)).toMatchInlineSnapshot(`"must be a finite number > 0"`);
  });
});

describe('booleanLike', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['yes', true],
    ['no', false],
    ['TRUE', true],
    ['False', false],
    [' Yes ', true],
    ['1', true],
    ['0', false],
    ['y', true],
    ['N', false],
    ['t', true],
    ['f', false],
  ])('booleanLike.parse(%j) = %s', (input, expected) => {
    expect(booleanLike.parse(input)).toBe(expected);
  });

  it.each([['x'], [2], [-1], [''], ['truthy'], ['oui'], [null], [Number.NaN]])('booleanLike.parse(%j) is rejected', (input) => {
    expect(firstMessage(booleanLike, input)).toMatchInlineSnapshot(`"must be a boolean (true/false, 1/0, yes/no)"`);
  });
});

describe('id', () => {
  it.each([
    [42, '42'],
    [0, '0'],
    [-3, '-3'],
    ['abc', 'abc'],
    ['c-17', 'c-17'],
  ])('id.parse(%j) = %j', (input, expected) => {
    expect(id.parse(input)).toBe(expected);
  });

  it('id.parse("") is rejected as an empty string', () => {
    expect(firstMessage(id, '')).toMatchInlineSnapshot(`"must be a non-empty string"`);
    expect(firstMessage(id, '   ')).toBe(firstMessage(id, ''));
  });

  it.each([['1.5', 1.5], ['NaN', Number.NaN], ['null', null], ['true', true], ['{}', {}], ['2^53', 2 ** 53]])(
    'id.parse(%s) is rejected',
    (_what, input) => {
      expect(firstMessage(id, input)).toMatchInlineSnapshot(`"must be a non-empty string or an integer"`);
    },
  );
});

describe('label', () => {
  it('label.parse("phone") keeps it', () => {
    expect(label.parse('phone')).toBe('phone');
  });

  it.each([[''], ['  '], [5], [null]])('label.parse(%j) is rejected', (input) => {
    expect(firstMessage(label, input)).toBe('must be a non-empty string');
  });
});
