/**
 * Boundary parsing: dirty rows in, typed records out, every rejected row reported.
 * @module
 */
import type { z } from 'zod';
import { CxMetricsError, formatValue } from './errors.js';
import { InteractionSchema, type Interaction } from './interaction.js';
import { JourneyEventSchema, JourneySchema, type Journey, type JourneyEvent } from './journey.js';
import { SurveyResponseSchema, type SurveyResponse } from './surveyResponse.js';

/** What to do with a row that fails its schema. */
export type OnInvalid = 'throw' | 'skip';

/** Options of the `parse*` functions. */
export interface ParseOptions {
  /**
   * `'throw'` (default) raises a {@link CxMetricsError} at the first bad row; `'skip'` keeps every
   * valid row and reports every invalid one in `issues`.
   * @defaultValue `'throw'`
   */
  onInvalid?: OnInvalid;
}

/** One problem found in one row. A row may have several; `records.length` + distinct `index` values = rows read. */
export interface ParseIssue {
  /** 0-based position of the row in the input. */
  index: number;
  /** The field, e.g. `talkSeconds` (`''` when the row itself is not an object). */
  path: string;
  /** Full message: `interactions[2].talkSeconds must be a finite number of seconds ≥ 0, got -5`. */
  message: string;
  /** The offending value as it was in the row. */
  value: unknown;
}

/** Result of a `parse*` function. */
export interface ParseResult<T> {
  /** The valid rows, normalized (epoch-ms timestamps, numbers as numbers), in input order. */
  records: T[];
  /** Every problem of every rejected row, in input order. Empty when all rows are valid. */
  issues: ParseIssue[];
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = row;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/**
 * Copies the schema's own keys from a row into a fresh null-free object: `null`, `undefined` and
 * blank strings count as absent (as CSV exports write them), so a blank required cell `is required`. Other keys, including
 * `__proto__`, are never read, so no prototype can be polluted.
 */
function clean(row: object, keys: readonly string[], required: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(row, k)) continue;
    const v = (row as Record<string, unknown>)[k];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = v;
  }
  return out;
}

function parseRows<S extends z.ZodType>(
  schema: S,
  shape: Record<string, z.ZodType>,
  required: readonly string[],
  label: string,
  rows: Iterable<unknown>,
  options: ParseOptions | undefined,
): ParseResult<z.output<S>> {
  const onInvalid = options?.onInvalid ?? 'throw';
  if (onInvalid !== 'throw' && onInvalid !== 'skip') {
    throw new CxMetricsError('invalid_option', `options.onInvalid must be 'throw' or 'skip', got ${formatValue(onInvalid)}`, {
      path: 'options.onInvalid',
      index: null,
      value: onInvalid,
    });
  }
  const keys = Object.keys(shape);
  const req = new Set(required);
  const records: z.output<S>[] = [];
  const issues: ParseIssue[] = [];
  let index = 0;
  for (const row of rows) {
    const i = index++;
    const rowIssues: ParseIssue[] = [];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      rowIssues.push({ index: i, path: '', message: `${label}[${i}] must be an object, got ${formatValue(row)}`, value: row });
    } else {
      const input = clean(row, keys, req);
      const r = schema.safeParse(input);
      if (r.success) {
        records.push(r.data);
        continue;
      }
      const seen = new Set<string>();
      for (const issue of r.error.issues) {
        const path = formatPath(issue.path);
        if (seen.has(path)) continue;
        seen.add(path);
        // report the value as the row had it: a blank required cell reads 'is required, got ""'
        const missing = valueAt(input, issue.path) === undefined && issue.path.length > 0;
        const value = valueAt(row, issue.path);
        const rule = missing ? 'is required' : issue.message;
        const message =
          value === undefined ? `${label}[${i}].${path} ${rule}` : `${label}[${i}]${path ? `.${path}` : ''} ${rule}, got ${formatValue(value)}`;
        rowIssues.push({ index: i, path, message, value });
      }
    }
    if (onInvalid === 'throw') {
      const first = rowIssues[0]!;
      throw new CxMetricsError('invalid_record', first.message, {
        path: `${label}[${i}]${first.path ? `.${first.path}` : ''}`,
        index: i,
        value: first.value,
      });
    }
    for (const x of rowIssues) issues.push(x);
  }
  return { records, issues };
}

/**
 * Validates and normalizes interaction rows (from JSON, NDJSON, CSV…) into {@link Interaction}s.
 *
 * Blank strings and `null` in optional fields count as absent; numeric strings become numbers;
 * timestamps become epoch ms (offset-less ISO strings are read as UTC); unknown keys are dropped.
 * With `onInvalid: 'skip'`, `records.length` + the number of distinct `issues[].index` always equals
 * the number of rows read: nothing is dropped silently.
 *
 * @param rows - any iterable of untrusted values
 * @param options - `onInvalid: 'throw' | 'skip'` (default `'throw'`)
 * @returns the valid records and every issue of every rejected row
 * @throws {@link CxMetricsError} (`code: 'invalid_record'`) at the first bad row, with `onInvalid: 'throw'`
 * @example
 * ```ts
 * import { parseInteractions } from 'cx-metrics';
 * const { records, issues } = parseInteractions(
 *   [
 *     { id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z', talkSeconds: '300' },
 *     { id: 'c2', channel: 'phone', startedAt: '2024-03-01T09:05:00Z', talkSeconds: -5 },
 *   ],
 *   { onInvalid: 'skip' },
 * );
 * records.length; // => 1
 * issues[0].message; // => 'interactions[1].talkSeconds must be a finite number of seconds ≥ 0, got -5'
 * ```
 */
export function parseInteractions(rows: Iterable<unknown>, options?: ParseOptions): ParseResult<Interaction> {
  return parseRows(InteractionSchema, InteractionSchema.shape, ['id', 'channel', 'startedAt'], 'interactions', rows, options);
}

/**
 * Validates and normalizes survey-response rows into {@link SurveyResponse}s (same rules as
 * {@link parseInteractions}; `nps` must be an integer 0–10, `weight` > 0).
 *
 * @param rows - any iterable of untrusted values
 * @param options - `onInvalid: 'throw' | 'skip'` (default `'throw'`)
 * @returns the valid records and every issue of every rejected row
 * @throws {@link CxMetricsError} (`code: 'invalid_record'`) at the first bad row, with `onInvalid: 'throw'`
 * @example
 * ```ts
 * import { parseSurveyResponses } from 'cx-metrics';
 * const { records, issues } = parseSurveyResponses(
 *   [{ id: 's1', submittedAt: '2024-03-01T10:00:00Z', nps: 9 }, { id: 's2', submittedAt: '2024-03-01', nps: 11 }],
 *   { onInvalid: 'skip' },
 * );
 * records.length; // => 1
 * issues[0].message; // => 'surveys[1].nps must be an integer 0–10, got 11'
 * ```
 */
export function parseSurveyResponses(rows: Iterable<unknown>, options?: ParseOptions): ParseResult<SurveyResponse> {
  return parseRows(SurveyResponseSchema, SurveyResponseSchema.shape, ['id', 'submittedAt'], 'surveys', rows, options);
}

/**
 * Validates and normalizes journey-event rows into {@link JourneyEvent}s (same rules as
 * {@link parseInteractions}; `outcome` is `completed`, `dropped` or `converted`).
 *
 * @param rows - any iterable of untrusted values
 * @param options - `onInvalid: 'throw' | 'skip'` (default `'throw'`)
 * @returns the valid records and every issue of every rejected row
 * @throws {@link CxMetricsError} (`code: 'invalid_record'`) at the first bad row, with `onInvalid: 'throw'`
 * @example
 * ```ts
 * import { parseJourneyEvents } from 'cx-metrics';
 * const { records } = parseJourneyEvents([
 *   { journeyId: 'billing', customerId: 'k1', touchpoint: 'help-center', at: '2024-03-01T09:00:00Z', outcome: 'dropped' },
 * ]);
 * records[0].at; // => 1709283600000
 * ```
 */
export function parseJourneyEvents(rows: Iterable<unknown>, options?: ParseOptions): ParseResult<JourneyEvent> {
  return parseRows(JourneyEventSchema, JourneyEventSchema.shape, ['journeyId', 'customerId', 'touchpoint', 'at'], 'events', rows, options);
}

/**
 * Validates one journey definition; throws on any problem (a journey is configuration, not data).
 *
 * @param input - an untrusted journey object (e.g. from a JSON file)
 * @returns the journey, with touchpoints in the given order
 * @throws {@link CxMetricsError} (`code: 'invalid_record'`) naming the first bad field, e.g. `journey.touchpoints[1].id`
 * @example
 * ```ts
 * import { parseJourney } from 'cx-metrics';
 * parseJourney({ id: 'j1', name: 'Billing', touchpoints: [{ id: 'ivr' }, { id: 'agent', successMetric: 'fcr.rate' }] })
 *   .touchpoints.length; // => 2
 * ```
 */
export function parseJourney(input: unknown): Journey {
  const r = JourneySchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  const where = `journey${path ? (path.startsWith('[') ? path : `.${path}`) : ''}`;
  const message = value === undefined && issue.path.length > 0 ? `${where} is required` : `${where} ${issue.message}, got ${formatValue(value)}`;
  throw new CxMetricsError('invalid_record', message, { path: where, index: null, value });
}
