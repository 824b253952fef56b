// Size budget: what a browser user ships for `import { nps }` and `import { byTouchpoint }`.
// Bundles the built package (dist/, built here if missing) with esbuild, minified, and fails if zod
// or CLI code is in the bundle or a gzip budget is exceeded. Sizes are printed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundle(code: string): Promise<string> {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias: { 'cx-metrics': `${root}dist/index.js` },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const gz = (s: string) => gzipSync(s).length;

beforeAll(() => {
  if (!existsSync(`${root}dist/index.js`)) execFileSync('npx', ['--no-install', 'tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('bundle size of a consumer', () => {
  const cases = [
    // Budgets started at 2 KB / 8 KB (issue "Runs everywhere"); every result now carries its interval,
    // which brings the normal quantile (AS 241 coefficients) and, for means, Student t: 3 KB / 10 KB;
    // byTouchpoint rows then gained service level, speed of answer, resolution rate, survey FCR and
    // response/resolution times (percentiles, DDSketch, business calendars): 18 KB.
    { name: 'nps', code: "import { nps } from 'cx-metrics'; console.log(nps([9]));", budget: 3072 },
    { name: 'byTouchpoint', code: "import { byTouchpoint } from 'cx-metrics'; console.log(byTouchpoint({}));", budget: 18432 },
    { name: 'parseInteractions', code: "import { parseInteractions } from 'cx-metrics'; console.log(parseInteractions([]));", budget: 100_000 },
  ];
  for (const c of cases) {
    it(`import { ${c.name} } stays within ${c.budget} bytes gzipped`, async () => {
      const text = await bundle(c.code);
      const size = gz(text);
      console.log(`bundle: import { ${c.name} } = ${text.length} B minified, ${size} B gzipped (budget ${c.budget})`);
      expect(size).toBeLessThanOrEqual(c.budget);
    });
  }

  it('import { nps } and import { byTouchpoint } carry no zod and no parser code', async () => {
    for (const code of cases.slice(0, 2).map((c) => c.code)) {
      const text = await bundle(code);
      expect(text).not.toMatch(/ZodError|\$ZodType|_zod|safeParse/);
      expect(text).not.toMatch(/must be an ISO-8601/);
      expect(text).not.toMatch(/process\.argv|node:fs|readFileSync/);
    }
  });

  it('the check above can fail: the parsers do bring zod', async () => {
    const text = await bundle("import { parseInteractions } from 'cx-metrics'; console.log(parseInteractions([]));");
    expect(text).toMatch(/_zod/);
  });
});
