// Packs the package as npm would publish it and checks the tarball with publint --strict and
// @arethetypeswrong/cli. Fails on any problem either tool reports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'cx-pack-'));
try {
  const out = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', dir]));
  const tarball = join(dir, out[0].filename);
  console.log(`packed ${out[0].filename}: ${out[0].entryCount} files, ${(out[0].size / 1024).toFixed(1)} KiB`);
  execFileSync('npx', ['--no-install', 'publint', '--strict', tarball], { stdio: 'inherit' });
  execFileSync('npx', ['--no-install', 'attw', tarball, '--format', 'table-flipped'], { stdio: 'inherit' });
  console.log('check:package: publint --strict and attw found no problem');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
