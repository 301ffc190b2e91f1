#!/usr/bin/env node
// Full SBML Test Suite semantic run (the CI gate): runs `cscsim sbml-suite --json` through tsx once per
// Level/Version (default l3v2, l2v4, l3v1) and fails when fewer than --min of the core (non-package)
// cases available at any of them pass.
//   node scripts/sbml-suite.mjs [--cases DIR] [--min 0.95] [--jobs N] [--sbml l3v2,l2v4,l3v1]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const cases = opt('cases', join(root, '..', 'shared', 'sbml-test-suite', 'semantic'));
const min = Number(opt('min', '0.95'));
const jobs = opt('jobs', undefined);
const versions = opt('sbml', 'l3v2,l2v4,l3v1').split(',');

let ok = true;
for (const version of versions) ok = runVersion(version) && ok;
process.exit(ok ? 0 : 1);

function runVersion(version) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      'sbml-suite',
      '--cases',
      cases,
      '--json',
      '--sbml',
      version,
      ...(jobs ? ['--jobs', jobs] : []),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0 && r.status !== 1) {
    console.error(`sbml-suite: exit code ${r.status}`);
    process.exit(2);
  }
  const res = JSON.parse(r.stdout);
  const seconds = (Date.now() - started) / 1000;
  const groups = new Map();
  for (const c of res.cases) {
    if (c.status === 'passed' || /^not available at /.test(c.reason ?? '')) continue;
    const key = `${c.status}: ${(c.reason ?? '').replace(/^(\S+ at t = )?.*?(timeout|Error: [^']*|x tolerance)$/, '$2').slice(0, 70)}`;
    groups.set(key, [...(groups.get(key) ?? []), c.id]);
  }
  for (const [k, ids] of [...groups].sort((a, b) => b[1].length - a[1].length))
    console.log(
      `${String(ids.length).padStart(4)}  ${k}  (${ids.slice(0, 12).join(' ')}${ids.length > 12 ? ' ...' : ''})`,
    );
  const rate = res.core ? res.passed / res.core : 0;
  console.log(
    `${version}: passed ${res.passed}/${res.core} core cases (${(100 * rate).toFixed(1)}%); failed ${res.failed}; ` +
      `unsupported ${res.unsupported} (of which ${res.total - res.core} need SBML packages); ${seconds.toFixed(1)} s`,
  );
  return rate >= min;
}
