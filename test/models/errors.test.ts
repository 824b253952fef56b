import { describe, expect, it } from 'vitest';
import { CxMetricsError, formatValue, invalidOption, invalidState, invalidValue } from '../../src/models/errors.js';

describe('CxMetricsError', () => {
  it('new CxMetricsError(code, message, details) is an Error carrying code, path, index and value', () => {
    const e = new CxMetricsError('invalid_value', 'scores[1] must be an integer 0–10, got 11', { path: 'scores[1]', index: 1, value: 11 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CxMetricsError);
    expect(e.name).toBe('CxMetricsError');
    expect(e.message).toBe('scores[1] must be an integer 0–10, got 11');
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'scores[1]', 1, 11]);
    expect(String(e)).toBe('CxMetricsError: scores[1] must be an integer 0–10, got 11');
  });
});

describe('formatValue', () => {
  it.each([
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a number', -5, '-5'],
    ['a string', 'abc', '"abc"'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a Date', new Date(1_709_283_600_000), 'Date(2024-03-01T09:00:00.000Z)'],
    ['an invalid Date', new Date(Number.NaN), 'Date(Invalid)'],
    ['a bigint', 12n, '12n'],
    ['a function', () => 1, 'a function'],
    ['an object', { a: 1 }, '{"a":1}'],
    ['an object holding a bigint', { a: 1n }, '[object Object]'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
  ])('formatValue(%s) renders it readably', (_what, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  it('formatValue(long string) keeps 57 characters and an ellipsis', () => {
    const out = formatValue('x'.repeat(61));
    expect(out).toBe(`"${'x'.repeat(57)}..."`);
    expect(formatValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
  });
});

describe('invalidValue / invalidOption / invalidState', () => {
  it('invalidValue(path, index, rule, value) throws invalid_value worded path, rule, value', () => {
    expect(() => invalidValue('interactions[2].talkSeconds', 2, 'must be a finite number ≥ 0', Number.NaN)).toThrow(
      expect.objectContaining({
        code: 'invalid_value',
        path: 'interactions[2].talkSeconds',
        index: 2,
        message: 'interactions[2].talkSeconds must be a finite number ≥ 0, got NaN',
      }),
    );
  });

  it('invalidOption(name, rule, value) throws invalid_option at options.<name> with index null', () => {
    expect(() => invalidOption('satisfiedFrom', 'must be inside the scale', 9)).toThrow(
      expect.objectContaining({
        code: 'invalid_option',
        path: 'options.satisfiedFrom',
        index: null,
        value: 9,
        message: 'options.satisfiedFrom must be inside the scale, got 9',
      }),
    );
  });

  it('invalidState(path, rule, value) throws invalid_state', () => {
    expect(() => invalidState('state.v', 'must be 1', 2)).toThrow(
      expect.objectContaining({ code: 'invalid_state', path: 'state.v', index: null, message: 'state.v must be 1, got 2' }),
    );
  });
});
