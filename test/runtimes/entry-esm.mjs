// ESM entry for Node, Bun and Deno: imports the package BY NAME, as a user would, runs the shared
// checks and prints one marked JSON line for scripts/test-runtimes.mjs.
import * as api from 'cx-metrics';
import { MARKER, runSmoke } from './smoke.mjs';

const runtime =
  typeof Deno !== 'undefined'
    ? { runtime: 'deno', version: Deno.version.deno }
    : typeof Bun !== 'undefined'
      ? { runtime: 'bun', version: Bun.version }
      : { runtime: 'node', version: process.versions.node };

let resolved = null;
try {
  // Which file 'cx-metrics' resolved to: the runner checks it is the installed package's ESM build.
  resolved = import.meta.resolve('cx-metrics');
} catch {
  // import.meta.resolve is missing on some runtimes: the checks still ran against the import above
}

console.log(MARKER + JSON.stringify({ ...runtime, module: 'esm', resolved, ...runSmoke(api) }));
