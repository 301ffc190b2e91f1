#!/usr/bin/env node
// Finds *.test.ts under src/ and test/ and runs them with node's test runner through tsx.
// Node 20's --test does not discover .ts files itself. Pass paths or substrings to filter.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = walk('src', walk('test', [])).filter(
  (f) => filters.length === 0 || filters.some((s) => f.includes(s)),
);
files.sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Suites whose fixture folder (../shared) is absent log why here (test/helpers/fixtures.ts); printed once below.
const logDir = mkdtempSync(join(tmpdir(), 'cscsim-skips-'));
const skipLog = join(logDir, 'skipped.tsv');
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, CSCSIM_SKIP_LOG: skipLog } },
);
let skipped = [];
try {
  skipped = [...new Set(readFileSync(skipLog, 'utf8').split('\n').filter(Boolean))];
} catch {
  // nothing skipped
}
rmSync(logDir, { recursive: true, force: true });
if (skipped.length > 0) {
  console.log(
    `\nskipped ${skipped.length} fixture-based suite(s) (set CI=true to make a missing fixture fail):`,
  );
  for (const line of skipped.sort()) {
    const [suite, reason] = line.split('\t');
    console.log(`  - ${suite}: ${reason}`);
  }
}
process.exit(r.status ?? 1);
