/**
 * First Contact Resolution (FCR), operational: handled contacts not followed by the same
 * customer's next handled contact within a window.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidOption, invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import type { Accumulator, ResultOptions, StatOptions } from './_accumulator.js';
import { checkHeader, checkSame, coreAccumulator, ratio, resultOptions, stateOf, withFromState } from './_accumulator.js';
import { checkRecord, isAbandoned } from './_record.js';

/** Options of {@link fcr}. */
export interface FcrOptions extends StatOptions {
  /**
   * A handled contact is a repeat of the previous one when it starts at most this many hours later
   * (start to start; exactly at the window is a repeat).
   * @defaultValue 168 (7 days): between 24 h, too lenient, and SQM's 30 days, which needs long maturity (docs/metrics.md#fcr)
   */
  windowHours?: number;
  /**
   * Report time, epoch ms. When given, a contact whose window has not elapsed by then
   * (`startedAt + window > asOf`) is `pending`: outside `n`, neither resolved nor a repeat, even if
   * its repeat has already come (counting early repeats but not early resolutions would bias the
   * rate down). When absent, every contact is scored as if its window had elapsed.
   * @defaultValue undefined
   */
  asOf?: number;
}

/** Result of {@link fcr}. */
export interface FcrResult {
  /** resolvedFirst / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Contacts not followed by the customer's next handled contact within the window. */
  resolvedFirst: number;
  /** Scored contacts: handled, with a customerId, not pending. */
  n: number;
  /** Contacts followed by a repeat within the window (n − resolvedFirst). */
  repeats: number;
  /** Contacts whose window is still open at `asOf` (0 without `asOf`). */
  pending: number;
  /** Handled contacts without a customerId (outside n). */
  withoutCustomer: number;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 or fewer than 5 resolved (or repeated) contacts. */
  lowSample: boolean;
}

/** Plain-JSON state of an FCR accumulator: every handled contact's start time per customer. */
export interface FcrState {
  v: 1;
  kind: 'fcr';
  windowHours: number;
  asOf: number | null;
  withoutCustomer: number;
  /** `[customerId, sorted start times (epoch ms)]`, sorted by customerId. */
  customers: Array<[string, number[]]>;
}

const HOUR_MS = 3_600_000;
const MAX_WINDOW_HOURS = 1e9 / 3600;

function resolveOptions(options: FcrOptions | undefined): { windowHours: number; asOf: number | null } {
  const windowHours = options?.windowHours ?? 168;
  if (typeof windowHours !== 'number' || !(windowHours > 0 && windowHours <= MAX_WINDOW_HOURS)) {
    invalidOption('windowHours', 'must be a number of hours in (0, 277777] (1e9 seconds)', windowHours);
  }
  const asOf = options?.asOf;
  if (asOf !== undefined && (typeof asOf !== 'number' || !Number.isFinite(asOf))) invalidOption('asOf', 'must be epoch milliseconds', asOf);
  return { windowHours, asOf: asOf ?? null };
}

/**
 * The working form of FCR's state: customer ids interned to small integers, start times in typed
 * arrays, so a million contacts cost two typed arrays and one Map, not a million small arrays.
 * @internal
 */
export class FcrCore {
  readonly windowHours: number;
  readonly asOf: number | null;
  withoutCustomer = 0;
  private readonly keys = new Map<string, number>();
  private readonly ids: string[] = [];
  private cust = new Int32Array(64);
  private times = new Float64Array(64);
  private len = 0;

  constructor(windowHours: number, asOf: number | null) {
    this.windowHours = windowHours;
    this.asOf = asOf;
  }

  /** Adds one interaction (validating what FCR reads). */
  add(r: Interaction, i: number): void {
    checkRecord(r, i);
    const abandoned = isAbandoned(r, i);
    const c = r.customerId;
    if (c !== undefined && (typeof c !== 'string' || c.length === 0)) invalidValue(`interactions[${i}].customerId`, i, 'must be a non-empty string', c);
    if (abandoned) return;
    if (c === undefined) {
      this.withoutCustomer++;
      return;
    }
    const t = r.startedAt;
    if (typeof t !== 'number' || !Number.isFinite(t)) invalidValue(`interactions[${i}].startedAt`, i, 'must be epoch milliseconds (a finite number)', t);
    this.push(c, t);
  }

  /** Appends one contact time for a customer. */
  push(customer: string, t: number): void {
    let k = this.keys.get(customer);
    if (k === undefined) {
      k = this.ids.length;
      this.keys.set(customer, k);
      this.ids.push(customer);
    }
    if (this.len === this.times.length) {
      const cust = new Int32Array(this.len * 2);
      cust.set(this.cust);
      this.cust = cust;
      const times = new Float64Array(this.len * 2);
      times.set(this.times);
      this.times = times;
    }
    this.cust[this.len] = k;
    this.times[this.len] = t;
    this.len++;
  }

  /** Contact times grouped by customer, each group sorted: `[offsets, times]`. */
  private grouped(): [Int32Array, Float64Array] {
    const m = this.ids.length;
    const offsets = new Int32Array(m + 1);
    for (let j = 0; j < this.len; j++) offsets[this.cust[j]! + 1]!++;
    for (let k = 0; k < m; k++) offsets[k + 1]! += offsets[k]!;
    const fill = offsets.slice(0, m);
    const out = new Float64Array(this.len);
    for (let j = 0; j < this.len; j++) out[fill[this.cust[j]!]!++] = this.times[j]!;
    for (let k = 0; k < m; k++) {
      const a = offsets[k]!;
      const b = offsets[k + 1]!;
      if (b - a > 32) out.subarray(a, b).sort();
      else {
        for (let x = a + 1; x < b; x++) {
          const v = out[x]!;
          let y = x - 1;
          while (y >= a && out[y]! > v) {
            out[y + 1] = out[y]!;
            y--;
          }
          out[y + 1] = v;
        }
      }
    }
    return [offsets, out];
  }

  result(opts: ResultOptions): FcrResult {
    const [offsets, t] = this.grouped();
    const w = this.windowHours * HOUR_MS;
    const asOf = this.asOf;
    let resolvedFirst = 0;
    let repeats = 0;
    let pending = 0;
    for (let k = 0; k < this.ids.length; k++) {
      const end = offsets[k + 1]!;
      for (let j = offsets[k]!; j < end; j++) {
        // a contact whose window is still open at asOf is pending whether or not a repeat has come:
        // counting early repeats but not early resolutions would bias the rate down
        if (asOf !== null && t[j]! + w > asOf) pending++;
        else if (j + 1 < end && t[j + 1]! - t[j]! <= w) repeats++;
        else resolvedFirst++;
      }
    }
    const n = resolvedFirst + repeats;
    const rate = ratio(resolvedFirst, n);
    return {
      rate,
      resolvedFirst,
      n,
      repeats,
      pending,
      withoutCustomer: this.withoutCustomer,
      ci: wilsonInterval(resolvedFirst, n, opts.confidence),
      lowSample: rateIsLow(rate, n, opts.lowSample),
    };
  }

  state(): FcrState {
    const [offsets, t] = this.grouped();
    const order = this.ids.map((_, k) => k).sort((a, b) => (this.ids[a]! < this.ids[b]! ? -1 : this.ids[a]! > this.ids[b]! ? 1 : 0));
    const customers: Array<[string, number[]]> = order.map((k) => [this.ids[k]!, Array.from(t.subarray(offsets[k]!, offsets[k + 1]!))]);
    return { v: 1, kind: 'fcr', windowHours: this.windowHours, asOf: this.asOf, withoutCustomer: this.withoutCustomer, customers };
  }

  mergeCore(o: FcrCore): void {
    this.withoutCustomer += o.withoutCustomer;
    const len = o.len; // o may be this
    for (let j = 0; j < len; j++) this.push(o.ids[o.cust[j]!]!, o.times[j]!);
  }

  mergeState(s: unknown): void {
    checkHeader(s, 'fcr');
    checkSame('windowHours', s.windowHours, this.windowHours);
    checkSame('asOf', s.asOf, this.asOf);
    const w = s.withoutCustomer;
    if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0) invalidState('state.withoutCustomer', 'must be an integer ≥ 0', w);
    const customers = s.customers;
    if (!Array.isArray(customers)) invalidState('state.customers', 'must be an array of [customerId, times]', customers);
    customers.forEach((entry: unknown, k) => {
      const ok = Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[0].length > 0 && Array.isArray(entry[1]);
      if (!ok) invalidState(`state.customers[${k}]`, 'must be [customerId, times]', entry);
      for (const t of (entry as [string, unknown[]])[1]) {
        if (typeof t !== 'number' || !Number.isFinite(t)) invalidState(`state.customers[${k}]`, 'must hold finite epoch-ms times', t);
      }
    });
    this.withoutCustomer += w;
    for (const [c, times] of customers as Array<[string, number[]]>) for (const t of times) this.push(c, t);
  }
}

/** A fresh FCR core with validated options. @internal */
export function fcrInit(options: FcrOptions | undefined): FcrCore {
  const { windowHours, asOf } = resolveOptions(options);
  return new FcrCore(windowHours, asOf);
}

/** An FCR accumulator: see {@link Accumulator}. */
export type FcrAccumulator = Accumulator<Interaction, FcrState, FcrResult>;

function makeFcr(core: FcrCore, opts: ResultOptions): FcrAccumulator {
  return coreAccumulator(core, opts, (other) => {
    const oc = (other as { core?: unknown } | null)?.core;
    if (oc instanceof FcrCore) {
      checkSame('windowHours', oc.windowHours, core.windowHours);
      checkSame('asOf', oc.asOf, core.asOf);
      core.mergeCore(oc);
    } else core.mergeState(stateOf(other));
  });
}

function fromState(state: FcrState, options?: StatOptions): FcrAccumulator {
  checkHeader(state, 'fcr');
  const { windowHours, asOf } = state as { windowHours: unknown; asOf: unknown };
  if (typeof windowHours !== 'number' || !(windowHours > 0 && windowHours <= MAX_WINDOW_HOURS)) {
    invalidState('state.windowHours', 'must be a finite number of hours in (0, 277777]', windowHours);
  }
  if (asOf !== null && (typeof asOf !== 'number' || !Number.isFinite(asOf))) invalidState('state.asOf', 'must be null or epoch milliseconds', asOf);
  return makeFcr(new FcrCore(windowHours, asOf), resultOptions(options)).merge(state);
}

/**
 * A mergeable FCR accumulator; `fcrAccumulator.fromState(state)` restores one. The state keeps
 * every handled contact's start time per customer, so shards split any way (by time, by channel,
 * by customer) merge to exactly the batch result.
 *
 * @param options - `windowHours` (default 168) and `asOf`, as for {@link fcr}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on invalid options
 * @example
 * ```ts
 * import { fcrAccumulator } from 'cx-metrics';
 * const h = 3_600_000;
 * const week1 = fcrAccumulator({ windowHours: 24 }).add({ id: 'a', channel: 'phone', startedAt: 0, customerId: 'k1' });
 * const week2 = fcrAccumulator({ windowHours: 24 }).add({ id: 'b', channel: 'chat', startedAt: 2 * h, customerId: 'k1' });
 * const r = week1.merge(week2.state()).result();
 * [r.rate, r.resolvedFirst, r.n, r.repeats]; // => [0.5, 1, 2, 1]
 * ```
 */
export const fcrAccumulator = /* @__PURE__ */ withFromState(
  (options?: FcrOptions): FcrAccumulator => makeFcr(fcrInit(options), resultOptions(options)),
  fromState,
);

/**
 * First Contact Resolution, from repeat contacts: the share of handled contacts that are not
 * followed by the same customer's next handled contact within `windowHours`.
 *
 * A contact is handled unless `abandoned === true`. Contacts without `customerId` cannot be
 * followed and are outside `n` (counted in `withoutCustomer`). A next contact starting at most
 * `windowHours` after this one's start is a repeat (exactly at the window counts as a repeat).
 * Contacts at the same instant: all but the last are repeats, whatever their input order.
 * Any reason, any channel: filter the input first for same-channel FCR.
 * Formula: rate = contacts with no next contact within the window / handled contacts with a customer.
 * Source: docs/metrics.md#fcr; ../reference/definitions.md §2.1 (SQM repeat-contact FCR).
 * Cost: one pass, customer ids interned once; a sort of each customer's times.
 *
 * @param interactions - contacts (see {@link Interaction}); order does not matter
 * @param options - `windowHours` (default 168 = 7 days), `asOf` to hold back contacts whose window is still open, `confidence`, `lowSample`
 * @returns the rate and the counts behind it
 * @throws {@link CxMetricsError} if `customerId` is not a non-empty string, `startedAt` not finite or `abandoned` not a boolean (naming the index), or on invalid options
 * @example
 * ```ts
 * import { fcr } from 'cx-metrics';
 * const h = 3_600_000;
 * fcr(
 *   [
 *     { id: '1', channel: 'phone', startedAt: 0, customerId: 'ann' },
 *     { id: '2', channel: 'phone', startedAt: 30 * h, customerId: 'ann' }, // ann calls back within 48 h
 *     { id: '3', channel: 'phone', startedAt: 0, customerId: 'bob' },
 *     { id: '4', channel: 'phone', startedAt: 0 }, // no customer: outside n
 *   ],
 *   { windowHours: 48 },
 * ); // => { rate: 0.6666666666666666, resolvedFirst: 2, n: 3, repeats: 1, pending: 0, withoutCustomer: 1, ci: { … }, lowSample: true }
 * ```
 */
export function fcr(interactions: Iterable<Interaction>, options?: FcrOptions): FcrResult {
  const core = fcrInit(options);
  const opts = resultOptions(options);
  let i = 0;
  for (const r of interactions) core.add(r, i++);
  return core.result(opts);
}
