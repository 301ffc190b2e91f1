/**
 * `npm run test:petab`: every problem of the PEtab benchmark collection, each in its own process (a
 * timeout per problem), against the collection's simulation tables and AMICI's reference llh values.
 * Prints a Markdown table (the README's) and a summary; exits 1 below --min-match simulation matches or
 * --min-llh llh matches. Options: --root DIR, --only NAME, --timeout S (default 300), --json FILE.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION, problems } from './collection.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const root = opt('root', COLLECTION);
const only = opt('only', '');
const timeout = Number(opt('timeout', '300'));
const minMatch = Number(opt('min-match', '0'));
const minLlh = Number(opt('min-llh', '0'));
const jsonOut = opt('json', '');

interface Row {
  name: string;
  species?: number;
  conditions?: number;
  measurements?: number;
  sbml_kb?: number;
  load_ms?: number;
  load_cpu_ms?: number;
  sim_cpu_ms?: number;
  sim_ms?: number;
  sim_warm_ms?: number;
  llh?: number;
  simulation?: { matched: boolean; worst: number; note?: string; ours?: number; theirs?: number };
  amici?: { ref: number; matched: boolean };
  error?: string;
}

const rows: Row[] = [];
for (const p of problems(root)) {
  if (only !== '' && !p.name.includes(only)) continue;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'run-one.ts'), root, p.name],
    {
      encoding: 'utf8',
      timeout: timeout * 1000,
      maxBuffer: 1 << 24,
    },
  );
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  let row: Row;
  try {
    row = JSON.parse(line) as Row;
  } catch {
    row = {
      name: p.name,
      error:
        r.error !== undefined
          ? `timeout after ${timeout} s`
          : (r.stderr.trim().split('\n')[0] ?? 'no output'),
    };
  }
  rows.push(row);
  process.stderr.write(`${p.name}: ${row.error ?? (row.simulation?.matched ? 'match' : 'no match')}\n`);
}

const fmt = (v: number | undefined): string => (v === undefined ? '' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const verdict = (r: Row): string => {
  if (r.error !== undefined) return `error: ${r.error.slice(0, 140).replace(/\|/g, '/')}`;
  if (r.simulation === undefined) return 'no simulation table';
  if (r.simulation.matched) return `matched (worst ${r.simulation.worst.toExponential(1)})`;
  return `differs: ${r.simulation.note ?? `worst ${r.simulation.worst.toExponential(1)} (${r.simulation.ours} vs ${r.simulation.theirs})`}`;
};
const lines = [
  '| problem | species | SBML kB | conditions | measurements | simulation table | llh | AMICI llh | load+compile ms CPU (wall) | simulate all ms CPU (wall; warm wall) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.species ?? ''} | ${r.sbml_kb ?? ''} | ${r.conditions ?? ''} | ${r.measurements ?? ''} | ${verdict(r)} | ${r.llh?.toFixed(3) ?? ''} | ` +
      `${r.amici === undefined ? '' : `${r.amici.ref.toFixed(3)} ${r.amici.matched ? '(match)' : '(differs)'}`} | ${fmt(r.load_cpu_ms)} (${fmt(r.load_ms)}) | ` +
      `${fmt(r.sim_cpu_ms)} (${fmt(r.sim_ms)}; ${fmt(r.sim_warm_ms)}) |`,
  ),
];
const matched = rows.filter((r) => r.simulation?.matched).length;
const withTable = rows.filter((r) => r.simulation !== undefined || r.error !== undefined).length;
const amiciListed = Object.keys(
  (
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'amici-llh.json'), 'utf8')) as {
      llh: object;
    }
  ).llh,
).length;
const llhListed = rows.filter((r) => r.amici !== undefined).length;
// Import growth: least-squares slope of log(load CPU ms) on log(SBML size); 1 is linear.
const pts = rows.filter((r) => r.load_cpu_ms !== undefined && (r.sbml_kb ?? 0) > 0);
const lx = pts.map((r) => Math.log(r.sbml_kb!));
const ly = pts.map((r) => Math.log(r.load_cpu_ms!));
const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
const my = ly.reduce((a, b) => a + b, 0) / ly.length;
const slope =
  lx.reduce((a, x, i) => a + (x - mx) * (ly[i]! - my), 0) / lx.reduce((a, x) => a + (x - mx) ** 2, 0);
const llhMatched = rows.filter((r) => r.amici?.matched).length;
process.stdout.write(`${lines.join('\n')}\n\n`);
process.stdout.write(
  `simulation tables matched: ${matched} of ${rows.length} problems (${withTable} with a table or an error); ` +
    `AMICI llh matched: ${llhMatched} of ${amiciListed} listed (${llhListed} of them simulated); ` +
    `load CPU time grows as size^${slope.toFixed(2)} (log-log fit over ${pts.length} problems)\n`,
);
if (jsonOut !== '') writeFileSync(jsonOut, `${JSON.stringify(rows, null, 1)}\n`);
process.exit(matched >= minMatch && llhMatched >= minLlh ? 0 : 1);
