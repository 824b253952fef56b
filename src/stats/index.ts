/**
 * Statistics: plain numeric helpers with no dependencies.
 * @module stats
 */
export { neumaierAdd, neumaierMerge, neumaierTotal, type CompensatedSum } from './sum.js';
