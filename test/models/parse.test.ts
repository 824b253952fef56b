import { describe, expect, it } from 'vitest';
import {
  CxMetricsError,
  InteractionSchema,
  SurveyResponseSchema,
  parseInteractions,
  parseJourneyEvents,
  parseSurveyResponses,
  type ParseOptions,
} from '../../src/models/index.js';

// 2024-03-01T09:00:00Z = 1 709 283 600 000 ms (hand-computed: 19 783 days × 86 400 000 + 9 h; see fields.test.ts).
const NINE_AM = 1_709_283_600_000;
const TEN_AM = NINE_AM + 3_600_000;
const MAR_1_2024 = 1_709_251_200_000;

const CALL = Object.freeze({ id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z' });

/** Runs `f` and returns what it threw (fails the test if it did not throw). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** Runs `f`, expects a CxMetricsError and returns it. */
function cxError(f: () => unknown): CxMetricsError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(CxMetricsError);
  return e as CxMetricsError;
}

const SKIP: ParseOptions = { onInvalid: 'skip' };

describe('parseInteractions', () => {
  it('parseInteractions(rows) normalizes a CSV-like row: numbers from strings, ids from integers, epoch-ms timestamp', () => {
    const { records, issues } = parseInteractions([
      {
        id: 17,
        channel: 'phone',
        startedAt: '2024-03-01T11:00:00+02:00',
        customerId: 9001,
        agentId: 'a7',
        touchpoint: 'billing-call',
        waitSeconds: '42',
        talkSeconds: '300',
        holdSeconds: '12.5',
        holdCount: '2',
        afterWorkSeconds: 30,
        transfers: '1',
        abandoned: 'no',
        resolved: 'TRUE',
        firstResponseSeconds: '0',
        resolutionSeconds: 86400,
      },
    ]);
    expect(issues).toEqual([]);
    expect(records).toStrictEqual([
      {
        id: '17',
        channel: 'phone',
        startedAt: NINE_AM,
        customerId: '9001',
        agentId: 'a7',
        touchpoint: 'billing-call',
        waitSeconds: 42,
        talkSeconds: 300,
        holdSeconds: 12.5,
        holdCount: 2,
        afterWorkSeconds: 30,
        transfers: 1,
        abandoned: false,
        resolved: true,
        firstResponseSeconds: 0,
        resolutionSeconds: 86400,
      },
    ]);
  });

  it.each([
    ['ISO with Z', '2024-03-01T09:00:00Z', NINE_AM],
    ['ISO with +02:00', '2024-03-01T11:00:00+02:00', NINE_AM],
    ['ISO with -0500', '2024-03-01T04:00:00-0500', NINE_AM],
    ['offset-less ISO (read as UTC)', '2024-03-01T09:00:00', NINE_AM],
    ['date-only ISO', '2024-03-01', MAR_1_2024],
    ['a Date', new Date(NINE_AM), NINE_AM],
    ['epoch ms', NINE_AM, NINE_AM],
  ])('parseInteractions(rows) reads startedAt given as %s', (_what, startedAt, expected) => {
    const { records } = parseInteractions([{ ...CALL, startedAt }]);
    expect(records[0]?.startedAt).toBe(expected);
  });

  it('parseInteractions(rows) keeps the rows in input order', () => {
    const { records } = parseInteractions([
      { ...CALL, id: 'b', startedAt: TEN_AM },
      { ...CALL, id: 'a', startedAt: NINE_AM },
      { ...CALL, id: 'c', startedAt: NINE_AM },
    ]);
    expect(records.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('parseInteractions(rows) drops unknown keys', () => {
    const { records } = parseInteractions([{ ...CALL, extra: 1, Talk_Seconds: 5, notes: 'hello' }]);
    expect(records).toStrictEqual([{ id: 'c1', channel: 'phone', startedAt: NINE_AM }]);
  });

  it('parseInteractions(rows) treats blank strings, null and undefined in optional fields as absent', () => {
    const { records, issues } = parseInteractions([
      { ...CALL, talkSeconds: '', holdSeconds: '   ', agentId: null, queue: undefined, abandoned: '', customerId: '' },
    ]);
    expect(issues).toEqual([]);
    expect(records).toStrictEqual([{ id: 'c1', channel: 'phone', startedAt: NINE_AM }]);
    expect(Object.keys(records[0] ?? {})).toEqual(['id', 'channel', 'startedAt']);
  });

  it('InteractionSchema.parse(row) itself rejects blank strings and null in optional fields', () => {
    expect(InteractionSchema.safeParse({ ...CALL, talkSeconds: '' }).success).toBe(false);
    expect(InteractionSchema.safeParse({ ...CALL, agentId: null }).success).toBe(false);
    expect(InteractionSchema.safeParse({ ...CALL, queue: '  ' }).success).toBe(false);
    // …while the same row without those fields passes, so the rejections are about the blanks
    expect(InteractionSchema.safeParse(CALL).success).toBe(true);
  });

  it('parseInteractions(rows) reports a blank or null required field as required, with the value the row had', () => {
    const { issues } = parseInteractions([{ id: '', channel: null, startedAt: '  ' }], SKIP);
    expect(issues.map((i) => i.value)).toEqual(['', null, '  ']);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "interactions[0].id is required, got """,
        "interactions[0].channel is required, got null",
        "interactions[0].startedAt is required, got "  "",
      ]
    `);
  });

  it('parseInteractions(rows) says "is required" for missing required fields', () => {
    const { issues } = parseInteractions([{ talkSeconds: 10 }], SKIP);
    expect(issues).toEqual([
      { index: 0, path: 'id', message: 'interactions[0].id is required', value: undefined },
      { index: 0, path: 'channel', message: 'interactions[0].channel is required', value: undefined },
      { index: 0, path: 'startedAt', message: 'interactions[0].startedAt is required', value: undefined },
    ]);
  });

  it('parseInteractions(rows) throws CxMetricsError at the first bad row by default', () => {
    const e = cxError(() => parseInteractions([CALL, { ...CALL, id: 'c2', talkSeconds: -5 }, { ...CALL, talkSeconds: NaN }]));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CxMetricsError');
    expect(e.message).toMatchInlineSnapshot(`"interactions[1].talkSeconds must be a finite number of seconds ≥ 0, got -5"`);
    expect({ code: e.code, index: e.index, path: e.path, value: e.value }).toEqual({
      code: 'invalid_record',
      index: 1,
      path: 'interactions[1].talkSeconds',
      value: -5,
    });
  });

  it("parseInteractions(rows, { onInvalid: 'throw' }) throws like the default", () => {
    const e = cxError(() => parseInteractions([{ ...CALL, startedAt: 1_709_283_600 }], { onInvalid: 'throw' }));
    expect(e.message).toMatchInlineSnapshot(
      `"interactions[0].startedAt must be epoch milliseconds (this looks like epoch seconds: multiply by 1000), got 1709283600"`,
    );
    expect([e.code, e.index, e.path, e.value]).toEqual(['invalid_record', 0, 'interactions[0].startedAt', 1_709_283_600]);
  });

  it('parseInteractions(rows) stops reading at the first bad row when throwing', () => {
    let read = 0;
    function* rows() {
      for (const row of [CALL, { ...CALL, transfers: 1.5 }, CALL, CALL]) {
        read++;
        yield row;
      }
    }
    expect(() => parseInteractions(rows())).toThrow(CxMetricsError);
    expect(read).toBe(2);
  });

  it('parseInteractions(rows) reports every bad row with skip', () => {
    const { records, issues } = parseInteractions(
      [
        CALL,
        { ...CALL, id: 'c2', talkSeconds: -5 },
        { ...CALL, id: 'c3' },
        { ...CALL, id: 'c4', holdSeconds: 1e10, transfers: 1.5 },
        { ...CALL, id: 'c5', startedAt: '2024-02-30' },
      ],
      SKIP,
    );
    expect(records.map((r) => r.id)).toEqual(['c1', 'c3']);
    expect(issues.map((i) => [i.index, i.path, i.value])).toEqual([
      [1, 'talkSeconds', -5],
      [3, 'holdSeconds', 1e10],
      [3, 'transfers', 1.5],
      [4, 'startedAt', '2024-02-30'],
    ]);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "interactions[1].talkSeconds must be a finite number of seconds ≥ 0, got -5",
        "interactions[3].holdSeconds must be at most 1e9 seconds (is it in milliseconds?), got 10000000000",
        "interactions[3].transfers must be an integer ≥ 0, got 1.5",
        "interactions[4].startedAt must be an ISO-8601 date-time, a Date or epoch milliseconds, got "2024-02-30"",
      ]
    `);
  });

  it('parseInteractions(rows) words each bad value of a row in the message', () => {
    const { issues } = parseInteractions(
      [
        {
          ...CALL,
          startedAt: Number.NaN,
          waitSeconds: Number.POSITIVE_INFINITY,
          talkSeconds: Number.NaN,
          afterWorkSeconds: 'abc',
          holdCount: -1,
          abandoned: 'x',
          resolved: 2,
          customerId: 1.5,
          queue: 7,
        },
      ],
      SKIP,
    );
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "interactions[0].startedAt must be an ISO-8601 date-time, a Date or epoch milliseconds, got NaN",
        "interactions[0].customerId must be a non-empty string or an integer, got 1.5",
        "interactions[0].queue must be a non-empty string, got 7",
        "interactions[0].waitSeconds must be a finite number of seconds ≥ 0, got Infinity",
        "interactions[0].talkSeconds must be a finite number of seconds ≥ 0, got NaN",
        "interactions[0].holdCount must be an integer ≥ 0, got -1",
        "interactions[0].afterWorkSeconds must be a finite number of seconds ≥ 0, got "abc"",
        "interactions[0].abandoned must be a boolean (true/false, 1/0, yes/no), got "x"",
        "interactions[0].resolved must be a boolean (true/false, 1/0, yes/no), got 2",
      ]
    `);
  });

  it('parseInteractions(rows) reports one issue per bad field, even when several rules fail', () => {
    // 2^53 is both unsafe as an integer and above the count's maximum: two zod issues, one report
    const { issues } = parseInteractions([{ ...CALL, holdCount: 2 ** 53 }], SKIP);
    expect(issues).toEqual([
      { index: 0, path: 'holdCount', message: 'interactions[0].holdCount must be an integer ≥ 0, got 9007199254740992', value: 2 ** 53 },
    ]);
  });

  it('parseInteractions(rows) shortens long values in messages but keeps the whole value in the issue', () => {
    const long = 'y'.repeat(100);
    const { issues } = parseInteractions([{ ...CALL, talkSeconds: long }], SKIP);
    expect(issues[0]?.message).toMatchInlineSnapshot(
      `"interactions[0].talkSeconds must be a finite number of seconds ≥ 0, got "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...""`,
    );
    expect(issues[0]?.value).toBe(long);
  });

  it("parseInteractions(rows) reports non-object rows (null, 5, arrays, strings) at path ''", () => {
    const { records, issues } = parseInteractions([null, 5, [1, 2], 'c1', undefined, CALL], SKIP);
    expect(records).toHaveLength(1);
    expect(issues.map((i) => [i.index, i.path])).toEqual([
      [0, ''],
      [1, ''],
      [2, ''],
      [3, ''],
      [4, ''],
    ]);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "interactions[0] must be an object, got null",
        "interactions[1] must be an object, got 5",
        "interactions[2] must be an object, got [1,2]",
        "interactions[3] must be an object, got "c1"",
        "interactions[4] must be an object, got undefined",
      ]
    `);
  });

  it('parseInteractions(rows) throws for a non-object row with the path of the row itself', () => {
    const e = cxError(() => parseInteractions([CALL, null]));
    expect([e.code, e.index, e.path, e.value]).toEqual(['invalid_record', 1, 'interactions[1]', null]);
    expect(e.message).toMatchInlineSnapshot(`"interactions[1] must be an object, got null"`);
  });

  it('parseInteractions(rows) with a JSON.parse\'d "__proto__" key never pollutes Object.prototype', () => {
    const row: unknown = JSON.parse(
      '{"__proto__": {"polluted": true, "talkSeconds": -1}, "id": "c1", "channel": "phone", "startedAt": "2024-03-01T09:00:00Z"}',
    );
    const { records } = parseInteractions([row]);
    const record = records[0];
    expect(record).toBeDefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(record, '__proto__')).toBe(false);
    expect((record as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(record).toStrictEqual({ id: 'c1', channel: 'phone', startedAt: NINE_AM });
  });

  it('parseInteractions(rows) ignores fields a row only inherits from its prototype', () => {
    const row = Object.assign(Object.create({ talkSeconds: -5, agentId: 'inherited' }) as object, CALL);
    const { records, issues } = parseInteractions([row], SKIP);
    expect(issues).toEqual([]);
    expect(records).toStrictEqual([{ id: 'c1', channel: 'phone', startedAt: NINE_AM }]);
  });

  it('parseInteractions(rows) accepts any iterable (a Set, a generator)', () => {
    expect(parseInteractions(new Set([CALL])).records).toHaveLength(1);
    function* gen() {
      yield CALL;
      yield { ...CALL, id: 'c2' };
    }
    expect(parseInteractions(gen()).records.map((r) => r.id)).toEqual(['c1', 'c2']);
  });

  it('parseInteractions(rows) returns empty records and issues for no rows', () => {
    expect(parseInteractions([])).toEqual({ records: [], issues: [] });
  });

  it('parseInteractions(rows) does not mutate its input and returns fresh records', () => {
    const row = Object.freeze({ ...CALL, talkSeconds: '300', extra: true });
    const rows = Object.freeze([row]);
    const { records } = parseInteractions(rows);
    expect(row).toEqual({ ...CALL, talkSeconds: '300', extra: true });
    expect(records[0]).not.toBe(row);
  });

  it("parseInteractions(rows) range-checks ISO timestamps as it does epoch ms, so every record it returns parses again", () => {
    const rows = [
      { id: 'a', channel: 'phone', startedAt: '1972-06-01' },
      { id: 'b', channel: 'phone', startedAt: '2300-01-01' },
      { id: 'c', channel: 'phone', startedAt: '1999-02-01T10:00:00Z' },
    ];
    const { records, issues } = parseInteractions(rows, { onInvalid: 'skip' });
    expect(issues.map((i) => [i.index, i.message])).toMatchInlineSnapshot(`
      [
        [
          0,
          "interactions[0].startedAt must be between 1973-03-03 and 2286-11-20, got "1972-06-01"",
        ],
        [
          1,
          "interactions[1].startedAt must be between 1973-03-03 and 2286-11-20, got "2300-01-01"",
        ],
      ]
    `);
    expect(parseInteractions(records).records).toEqual(records);
  });

  it.each([
    ['warn', 'warn'],
    ['SKIP', 'SKIP'],
    ['true', true],
    ['0', 0],
  ])('parseInteractions(rows, { onInvalid: %s }) throws invalid_option', (_what, onInvalid) => {
    const e = cxError(() => parseInteractions([CALL], { onInvalid } as unknown as ParseOptions));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_option', 'options.onInvalid', null, onInvalid]);
  });

  it("parseInteractions(rows, { onInvalid: 'warn' }) words the option error", () => {
    const e = cxError(() => parseInteractions([], { onInvalid: 'warn' } as unknown as ParseOptions));
    expect(e.message).toMatchInlineSnapshot(`"options.onInvalid must be 'throw' or 'skip', got "warn""`);
  });
});

describe('parseSurveyResponses', () => {
  const S = Object.freeze({ id: 's1', submittedAt: '2024-03-01T10:00:00Z' });

  it('parseSurveyResponses(rows) normalizes answers: nps "9" → 9, fcr "yes" → true, integer ids → strings', () => {
    const { records, issues } = parseSurveyResponses([
      {
        id: 5,
        submittedAt: '2024-03-01T10:00:00Z',
        interactionId: 17,
        customerId: 'k1',
        touchpoint: 'billing-call',
        channel: 'phone',
        agentId: 3,
        journeyId: 'billing',
        csat: '4',
        nps: '9',
        ces: 6,
        fcr: 'yes',
        comment: 'Quick and kind',
        weight: '1.5',
        extra: 'dropped',
      },
    ]);
    expect(issues).toEqual([]);
    expect(records).toStrictEqual([
      {
        id: '5',
        submittedAt: TEN_AM,
        interactionId: '17',
        customerId: 'k1',
        touchpoint: 'billing-call',
        channel: 'phone',
        agentId: '3',
        journeyId: 'billing',
        csat: 4,
        nps: 9,
        ces: 6,
        fcr: true,
        comment: 'Quick and kind',
        weight: 1.5,
      },
    ]);
  });

  it('parseSurveyResponses(rows) rejects nps 9.5 and 11 and weight 0', () => {
    const { records, issues } = parseSurveyResponses(
      [
        { ...S, nps: 9 },
        { ...S, id: 's2', nps: 11 },
        { ...S, id: 's3', nps: 9.5 },
        { ...S, id: 's4', weight: 0 },
        { ...S, id: 's5', nps: '10', weight: '0.25' },
      ],
      SKIP,
    );
    expect(records.map((r) => [r.id, r.nps, r.weight])).toEqual([
      ['s1', 9, undefined],
      ['s5', 10, 0.25],
    ]);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "surveys[1].nps must be an integer 0–10, got 11",
        "surveys[2].nps must be an integer 0–10, got 9.5",
        "surveys[3].weight must be a finite number > 0, got 0",
      ]
    `);
  });

  it('parseSurveyResponses(rows) treats a blank comment, nps or csat as absent', () => {
    const { records } = parseSurveyResponses([{ ...S, comment: '', nps: ' ', csat: null, fcr: '' }]);
    expect(records).toStrictEqual([{ id: 's1', submittedAt: TEN_AM }]);
  });

  it('parseSurveyResponses(rows) says "is required" for a missing submittedAt', () => {
    const e = cxError(() => parseSurveyResponses([{ id: 's1', nps: 9 }]));
    expect(e.message).toMatchInlineSnapshot(`"surveys[0].submittedAt is required"`);
    expect([e.code, e.index, e.path, e.value]).toEqual(['invalid_record', 0, 'surveys[0].submittedAt', undefined]);
  });

  it('parseSurveyResponses(rows) rejects non-finite csat and ces and a non-boolean fcr', () => {
    const { issues } = parseSurveyResponses([{ ...S, csat: Number.NaN, ces: 'easy', fcr: 'maybe' }], SKIP);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "surveys[0].csat must be a finite number, got NaN",
        "surveys[0].ces must be a finite number, got "easy"",
        "surveys[0].fcr must be a boolean (true/false, 1/0, yes/no), got "maybe"",
      ]
    `);
  });

  it("SurveyResponseSchema.parse(row) drops unknown keys and reads nps '9'", () => {
    expect(SurveyResponseSchema.parse({ ...S, nps: '9', interactionId: 'c1', score: 3 })).toStrictEqual({
      id: 's1',
      submittedAt: TEN_AM,
      interactionId: 'c1',
      nps: 9,
    });
  });
});

describe('parseJourneyEvents', () => {
  const E = Object.freeze({ journeyId: 'billing', customerId: 'k1', touchpoint: 'help-center', at: '2024-03-01T09:00:00Z' });

  it('parseJourneyEvents(rows) normalizes ids, value and at', () => {
    const { records } = parseJourneyEvents([
      { ...E, customerId: 42, outcome: 'dropped', value: '19.99', channel: 'web', interactionId: 7, extra: 1 },
    ]);
    expect(records).toStrictEqual([
      {
        journeyId: 'billing',
        customerId: '42',
        touchpoint: 'help-center',
        at: NINE_AM,
        outcome: 'dropped',
        value: 19.99,
        channel: 'web',
        interactionId: '7',
      },
    ]);
  });

  it('parseJourneyEvents(rows) rejects an unknown outcome and a missing customerId', () => {
    const { records, issues } = parseJourneyEvents(
      [E, { ...E, outcome: 'lost' }, { journeyId: 'billing', touchpoint: 'help-center', at: NINE_AM }],
      SKIP,
    );
    expect(records).toHaveLength(1);
    expect(issues.map((i) => [i.index, i.path])).toEqual([
      [1, 'outcome'],
      [2, 'customerId'],
    ]);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "events[1].outcome must be one of completed, dropped, converted, got "lost"",
        "events[2].customerId is required",
      ]
    `);
  });

  it('parseJourneyEvents(rows) throws invalid_record naming the events path', () => {
    const e = cxError(() => parseJourneyEvents([E, E, { ...E, at: 'soon' }]));
    expect([e.code, e.index, e.path, e.value]).toEqual(['invalid_record', 2, 'events[2].at', 'soon']);
  });
});
