// Proves "runs everywhere": packs the package as npm would publish it, installs the tarball into a
// consumer project, and runs one smoke suite (test/runtimes/smoke.mjs) through the package's NAME on
// Node 20 / 22 / 24 (ESM and CJS), Bun (ESM and CJS), Deno, headless Chromium and workerd (the
// Cloudflare Workers runtime, through Miniflare); then type-checks, runs and builds the consumer
// projects of examples/consumers/, and shows that a `node:fs` import in the core would be rejected
// by the browser and edge toolchains. Run after the build: `npm run test:runtimes`.
//
// Everything it installs goes under .cache/ (git-ignored) and is reused on the next run:
//   .cache/cx-metrics-<version>.tgz     the packed package
//   .cache/runtimes/<tool>/             node@22, node@24, bun, deno, miniflare, playwright-core
//                                       (each its own `npm i --prefix`, never a project devDependency)
//   .cache/runtimes/consumer/           the consumer: the tarball + zod, typescript, vite, @types/node
// Debian's chromium is installed with apt-get when /usr/bin/chromium is missing (root only).
//
// Prints one line per runtime / consumer / guard, then `runtimes: N passed, M failed`; exits 1 if any
// failed. Details of failures go to stderr. Options:
//   --only=a,b      run only the targets whose name contains one of these words (e.g. --only=deno,vite)
//   --no-guard      skip the node:fs guard
//   --verbose       also print install commands and timings
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const CACHE = join(ROOT, '.cache');
const RT = join(CACHE, 'runtimes');
const CONSUMER = join(RT, 'consumer');
const SMOKE = join(CONSUMER, 'smoke');
const GUARD = join(CONSUMER, 'guard');
const TESTS = join(ROOT, 'test', 'runtimes');
const EXAMPLES = join(ROOT, 'examples', 'consumers');
const CHROMIUM = '/usr/bin/chromium';
const COMPATIBILITY_DATE = '2025-01-01'; // workerd behaviour pinned, as a wrangler.toml would

const TOOLS = {
  node22: { spec: 'node@22', bin: 'node_modules/.bin/node' },
  node24: { spec: 'node@24', bin: 'node_modules/.bin/node' },
  bun: { spec: 'bun@1', bin: 'node_modules/.bin/bun' },
  deno: { spec: 'deno@2', bin: 'node_modules/.bin/deno' },
  miniflare: { spec: 'miniflare@4', bin: 'node_modules/.bin/workerd' },
  playwright: { spec: 'playwright-core@1', bin: 'node_modules/playwright-core/package.json' },
};
const CONSUMER_DEPS = ['typescript@~5.9.3', 'vite@^8.0.0', '@types/node@^20.19.0'];

const SMOKE_MARKER = '@@cx-metrics-smoke ';
const BROWSER_MARKER = '@@cx-metrics-browser ';
const WORKER_MARKER = '@@cx-metrics-worker ';

const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);
const guardOn = !args.includes('--no-guard');
const verbose = args.includes('--verbose');
const started = Date.now();

// ---------------------------------------------------------------- processes ----------------------

// Children get the machine's environment minus what `npm run` adds: no npm_* settings, and no
// node_modules/.bin on PATH, so `node`, `npm` and `tsc` are never the project's or a cached one's.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'FORCE_COLOR'));
ENV.PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((p) => p && !/node_modules[\\/]\.bin|node-gyp-bin/.test(p))
  .join(':');
Object.assign(ENV, { CI: 'true', NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

const children = new Set();
function killAll() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** Runs a command with a hard timeout (its whole process group is killed); never rejects. */
function exec(cmd, argv, { cwd = ROOT, env = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, argv, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolve({ code: -1, signal: null, stdout, stderr: String(e), timedOut, ms: 0 });
      return;
    }
    children.add(child);
    const cap = (s, d) => (s.length > 2_000_000 ? s : s + d);
    child.stdout.on('data', (d) => (stdout = cap(stdout, d)));
    child.stderr.on('data', (d) => (stderr = cap(stderr, d)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code: code ?? -1, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
}

const tail = (s, n = 12) => s.trim().split('\n').slice(-n).join('\n');
const describeExit = (r) => (r.timedOut ? `timed out after ${Math.round(r.ms / 1000)} s` : `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}`);
const note = (msg) => process.stderr.write(`  · ${msg}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

function marked(stdout, marker) {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith(marker));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(marker.length));
  } catch {
    return null;
  }
}

/** A small pool: at most `n` tests at once (the machine has 2 cores; installs run beside it). */
function pool(n) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= n || queue.length === 0) return;
    active++;
    const { fn, resolve } = queue.shift();
    fn().then(resolve, (e) => resolve({ error: e })).finally(() => {
      active--;
      next();
    });
  };
  return (fn) =>
    new Promise((resolve) => {
      queue.push({ fn, resolve });
      next();
    });
}

// ---------------------------------------------------------------- installs -----------------------

class SetupError extends Error {}

async function pack() {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new SetupError('dist/ is missing: run `npm run build` first (npm run test:runtimes does)');
  mkdirSync(CACHE, { recursive: true });
  for (const f of readdirSync(CACHE)) if (/^cx-metrics-.*\.tgz$/.test(f)) rmSync(join(CACHE, f));
  const r = await exec('npm', ['pack', '--json', '--silent', '--pack-destination', CACHE], { timeoutMs: 120_000 });
  let info;
  try {
    info = JSON.parse(r.stdout)[0];
  } catch {
    throw new SetupError(`npm pack failed (${describeExit(r)}):\n${tail(r.stderr)}`);
  }
  return { file: join(CACHE, info.filename), name: info.name, version: info.version, entries: info.entryCount, size: info.size };
}

async function npmInstall(prefix, specs, timeoutMs = 300_000) {
  const argv = ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', ...specs];
  if (verbose) note(`npm ${argv.join(' ')}`);
  const r = await exec('npm', argv, { cwd: prefix, timeoutMs });
  if (r.code !== 0) throw new SetupError(`npm install ${specs.join(' ')} into ${relative(ROOT, prefix)} failed (${describeExit(r)}):\n${tail(r.stderr)}`);
  return r;
}

/** Installs one tool into .cache/runtimes/<name>/ unless that install is there for the same spec. */
async function ensureTool(name) {
  const { spec, bin } = TOOLS[name];
  const dir = join(RT, name);
  const stamp = join(dir, '.cx-spec');
  const binPath = join(dir, bin);
  if (existsSync(binPath) && existsSync(stamp) && readFileSync(stamp, 'utf8') === spec) return { dir, bin: binPath, cached: true };
  const t0 = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `cx-metrics-runtime-${name}`, private: true }, null, 2)}\n`);
  await npmInstall(dir, [spec]);
  if (!existsSync(binPath)) throw new SetupError(`${spec} installed into ${relative(ROOT, dir)} but ${bin} is missing`);
  writeFileSync(stamp, spec);
  note(`installed ${spec} into ${relative(ROOT, dir)} in ${secs(Date.now() - t0)}`);
  return { dir, bin: binPath, cached: false };
}

/** The consumer project: the packed tarball (installed anew every run) + the consumer toolchain. */
async function ensureConsumer(tarball) {
  const stamp = join(CONSUMER, '.cx-spec');
  const want = CONSUMER_DEPS.join(' ');
  const t0 = Date.now();
  const fresh = !(existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(CONSUMER, 'node_modules', 'vite')));
  if (fresh) {
    rmSync(CONSUMER, { recursive: true, force: true });
    mkdirSync(CONSUMER, { recursive: true });
    writeFileSync(
      join(CONSUMER, 'package.json'),
      `${JSON.stringify({ name: 'cx-metrics-consumer', private: true, description: 'Written by scripts/test-runtimes.mjs: a project that installs the packed cx-metrics as a user would.' }, null, 2)}\n`,
    );
  }
  // An explicit tarball argument makes npm re-read it, so a rebuilt package is always the one tested.
  const spec = relative(CONSUMER, tarball.file);
  await npmInstall(CONSUMER, fresh ? [spec, ...CONSUMER_DEPS] : [spec]);
  if (fresh) writeFileSync(stamp, want);
  const installed = readJson(join(CONSUMER, 'node_modules', 'cx-metrics', 'package.json'));
  if (installed.version !== tarball.version) throw new SetupError(`consumer has cx-metrics ${installed.version}, expected ${tarball.version}`);
  note(`installed ${relative(ROOT, tarball.file)}${fresh ? ` and ${want}` : ''} into ${relative(ROOT, CONSUMER)} in ${secs(Date.now() - t0)}`);
  return {
    typescript: readJson(join(CONSUMER, 'node_modules', 'typescript', 'package.json')).version,
    vite: readJson(join(CONSUMER, 'node_modules', 'vite', 'package.json')).version,
  };
}

async function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) throw new SetupError(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) and run again`);
  const t0 = Date.now();
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const up = await exec('apt-get', ['update'], { env, timeoutMs: 300_000 });
  if (up.code !== 0) throw new SetupError(`apt-get update failed (${describeExit(up)}):\n${tail(up.stderr)}`);
  const r = await exec('apt-get', ['install', '-y', 'chromium'], { env, timeoutMs: 600_000 });
  if (r.code !== 0 || !existsSync(CHROMIUM)) throw new SetupError(`apt-get install -y chromium failed (${describeExit(r)}):\n${tail(r.stderr)}`);
  note(`installed Debian's chromium with apt-get in ${secs(Date.now() - t0)}`);
  return CHROMIUM;
}

/** Copies the runtime entries next to the consumer, and writes the browser page with its import map. */
function prepareSmoke() {
  rmSync(SMOKE, { recursive: true, force: true });
  mkdirSync(SMOKE, { recursive: true });
  for (const f of ['smoke.mjs', 'entry-esm.mjs', 'entry-cjs.cjs', 'worker.mjs']) cpSync(join(TESTS, f), join(SMOKE, f));
  writePage(join(SMOKE, 'index.html'), '/node_modules/cx-metrics');
}

/** The ESM file a browser loads for a package: its exports map's import/default target. */
function esmEntry(pkgDir) {
  const pj = readJson(join(pkgDir, 'package.json'));
  const pick = (e) => (typeof e === 'string' ? e : e && typeof e === 'object' ? pick(e.browser ?? e.import ?? e.module ?? e.default) : undefined);
  const exp = pj.exports && typeof pj.exports === 'object' && '.' in pj.exports ? pj.exports['.'] : pj.exports;
  return (pick(exp) ?? pj.module ?? pj.main).replace(/^\.\//, '');
}

/** An import map for 'cx-metrics' (served from `pkgUrl`) and each of its runtime dependencies. */
function importMap(pkgUrl) {
  const pkg = join(CONSUMER, pkgUrl);
  const imports = { 'cx-metrics': `${pkgUrl}/${esmEntry(pkg)}` };
  for (const dep of Object.keys(readJson(join(pkg, 'package.json')).dependencies ?? {})) {
    imports[dep] = `/node_modules/${dep}/${esmEntry(join(CONSUMER, 'node_modules', dep))}`;
  }
  return { imports };
}

function writePage(file, pkgUrl) {
  const html = readFileSync(join(TESTS, 'browser.html'), 'utf8').replace('IMPORT_MAP', JSON.stringify(importMap(pkgUrl)));
  writeFileSync(file, html);
}

// ---------------------------------------------------------------- judging ------------------------

/** One printed line and its verdict, from a smoke result (or its absence). */
function judgeSmoke(label, result, run, { resolvedEnds } = {}) {
  if (!result) {
    const why = run ? `crashed (${describeExit(run)})` : 'produced no result';
    return { ok: false, line: `${label}: ${why}`, details: run ? [tail(`${run.stderr}\n${run.stdout}`)] : [] };
  }
  const failures = [...(result.failures ?? [])];
  const details = [...(result.details ?? [])];
  if (result.passed + result.failed !== result.total || result.total < 20) {
    failures.push('suite completeness');
    details.push(`suite completeness: ${result.passed} passed + ${result.failed} failed of ${result.total} checks`);
  }
  if (resolvedEnds) {
    const r = typeof result.resolved === 'string' ? result.resolved : '(nothing)';
    const where = r.startsWith('file:') ? fileURLToPath(r) : r;
    const ok = where.startsWith('http') ? where.endsWith(resolvedEnds) : where === join(CONSUMER, 'node_modules', 'cx-metrics', resolvedEnds);
    if (!ok) {
      failures.push('resolves the installed package');
      details.push(`resolves the installed package: 'cx-metrics' resolved to ${where}, expected the consumer's node_modules/cx-metrics/${resolvedEnds}`);
    }
  }
  if (run && run.code !== 0 && failures.length === 0) {
    failures.push('exit code');
    details.push(`exit code: all checks passed but the process ended with ${describeExit(run)}\n${tail(run.stderr)}`);
  }
  const passed = result.passed;
  const failed = failures.length;
  return { ok: failed === 0, line: `${label}: ${passed} passed, ${failed} failed${failed ? ` (${failures.join('; ')})` : ''}`, details };
}

/** One line for a list of named steps, each `{ name, ok, detail }`. */
function judgeSteps(label, steps) {
  const bad = steps.filter((s) => !s.ok);
  return {
    ok: bad.length === 0 && steps.length > 0,
    line: `${label}: ${steps.length - bad.length} passed, ${bad.length} failed${bad.length ? ` (${bad.map((s) => s.name).join('; ')})` : ''}`,
    details: (bad.length ? bad : steps).map((s) => `${s.name}: ${s.detail ?? ''}`), // all of them with --verbose
  };
}

// ---------------------------------------------------------------- targets ------------------------

async function nodeLike(label, bin, entry, extraArgs = [], env = {}) {
  const run = await exec(bin, [...extraArgs, entry], { cwd: SMOKE, env, timeoutMs: 90_000 });
  const result = marked(run.stdout, SMOKE_MARKER);
  const full = result ? `${result.runtime} ${result.version} ${result.module}` : label;
  return judgeSmoke(full, result, run, { resolvedEnds: entry.endsWith('.cjs') ? 'dist/index.cjs' : 'dist/index.js' });
}

async function browserRun(chromium, playwright, page, { waitFor, read, root = CONSUMER, timeoutMs = 20_000 }) {
  const profile = join(RT, 'chromium-profiles', `${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(profile, { recursive: true });
  try {
    const opts = { playwright: playwright.dir, chromium, profile, root, page, waitFor, read, timeoutMs };
    const run = await exec(process.execPath, [join(TESTS, 'run-browser.mjs'), JSON.stringify(opts)], { timeoutMs: 90_000 });
    return { run, out: marked(run.stdout, BROWSER_MARKER) };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function bundleWorker(entry, outfile, { external = [] } = {}) {
  const esbuild = await import('esbuild'); // the project's devDependency
  // As Cloudflare's wrangler bundles a Worker: ESM, browser platform, workerd/worker/browser conditions.
  return esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    external,
    logLevel: 'silent',
  });
}

async function workerRun(node22, miniflare, script) {
  const opts = { miniflare: miniflare.dir, script, compatibilityDate: COMPATIBILITY_DATE };
  const run = await exec(node22.bin, [join(TESTS, 'run-worker.mjs'), JSON.stringify(opts)], { cwd: join(RT, 'miniflare'), timeoutMs: 60_000 });
  return { run, out: marked(run.stdout, WORKER_MARKER) };
}

function copyExample(name) {
  const dest = join(CONSUMER, 'examples', name);
  rmSync(dest, { recursive: true, force: true });
  cpSync(join(EXAMPLES, name), dest, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
  return dest;
}

const tscBin = () => join(CONSUMER, 'node_modules', 'typescript', 'bin', 'tsc');

/** `file(line,col): error TSnnnn: …` lines of tsc's output, as { file, line, code, text }. */
function tscErrors(out) {
  return out
    .split('\n')
    .map((l) => /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(l.trim()))
    .filter(Boolean)
    .map(([, file, line, code, text]) => ({ file, line: Number(line), code, text }));
}

async function tscStep(name, dir, project) {
  const run = await exec(process.execPath, [tscBin(), '--noEmit', '--pretty', 'false', '-p', project], { cwd: dir, timeoutMs: 120_000 });
  return { name, ok: run.code === 0, detail: `${describeExit(run)}\n${tail(run.stdout + run.stderr, 20)}` };
}

/** tsc must reject the file with exactly the `// expect-error TSnnnn` errors, each on the next line. */
async function mustFailStep(dir) {
  const src = join(dir, 'must-not-compile.mts.txt');
  const file = join(dir, 'must-not-compile.mts');
  const text = readFileSync(src, 'utf8');
  writeFileSync(file, text);
  const expected = [];
  text.split('\n').forEach((l, i) => {
    const m = /\/\/ expect-error (TS\d+)/.exec(l);
    if (m) expected.push(`${i + 2} ${m[1]}`);
  });
  const run = await exec(process.execPath, [tscBin(), '--noEmit', '--pretty', 'false', '-p', 'tsconfig.must-fail.json'], { cwd: dir, timeoutMs: 120_000 });
  const got = tscErrors(run.stdout).map((e) => `${e.line} ${e.code}`);
  const missing = expected.filter((e) => !got.includes(e));
  const extra = tscErrors(run.stdout).filter((e) => !expected.includes(`${e.line} ${e.code}`));
  const ok = run.code !== 0 && expected.length > 0 && missing.length === 0 && extra.length === 0;
  return {
    name: 'must-not-compile.mts is rejected',
    ok,
    detail: `${describeExit(run)}; expected errors (line code) ${JSON.stringify(expected)}; missing ${JSON.stringify(missing)}; unexpected ${JSON.stringify(extra.map((e) => `${e.line} ${e.code}: ${e.text}`))}`,
  };
}

const VITE_EXPECTED = [
  'NPS 25 (n=4)',
  'billing: contacts 2, AHT 300 s, abandoned 0%, NPS 50',
  'support: contacts 2, AHT 500 s, abandoned 50%, NPS -100',
  '(none): contacts 0, AHT – s, abandoned –%, NPS 100',
].join('\n');

// ---------------------------------------------------------------- main ---------------------------

async function main() {
  const tarball = await pack();
  note(`packed ${relative(ROOT, tarball.file)} (${tarball.entries} files, ${(tarball.size / 1024).toFixed(1)} KiB)`);
  mkdirSync(RT, { recursive: true });

  const wanted = (name) => only.length === 0 || only.some((o) => name.includes(o));
  // Installs start together and run beside the tests that do not need them.
  const lazy = (fn) => {
    let p;
    return () => (p ??= fn());
  };
  const consumer = lazy(async () => {
    const versions = await ensureConsumer(tarball);
    prepareSmoke();
    return versions;
  });
  const tool = Object.fromEntries(Object.keys(TOOLS).map((n) => [n, lazy(() => ensureTool(n))]));
  const chromium = lazy(ensureChromium);

  const node20 = process.execPath;
  const v20 = process.versions.node;
  const targets = [
    { name: `node ${v20} esm`, needs: [consumer], run: () => nodeLike(`node ${v20} esm`, node20, 'entry-esm.mjs') },
    { name: `node ${v20} cjs`, needs: [consumer], run: () => nodeLike(`node ${v20} cjs`, node20, 'entry-cjs.cjs') },
    { name: 'node 22 esm', needs: [consumer, tool.node22], run: async () => nodeLike('node 22 esm', (await tool.node22()).bin, 'entry-esm.mjs') },
    { name: 'node 22 cjs', needs: [consumer, tool.node22], run: async () => nodeLike('node 22 cjs', (await tool.node22()).bin, 'entry-cjs.cjs') },
    { name: 'node 24 esm', needs: [consumer, tool.node24], run: async () => nodeLike('node 24 esm', (await tool.node24()).bin, 'entry-esm.mjs') },
    { name: 'node 24 cjs', needs: [consumer, tool.node24], run: async () => nodeLike('node 24 cjs', (await tool.node24()).bin, 'entry-cjs.cjs') },
    { name: 'bun esm', needs: [consumer, tool.bun], run: async () => nodeLike('bun esm', (await tool.bun()).bin, 'entry-esm.mjs', ['--no-install']) },
    { name: 'bun cjs', needs: [consumer, tool.bun], run: async () => nodeLike('bun cjs', (await tool.bun()).bin, 'entry-cjs.cjs', ['--no-install']) },
    {
      name: 'deno esm',
      needs: [consumer, tool.deno],
      // Deno 2 reads the consumer's package.json and uses its node_modules as npm left it.
      run: async () =>
        nodeLike('deno esm', (await tool.deno()).bin, 'entry-esm.mjs', ['run', '--quiet', '--no-prompt', '--no-lock', '--node-modules-dir=manual'], {
          DENO_DIR: join(RT, 'deno', 'cache'),
          DENO_NO_UPDATE_CHECK: '1',
        }),
    },
    {
      name: 'chromium esm',
      needs: [consumer, chromium, tool.playwright],
      run: async () => {
        const { run, out } = await browserRun(await chromium(), await tool.playwright(), '/smoke/index.html', {
          waitFor: 'window.__smoke !== undefined',
          read: 'window.__smoke',
        });
        const label = `chromium ${out?.version ?? '?'} esm`;
        const j = judgeSmoke(label, out?.value ?? null, null, { resolvedEnds: '/node_modules/cx-metrics/dist/index.js' });
        if (!out?.value) j.details = [...(out?.errors ?? []), tail(`${run.stderr}\n${run.stdout}`)];
        else if (out.errors.length) j.details.push(...out.errors);
        return j;
      },
    },
    {
      name: 'workerd esm',
      needs: [consumer, tool.node22, tool.miniflare],
      run: async () => {
        const [node22, miniflare] = [await tool.node22(), await tool.miniflare()];
        const script = join(RT, 'miniflare', 'worker.bundle.mjs');
        try {
          await bundleWorker(join(SMOKE, 'worker.mjs'), script);
        } catch (e) {
          return { ok: false, line: 'workerd esm: crashed (esbuild could not bundle the worker)', details: [String(e.message ?? e)] };
        }
        const { run, out } = await workerRun(node22, miniflare, script);
        let result = null;
        try {
          result = out?.ok ? JSON.parse(out.body) : null;
        } catch {
          // reported below
        }
        const j = judgeSmoke(`workerd ${out?.workerd ?? '?'} esm`, result, result ? null : run);
        if (!result) j.details.unshift(out?.error ?? 'no result from the worker driver');
        return j;
      },
    },
    {
      name: 'consumer node-esm',
      needs: [consumer],
      run: async () => {
        const dir = copyExample('node-esm');
        const run = await exec(node20, ['index.mjs'], { cwd: dir, timeoutMs: 60_000 });
        return judgeSteps(`consumer node-esm (node ${v20})`, [{ name: 'node index.mjs', ok: run.code === 0, detail: `${describeExit(run)}\n${tail(run.stderr)}` }]);
      },
    },
    {
      name: 'consumer node-cjs',
      needs: [consumer],
      run: async () => {
        const dir = copyExample('node-cjs');
        const run = await exec(node20, ['index.cjs'], { cwd: dir, timeoutMs: 60_000 });
        return judgeSteps(`consumer node-cjs (node ${v20})`, [{ name: 'node index.cjs', ok: run.code === 0, detail: `${describeExit(run)}\n${tail(run.stderr)}` }]);
      },
    },
    {
      name: 'consumer ts-node16',
      needs: [consumer],
      run: async () => {
        const { typescript } = await consumer();
        const dir = copyExample('ts-node16');
        const steps = [await tscStep('tsc --noEmit -p tsconfig.json', dir, 'tsconfig.json'), await mustFailStep(dir)];
        return judgeSteps(`consumer ts-node16 (typescript ${typescript})`, steps);
      },
    },
    {
      name: 'consumer ts-bundler',
      needs: [consumer],
      run: async () => {
        const { typescript } = await consumer();
        const dir = copyExample('ts-bundler');
        return judgeSteps(`consumer ts-bundler (typescript ${typescript})`, [await tscStep('tsc --noEmit -p tsconfig.json', dir, 'tsconfig.json')]);
      },
    },
    {
      name: 'consumer vite',
      needs: [consumer, chromium, tool.playwright],
      run: async () => {
        const { vite } = await consumer();
        const dir = copyExample('vite');
        const steps = [];
        const build = await exec(node20, [join(CONSUMER, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, timeoutMs: 120_000 });
        const assets = join(dir, 'dist', 'assets');
        const js = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
        steps.push({ name: 'vite build', ok: build.code === 0 && js.length > 0, detail: `${describeExit(build)}\n${tail(build.stdout + build.stderr)}` });
        if (build.code === 0 && js.length > 0) {
          const code = js.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
          const bytes = js.reduce((n, f) => n + statSync(join(assets, f)).size, 0);
          const zod = /\bZod[A-Z]\w*|\$Zod\w*/.exec(code);
          steps.push({ name: 'bundle has no zod', ok: !zod, detail: zod ? `found ${zod[0]} in ${bytes} bytes of JS` : `no zod in ${bytes} bytes of JS` });
          // Served from its dist/ as a web server would (vite's default base is '/').
          const { out } = await browserRun(await chromium(), await tool.playwright(), '/', {
            root: join(dir, 'dist'),
            waitFor: "document.getElementById('out') && !document.getElementById('out').textContent.startsWith('computing')",
            read: "document.getElementById('out').textContent",
          });
          steps.push({
            name: 'built page renders in chromium',
            ok: out?.value === VITE_EXPECTED,
            detail: `expected:\n${VITE_EXPECTED}\ngot:\n${out?.value}\n${(out?.errors ?? []).join('\n')}`,
          });
        }
        return judgeSteps(`consumer vite (vite ${vite})`, steps);
      },
    },
  ];
  if (guardOn) {
    targets.push({
      name: 'guard',
      needs: [consumer, chromium, tool.playwright, tool.node22, tool.miniflare],
      run: () => guard(chromium, tool),
    });
  }

  const selected = targets.filter((t) => wanted(t.name));
  if (selected.length === 0) throw new SetupError(`--only=${only.join(',')} matches no target; targets: ${targets.map((t) => t.name).join(', ')}`);
  const needed = new Set(selected.flatMap((t) => t.needs));
  for (const start of needed) start().catch(() => {}); // failures are reported by the targets that need them

  const limit = pool(2);
  const results = selected.map((t) =>
    (async () => {
      try {
        for (const need of t.needs) await need();
      } catch (e) {
        return { ok: false, line: `${t.name}: not run (setup failed)`, details: [String(e.message ?? e)] };
      }
      const r = await limit(() => t.run());
      if (r.error) return { ok: false, line: `${t.name}: crashed`, details: [String(r.error?.stack ?? r.error)] };
      return r;
    })(),
  );

  let passed = 0;
  let failed = 0;
  for (const p of results) {
    const r = await p; // printed in a fixed order, each as soon as it and those before it are done
    if (r.ok) passed++;
    else failed++;
    console.log(r.line);
    const who = r.line.slice(0, r.line.indexOf(':'));
    for (const d of r.details ?? []) if (!r.ok || verbose) process.stderr.write(`    [${who}] ${d.replace(/\n/g, '\n      ')}\n`);
  }
  note(`done in ${secs(Date.now() - started)}`);
  console.log(`runtimes: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

/**
 * The import guard: a copy of the installed package with `import 'node:fs'` added to its core
 * chunk must be rejected by the browser and edge toolchains (the real package, run above, is not).
 */
async function guard(chromium, tool) {
  const pkg = join(GUARD, 'node_modules', 'cx-metrics');
  rmSync(GUARD, { recursive: true, force: true });
  cpSync(join(CONSUMER, 'node_modules', 'cx-metrics'), pkg, { recursive: true });
  for (const f of ['smoke.mjs', 'worker.mjs']) cpSync(join(TESTS, f), join(GUARD, f));
  // The core: the ESM chunk that defines nps (what `import { nps }` loads), else the entry itself.
  const dist = join(pkg, 'dist');
  const core = readdirSync(dist).find((f) => f.endsWith('.js') && /function nps\(/.test(readFileSync(join(dist, f), 'utf8'))) ?? 'index.js';
  writeFileSync(join(dist, core), `import 'node:fs';\n${readFileSync(join(dist, core), 'utf8')}`);
  writePage(join(GUARD, 'index.html'), '/guard/node_modules/cx-metrics');
  const steps = [];

  // 1. esbuild, bundling the Worker as wrangler does (no nodejs_compat): must refuse node:fs.
  try {
    await bundleWorker(join(GUARD, 'worker.mjs'), join(GUARD, 'worker.bundle.mjs'));
    steps.push({ name: 'esbuild rejects it', ok: false, detail: 'the bundle built' });
  } catch (e) {
    const msg = String(e.message ?? e);
    steps.push({ name: 'esbuild rejects it', ok: /node:fs/.test(msg), detail: msg });
  }

  // 2. workerd, given a bundle that keeps the import (as with nodejs_compat in wrangler, but without
  //    the compatibility flag): must refuse to load the Worker.
  const script = join(GUARD, 'worker.external.mjs');
  await bundleWorker(join(GUARD, 'worker.mjs'), script, { external: ['node:*'] });
  const w = await workerRun(await tool.node22(), await tool.miniflare(), script);
  const wText = `${w.out?.error ?? ''}\n${w.run.stderr}`;
  steps.push({ name: 'workerd rejects it', ok: w.out !== null && !w.out.ok && /No such module "node:fs"/.test(wText), detail: tail(wText) });

  // 3. Chromium, loading the unbundled ESM build: must fail to resolve node:fs.
  const b = await browserRun(await chromium(), await tool.playwright(), '/guard/index.html', { waitFor: 'window.__smoke !== undefined', read: 'window.__smoke', timeoutMs: 10_000 });
  const bText = (b.out?.errors ?? []).join('\n');
  steps.push({ name: 'chromium rejects it', ok: b.out !== null && !b.out.value && /node:fs/.test(bText), detail: bText || tail(b.run.stderr) });

  steps[0].detail = `(injected into dist/${core}) ${steps[0].detail}`;
  return judgeSteps("guard: import 'node:fs' in the core, rejected by esbuild, workerd, chromium", steps);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e instanceof SetupError ? `test-runtimes: ${e.message}` : e);
    console.log('runtimes: 0 passed, 1 failed');
    process.exit(1);
  },
);
