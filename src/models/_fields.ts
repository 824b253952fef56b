/**
 * zod building blocks shared by the models: timestamps, durations, counts, ids, booleans.
 * Private: the public surface is the schemas built from them.
 * @internal
 * @module
 */
import { z } from 'zod';

/** Largest accepted duration in seconds (about 31 years); larger values are almost always milliseconds. */
export const MAX_DURATION_SECONDS = 1e9;
/** Earliest accepted epoch-ms timestamp (1973-03-03): smaller numbers are almost always epoch seconds. */
export const MIN_EPOCH_MS = 1e11;
/** Latest accepted epoch-ms timestamp (year 2286): larger numbers are almost always epoch microseconds. */
export const MAX_EPOCH_MS = 1e13;

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * A number checked by `num`, or a string holding one (as CSV cells do), checked the same way;
 * `rule` words a value of another type. The bounds of `num` also reach the JSON Schema.
 */
const numberLike = (rule: string, num: z.ZodNumber) =>
  z.union([num, z.string().regex(NUMERIC, { error: rule }).transform(Number).pipe(num)], { error: rule });

const DURATION_RULE = 'must be a finite number of seconds ≥ 0';
const COUNT_RULE = 'must be an integer ≥ 0';
const NPS_RULE = 'must be an integer 0–10';

/** Finite seconds in [0, 1e9]. */
export const durationSeconds = numberLike(
  DURATION_RULE,
  z
    .number({ error: DURATION_RULE })
    .min(0, { error: DURATION_RULE })
    .max(MAX_DURATION_SECONDS, { error: 'must be at most 1e9 seconds (is it in milliseconds?)' }),
);

/** Integer count in [0, 2^53 − 1]. */
export const count = numberLike(
  COUNT_RULE,
  z
    .number({ error: COUNT_RULE })
    .int({ error: COUNT_RULE })
    .min(0, { error: COUNT_RULE })
    .max(Number.MAX_SAFE_INTEGER, { error: COUNT_RULE }),
);

/** Any finite number. */
export const finiteNumber = numberLike('must be a finite number', z.number({ error: 'must be a finite number' }));

/** Integer NPS answer 0–10. */
export const npsAnswer = numberLike(
  NPS_RULE,
  z.number({ error: NPS_RULE }).int({ error: NPS_RULE }).min(0, { error: NPS_RULE }).max(10, { error: NPS_RULE }),
);

/** A survey weight: finite and > 0. */
export const weight = numberLike('must be a finite number > 0', z.number({ error: 'must be a finite number > 0' }).gt(0, { error: 'must be a finite number > 0' }));

/** A non-empty identifier; integer ids (as in many exports) become their decimal string. */
export const id = z
  .union(
    [
      z.string().regex(/\S/, { error: 'must be a non-empty string' }),
      z.number().int({ error: 'must be a non-empty string or an integer' }),
    ],
    { error: 'must be a non-empty string or an integer' },
  )
  .transform((v) => String(v));

/** A non-empty label (channel, touchpoint, queue…). */
export const label = z.string({ error: 'must be a non-empty string' }).regex(/\S/, { error: 'must be a non-empty string' });

const TRUE = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', 'f']);

/** A boolean, or one of `true/false`, `1/0`, `yes/no`, `y/n`, `t/f` (any case) as exports write them. */
export const booleanLike = z
  .union(
    [
      z.boolean(),
      z.literal([0, 1]),
      z
        .string()
        .refine((s) => TRUE.has(s.trim().toLowerCase()) || FALSE.has(s.trim().toLowerCase()), {
          error: 'must be a boolean (true/false, 1/0, yes/no)',
        }),
    ],
    { error: 'must be a boolean (true/false, 1/0, yes/no)' },
  )
  .transform((v) => (typeof v === 'boolean' ? v : typeof v === 'number' ? v === 1 : TRUE.has(v.trim().toLowerCase())));

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads an ISO-8601 date or date-time into epoch ms; a string without an offset is read as UTC.
 * Returns NaN for anything else (including impossible dates such as 2024-02-30).
 * Independent of the runtime's `Date.parse`, which reads offset-less date-times in local time.
 * @internal
 */
export function parseIsoToEpochMs(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > daysInMonth) return Number.NaN;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  // Date.UTC maps years 0–99 to 1900–1999; 400 Gregorian years are exactly 146 097 days
  let t = year < 100 ? Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - 146_097 * 86_400_000 : Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 23 || om > 59) return Number.NaN;
    t -= sign * (oh * 60 + om) * 60_000;
  }
  return t;
}

const TIMESTAMP_RULE = 'must be an ISO-8601 date-time, a Date or epoch milliseconds';

/**
 * A point in time: ISO-8601 string (offset-less strings are read as UTC), `Date`, or epoch ms;
 * out: epoch ms. Numbers below 1e11 are rejected as probable epoch seconds.
 */
export const timestamp = z
  .union([z.number(), z.string(), z.date()], { error: TIMESTAMP_RULE })
  .transform((raw, ctx) => {
    let t: number;
    // a number in a string (a CSV cell holding epoch ms) is read as that number
    const v = typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        ctx.issues.push({ code: 'custom', message: TIMESTAMP_RULE, input: v });
        return z.NEVER;
      }
      if (Math.abs(v) < MIN_EPOCH_MS || Math.abs(v) > MAX_EPOCH_MS) {
        ctx.issues.push({
          code: 'custom',
          message:
            Math.abs(v) < MIN_EPOCH_MS
              ? 'must be epoch milliseconds (this looks like epoch seconds: multiply by 1000)'
              : 'must be epoch milliseconds (this looks like microseconds or nanoseconds)',
          input: v,
        });
        return z.NEVER;
      }
      return v;
    }
    t = typeof v === 'string' ? parseIsoToEpochMs(v) : v.getTime();
    if (!Number.isFinite(t)) {
      ctx.issues.push({ code: 'custom', message: TIMESTAMP_RULE, input: v });
      return z.NEVER;
    }
    if (Math.abs(t) < MIN_EPOCH_MS || Math.abs(t) > MAX_EPOCH_MS) {
      ctx.issues.push({ code: 'custom', message: 'must be between 1973-03-03 and 2286-11-20', input: v });
      return z.NEVER;
    }
    return t;
  });
