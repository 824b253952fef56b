// Browser driver, run by scripts/test-runtimes.mjs under the machine's Node: serves a folder on
// 127.0.0.1, opens one page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is ever downloaded), waits for the page to finish and prints one
// marked JSON line: { version, value, errors }.
//
//   node run-browser.mjs '<json: { playwright, chromium, profile, root, page, waitFor, read, timeoutMs }>'
//
// `waitFor` and `read` are expressions evaluated in the page. Page errors, console errors and failed
// requests are collected, so a module that fails to load is reported instead of waiting in vain.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';

const MARKER = '@@cx-metrics-browser ';
const opts = JSON.parse(process.argv[2]);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(opts.root, rel));
  let ok = file.startsWith(opts.root.endsWith(sep) ? opts.root : opts.root + sep);
  try {
    ok = ok && statSync(file).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const { chromium } = createRequire(join(opts.playwright, 'package.json'))('playwright-core');
const errors = [];
let context;
let out;
try {
  context = await chromium.launchPersistentContext(opts.profile, {
    executablePath: opts.chromium,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // (a missing favicon is the page's only expected 404: its console line names no URL, so it is
    // told apart by the http listener below, which skips it)
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.goto(origin + opts.page, { waitUntil: 'load', timeout: 20_000 });
  const userAgent = await page.evaluate(() => navigator.userAgent);
  // navigator.userAgent carries a reduced version (156.0.0.0): ask the browser itself.
  const cdp = await context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  const version = /\/([\d.]+)/.exec(product)?.[1] ?? product;
  // Poll: done when the page says so, or soon after an error (a module that failed to load never will).
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let done = false;
  let errorSeen = 0;
  while (!done && Date.now() < deadline) {
    done = await page.evaluate(`Boolean(${opts.waitFor})`);
    if (!done && errors.length > 0) {
      errorSeen ||= Date.now();
      if (Date.now() - errorSeen > 500) break;
    }
    if (!done) await new Promise((r) => setTimeout(r, 50));
  }
  const value = done ? await page.evaluate(opts.read) : null;
  out = { version, userAgent, done, value, errors };
} catch (e) {
  out = { version: null, done: false, value: null, errors: [...errors, `driver: ${e?.stack ?? e}`] };
} finally {
  await context?.close().catch(() => {});
  server.close();
}
console.log(MARKER + JSON.stringify(out));
