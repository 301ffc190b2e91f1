/**
 * The curated BioModels corpus run (`npm run test:biomodels`): every `corpus/BIOMD*.xml.gz` loaded,
 * compiled and simulated (check-model.ts) on worker threads, each with a time limit; writes
 * results.json and results.csv beside this file and prints the counts and the failures by feature.
 *   node --import tsx test/biomodels/run-corpus.ts [--jobs N] [--timeout S] [--filter SUBSTRING]
 *     [--rtol R --atol A] [--no-scale-atol]   (non-default settings print only; tables are not rewritten)
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorker } from '../../src/parallel/workers.js';
import { HORIZON, type ModelRow } from './check-model.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const jobs = Number(opt('jobs') ?? Math.min(2, availableParallelism()));
const timeoutMs = 1000 * Number(opt('timeout') ?? 30);
const filter = opt('filter');
const rtol = Number(opt('rtol') ?? HORIZON.rtol);
const atol = Number(opt('atol') ?? HORIZON.atol);
const scaleAtol = !args.includes('--no-scale-atol');
const standard = rtol === HORIZON.rtol && atol === HORIZON.atol && scaleAtol;
const corpus = join(here, 'corpus');
const ids = readdirSync(corpus)
  .filter((f) => /^BIOMD\d+\.xml\.gz$/.test(f) && (!filter || f.includes(filter)))
  .map((f) => f.replace('.xml.gz', ''))
  .sort();

const rows: ModelRow[] = [];
await new Promise<void>((resolve) => {
  let next = 0;
  let running = 0;
  const start = (): void => {
    const w = startWorker('worker', import.meta.url);
    running++;
    let timer: NodeJS.Timeout | undefined;
    let current: string | undefined;
    const feed = (): void => {
      if (next >= ids.length) {
        void w.terminate();
        if (--running === 0) resolve();
        return;
      }
      const id = ids[next++]!;
      current = id;
      w.postMessage({ id, file: join(corpus, `${id}.xml.gz`), rtol, atol, scaleAtol });
      timer = setTimeout(() => {
        rows.push({
          id,
          level: '?',
          species: 0,
          reactions: 0,
          events: 0,
          loads: true,
          compiles: true,
          simulates: false,
          stage: 'simulate',
          feature: 'time limit',
          error: `no result within ${timeoutMs / 1000} s`,
          ms: timeoutMs,
        });
        current = undefined;
        void w.terminate();
        running--;
        start();
      }, timeoutMs);
    };
    w.on('message', (r: ModelRow) => {
      clearTimeout(timer);
      if (r.id === current) rows.push(r);
      process.stderr.write(`\r${rows.length}/${ids.length} ${r.id}   `);
      feed();
    });
    feed();
  };
  for (let k = 0; k < Math.min(jobs, ids.length); k++) start();
  if (ids.length === 0) resolve();
});
process.stderr.write('\n');
rows.sort((a, b) => (a.id < b.id ? -1 : 1));

const count = (f: (r: ModelRow) => boolean): number => rows.filter(f).length;
const summary = {
  horizon: { ...HORIZON, rtol, atol },
  total: rows.length,
  loads: count((r) => r.loads),
  compiles: count((r) => r.compiles),
  simulates: count((r) => r.simulates),
  negative: count((r) => (r.minSpecies ?? 0) < -1e-6),
};
if (!filter && standard) {
  writeFileSync(join(here, 'results.json'), `${JSON.stringify({ summary, models: rows }, null, 1)}\n`);
  const cols = [
    'id',
    'level',
    'species',
    'reactions',
    'events',
    'loads',
    'compiles',
    'simulates',
    'stage',
    'feature',
    'minSpecies',
    'steps',
    'ms',
    'error',
  ] as const;
  const cell = (v: unknown): string => {
    const s = v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csv = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n');
  writeFileSync(join(here, 'results.csv'), `${csv}\n`);
}
const byFeature = new Map<string, string[]>();
for (const r of rows)
  if (!r.simulates)
    byFeature.set(`${r.stage}: ${r.feature}`, [...(byFeature.get(`${r.stage}: ${r.feature}`) ?? []), r.id]);
for (const [k, v] of [...byFeature].sort((a, b) => b[1].length - a[1].length))
  console.log(`${v.length}  ${k}  ${v.join(' ')}`);
for (const r of rows) if (!r.simulates) console.log(`  ${r.id} ${r.level} ${r.stage}: ${r.error}`);
console.log(
  `${summary.total} models: ${summary.loads} load, ${summary.compiles} compile, ${summary.simulates} simulate ` +
    `0-${HORIZON.tEnd} (rtol ${rtol}, atol ${atol}${scaleAtol ? '' : ', atol not scaled'}); ${summary.negative} with a species below -1e-6`,
);
const min = Number(opt('min') ?? 0);
process.exit(summary.total > 0 && summary.simulates / summary.total >= min ? 0 : 1);
