// Writes the JSON Schema of every model to schemas/<Model>.json from the built package,
// so services in other languages can validate the same records (`cx-metrics/schemas/*.json`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { MODEL_NAMES, modelJsonSchema } from '../dist/models/index.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const name of MODEL_NAMES) {
  writeFileSync(new URL(`../schemas/${name}.json`, import.meta.url), `${JSON.stringify(modelJsonSchema(name), null, 2)}\n`);
}
console.log(`schemas: wrote ${MODEL_NAMES.length} JSON Schemas to schemas/`);
