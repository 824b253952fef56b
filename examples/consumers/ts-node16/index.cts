// CommonJS TypeScript under node16: `import … = require()` resolves the "require" condition, so
// these types come from dist/index.d.cts, the file Node's require() pairs with dist/index.cjs.
import cx = require('cx-metrics');

const r: cx.NpsResult = cx.nps([9]);
const rate: number | null = cx.csat([5, 4, 2], { scale: [1, 5], satisfiedFrom: 4 }).rate;
const state: cx.NpsState = cx.npsAccumulator().add(10).state();
const err: typeof cx.CxMetricsError = cx.CxMetricsError;

console.log(r.score, rate, state.promoters, err.name);
