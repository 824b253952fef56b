import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CxMetricsError,
  parseInteractions,
  parseJourney,
  parseJourneyEvents,
  parseSurveyResponses,
  type ParseOptions,
  type ParseResult,
} from '../../src/models/index.js';

type Row = Record<string, unknown>;
type Parse = (rows: Iterable<unknown>, options?: ParseOptions) => ParseResult<object>;

const SKIP: ParseOptions = { onInvalid: 'skip' };

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

const nonBlank = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const anId = fc.oneof(nonBlank, fc.integer(), fc.maxSafeInteger());
const aLabel = fc.oneof(fc.constantFrom('phone', 'chat', 'email', 'billing-call', 'help-center'), nonBlank);
const aChannel = fc.constantFrom('phone', 'chat', 'email', 'message', 'task');

const DAY = 86_400_000;
/** Epoch ms in [1e12, 2e12] (2001-09-09 … 2033-05-18). */
const epochMs = fc.date({ min: new Date(1e12), max: new Date(2e12), noInvalidDate: true }).map((d) => d.getTime());

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A timestamp in one of the accepted forms, with the epoch ms it stands for (written with Date, not the parser). */
const aTimestamp: fc.Arbitrary<{ input: unknown; ms: number }> = fc.oneof(
  epochMs.map((ms) => ({ input: ms, ms })),
  epochMs.map((ms) => ({ input: new Date(ms), ms })),
  epochMs.map((ms) => ({ input: new Date(ms).toISOString(), ms })),
  epochMs.map((ms) => ({ input: new Date(ms).toISOString().slice(0, -1), ms })), // offset-less: UTC
  epochMs.map((ms) => ({ input: new Date(ms).toISOString().slice(0, 10), ms: Math.floor(ms / DAY) * DAY })), // date only
  fc.tuple(epochMs, fc.integer({ min: -14 * 60, max: 14 * 60 })).map(([ms, off]) => {
    const wall = new Date(ms + off * 60_000).toISOString().slice(0, -1);
    const a = Math.abs(off);
    return { input: `${wall}${off < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`, ms };
  }),
);

const aDuration = fc.oneof(
  fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 1e9 }),
  fc.integer({ min: 0, max: 1e9 }).map(String),
  fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }).map(String),
);
const aCount = fc.oneof(fc.nat(), fc.nat({ max: 20 }).map(String), fc.maxSafeNat());
const aBoolean = fc.constantFrom<unknown>(true, false, 1, 0, 'yes', 'no', 'TRUE', 'false', 'Y', 'n', 't', 'F', '1', '0');
const aFinite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));

/** An optional field's value: usually a valid value, sometimes a blank that parse* reads as absent. */
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, '', '   ', undefined) });

/** Extra keys a model does not know (dropped), never one of its own; may include "__proto__" as an own key. */
const extraKeys = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Row>({}) },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => !known.includes(k)), fc.jsonValue(), { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.constant<Row>(JSON.parse('{"__proto__": {"polluted": true, "id": "x"}, "Notes": "hi"}') as Row) },
  );

// ---------------------------------------------------------------------------------------------
// Valid rows per model
// ---------------------------------------------------------------------------------------------

const INTERACTION_KEYS = [
  'id',
  'channel',
  'startedAt',
  'customerId',
  'caseId',
  'touchpoint',
  'journeyId',
  'agentId',
  'queue',
  'waitSeconds',
  'talkSeconds',
  'holdSeconds',
  'holdCount',
  'afterWorkSeconds',
  'transfers',
  'abandoned',
  'resolved',
  'firstResponseSeconds',
  'resolutionSeconds',
] as const;

/** A valid interaction row and the epoch ms its startedAt stands for. */
const validInteraction: fc.Arbitrary<{ row: Row; at: number }> = fc
  .tuple(
    fc.record(
      {
        id: anId,
        channel: aChannel,
        customerId: opt(anId),
        caseId: opt(anId),
        touchpoint: opt(aLabel),
        journeyId: opt(anId),
        agentId: opt(anId),
        queue: opt(aLabel),
        waitSeconds: opt(aDuration),
        talkSeconds: opt(aDuration),
        holdSeconds: opt(aDuration),
        holdCount: opt(aCount),
        afterWorkSeconds: opt(aDuration),
        transfers: opt(aCount),
        abandoned: opt(aBoolean),
        resolved: opt(aBoolean),
        firstResponseSeconds: opt(aDuration),
        resolutionSeconds: opt(aDuration),
      },
      { requiredKeys: ['id', 'channel'] },
    ),
    aTimestamp,
    extraKeys(INTERACTION_KEYS),
  )
  .map(([fields, ts, extra]) => ({ row: { ...extra, ...fields, startedAt: ts.input }, at: ts.ms }));

const SURVEY_KEYS = [
  'id',
  'submittedAt',
  'interactionId',
  'customerId',
  'touchpoint',
  'channel',
  'agentId',
  'journeyId',
  'csat',
  'nps',
  'ces',
  'fcr',
  'comment',
  'weight',
] as const;

const validSurvey: fc.Arbitrary<{ row: Row; at: number }> = fc
  .tuple(
    fc.record(
      {
        id: anId,
        interactionId: opt(anId),
        customerId: opt(anId),
        touchpoint: opt(aLabel),
        channel: opt(aChannel),
        agentId: opt(anId),
        journeyId: opt(anId),
        csat: opt(fc.oneof(fc.integer({ min: 1, max: 5 }), aFinite)),
        nps: opt(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }).map(String))),
        ces: opt(fc.oneof(fc.integer({ min: 1, max: 7 }), aFinite)),
        fcr: opt(aBoolean),
        comment: opt(fc.string()),
        weight: opt(
          fc.oneof(
            fc.double({ min: 0, minExcluded: true, max: 1e6, noNaN: true }),
            fc.double({ min: 0, minExcluded: true, max: 1e6, noNaN: true }).map(String),
          ),
        ),
      },
      { requiredKeys: ['id'] },
    ),
    aTimestamp,
    extraKeys(SURVEY_KEYS),
  )
  .map(([fields, ts, extra]) => ({ row: { ...extra, ...fields, submittedAt: ts.input }, at: ts.ms }));

const EVENT_KEYS = ['journeyId', 'customerId', 'touchpoint', 'at', 'outcome', 'value', 'channel', 'interactionId'] as const;

const validEvent: fc.Arbitrary<{ row: Row; at: number }> = fc
  .tuple(
    fc.record(
      {
        journeyId: anId,
        customerId: anId,
        touchpoint: aLabel,
        outcome: opt(fc.constantFrom('completed', 'dropped', 'converted')),
        value: opt(aFinite),
        channel: opt(aChannel),
        interactionId: opt(anId),
      },
      { requiredKeys: ['journeyId', 'customerId', 'touchpoint'] },
    ),
    aTimestamp,
    extraKeys(EVENT_KEYS),
  )
  .map(([fields, ts, extra]) => ({ row: { ...extra, ...fields, at: ts.input }, at: ts.ms }));

// ---------------------------------------------------------------------------------------------
// Bad values per field: each one invalid whatever the rest of the row holds
// ---------------------------------------------------------------------------------------------

/** Marks a corruption that removes the field from the row. */
const MISSING = Symbol('missing');

const BAD_REQUIRED_ID = ['', '   ', 1.5, Number.NaN, null, true, {}, MISSING];
const BAD_REQUIRED_LABEL = ['', '  ', null, 5, MISSING];
const BAD_TIMESTAMP = [
  'abc',
  '2024-02-30',
  '2023-02-29',
  '2024-03-01T24:00:00Z',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1_709_283_600, // epoch seconds
  2e13, // microseconds-like
  new Date(Number.NaN),
  null,
  true,
  MISSING,
];
const BAD_OPTIONAL_ID = [1.5, Number.NaN, true, {}, [1]];
const BAD_OPTIONAL_LABEL = [5, true, {}];
const BAD_DURATION = [Number.NaN, -1, -0.5, 'abc', '12s', 1e10, 1e9 + 1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1e400', '-5', true, {}];
const BAD_COUNT = [1.5, -1, 'abc', '2.5', Number.NaN, 2 ** 53, true];
const BAD_BOOLEAN = ['x', 'maybe', 2, -1, {}];
const BAD_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, 'abc', true];

const INTERACTION_BAD: Record<string, unknown[]> = {
  id: BAD_REQUIRED_ID,
  channel: BAD_REQUIRED_LABEL,
  startedAt: BAD_TIMESTAMP,
  customerId: BAD_OPTIONAL_ID,
  caseId: BAD_OPTIONAL_ID,
  touchpoint: BAD_OPTIONAL_LABEL,
  journeyId: BAD_OPTIONAL_ID,
  agentId: BAD_OPTIONAL_ID,
  queue: BAD_OPTIONAL_LABEL,
  waitSeconds: BAD_DURATION,
  talkSeconds: BAD_DURATION,
  holdSeconds: BAD_DURATION,
  holdCount: BAD_COUNT,
  afterWorkSeconds: BAD_DURATION,
  transfers: BAD_COUNT,
  abandoned: BAD_BOOLEAN,
  resolved: BAD_BOOLEAN,
  firstResponseSeconds: BAD_DURATION,
  resolutionSeconds: BAD_DURATION,
};

const SURVEY_BAD: Record<string, unknown[]> = {
  id: BAD_REQUIRED_ID,
  submittedAt: BAD_TIMESTAMP,
  interactionId: BAD_OPTIONAL_ID,
  customerId: BAD_OPTIONAL_ID,
  touchpoint: BAD_OPTIONAL_LABEL,
  channel: BAD_OPTIONAL_LABEL,
  agentId: BAD_OPTIONAL_ID,
  journeyId: BAD_OPTIONAL_ID,
  csat: BAD_FINITE,
  nps: [11, 9.5, -1, '9.5', '11', 'ten', Number.NaN, true],
  ces: BAD_FINITE,
  fcr: BAD_BOOLEAN,
  comment: [5, true, {}],
  weight: [0, -1, '0', Number.NaN, Number.POSITIVE_INFINITY, 'heavy'],
};

const EVENT_BAD: Record<string, unknown[]> = {
  journeyId: BAD_REQUIRED_ID,
  customerId: BAD_REQUIRED_ID,
  touchpoint: BAD_REQUIRED_LABEL,
  at: BAD_TIMESTAMP,
  outcome: ['lost', 'Completed', 5, true],
  value: BAD_FINITE,
  channel: BAD_OPTIONAL_LABEL,
  interactionId: BAD_OPTIONAL_ID,
};

/** One field of the model and one bad value for it. */
const corruption = (table: Record<string, unknown[]>) =>
  fc.constantFrom(...Object.keys(table)).chain((field) => fc.constantFrom(...(table[field] ?? [])).map((bad) => ({ field, bad })));

/** Row `row` with `field` set to `bad` (or removed, for MISSING). */
function corrupt(row: Row, field: string, bad: unknown): Row {
  const out: Row = { ...row };
  if (bad === MISSING) delete out[field];
  else out[field] = bad;
  return out;
}

/** Junk: anything at all, or a valid row with one field replaced by anything. */
const ANYTHING = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  maxDepth: 3,
});

const junk = (valid: fc.Arbitrary<{ row: Row }>, keys: readonly string[]) =>
  fc.oneof(
    ANYTHING,
    fc.tuple(valid, fc.constantFrom(...keys), ANYTHING).map(([v, k, x]) => ({ ...v.row, [k]: x })),
  );

// ---------------------------------------------------------------------------------------------
// Laws, for each row model
// ---------------------------------------------------------------------------------------------

interface Model {
  call: string;
  parse: Parse;
  label: string;
  valid: fc.Arbitrary<{ row: Row; at: number }>;
  timeField: string;
  idField: string;
  keys: readonly string[];
  bad: Record<string, unknown[]>;
}

const MODELS: Model[] = [
  {
    call: 'parseInteractions',
    parse: parseInteractions,
    label: 'interactions',
    valid: validInteraction,
    timeField: 'startedAt',
    idField: 'id',
    keys: INTERACTION_KEYS,
    bad: INTERACTION_BAD,
  },
  {
    call: 'parseSurveyResponses',
    parse: parseSurveyResponses,
    label: 'surveys',
    valid: validSurvey,
    timeField: 'submittedAt',
    idField: 'id',
    keys: SURVEY_KEYS,
    bad: SURVEY_BAD,
  },
  {
    call: 'parseJourneyEvents',
    parse: parseJourneyEvents,
    label: 'events',
    valid: validEvent,
    timeField: 'at',
    idField: 'customerId',
    keys: EVENT_KEYS,
    bad: EVENT_BAD,
  },
];

const distinctIndices = (r: ParseResult<object>) => new Set(r.issues.map((i) => i.index)).size;

afterEach(() => {
  // No law may leave anything on Object.prototype (rows carry own "__proto__" keys).
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Row).polluted).toBeUndefined();
});

describe.each(MODELS)('$call laws', ({ call, parse, label, valid, timeField, idField, keys, bad }) => {
  it(`${call}(rows): for any array of valid rows, skip keeps every row, in order, and reports no issue`, () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 20 }), (items) => {
        const { records, issues } = parse(
          items.map((x) => x.row),
          SKIP,
        );
        expect(issues).toEqual([]);
        expect(records).toHaveLength(items.length);
        records.forEach((rec, i) => {
          const r = rec as Row;
          expect(r[timeField]).toBe(items[i]?.at);
          expect(r[idField]).toBe(String(items[i]?.row[idField]));
          expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
          for (const k of Object.keys(r)) expect(keys).toContain(k);
        });
      }),
    );
  });

  it(`${call}(rows): for any valid rows, parsing the parsed records again gives the same records (round trip)`, () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 20 }), (items) => {
        const once = parse(items.map((x) => x.row));
        const twice = parse(once.records, SKIP);
        expect(twice.issues).toEqual([]);
        expect(twice.records).toStrictEqual(once.records);
      }),
    );
  });

  it(`${call}(rows): for any valid rows, the records hold only strings, finite numbers and booleans (JSON-safe)`, () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 10 }), (items) => {
        const { records } = parse(items.map((x) => x.row));
        for (const rec of records) {
          for (const v of Object.values(rec)) {
            expect(typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))).toBe(true);
          }
        }
        // JSON writes -0 as 0, the one change a JSON round trip may make to a finite number
        const zeroed = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v])));
        expect(JSON.parse(JSON.stringify(records))).toStrictEqual(zeroed);
      }),
    );
  });

  it(`${call}(rows): for any valid rows and one bad field in one row, skip reports that row only, at that field, and keeps the others as they were`, () => {
    fc.assert(
      fc.property(fc.array(valid, { minLength: 1, maxLength: 12 }), fc.nat(), corruption(bad), (items, k, { field, bad: value }) => {
        const rows = items.map((x) => x.row);
        const i = k % rows.length;
        rows[i] = corrupt(rows[i] ?? {}, field, value);
        const result = parse(rows, SKIP);
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(issue.index).toBe(i);
          expect(issue.path).toBe(field);
          expect(issue.message.startsWith(`${label}[${i}].${field} `)).toBe(true);
        }
        expect(result.records.length + distinctIndices(result)).toBe(rows.length);
        expect(result.records).toStrictEqual(parse(rows.filter((_, j) => j !== i)).records);
      }),
    );
  });

  it(`${call}(rows): for any valid rows and one bad field, the default throws CxMetricsError invalid_record at that row and field`, () => {
    fc.assert(
      fc.property(fc.array(valid, { minLength: 1, maxLength: 8 }), fc.nat(), corruption(bad), (items, k, { field, bad: value }) => {
        const rows = items.map((x) => x.row);
        const i = k % rows.length;
        rows[i] = corrupt(rows[i] ?? {}, field, value);
        let error: unknown;
        try {
          parse(rows);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CxMetricsError);
        const e = error as CxMetricsError;
        expect([e.code, e.index, e.path]).toEqual(['invalid_record', i, `${label}[${i}].${field}`]);
        expect(e.value).toBe(value === MISSING ? undefined : value);
      }),
    );
  });

  it(`${call}(rows): for any mix of valid rows and junk, skip never throws, keeps every valid row, and records + distinct issue indices = rows`, () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            valid.map((v) => ({ ok: true, row: v.row as unknown })),
            junk(valid, keys).map((row) => ({ ok: false, row })),
          ),
          { maxLength: 20 },
        ),
        (items) => {
          const rows = items.map((x) => x.row);
          const result = parse(rows, SKIP);
          const bad = new Set(result.issues.map((x) => x.index));
          expect(result.records.length + bad.size).toBe(rows.length);
          // issues come in input order, each pointing at a row that exists
          const order = result.issues.map((x) => x.index);
          expect(order).toEqual([...order].sort((a, b) => a - b));
          for (const j of bad) expect(j >= 0 && j < rows.length).toBe(true);
          // every valid row is kept, as the record it gives on its own
          const kept = rows.map((_, j) => j).filter((j) => !bad.has(j));
          items.forEach((x, j) => {
            if (!x.ok) return;
            expect(bad.has(j)).toBe(false);
            expect(result.records[kept.indexOf(j)]).toStrictEqual(parse([x.row]).records[0]);
          });
          // a non-object row is reported once, at path ''
          rows.forEach((row, j) => {
            if (row === null || typeof row !== 'object' || Array.isArray(row)) {
              expect(result.issues.filter((x) => x.index === j).map((x) => x.path)).toEqual(['']);
            }
          });
        },
      ),
    );
  });

  it(`${call}(rows): for any rows, the default throws iff skip reports an issue, with the first issue's index, message and value`, () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(valid.map((v) => v.row as unknown), junk(valid, keys)), { maxLength: 10 }), (rows) => {
        const skipped = parse(rows, SKIP);
        const first = skipped.issues[0];
        let result: ParseResult<object> | undefined;
        let error: unknown;
        try {
          result = parse(rows);
        } catch (e) {
          error = e;
        }
        if (first === undefined) {
          expect(error).toBeUndefined();
          expect(result).toStrictEqual(skipped);
        } else {
          expect(result).toBeUndefined();
          expect(error).toBeInstanceOf(CxMetricsError);
          const e = error as CxMetricsError;
          expect(e.index).toBe(first.index);
          expect(e.message).toBe(first.message);
          expect(e.value).toBe(first.value);
          expect(e.path).toBe(first.path === '' ? `${label}[${first.index}]` : `${label}[${first.index}].${first.path}`);
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// parseJourney
// ---------------------------------------------------------------------------------------------

describe('parseJourney laws', () => {
  it('parseJourney(input): for any list of distinct touchpoint ids, the journey keeps them in the given order', () => {
    fc.assert(
      fc.property(anId, fc.string(), fc.uniqueArray(nonBlank, { maxLength: 15 }), (id, name, ids) => {
        const j = parseJourney({ id, name, touchpoints: ids.map((t) => ({ id: t })) });
        expect(j.touchpoints.map((t) => t.id)).toEqual(ids);
        expect(j.id).toBe(String(id));
      }),
    );
  });

  it('parseJourney(input): for any list of ids with a repeat, the error names the first position whose id came before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 12 }), (ids) => {
        const firstRepeat = ids.findIndex((t, i) => ids.indexOf(t) < i);
        fc.pre(firstRepeat >= 0);
        let error: unknown;
        try {
          parseJourney({ id: 'j', name: 'J', touchpoints: ids.map((t) => ({ id: t })) });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CxMetricsError);
        const e = error as CxMetricsError;
        expect(e.path).toBe(`journey.touchpoints[${firstRepeat}].id`);
        expect(e.value).toBe(ids[firstRepeat]);
      }),
    );
  });
});
