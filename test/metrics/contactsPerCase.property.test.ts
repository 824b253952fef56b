import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChannelPath, type ContactsPerCaseState, contactsPerCase, contactsPerCaseAccumulator } from '../../src/metrics/contactsPerCase.js';
import type { Interaction } from '../../src/models/index.js';
import { nonFiniteNumbers, shard, startedAtArb, threeParts, withCut, withPermutation, withShards } from '../_arbitraries.js';

// The state keeps every case contact (time and channel): every law compares exactly, state included.

/** Mixed case on purpose: code-unit order puts 'Web' before 'chat'. */
const CHANNELS = ['phone', 'chat', 'email', 'Web'] as const;
const CASES = ['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'] as const;

const contactArb: fc.Arbitrary<Interaction> = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    startedAt: startedAtArb,
    caseId: fc.option(fc.constantFrom(...CASES), { nil: undefined, freq: 6 }),
    abandoned: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ channel, startedAt, caseId, abandoned }) => {
    const r: Interaction = { id: 'x', channel, startedAt };
    if (caseId !== undefined) r.caseId = caseId;
    if (abandoned !== undefined) r.abandoned = abandoned;
    return r;
  });
const contactsArb = fc.array(contactArb, { maxLength: 60 });
/** Two cases, up to 120 contacts: cases of more than 32 contacts take the other sort path. */
const bigCasesArb = fc.array(
  contactArb.map((r) => (r.caseId === undefined ? r : { ...r, caseId: r.caseId < 'K4' ? 'K0' : 'K1' })),
  { minLength: 40, maxLength: 120 },
);

const fold = (xs: readonly Interaction[]) => {
  const acc = contactsPerCaseAccumulator({ topPaths: Infinity });
  for (const x of xs) acc.add(x);
  return acc;
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Paths the slow, obvious way: group by case, sort by (time, channel), collapse repeats, count, sort. */
function oraclePaths(xs: readonly Interaction[]): ChannelPath[] {
  const byCase = new Map<string, Interaction[]>();
  for (const x of xs) if (x.caseId !== undefined) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
  const counts = new Map<string, string[]>();
  const n = new Map<string, number>();
  for (const list of byCase.values()) {
    const channels = [...list].sort((a, b) => a.startedAt - b.startedAt || cmp(a.channel, b.channel)).map((x) => x.channel);
    const collapsed = channels.filter((c, k) => k === 0 || channels[k - 1] !== c);
    const key = JSON.stringify(collapsed);
    counts.set(key, collapsed);
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, channels]) => ({ path: channels.join('>'), channels, cases: n.get(key)! }))
    .sort((p, q) => q.cases - p.cases || cmp(p.path, q.path));
}

describe('contactsPerCase laws', () => {
  it('counts agree with filters: contacts = with caseId, withoutCase = without, cases = distinct caseIds, mean = contacts / cases', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const r = contactsPerCase(xs);
        const withCase = xs.filter((x) => x.caseId !== undefined);
        expect(r.contacts).toBe(withCase.length);
        expect(r.withoutCase).toBe(xs.length - withCase.length);
        expect(r.cases).toBe(new Set(withCase.map((x) => x.caseId)).size);
        expect(r.mean).toBe(r.cases === 0 ? null : r.contacts / r.cases);
      }),
    );
  });

  it('multiChannelCases = cases whose contacts use ≥ 2 distinct channels (oracle)', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const channels = new Map<string, Set<string>>();
        for (const x of xs) if (x.caseId !== undefined) channels.set(x.caseId, (channels.get(x.caseId) ?? new Set()).add(x.channel));
        expect(contactsPerCase(xs).multiChannelCases).toBe([...channels.values()].filter((s) => s.size >= 2).length);
      }),
    );
  });

  it('paths agree with a slow oracle (group, sort by time then channel, collapse, count, sort)', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        expect(contactsPerCase(xs, { topPaths: Infinity }).paths).toEqual(oraclePaths(xs));
      }),
    );
  });

  it('paths agree with the oracle for cases of more than 32 contacts too', () => {
    fc.assert(
      fc.property(bigCasesArb, (xs) => {
        expect(contactsPerCase(xs, { topPaths: Infinity }).paths).toEqual(oraclePaths(xs));
      }),
    );
  });

  it('paths add up: Σ cases over all paths = cases; Σ over paths of ≥ 2 channels = multiChannelCases', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const r = contactsPerCase(xs, { topPaths: Infinity });
        expect(r.paths.reduce((s, p) => s + p.cases, 0)).toBe(r.cases);
        expect(r.paths.filter((p) => p.channels.length >= 2).reduce((s, p) => s + p.cases, 0)).toBe(r.multiChannelCases);
        for (const p of r.paths) expect(p.channels.every((c, k) => k === 0 || p.channels[k - 1] !== c)).toBe(true);
      }),
    );
  });

  it('topPaths k lists the first k of all paths, and nothing else changes', () => {
    fc.assert(
      fc.property(contactsArb, fc.nat({ max: 12 }), (xs, k) => {
        const all = contactsPerCase(xs, { topPaths: Infinity });
        expect(contactsPerCase(xs, { topPaths: k })).toEqual({ ...all, paths: all.paths.slice(0, k) });
      }),
    );
  });

  it('bounds: switch rate in [0, 1] inside its interval; mean ≥ 1; both null exactly when there is no case', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const r = contactsPerCase(xs);
        expect(r.channelSwitchRate === null).toBe(r.cases === 0);
        expect(r.ci === null).toBe(r.cases === 0);
        if (r.channelSwitchRate === null) return;
        expect(r.mean!).toBeGreaterThanOrEqual(1);
        expect(r.channelSwitchRate).toBeGreaterThanOrEqual(0);
        expect(r.channelSwitchRate).toBeLessThanOrEqual(1);
        expect(r.ci!.low).toBeLessThanOrEqual(r.channelSwitchRate);
        expect(r.ci!.high).toBeGreaterThanOrEqual(r.channelSwitchRate);
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        expect(fold(xs).result()).toEqual(contactsPerCase(xs, { topPaths: Infinity }));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result and state', () => {
    fc.assert(
      fc.property(withPermutation(contactsArb), ([xs, ys]) => {
        expect(contactsPerCase(ys, { topPaths: Infinity })).toEqual(contactsPerCase(xs, { topPaths: Infinity }));
        expect(fold(ys).state()).toEqual(fold(xs).state());
      }),
    );
  });

  it('split anywhere + merge = whole, exactly, state included', () => {
    fc.assert(
      fc.property(withCut(contactsArb), ([xs, k]) => {
        const merged = fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state());
        expect(merged.state()).toEqual(fold(xs).state());
        expect(merged.result()).toEqual(contactsPerCase(xs, { topPaths: Infinity }));
      }),
    );
  });

  it('any split into four shards (cases cut across shards) + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withShards(contactsArb), ([xs, of]) => {
        const acc = contactsPerCaseAccumulator({ topPaths: Infinity });
        for (const part of shard(xs, of)) acc.merge(fold(part).state());
        expect(acc.state()).toEqual(fold(xs).state());
        expect(acc.result()).toEqual(contactsPerCase(xs, { topPaths: Infinity }));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(contactsArb), ([a, b, c]) => {
        expect(fold(a).merge(fold(b)).merge(fold(c)).state()).toEqual(fold(a).merge(fold(b).merge(fold(c))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(contactsArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a).merge(fold(b)).state()).toEqual(fold(b).merge(fold(a)).state());
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(contactsPerCaseAccumulator()).state()).toEqual(s);
        expect(contactsPerCaseAccumulator().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const acc = fold(xs);
        const restored = contactsPerCaseAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ContactsPerCaseState, { topPaths: Infinity });
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const acc = fold(xs);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
