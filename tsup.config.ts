import { defineConfig } from 'tsup';

// One entry per layer (DESIGN.md, "Build and toolchain"): with splitting, `import { nps }` from the
// root pulls only the metric chunk, never zod (whose top-level `z.object(…)` calls cannot be
// tree-shaken). The models entry is the only one that imports zod.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'models/index': 'src/models/index.ts',
    'metrics/index': 'src/metrics/index.ts',
    'stats/index': 'src/stats/index.ts',
    'aggregate/index': 'src/aggregate/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  target: 'es2020',
  platform: 'neutral',
  outDir: 'dist',
});
