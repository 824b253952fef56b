/**
 * The one error class of cx-metrics, and the helpers that word its messages.
 *
 * This file imports nothing (no zod), so metric code can throw it without pulling the parsers
 * into a browser bundle.
 * @module
 */

/**
 * What went wrong, as a stable machine-readable code.
 *
 * - `invalid_value`: a value handed to a metric is off its domain (NaN, negative duration, score off the scale).
 * - `invalid_record`: a row given to a `parse*` function failed its schema (with `onInvalid: 'throw'`).
 * - `invalid_option`: an option is off its domain (a scale with min ≥ max, a threshold outside the scale).
 * - `invalid_state`: an accumulator state is not one this version can read, or two states cannot merge.
 */
export type CxMetricsErrorCode = 'invalid_value' | 'invalid_record' | 'invalid_option' | 'invalid_state';

/**
 * The error every cx-metrics function throws. Callers read its fields, never its message text.
 *
 * - `code`: see {@link CxMetricsErrorCode}.
 * - `path`: where the bad value sits, e.g. `interactions[2].talkSeconds`, `scores[4]` or `options.satisfiedFrom`.
 * - `index`: the record's position in the input (0-based), or `null` when no record is involved.
 * - `value`: the offending value itself.
 *
 * @example
 * ```ts
 * import { nps, CxMetricsError } from 'cx-metrics';
 * try {
 *   nps([10, 11]);
 * } catch (e) {
 *   if (e instanceof CxMetricsError) console.log(e.code, e.path, e.index, e.value);
 *   // => invalid_value scores[1] 1 11
 * }
 * ```
 */
export class CxMetricsError extends Error {
  /** Machine-readable kind of failure. */
  readonly code: CxMetricsErrorCode;
  /** Location of the bad value, e.g. `interactions[2].talkSeconds`. */
  readonly path: string;
  /** 0-based index of the offending record, or `null`. */
  readonly index: number | null;
  /** The offending value. */
  readonly value: unknown;

  /**
   * @param code - machine-readable kind of failure
   * @param message - the full human-readable message (path, rule, value)
   * @param details - where the failure sits and what value caused it
   */
  constructor(code: CxMetricsErrorCode, message: string, details: { path: string; index: number | null; value: unknown }) {
    super(message);
    this.name = 'CxMetricsError';
    this.code = code;
    this.path = details.path;
    this.index = details.index;
    this.value = details.value;
  }
}

/**
 * Renders a value for an error message: strings quoted, NaN and ±Infinity by name, objects as JSON.
 * @internal
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return `[${value.map(formatValue).join(',')}]`;
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return String(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Throws an `invalid_value` error for record `index` at `path`, with message `${path} ${rule}, got ${value}`.
 * @internal
 */
export function invalidValue(path: string, index: number | null, rule: string, value: unknown): never {
  throw new CxMetricsError('invalid_value', `${path} ${rule}, got ${formatValue(value)}`, { path, index, value });
}

/**
 * Throws an `invalid_option` error naming the option, the rule and the value.
 * @internal
 */
export function invalidOption(name: string, rule: string, value: unknown): never {
  const path = `options.${name}`;
  throw new CxMetricsError('invalid_option', `${path} ${rule}, got ${formatValue(value)}`, { path, index: null, value });
}

/**
 * Throws an `invalid_state` error.
 * @internal
 */
export function invalidState(path: string, rule: string, value: unknown): never {
  throw new CxMetricsError('invalid_state', `${path} ${rule}, got ${formatValue(value)}`, { path, index: null, value });
}
