/**
 * Every metric per journey touchpoint: the table a CX dashboard starts from.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import type { SurveyResponse } from '../models/surveyResponse.js';
import { type GroupMetricsOptions, type GroupRow, groupMetrics } from './_groups.js';

/** Options of {@link byTouchpoint}: each metric's options, and the row order. */
export type ByTouchpointOptions = GroupMetricsOptions;

/** One row of {@link byTouchpoint}: `key` is the touchpoint (`null`: records without one). */
export type TouchpointRow = GroupRow;

/**
 * Computes every metric per touchpoint: AHT, hold time, reroutes, churn incidence and FCR on each
 * touchpoint's interactions; CSAT, NPS and CES on its survey responses.
 *
 * A survey without `touchpoint` takes its interaction's (through `interactionId`); records with no
 * touchpoint at all form the group whose key is `null`. FCR is computed within each touchpoint (a
 * repeat must be at the same touchpoint). Rows come in code-unit order of their keys, the `null`
 * row last; `options.order` (e.g. a journey's touchpoint ids) puts those keys first, in that order.
 * Group counts add up to the ungrouped counts.
 * Source: docs/metrics.md#per-touchpoint; ../reference/definitions.md §7.
 * Cost: one pass over the interactions, one over the surveys; a survey lookup only for surveys that
 * need their interaction's touchpoint.
 *
 * @param data - `{ interactions, surveys }`, either may be omitted
 * @param options - per-metric options (`csat`, `ces`, `fcr`, `churnIncidence`) and `order`
 * @returns one row per touchpoint
 * @throws {@link CxMetricsError} on a bad value (naming `interactions[i]` or `surveys[i]` and the field) or option
 * @example
 * ```ts
 * import { byTouchpoint } from 'cx-metrics';
 * const rows = byTouchpoint({
 *   interactions: [
 *     { id: 'c1', channel: 'phone', startedAt: 0, touchpoint: 'billing', talkSeconds: 300 },
 *     { id: 'c2', channel: 'chat', startedAt: 0, touchpoint: 'support', talkSeconds: 200, abandoned: true },
 *   ],
 *   surveys: [{ id: 's1', submittedAt: 0, interactionId: 'c1', nps: 10, csat: 5 }],
 * });
 * rows.map((r) => [r.key, r.interactions, r.nps.score, r.aht.mean]);
 * // => [['billing', 1, 100, 300], ['support', 1, null, null]]
 * ```
 */
export function byTouchpoint(
  data: { interactions?: Iterable<Interaction>; surveys?: Iterable<SurveyResponse> },
  options?: ByTouchpointOptions,
): TouchpointRow[] {
  return groupMetrics(data, 'touchpoint', options);
}
