// Runs every example in examples/ (*.mjs against the build, *.ts with tsx) and fails if one fails.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('../examples/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.(mjs|ts)$/.test(f))
  .sort();
let failed = 0;
for (const f of files) {
  const path = new URL(f, dir).pathname;
  const [cmd, args] = f.endsWith('.ts') ? ['npx', ['--no-install', 'tsx', path]] : [process.execPath, [path]];
  process.stdout.write(`\n=== examples/${f}\n`);
  try {
    execFileSync(cmd, args, { stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`examples/${f} failed`);
  }
}
console.log(`\nexamples: ${files.length - failed} passed, ${failed} failed`);
if (failed) process.exit(1);
