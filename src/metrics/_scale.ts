/**
 * Scale validation shared by CSAT and CES.
 * @internal
 * @module
 */
import { invalidOption, invalidValue } from '../models/errors.js';

/** An answer scale `[min, max]`, both finite, min < max. */
export type Scale = readonly [number, number];

/** Validates `options.scale`; returns a fresh `[min, max]`. @internal */
export function checkScale(scale: unknown): [number, number] {
  if (!Array.isArray(scale) || scale.length !== 2) invalidOption('scale', 'must be [min, max]', scale);
  const [min, max] = scale as unknown[];
  if (typeof min !== 'number' || !Number.isFinite(min) || typeof max !== 'number' || !Number.isFinite(max)) {
    invalidOption('scale', 'must be two finite numbers [min, max]', scale);
  }
  if (min >= max) invalidOption('scale', 'must have min < max', scale);
  return [min, max];
}

/** Validates a threshold option that must lie on the scale. @internal */
export function checkThreshold(name: string, value: unknown, [min, max]: [number, number]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    invalidOption(name, `must be a number within the scale [${min}, ${max}]`, value);
  }
  return value;
}

/** Validates one answer against the scale. @internal */
export function checkAnswer(value: unknown, min: number, max: number, index: number, field?: string): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    invalidValue(field ? `surveys[${index}].${field}` : `scores[${index}]`, index, `must be a finite number on the scale [${min}, ${max}]`, value);
  }
  return value;
}

/** A score with a survey weight (> 0); a plain number has weight 1. */
export interface WeightedScore {
  /** The answer. */
  value: number;
  /**
   * Its sampling weight, finite and > 0.
   * @defaultValue 1
   */
  weight?: number;
}

/** A plain score or a weighted one. */
export type ScoreInput = number | WeightedScore;

/** The value of a score input: the number itself, or `.value` of `{ value, weight }`. @internal */
export function scoreValue(input: unknown): unknown {
  return typeof input === 'object' && input !== null ? (input as WeightedScore).value : input;
}

/**
 * The weight of a score input: `.weight` of `{ value, weight }`, else `weight` (default 1);
 * throws unless finite and > 0. @internal
 */
export function scoreWeight(input: unknown, weight: unknown, index: number, field: string | undefined): number {
  let w: unknown = weight ?? 1;
  if (typeof input === 'object' && input !== null && (input as WeightedScore).weight !== undefined) w = (input as WeightedScore).weight;
  if (typeof w !== 'number' || !(w > 0) || w === Infinity) {
    invalidValue(field ? `surveys[${index}].weight` : `scores[${index}].weight`, index, 'must be a finite number > 0', w);
  }
  return w;
}
