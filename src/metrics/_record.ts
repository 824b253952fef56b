/**
 * Plain-comparison checks of interaction fields for the operational metrics (no zod in hot loops).
 * @internal
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidValue } from '../models/errors.js';

/** Largest accepted duration: 1e9 s (about 31 years). @internal */
export const MAX_SECONDS = 1e9;

/** The interaction fields the operational metrics read. @internal */
export type InteractionLike = Pick<Interaction, never> & Partial<Interaction>;

/** Throws the duration error for `interactions[index].field`. @internal */
export function badDuration(field: string, index: number, value: unknown): never {
  const rule =
    typeof value === 'number' && value > MAX_SECONDS && Number.isFinite(value)
      ? 'must be at most 1e9 seconds (is it in milliseconds?)'
      : 'must be a finite number of seconds ≥ 0';
  return invalidValue(`interactions[${index}].${field}`, index, rule, value);
}

/** Reads an optional duration: absent is 0; anything but a finite number in [0, 1e9] throws. @internal */
export function duration(r: InteractionLike, field: 'talkSeconds' | 'holdSeconds' | 'afterWorkSeconds' | 'waitSeconds', index: number): number {
  const v = r[field];
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= MAX_SECONDS)) badDuration(field, index, v);
  return v;
}

/** Reads `abandoned`: true only when `=== true`; a non-boolean throws. @internal */
export function isAbandoned(r: InteractionLike, index: number): boolean {
  const a = r.abandoned;
  if (a === undefined || a === false) return false;
  if (a === true) return true;
  return invalidValue(`interactions[${index}].abandoned`, index, 'must be a boolean', a);
}

/** Throws unless `r` is an object. @internal */
export function checkRecord(r: unknown, index: number): asserts r is InteractionLike {
  if (typeof r !== 'object' || r === null) invalidValue(`interactions[${index}]`, index, 'must be an object', r);
}
