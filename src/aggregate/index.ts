/**
 * Aggregation: metrics per touchpoint (and, later, per any key and over time).
 * @module aggregate
 */
export { byTouchpoint, type ByTouchpointOptions, type TouchpointRow } from './byTouchpoint.js';
export type { GroupMetricsOptions, GroupRow, GroupField } from './_groups.js';
