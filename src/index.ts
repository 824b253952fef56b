/**
 * cx-metrics: customer-experience metrics you can trust.
 *
 * Every public name, listed explicitly. Metric code never imports zod, so a bundle of
 * `import { nps } from 'cx-metrics'` carries neither zod nor the parsers.
 * @module cx-metrics
 */
export * from './models/index.js';
export * from './metrics/index.js';
export * from './stats/index.js';
export * from './aggregate/index.js';
