// The core runs in browsers and edge runtimes: src/index.ts must bundle for the browser with no
// Node built-in. The second test shows the guard can fail: the same build with a `node:fs` import
// injected into one metric file is rejected.
import { fileURLToPath } from 'node:url';
import { type Plugin, build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const browserBuild = (plugins: Plugin[] = []) =>
  build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'esm', external: ['zod'], logLevel: 'silent', plugins });

describe('core portability', () => {
  it('src/index.ts bundles for the browser without any Node built-in', async () => {
    const out = await browserBuild();
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
  });

  it('a node:fs import added to the core fails the browser build', async () => {
    const inject: Plugin = {
      name: 'inject-node-import',
      setup(b) {
        b.onLoad({ filter: /metrics[\\/]nps\.ts$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          return { contents: `import { readFileSync } from 'node:fs';\nexport const _x = readFileSync;\n${await readFile(args.path, 'utf8')}`, loader: 'ts' };
        });
      },
    };
    await expect(browserBuild([inject])).rejects.toThrow(/node:fs/);
  });
});
