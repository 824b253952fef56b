/**
 * Contacts per case and channel switching: how many contacts a customer's issue took, and how
 * often it moved between channels (with the most common channel paths).
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidOption, invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import { type Accumulator, type ResultOptions, type StatOptions, checkHeader, coreAccumulator, ratio, resultOptions, stateOf, withFromState } from './_accumulator.js';
import { checkRecord } from './_record.js';

/** Options of {@link contactsPerCase}. */
export interface ContactsPerCaseOptions extends StatOptions {
  /**
   * How many channel paths `paths` lists (the most common first); `Infinity` lists them all, 0 none.
   * A presentation option: it is not part of the state, and states merge whatever it is.
   * @defaultValue 10
   */
  topPaths?: number;
}

/** One channel path and the number of cases that followed it. */
export interface ChannelPath {
  /** The channels joined with `>`, e.g. `'chat>phone'`. */
  path: string;
  /** The channels in order (consecutive repeats collapsed). */
  channels: string[];
  /** Cases whose contacts followed this path. */
  cases: number;
}

/** Result of {@link contactsPerCase}. */
export interface ContactsPerCaseResult {
  /** Distinct `caseId`s. */
  cases: number;
  /** Contacts with a `caseId`. */
  contacts: number;
  /** contacts / cases; `null` when there is no case. */
  mean: number | null;
  /** Cases touched by at least two distinct channels. */
  multiChannelCases: number;
  /** multiChannelCases / cases in [0, 1]; `null` when there is no case. */
  channelSwitchRate: number | null;
  /**
   * The `topPaths` most common channel paths: each case's channels in `startedAt` order
   * (contacts at the same instant in channel-name order), consecutive repeats collapsed; sorted
   * by cases (most first), then by path.
   */
  paths: ChannelPath[];
  /** Contacts without a `caseId` (outside every other count). */
  withoutCase: number;
  /** Wilson score interval of `channelSwitchRate` over cases; `null` when there is no case. */
  ci: ConfidenceInterval | null;
  /** True when cases < 30 or fewer than 5 multi-channel (or single-channel) cases. */
  lowSample: boolean;
}

/**
 * Plain-JSON state of a contacts-per-case accumulator: every case contact's start time and channel.
 * Canonical: equal data give equal states, however split and merged.
 */
export interface ContactsPerCaseState {
  v: 1;
  kind: 'contactsPerCase';
  withoutCase: number;
  /** Channel names, sorted (code-unit order). */
  channels: string[];
  /** `[caseId, start times (epoch ms), channel indices into channels]`, sorted by caseId; contacts by time, then channel. */
  cases: Array<[string, number[], number[]]>;
}

/** Resolved options of a contacts-per-case result. @internal */
interface CasesResultOptions extends ResultOptions {
  topPaths: number;
}

function casesResultOptions(o: ContactsPerCaseOptions | undefined): CasesResultOptions {
  const topPaths = o?.topPaths ?? 10;
  if (typeof topPaths !== 'number' || !(topPaths === Infinity || (Number.isSafeInteger(topPaths) && topPaths >= 0))) {
    invalidOption('topPaths', 'must be an integer ≥ 0 or Infinity', topPaths);
  }
  return { ...resultOptions(o), topPaths };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Interns strings to small integers. */
class Interner {
  readonly keys = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.keys.set(name, k);
      this.names.push(name);
    }
    return k;
  }
}

/**
 * The working form of the state: case ids and channels interned, contacts in three typed arrays.
 * @internal
 */
export class ContactsPerCaseCore {
  withoutCase = 0;
  private readonly caseIds = new Interner();
  private readonly channelNames = new Interner();
  private caseOf = new Int32Array(64);
  private chanOf = new Int32Array(64);
  private times = new Float64Array(64);
  private len = 0;

  /** Adds one interaction, validating what this metric reads. */
  add(r: Interaction, i: number): void {
    checkRecord(r, i);
    const c = r.caseId;
    if (c !== undefined && (typeof c !== 'string' || c.length === 0)) invalidValue(`interactions[${i}].caseId`, i, 'must be a non-empty string', c);
    const ch = r.channel;
    if (typeof ch !== 'string' || ch.length === 0) invalidValue(`interactions[${i}].channel`, i, 'must be a non-empty string', ch);
    const t = r.startedAt;
    if (typeof t !== 'number' || !Number.isFinite(t)) invalidValue(`interactions[${i}].startedAt`, i, 'must be epoch milliseconds (a finite number)', t);
    if (c === undefined) this.withoutCase++;
    else this.push(c, ch, t);
  }

  private push(caseId: string, channel: string, t: number): void {
    if (this.len === this.times.length) {
      const n = this.len * 2;
      const caseOf = new Int32Array(n);
      caseOf.set(this.caseOf);
      this.caseOf = caseOf;
      const chanOf = new Int32Array(n);
      chanOf.set(this.chanOf);
      this.chanOf = chanOf;
      const times = new Float64Array(n);
      times.set(this.times);
      this.times = times;
    }
    this.caseOf[this.len] = this.caseIds.id(caseId);
    this.chanOf[this.len] = this.channelNames.id(channel);
    this.times[this.len] = t;
    this.len++;
  }

  /**
   * Contacts grouped by case, each group sorted by (time, channel name): `[offsets, times,
   * channel ranks, channel names by rank]`.
   */
  private grouped(): [Int32Array, Float64Array, Int32Array, string[]] {
    const names = this.channelNames.names;
    const byName = names.map((_, k) => k).sort((a, b) => byCodeUnit(names[a]!, names[b]!));
    const rank = new Int32Array(names.length);
    byName.forEach((k, r) => (rank[k] = r));
    const m = this.caseIds.names.length;
    const offsets = new Int32Array(m + 1);
    for (let j = 0; j < this.len; j++) offsets[this.caseOf[j]! + 1]!++;
    for (let k = 0; k < m; k++) offsets[k + 1]! += offsets[k]!;
    const fill = offsets.slice(0, m);
    const t = new Float64Array(this.len);
    const ch = new Int32Array(this.len);
    for (let j = 0; j < this.len; j++) {
      const at = fill[this.caseOf[j]!]!++;
      t[at] = this.times[j]!;
      ch[at] = rank[this.chanOf[j]!]!;
    }
    for (let k = 0; k < m; k++) sortGroup(t, ch, offsets[k]!, offsets[k + 1]!);
    return [offsets, t, ch, byName.map((k) => names[k]!)];
  }

  result(opts: CasesResultOptions): ContactsPerCaseResult {
    const [offsets, , ch, names] = this.grouped();
    const cases = this.caseIds.names.length;
    let multi = 0;
    const pathCounts = new Map<string, number>();
    const seq: number[] = [];
    for (let k = 0; k < cases; k++) {
      const a = offsets[k]!;
      const b = offsets[k + 1]!;
      seq.length = 0;
      let switched = false;
      for (let j = a; j < b; j++) {
        const c = ch[j]!;
        if (c !== ch[a]) switched = true;
        if (seq.length === 0 || seq[seq.length - 1] !== c) seq.push(c);
      }
      if (switched) multi++;
      if (opts.topPaths > 0) {
        const key = seq.join(',');
        pathCounts.set(key, (pathCounts.get(key) ?? 0) + 1);
      }
    }
    const paths = [...pathCounts].map(([key, n]): ChannelPath => {
      const channels = key.split(',').map((r) => names[Number(r)]!);
      return { path: channels.join('>'), channels, cases: n };
    });
    paths.sort((p, q) => q.cases - p.cases || byCodeUnit(p.path, q.path) || comparePaths(p.channels, q.channels));
    if (paths.length > opts.topPaths) paths.length = opts.topPaths;
    const rate = ratio(multi, cases);
    return {
      cases,
      contacts: this.len,
      mean: ratio(this.len, cases),
      multiChannelCases: multi,
      channelSwitchRate: rate,
      paths,
      withoutCase: this.withoutCase,
      ci: wilsonInterval(multi, cases, opts.confidence),
      lowSample: rateIsLow(rate, cases, opts.lowSample),
    };
  }

  state(): ContactsPerCaseState {
    const [offsets, t, ch, names] = this.grouped();
    const ids = this.caseIds.names;
    const order = ids.map((_, k) => k).sort((a, b) => byCodeUnit(ids[a]!, ids[b]!));
    const cases = order.map((k): [string, number[], number[]] => {
      const a = offsets[k]!;
      const b = offsets[k + 1]!;
      return [ids[k]!, Array.from(t.subarray(a, b)), Array.from(ch.subarray(a, b))];
    });
    return { v: 1, kind: 'contactsPerCase', withoutCase: this.withoutCase, channels: names, cases };
  }

  mergeCore(o: ContactsPerCaseCore): void {
    const len = o.len; // o may be this
    for (let j = 0; j < len; j++) this.push(o.caseIds.names[o.caseOf[j]!]!, o.channelNames.names[o.chanOf[j]!]!, o.times[j]!);
    this.withoutCase += o.withoutCase;
  }

  /** Validates a state completely, then folds it in (a bad state changes nothing). */
  mergeState(s: unknown): void {
    checkContactsPerCaseState(s);
    const { channels, cases } = s;
    for (const [id, times, chans] of cases) for (let j = 0; j < times.length; j++) this.push(id, channels[chans[j]!]!, times[j]!);
    this.withoutCase += s.withoutCase;
  }
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let j = 0; j < Math.min(a.length, b.length); j++) {
    const c = byCodeUnit(a[j]!, b[j]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Sorts t[a..b) with ch[a..b) alongside, by time then channel rank. */
function sortGroup(t: Float64Array, ch: Int32Array, a: number, b: number): void {
  if (b - a <= 32) {
    for (let x = a + 1; x < b; x++) {
      const tv = t[x]!;
      const cv = ch[x]!;
      let y = x - 1;
      while (y >= a && (t[y]! > tv || (t[y] === tv && ch[y]! > cv))) {
        t[y + 1] = t[y]!;
        ch[y + 1] = ch[y]!;
        y--;
      }
      t[y + 1] = tv;
      ch[y + 1] = cv;
    }
    return;
  }
  const idx = Array.from({ length: b - a }, (_, k) => a + k).sort((p, q) => t[p]! - t[q]! || ch[p]! - ch[q]!);
  const ts = idx.map((p) => t[p]!);
  const cs = idx.map((p) => ch[p]!);
  t.set(ts, a);
  ch.set(cs, a);
}

function checkContactsPerCaseState(s: unknown): asserts s is ContactsPerCaseState {
  checkHeader(s, 'contactsPerCase');
  const w = s.withoutCase;
  if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0) invalidState('state.withoutCase', 'must be an integer ≥ 0', w);
  const channels = s.channels;
  if (!Array.isArray(channels) || !channels.every((c) => typeof c === 'string' && c.length > 0)) {
    invalidState('state.channels', 'must be an array of non-empty channel names', channels);
  }
  const cases = s.cases;
  if (!Array.isArray(cases)) invalidState('state.cases', 'must be an array of [caseId, times, channels]', cases);
  cases.forEach((entry: unknown, k) => {
    const ok =
      Array.isArray(entry) &&
      entry.length === 3 &&
      typeof entry[0] === 'string' &&
      entry[0].length > 0 &&
      Array.isArray(entry[1]) &&
      Array.isArray(entry[2]) &&
      entry[1].length === entry[2].length;
    if (!ok) invalidState(`state.cases[${k}]`, 'must be [caseId, times, channels] with as many channels as times', entry);
    const [, times, chans] = entry as [string, unknown[], unknown[]];
    for (const t of times) if (typeof t !== 'number' || !Number.isFinite(t)) invalidState(`state.cases[${k}]`, 'must hold finite epoch-ms times', t);
    for (const c of chans) {
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= channels.length) {
        invalidState(`state.cases[${k}]`, `must hold channel indices in [0, ${channels.length - 1}]`, c);
      }
    }
  });
}

/** A contacts-per-case accumulator: see {@link Accumulator}. */
export type ContactsPerCaseAccumulator = Accumulator<Interaction, ContactsPerCaseState, ContactsPerCaseResult>;

/** The contacts-per-case accumulator factory, with `fromState` (which also takes `topPaths`). */
export interface ContactsPerCaseAccumulatorFactory {
  /** An empty accumulator. */
  (options?: ContactsPerCaseOptions): ContactsPerCaseAccumulator;
  /**
   * Restores an accumulator from a plain-JSON state; `options` sets `topPaths`, the interval level
   * and low-sample thresholds of its results.
   * @throws {@link CxMetricsError} (`code: 'invalid_state'`) if the state is not one this version reads
   */
  fromState(state: ContactsPerCaseState, options?: ContactsPerCaseOptions): ContactsPerCaseAccumulator;
}

function makeAcc(core: ContactsPerCaseCore, opts: CasesResultOptions): ContactsPerCaseAccumulator {
  return coreAccumulator(core, opts, (other) => {
    const oc = (other as { core?: unknown } | null)?.core;
    if (oc instanceof ContactsPerCaseCore) core.mergeCore(oc);
    else core.mergeState(stateOf(other));
  });
}

/**
 * A mergeable contacts-per-case accumulator; `contactsPerCaseAccumulator.fromState(state)`
 * restores one. The state keeps every case contact's time and channel (case ids and channels
 * interned), so shards split any way (by day, by channel, by queue) merge to exactly the batch
 * result, also when one case's contacts sit in several shards.
 *
 * @param options - `topPaths` (default 10), interval level and low-sample thresholds
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { contactsPerCaseAccumulator } from 'cx-metrics';
 * const monday = contactsPerCaseAccumulator().add({ id: 'a', channel: 'chat', startedAt: 0, caseId: 'K1' });
 * const tuesday = contactsPerCaseAccumulator().add({ id: 'b', channel: 'phone', startedAt: 86_400_000, caseId: 'K1' });
 * const r = monday.merge(tuesday.state()).result();
 * [r.cases, r.contacts, r.multiChannelCases, r.paths[0]?.path]; // => [1, 2, 1, 'chat>phone']
 * ```
 */
export const contactsPerCaseAccumulator: ContactsPerCaseAccumulatorFactory = /* @__PURE__ */ withFromState(
  (options?: ContactsPerCaseOptions): ContactsPerCaseAccumulator => makeAcc(new ContactsPerCaseCore(), casesResultOptions(options)),
  (state: ContactsPerCaseState, options?: ContactsPerCaseOptions): ContactsPerCaseAccumulator => {
    const opts = casesResultOptions(options);
    checkContactsPerCaseState(state);
    return makeAcc(new ContactsPerCaseCore(), opts).merge(state);
  },
);

/**
 * Contacts per case and channel switching over contacts linked to a case (`caseId`).
 *
 * Every contact with a `caseId` counts, abandoned or not (an abandoned call is still a contact
 * the customer made; filter first for handled-only). Contacts without `caseId` are outside every
 * count but `withoutCase`. A case is multi-channel when its contacts use at least two distinct
 * `channel`s. Each case's path is its channels in `startedAt` order (ties in channel-name order),
 * consecutive repeats collapsed: phone, phone, chat, phone → `'phone>chat>phone'`.
 * Formula: mean = contacts / cases; channelSwitchRate = multi-channel cases / cases.
 * Source: docs/service-metrics.md#contacts-per-case; ../reference/definitions.md §2.3 (Amazon
 * Connect "Average contacts per case"; Gartner: channel switching is a high-effort indicator), §8.
 * Cost: one pass, case ids and channels interned once; one sort per case at `result()`.
 *
 * @param interactions - contacts (see {@link Interaction}); order does not matter
 * @param options - `topPaths` (default 10), `confidence` (default 0.95), `lowSample`
 * @returns the counts, contacts per case, the switch rate with its Wilson interval, the top paths
 * @throws {@link CxMetricsError} if `caseId` or `channel` is not a non-empty string or `startedAt` not finite (naming the index), or on an invalid option
 * @example
 * ```ts
 * import { contactsPerCase } from 'cx-metrics';
 * contactsPerCase([
 *   { id: '1', channel: 'chat', startedAt: 0, caseId: 'K1' },
 *   { id: '2', channel: 'phone', startedAt: 60_000, caseId: 'K1' },
 *   { id: '3', channel: 'phone', startedAt: 0, caseId: 'K2' },
 *   { id: '4', channel: 'email', startedAt: 0 }, // no case
 * ]); // => { cases: 2, contacts: 3, mean: 1.5, multiChannelCases: 1, channelSwitchRate: 0.5,
 * //          paths: [{ path: 'chat>phone', channels: ['chat', 'phone'], cases: 1 }, { path: 'phone', … }],
 * //          withoutCase: 1, ci: { … }, lowSample: true }
 * ```
 */
export function contactsPerCase(interactions: Iterable<Interaction>, options?: ContactsPerCaseOptions): ContactsPerCaseResult {
  const opts = casesResultOptions(options);
  const core = new ContactsPerCaseCore();
  let i = 0;
  for (const r of interactions) core.add(r, i++);
  return core.result(opts);
}
