import { describe, expect, it } from 'vitest';
import { fcrAccumulator } from '../../src/metrics/fcr.js';
import {
  type ContactsPerCaseOptions,
  type ContactsPerCaseState,
  contactsPerCase,
  contactsPerCaseAccumulator,
} from '../../src/metrics/contactsPerCase.js';
import type { Interaction } from '../../src/models/index.js';
import { deepFreeze, thrown } from '../_arbitraries.js';

const MIN = 60_000;
const contact = (id: string, channel: string, startedAt: number, caseId?: string, extra: Partial<Interaction> = {}): Interaction => ({
  id,
  channel,
  startedAt,
  ...(caseId === undefined ? {} : { caseId }),
  ...extra,
});

/** z = Φ⁻¹(0.975) to double precision, and the Wilson interval written out (statistics.md §1). */
const Z = 1.959963984540054;
function wilson(k: number, n: number) {
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z / d) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return { low: k === 0 ? 0 : c - h, high: k === n ? 1 : c + h };
}

/**
 * definitions.md §2.3: 300 cases, 480 linked contacts, 45 cases used two or more channels.
 * Multi-channel: 30 cases chat → phone, 15 cases phone → email (2 contacts each, 90 contacts).
 * Single-channel: 135 cases phone × 2, 100 cases phone × 1, 20 cases email × 1 (390 contacts).
 * The input is listed newest first, so the paths come from startedAt, not input order.
 */
function reference(): Interaction[] {
  const out: Interaction[] = [];
  let c = 0;
  const add = (channels: string[]) => {
    const caseId = `K${String(c++).padStart(3, '0')}`;
    channels.forEach((ch, k) => out.push(contact(`${caseId}-${k}`, ch, k * 60 * MIN, caseId)));
  };
  for (let k = 0; k < 30; k++) add(['chat', 'phone']);
  for (let k = 0; k < 15; k++) add(['phone', 'email']);
  for (let k = 0; k < 135; k++) add(['phone', 'phone']);
  for (let k = 0; k < 100; k++) add(['phone']);
  for (let k = 0; k < 20; k++) add(['email']);
  out.push(contact('walk-in', 'store', 0)); // no case: outside every count but withoutCase
  return out.reverse();
}

describe('contactsPerCase: the §2.3 worked example', () => {
  it('contactsPerCase(interactions) returns 480 / 300 = 1.6 contacts per case and 45 / 300 = 15 % channel switching', () => {
    const r = contactsPerCase(reference());
    expect(r).toEqual({
      cases: 300,
      contacts: 480,
      mean: 1.6,
      multiChannelCases: 45,
      channelSwitchRate: 0.15,
      paths: [
        { path: 'phone', channels: ['phone'], cases: 235 },
        { path: 'chat>phone', channels: ['chat', 'phone'], cases: 30 },
        { path: 'email', channels: ['email'], cases: 20 },
        { path: 'phone>email', channels: ['phone', 'email'], cases: 15 },
      ],
      withoutCase: 1,
      ci: expect.any(Object),
      lowSample: false,
    });
    const w = wilson(45, 300);
    expect(r.ci!.low).toBeCloseTo(w.low, 12);
    expect(r.ci!.high).toBeCloseTo(w.high, 12);
    expect(r.ci!.level).toBe(0.95);
  });

  it('contactsPerCase(interactions, { topPaths: 2 }) lists the two most common paths only; counts unchanged', () => {
    const r = contactsPerCase(reference(), { topPaths: 2 });
    expect(r.paths.map((p) => [p.path, p.cases])).toEqual([
      ['phone', 235],
      ['chat>phone', 30],
    ]);
    expect([r.cases, r.contacts, r.multiChannelCases]).toEqual([300, 480, 45]);
  });

  it('contactsPerCase(interactions, { topPaths: 0 }) lists no path; { topPaths: Infinity } all of them', () => {
    expect(contactsPerCase(reference(), { topPaths: 0 }).paths).toEqual([]);
    expect(contactsPerCase(reference(), { topPaths: Infinity }).paths).toHaveLength(4);
  });
});

describe('contactsPerCase: paths and edges', () => {
  it('contactsPerCase(interactions) collapses consecutive repeats: phone, phone, chat, phone → phone>chat>phone (2 distinct channels)', () => {
    const xs = [contact('1', 'phone', 0, 'K'), contact('2', 'phone', MIN, 'K'), contact('3', 'chat', 2 * MIN, 'K'), contact('4', 'phone', 3 * MIN, 'K')];
    const r = contactsPerCase(xs);
    expect(r.paths).toEqual([{ path: 'phone>chat>phone', channels: ['phone', 'chat', 'phone'], cases: 1 }]);
    expect([r.cases, r.contacts, r.mean, r.multiChannelCases, r.channelSwitchRate]).toEqual([1, 4, 4, 1, 1]);
  });

  it('contactsPerCase(interactions) orders each case by startedAt, whatever the input order', () => {
    const xs = [contact('2', 'phone', 5 * MIN, 'K'), contact('1', 'email', 0, 'K'), contact('3', 'chat', 9 * MIN, 'K')];
    expect(contactsPerCase(xs).paths[0]?.path).toBe('email>phone>chat');
  });

  it('contactsPerCase(interactions) orders contacts at the same instant by channel name (code-unit order)', () => {
    const xs = [contact('1', 'phone', 0, 'K'), contact('2', 'chat', 0, 'K'), contact('3', 'Web', 0, 'K')];
    expect(contactsPerCase(xs).paths[0]?.path).toBe('Web>chat>phone');
  });

  it('contactsPerCase(interactions) sorts paths by cases, then by path (code-unit order)', () => {
    const xs = [contact('1', 'phone', 0, 'A'), contact('2', 'chat', 0, 'B'), contact('3', 'email', 0, 'C'), contact('4', 'chat', 0, 'D')];
    expect(contactsPerCase(xs).paths.map((p) => p.path)).toEqual(['chat', 'email', 'phone']);
  });

  it('contactsPerCase(interactions) keeps two paths apart when a channel name contains > (same path string, different channels)', () => {
    const xs = [contact('1', 'a>b', 0, 'X'), contact('2', 'a', 0, 'Y'), contact('3', 'b', MIN, 'Y')];
    expect(contactsPerCase(xs).paths).toEqual([
      { path: 'a>b', channels: ['a', 'b'], cases: 1 },
      { path: 'a>b', channels: ['a>b'], cases: 1 },
    ]);
  });

  it('contactsPerCase(interactions) counts abandoned contacts of a case (filter first for handled-only)', () => {
    const xs = [contact('1', 'phone', 0, 'K', { abandoned: true }), contact('2', 'chat', MIN, 'K')];
    expect(contactsPerCase(xs)).toMatchObject({ cases: 1, contacts: 2, multiChannelCases: 1 });
    expect(contactsPerCase(xs.filter((x) => x.abandoned !== true))).toMatchObject({ cases: 1, contacts: 1, multiChannelCases: 0 });
  });

  it('contactsPerCase(interactions) returns null mean and rate, no paths and zero counts for no case contacts', () => {
    const empty = { cases: 0, contacts: 0, mean: null, multiChannelCases: 0, channelSwitchRate: null, paths: [], withoutCase: 0, ci: null, lowSample: true };
    expect(contactsPerCase([])).toEqual(empty);
    expect(contactsPerCase([contact('1', 'phone', 0), contact('2', 'chat', 0)])).toEqual({ ...empty, withoutCase: 2 });
  });

  it('contactsPerCase(interactions) of one single-contact case: mean 1, no switching', () => {
    const r = contactsPerCase([contact('1', 'phone', 0, 'K')]);
    expect([r.cases, r.mean, r.channelSwitchRate, r.ci?.low, r.lowSample]).toEqual([1, 1, 0, 0, true]);
  });

  it('contactsPerCase(interactions, options) applies confidence and lowSample', () => {
    expect(contactsPerCase(reference(), { confidence: 0.9 }).ci?.level).toBe(0.9);
    expect(contactsPerCase(reference(), { lowSample: { minN: 500 } }).lowSample).toBe(true);
  });

  it('contactsPerCase(interactions) does not mutate frozen inputs and reads any iterable', () => {
    const input = deepFreeze(reference());
    const before = structuredClone(input);
    expect(contactsPerCase(new Set(input)).mean).toBe(1.6);
    expect(input).toEqual(before);
  });

  it('contactsPerCase(interactions) keeps the path order of a case with more than 32 contacts (the big-case sort)', () => {
    const xs = Array.from({ length: 50 }, (_, k) => contact(String(k), k < 25 ? 'chat' : 'phone', (49 - k) * MIN, 'K')).reverse();
    expect(contactsPerCase(xs).paths[0]?.path).toBe('phone>chat');
  });
});

describe('contactsPerCase bad values and options', () => {
  it.each([
    ['caseId', ''],
    ['caseId', 42],
    ['caseId', null],
    ['channel', ''],
    ['channel', undefined],
    ['startedAt', Number.NaN],
    ['startedAt', '2024-03-01'],
  ] as const)('contactsPerCase(interactions) throws invalid_value for %s = %j, naming the index', (field, value) => {
    const bad = { ...contact('x', 'phone', 0, 'K'), [field]: value } as unknown as Interaction;
    const e = thrown(() => contactsPerCase([contact('1', 'phone', 0, 'K'), bad]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', `interactions[1].${field}`, 1]);
    expect(e.value).toBe(value);
  });

  it('contactsPerCase(interactions) checks channel and startedAt of contacts without a case too', () => {
    expect(thrown(() => contactsPerCase([{ id: '1', channel: '', startedAt: 0 }])).path).toBe('interactions[0].channel');
  });

  it('contactsPerCase(interactions) error messages name path, rule and value', () => {
    expect(() => contactsPerCase([contact('1', 'phone', 0, '')])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0].caseId must be a non-empty string, got ""]`);
    expect(() => contactsPerCase([contact('1', 'phone', Number.POSITIVE_INFINITY, 'K')])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].startedAt must be epoch milliseconds (a finite number), got Infinity]`,
    );
    expect(() => contactsPerCase([7 as unknown as Interaction])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0] must be an object, got 7]`);
  });

  it.each([[-1], [1.5], [Number.NaN], ['3'], [Number.NEGATIVE_INFINITY]] as const)('contactsPerCase(interactions, { topPaths: %j }) throws invalid_option', (value) => {
    const opts = { topPaths: value } as unknown as ContactsPerCaseOptions;
    for (const run of [() => contactsPerCase([], opts), () => contactsPerCaseAccumulator(opts), () => contactsPerCaseAccumulator.fromState(contactsPerCaseAccumulator().state(), opts)]) {
      const e = thrown(run);
      expect([e.code, e.path, e.index]).toEqual(['invalid_option', 'options.topPaths', null]);
      expect(e.value).toBe(value);
    }
  });

  it('contactsPerCase(interactions, options) words the option error', () => {
    expect(() => contactsPerCase([], { topPaths: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.topPaths must be an integer ≥ 0 or Infinity, got -1]`);
  });
});

describe('contactsPerCaseAccumulator', () => {
  const fold = (xs: readonly Interaction[], o?: ContactsPerCaseOptions) => {
    const acc = contactsPerCaseAccumulator(o);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('folds §2.3 to the batch result; shards that split cases merge to the whole', () => {
    const xs = reference();
    expect(fold(xs).result()).toEqual(contactsPerCase(xs));
    // every case's first contact in one shard, its later contacts in another
    const first = xs.filter((x) => x.startedAt === 0);
    const later = xs.filter((x) => x.startedAt !== 0);
    expect(fold(later).merge(fold(first).state()).result()).toEqual(contactsPerCase(xs));
    expect(fold(first).merge(fold(later)).state()).toEqual(fold(xs).state());
  });

  it('state() is canonical plain JSON: channels sorted, cases sorted by id, contacts by time', () => {
    const xs = [contact('1', 'phone', 2 * MIN, 'K2'), contact('2', 'chat', MIN, 'K2'), contact('3', 'email', 0, 'K1'), contact('4', 'phone', 0)];
    expect(fold(xs).state()).toEqual({
      v: 1,
      kind: 'contactsPerCase',
      withoutCase: 1,
      channels: ['chat', 'email', 'phone'],
      cases: [
        ['K1', [0], [1]],
        ['K2', [MIN, 2 * MIN], [0, 2]],
      ],
    });
    expect(fold([...xs].reverse()).state()).toEqual(fold(xs).state());
  });

  it('fromState restores a JSON round trip, with the topPaths given there', () => {
    const s = fold(reference()).state();
    const restored = contactsPerCaseAccumulator.fromState(JSON.parse(JSON.stringify(s)) as ContactsPerCaseState, { topPaths: 1 });
    expect(restored.state()).toEqual(s);
    expect(restored.result().paths).toEqual([{ path: 'phone', channels: ['phone'], cases: 235 }]);
    restored.add(contact('x', 'chat', 10 * 60 * MIN, 'K299')); // K299 (email) gains a later chat
    expect(restored.result()).toMatchObject({ cases: 300, contacts: 481, multiChannelCases: 46 });
  });

  it('states merge whatever topPaths each accumulator was made with', () => {
    const r = fold([contact('1', 'chat', 0, 'K')], { topPaths: 0 }).merge(fold([contact('2', 'phone', MIN, 'K')], { topPaths: 5 })).result();
    expect([r.multiChannelCases, r.paths]).toEqual([1, []]);
  });

  it('merging an accumulator into itself doubles its contacts (same times, so the path stays chat>phone)', () => {
    const acc = fold([contact('1', 'chat', 0, 'K'), contact('2', 'phone', MIN, 'K')]);
    expect(acc.merge(acc).result()).toMatchObject({ cases: 1, contacts: 4, paths: [{ path: 'chat>phone', cases: 1 }] });
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(reference());
    const before = acc.state();
    expect(thrown(() => acc.add(contact('x', 'phone', 0, ''), 12)).path).toBe('interactions[12].caseId');
    expect(thrown(() => acc.add(contact('x', '', 0, 'K'))).index).toBe(481);
    expect(acc.state()).toEqual(before);
  });

  const base = (): ContactsPerCaseState => ({ v: 1, kind: 'contactsPerCase', withoutCase: 0, channels: ['chat', 'phone'], cases: [['K', [0, 1], [0, 1]]] });
  it.each([
    ['another family', () => fcrAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...base(), v: 2 }), 'state.v'],
    ['a negative withoutCase', () => ({ ...base(), withoutCase: -1 }), 'state.withoutCase'],
    ['a non-string channel', () => ({ ...base(), channels: ['chat', 3] }), 'state.channels'],
    ['cases that are not an array', () => ({ ...base(), cases: {} }), 'state.cases'],
    ['an empty case id', () => ({ ...base(), cases: [['', [0], [0]]] }), 'state.cases[0]'],
    ['fewer channels than times', () => ({ ...base(), cases: [['K', [0, 1], [0]]] }), 'state.cases[0]'],
    ['a NaN time', () => ({ ...base(), cases: [['K', [Number.NaN], [0]]] }), 'state.cases[0]'],
    ['a channel index out of range', () => ({ ...base(), cases: [['K', [0], [2]]] }), 'state.cases[0]'],
  ] as const)('merge and fromState reject %s with invalid_state, changing nothing', (_name, make, path) => {
    const acc = fold(reference());
    const before = acc.state();
    const e = thrown(() => acc.merge(make() as unknown as ContactsPerCaseState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expect(acc.state()).toEqual(before);
    expect(thrown(() => contactsPerCaseAccumulator.fromState(make() as unknown as ContactsPerCaseState)).path).toBe(path);
  });

  it('merge words a bad state', () => {
    expect(() => contactsPerCaseAccumulator().merge({ ...base(), cases: [['K', [0], [5]]] })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: state.cases[0] must hold channel indices in [0, 1], got 5]`,
    );
  });
});
