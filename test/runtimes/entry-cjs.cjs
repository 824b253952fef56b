// CommonJS entry for Node and Bun: require('cx-metrics') BY NAME (the package's "require" condition,
// dist/index.cjs), then the very same checks as the ESM entry (smoke.mjs, loaded with import()).
'use strict';
const api = require('cx-metrics');
const resolved = require.resolve('cx-metrics');

const runtime = typeof Bun !== 'undefined' ? { runtime: 'bun', version: Bun.version } : { runtime: 'node', version: process.versions.node };

import('./smoke.mjs').then(
  ({ MARKER, runSmoke }) => {
    console.log(MARKER + JSON.stringify({ ...runtime, module: 'cjs', resolved, ...runSmoke(api) }));
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
