/**
 * The `Interaction` model: one customer contact in one channel (call, chat, email, message, task).
 * @module
 */
import { z } from 'zod';
import { booleanLike, count, durationSeconds, id, label, timestamp } from './_fields.js';

/**
 * zod schema of one interaction (a contact). Field set fixed by DESIGN.md ("Contract").
 *
 * Required: `id`, `channel`, `startedAt`. Everything else is optional; a missing duration counts as
 * 0 where a metric needs it (talk, hold, after-work), and a record without a field is outside the `n`
 * of metrics that need that field. Timestamps accept ISO-8601 (offset-less strings are UTC), `Date`
 * or epoch ms and come out as epoch ms; durations are finite seconds in [0, 1e9]; counts integers ≥ 0;
 * numbers may arrive as numeric strings (CSV) and booleans as `true/false`, `1/0`, `yes/no`. Unknown
 * keys are dropped.
 *
 * @example
 * ```ts
 * import { InteractionSchema } from 'cx-metrics';
 * InteractionSchema.parse({ id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z', talkSeconds: '300' });
 * // => { id: 'c1', channel: 'phone', startedAt: 1709283600000, talkSeconds: 300 }
 * ```
 */
export const InteractionSchema = z.object({
  /** Unique id of the contact. */
  id,
  /** Channel, e.g. `phone`, `chat`, `email`. */
  channel: label,
  /** When the contact started (entered the queue), epoch ms. */
  startedAt: timestamp,
  /** The customer's id; needed for FCR. */
  customerId: id.optional(),
  /** The case (ticket) this contact belongs to. */
  caseId: id.optional(),
  /** Journey touchpoint, e.g. `billing-call`. */
  touchpoint: label.optional(),
  /** Journey this contact belongs to. */
  journeyId: id.optional(),
  /** Agent who handled the contact. */
  agentId: id.optional(),
  /** Queue the contact waited in. */
  queue: label.optional(),
  /** Seconds in queue before answer or abandon. */
  waitSeconds: durationSeconds.optional(),
  /** Seconds talking with an agent. */
  talkSeconds: durationSeconds.optional(),
  /** Seconds on hold after connecting to an agent. */
  holdSeconds: durationSeconds.optional(),
  /** Number of holds. */
  holdCount: count.optional(),
  /** Seconds of after-contact work (wrap-up). */
  afterWorkSeconds: durationSeconds.optional(),
  /** Number of transfers (reroutes) to another agent, queue or line. */
  transfers: count.optional(),
  /** `true` if the customer left the queue before an agent connected. */
  abandoned: booleanLike.optional(),
  /** `true` if the agent marked the issue resolved. */
  resolved: booleanLike.optional(),
  /** Seconds from creation to first agent reply (tickets, chats). */
  firstResponseSeconds: durationSeconds.optional(),
  /** Seconds from creation to resolution (tickets). */
  resolutionSeconds: durationSeconds.optional(),
  /** When the first agent reply was sent (tickets, chats), epoch ms; response time from timestamps. */
  firstResponseAt: timestamp.optional(),
  /** When the contact or ticket was resolved, epoch ms; resolution time from timestamps. */
  resolvedAt: timestamp.optional(),
});

/** An interaction as the library uses it: timestamps in epoch ms, numbers as numbers. */
export type Interaction = z.output<typeof InteractionSchema>;
/** What {@link InteractionSchema} accepts: ISO strings, `Date`s, numeric strings… */
export type InteractionInput = z.input<typeof InteractionSchema>;
