// Edge driver, run by scripts/test-runtimes.mjs under Node 22 (Miniflare 4 needs it): loads one
// bundled Worker module into workerd through Miniflare, sends it one request and prints one marked
// JSON line: { workerd, miniflare, ok, body, error }. A Worker that workerd refuses to load (for
// instance one that imports node:fs without the nodejs_compat flag) is reported, not thrown.
//
//   node run-worker.mjs '<json: { miniflare, script, compatibilityDate }>'
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const MARKER = '@@cx-metrics-worker ';
const opts = JSON.parse(process.argv[2]);
const req = createRequire(join(opts.miniflare, 'package.json'));
const { Miniflare } = req('miniflare');
const version = (name) => JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8')).version;
const versions = { workerd: version('workerd'), miniflare: version('miniflare') };

// The bundle goes in as an explicit module list, so Miniflare hands it to workerd as it is (Miniflare
// would otherwise resolve its imports itself) and workerd alone decides what the Worker may import.
const mf = new Miniflare({
  modules: [{ type: 'ESModule', path: 'worker.mjs', contents: readFileSync(opts.script, 'utf8') }],
  compatibilityDate: opts.compatibilityDate,
});
let out;
try {
  await mf.ready;
  const res = await mf.dispatchFetch('http://localhost/');
  out = { ...versions, ok: res.ok, status: res.status, body: await res.text() };
} catch (e) {
  out = { ...versions, ok: false, error: String(e?.message ?? e) };
}
await mf.dispose().catch(() => {});
console.log(MARKER + JSON.stringify(out));
