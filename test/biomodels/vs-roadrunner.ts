/**
 * Cross-check of the Level 2 import against libRoadRunner 2.7.0 (`../shared/peers/roadrunner/rrref`):
 * each model's species amounts over 0-100 (101 points), both at rtol 1e-10 / atol 1e-16 (tight, so that
 * species of amounts near 1e-12 are resolved by both: the two tools scale a scalar atol differently,
 * libRoadRunner by each state's initial value, we by compartment size), compared per species relative
 * to that species' largest amount (floor 1e-12 of the largest amount of the model).
 * Writes roadrunner.json beside this file.
 *   node --import tsx test/biomodels/vs-roadrunner.ts [--count N] [--rrref PATH]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { solve } from '../../src/engines/solve.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const rrref = opt('rrref', join(here, '..', '..', '..', 'shared', 'peers', 'roadrunner', 'rrref'));
const count = Number(opt('count', '30'));
const MATCH = 1e-4;
const tmp = mkdtempSync(join(tmpdir(), 'rr-'));
const ids = readdirSync(join(here, 'corpus'))
  .filter((f) => f.endsWith('.xml.gz'))
  .map((f) => f.replace('.xml.gz', ''))
  .sort()
  .slice(0, count);

function csv(file: string): { cols: string[]; rows: number[][] } {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return { cols: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

const rows = [];
for (const id of ids) {
  const text = gunzipSync(readFileSync(join(here, 'corpus', `${id}.xml.gz`))).toString('utf8');
  const xml = join(tmp, `${id}.xml`);
  writeFileSync(xml, text);
  let rr: { cols: string[]; rows: number[][] };
  try {
    execFileSync(rrref, [xml, '100', '101', join(tmp, 'c.csv'), join(tmp, 'a.csv')], {
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, RRREF_RTOL: '1e-10', RRREF_ATOL: '1e-16' },
    });
    rr = csv(join(tmp, 'a.csv'));
  } catch (e) {
    rows.push({
      id,
      status: 'roadrunner failed',
      error: String((e as { stdout?: Buffer }).stdout ?? e).slice(0, 200),
    });
    continue;
  }
  try {
    const model = importSbml(text, `${id}.xml`);
    // Species (as amounts) and the parameters rate rules drive, as rrref reports them.
    const isSpecies = (c: string): boolean => model.species.some((s) => s.id === c);
    const species = rr.cols.slice(1).filter((c) => isSpecies(c) || model.parameters.some((q) => q.id === c));
    const times = rr.rows.map((r) => r[0]!);
    const sol = solve(compile(model), {
      tEnd: 100,
      outputTimes: times,
      outputs: species,
      amount: species.filter(isSpecies),
      rtol: 1e-10,
      atol: 1e-16,
    });
    let scale = 0;
    for (const r of rr.rows) for (const v of r.slice(1)) scale = Math.max(scale, Math.abs(v));
    let worst = 0;
    let worstId = '';
    species.forEach((s, j) => {
      const col = rr.cols.indexOf(s);
      let big = 1e-12 * scale;
      let err = 0;
      rr.rows.forEach((r, i) => {
        big = Math.max(big, Math.abs(r[col]!));
        err = Math.max(err, Math.abs(sol.y[i * species.length + j]! - r[col]!));
      });
      const rel = big > 0 ? err / big : 0;
      if (rel > worst || !(rel <= worst)) {
        worst = rel;
        worstId = s;
      }
    });
    const status = species.length === 0 ? 'no species to compare' : worst <= MATCH ? 'match' : 'differs';
    rows.push({ id, status, species: species.length, worst, worstId });
  } catch (e) {
    rows.push({ id, status: 'ours failed', error: String(e).slice(0, 200) });
  }
  const last = rows[rows.length - 1]!;
  console.log(
    `${id} ${last.status} ${'worst' in last ? `${(last.worst as number).toExponential(2)} (${last.worstId})` : (last.error ?? '')}`,
  );
}
const matched = rows.filter((r) => r.status === 'match').length;
const compared = rows.filter((r) => r.status === 'match' || r.status === 'differs').length;
const summary = { tolerance: MATCH, matched, compared, total: rows.length };
writeFileSync(join(here, 'roadrunner.json'), `${JSON.stringify({ ...summary, models: rows }, null, 1)}\n`);
console.log(
  `${matched} of ${compared} compared models (${rows.length} tried) match libRoadRunner within ${MATCH} (relative to each species' largest amount)`,
);
