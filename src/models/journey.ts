/**
 * The `Journey` model (an ordered list of touchpoints) and the `JourneyEvent` model (a customer at a touchpoint).
 * @module
 */
import { z } from 'zod';
import { finiteNumber, id, label, timestamp } from './_fields.js';

/**
 * The metrics a touchpoint can name as its success metric: `family.field` of a metric result.
 *
 * @example
 * ```ts
 * import { SUCCESS_METRICS } from 'cx-metrics';
 * SUCCESS_METRICS.includes('csat.rate'); // => true
 * ```
 */
export const SUCCESS_METRICS = [
  'csat.rate',
  'csat.mean',
  'nps.score',
  'ces.mean',
  'ces.rate',
  'fcr.rate',
  'aht.mean',
  'holdTime.mean',
  'holdTime.meanAll',
  'holdTime.heldRate',
  'reroutes.rate',
  'reroutes.mean',
  'churnIncidence.rate',
] as const;

/** One of {@link SUCCESS_METRICS}. */
export type SuccessMetric = (typeof SUCCESS_METRICS)[number];

/** zod schema of one touchpoint of a journey. */
export const TouchpointSchema = z.object(
  {
  /** Touchpoint id, matched against `Interaction.touchpoint` and `SurveyResponse.touchpoint`. */
  id: label,
  /** Display name. */
  name: z.string({ error: 'must be a string' }).optional(),
  /** The metric that says whether this step works, e.g. `csat.rate`. */
  successMetric: z.enum(SUCCESS_METRICS, { error: `must be one of ${SUCCESS_METRICS.join(', ')}` }).optional(),
  /** Target for the success metric, in the metric's unit (rates in [0, 1], NPS in [-100, 100], seconds). */
  target: finiteNumber.optional(),
  },
  { error: 'must be an object' },
);

/**
 * zod schema of a journey: an id, a name and its touchpoints in order (ids unique).
 *
 * @example
 * ```ts
 * import { JourneySchema } from 'cx-metrics';
 * const j = JourneySchema.parse({
 *   id: 'billing', name: 'Billing question',
 *   touchpoints: [{ id: 'help-center' }, { id: 'billing-call', successMetric: 'fcr.rate', target: 0.8 }],
 * });
 * j.touchpoints.map((t) => t.id); // => ['help-center', 'billing-call']
 * ```
 */
export const JourneySchema = z
  .object({
    /** Journey id. */
    id,
    /** Display name. */
    name: z.string({ error: 'must be a string' }),
    /** Touchpoints in journey order. */
    touchpoints: z.array(TouchpointSchema, { error: 'must be an array of touchpoints' }),
  }, { error: 'must be an object' })
  .superRefine((j, ctx) => {
    const seen = new Set<string>();
    j.touchpoints.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'id'], message: 'must be unique within the journey', input: t.id });
      seen.add(t.id);
    });
  });

/** A journey definition. */
export type Journey = z.output<typeof JourneySchema>;
/** What {@link JourneySchema} accepts. */
export type JourneyInput = z.input<typeof JourneySchema>;
/** One touchpoint of a {@link Journey}. */
export type Touchpoint = z.output<typeof TouchpointSchema>;

/** The outcomes a journey event can record. */
export const JOURNEY_OUTCOMES = ['completed', 'dropped', 'converted'] as const;

/**
 * zod schema of a journey event: a customer reached a touchpoint of a journey at a time.
 *
 * @example
 * ```ts
 * import { JourneyEventSchema } from 'cx-metrics';
 * JourneyEventSchema.parse({ journeyId: 'billing', customerId: 42, touchpoint: 'help-center', at: '2024-03-01T09:00:00Z' });
 * // => { journeyId: 'billing', customerId: '42', touchpoint: 'help-center', at: 1709283600000 }
 * ```
 */
export const JourneyEventSchema = z.object({
  /** The journey. */
  journeyId: id,
  /** The customer. */
  customerId: id,
  /** The touchpoint reached. */
  touchpoint: label,
  /** When, epoch ms. */
  at: timestamp,
  /** What happened at this step, if recorded. */
  outcome: z.enum(JOURNEY_OUTCOMES, { error: `must be one of ${JOURNEY_OUTCOMES.join(', ')}` }).optional(),
  /** A finite value such as revenue. */
  value: finiteNumber.optional(),
  /** Channel of this step. */
  channel: label.optional(),
  /** The interaction behind this step. */
  interactionId: id.optional(),
});

/** A journey event as the library uses it: `at` in epoch ms. */
export type JourneyEvent = z.output<typeof JourneyEventSchema>;
/** What {@link JourneyEventSchema} accepts. */
export type JourneyEventInput = z.input<typeof JourneyEventSchema>;
