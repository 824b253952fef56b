/**
 * The `SurveyResponse` model: one answered survey (CSAT, NPS, CES, survey FCR, comment).
 * @module
 */
import { z } from 'zod';
import { booleanLike, finiteNumber, id, label, npsAnswer, timestamp, weight } from './_fields.js';

/**
 * zod schema of one survey response. Field set fixed by DESIGN.md ("Contract").
 *
 * Required: `id`, `submittedAt`. `nps` is an integer 0–10; `csat` and `ces` are finite numbers
 * whose scale the metric functions check (their scales are options there); `weight` is > 0.
 * A response without `touchpoint` (or `channel`, `agentId`, `journeyId`) can inherit it from its
 * interaction through `interactionId` when grouping. Unknown keys are dropped.
 *
 * @example
 * ```ts
 * import { SurveyResponseSchema } from 'cx-metrics';
 * SurveyResponseSchema.parse({ id: 's1', submittedAt: '2024-03-01T10:00:00Z', nps: '9', interactionId: 'c1' });
 * // => { id: 's1', submittedAt: 1709287200000, interactionId: 'c1', nps: 9 }
 * ```
 */
export const SurveyResponseSchema = z.object({
  /** Unique id of the response. */
  id,
  /** When the response was submitted, epoch ms. */
  submittedAt: timestamp,
  /** The interaction the survey was about. */
  interactionId: id.optional(),
  /** The responding customer. */
  customerId: id.optional(),
  /** Journey touchpoint the survey was about. */
  touchpoint: label.optional(),
  /** Channel of the surveyed contact. */
  channel: label.optional(),
  /** Agent of the surveyed contact. */
  agentId: id.optional(),
  /** Journey of the surveyed contact. */
  journeyId: id.optional(),
  /** CSAT answer on the survey's scale (default 1–5). */
  csat: finiteNumber.optional(),
  /** NPS answer, integer 0–10. */
  nps: npsAnswer.optional(),
  /** CES answer on the survey's scale (default 1–7, higher is easier). */
  ces: finiteNumber.optional(),
  /** Survey FCR: "Was your issue resolved on first contact?" */
  fcr: booleanLike.optional(),
  /** Free-text comment. */
  comment: z.string({ error: 'must be a string' }).optional(),
  /** Sampling weight, > 0. */
  weight: weight.optional(),
});

/** A survey response as the library uses it: `submittedAt` in epoch ms. */
export type SurveyResponse = z.output<typeof SurveyResponseSchema>;
/** What {@link SurveyResponseSchema} accepts. */
export type SurveyResponseInput = z.input<typeof SurveyResponseSchema>;
