/**
 * SSA benchmark: cscsim's exact direct method against a tight C direct method (bench/ssa/direct.c,
 * compiled with gcc -O2 at bench time) on a linear birth-death network and a CSC hierarchy network.
 * Both sides run the same ensemble (runs, seed, end time, output grid) from the same random streams.
 * Two C peers:
 * - `c-direct`, the plain method (libm log for the waiting time, search in model order). Ours uses the
 *   ziggurat exponential and the sorting direct method's order (McCollum et al. 2006), so the same
 *   uniforms give other trajectories with the same law; firing counts differ by sampling noise, and the C
 *   time is scaled to our firing count (the ratio compares time per firing).
 * - `c-direct-matched`, C running our algorithms: it must reproduce our trajectories exactly (same firing
 *   count and checksum, checked), so its ratio isolates the cost of generated JS against gcc -O2.
 * The sides alternate (REPS rounds, best of each) so that a load change on a shared machine hits all.
 * ratio = ms / peer_ms (below 1: we are faster); the goal is ratio <= 1.25 against `c-direct` (0.8x of
 * its speed or better).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { simulate } from '../../src/parallel/ensemble.js';

export interface BenchRow {
  readonly problem: string;
  readonly solver: string;
  readonly ms: number | null;
  readonly error: null;
  readonly peer: string;
  readonly peer_ms: number | null;
  readonly peer_error: null;
  readonly ratio: number | null;
  readonly note?: string;
}

const src = { unit: '1/day', source: 'assumed: benchmark' };

/** The networks of direct.c, built as cscsim models (same rates, same order of reactions). */
export function benchModel(name: 'bd' | 'hierarchy'): Model {
  const m = new ModelBuilder(`ssa_${name}`).compartment('c', 1);
  if (name === 'bd') {
    return m
      .param('b', 1, src)
      .param('d', 1.05, src)
      .species('X', { compartment: 'c', initial: 1000 })
      .reaction('birth', 'X -> 2 X', 'b * X')
      .reaction('death', 'X ->', 'd * X')
      .build();
  }
  const K = 4;
  m.param('ks', 0.35, src).param('kd', 0.3, src).param('ka', 0.35, src).param('ds', 0.05, src);
  m.param('lp', 2, src).param('dp', 0.1, src).param('dd', 0.3, src);
  m.species('S', { compartment: 'c', initial: 100 });
  for (let i = 1; i <= K; i++) m.species(`P${i}`, { compartment: 'c', initial: 0 });
  m.species('D', { compartment: 'c', initial: 0 });
  m.reaction('renew', 'S -> 2 S', 'ks * S');
  m.reaction('diff', 'S -> 2 P1', 'kd * S');
  m.reaction('asym', 'S -> S + P1', 'ka * S');
  m.reaction('csc_death', 'S ->', 'ds * S');
  for (let i = 1; i <= K; i++) {
    m.reaction(`div${i}`, `P${i} -> 2 ${i < K ? `P${i + 1}` : 'D'}`, `lp * P${i}`);
    m.reaction(`death${i}`, `P${i} ->`, `dp * P${i}`);
  }
  m.reaction('d_death', 'D ->', 'dd * D');
  return m.build();
}

interface Side {
  ms: number;
  firings: number;
  checksum: number;
}

/** Rounds of (ours, C plain, C matched), after JIT warm-up; the best of each side is kept. */
const REPS = 11;

type Variant = 'plain' | 'matched';

function runC(exe: string, name: string, runs: number, seed: number, tEnd: number, nOut: number, v: Variant) {
  const out = execFileSync(exe, [name, String(runs), String(seed), String(tEnd), String(nOut), v], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Side;
}

async function allSides(
  exe: string | null,
  model: Model,
  name: string,
  runs: number,
  seed: number,
  tEnd: number,
  nOut: number,
): Promise<{ ours: Side; peers: Record<Variant, Side> | null }> {
  const problem = compile(model);
  const outputTimes = Array.from({ length: nOut }, (_, i) => (tEnd * i) / (nOut - 1));
  // Warm up the JIT (as the C side needs no).
  for (let w = 0; w < 3; w++)
    await simulate(problem, { runs, seed: seed + 1 + w, outputTimes, quantiles: [], workers: 1 });
  const best = (): Side => ({ ms: Number.POSITIVE_INFINITY, firings: 0, checksum: 0 });
  const ours = best();
  const peers: Record<Variant, Side> = { plain: best(), matched: best() };
  for (let rep = 0; rep < REPS; rep++) {
    const t0 = performance.now();
    const r = await simulate(problem, { runs, seed, outputTimes, quantiles: [], workers: 1 });
    ours.ms = Math.min(ours.ms, performance.now() - t0);
    ours.firings = r.stats.firings;
    // direct.c's checksum: the first species at the last output time, summed over runs.
    ours.checksum = Math.round(r.mean[(nOut - 1) * r.ids.length] * runs);
    if (exe === null) continue;
    for (const v of ['plain', 'matched'] as const) {
      const j = runC(exe, name, runs, seed, tEnd, nOut, v);
      peers[v].ms = Math.min(peers[v].ms, j.ms);
      peers[v].firings = j.firings;
      peers[v].checksum = j.checksum;
    }
  }
  return { ours, peers: exe === null ? null : peers };
}

const CASES = [
  { problem: 'ssa-birth-death', name: 'bd' as const, runs: 100, tEnd: 10 },
  { problem: 'ssa-hierarchy', name: 'hierarchy' as const, runs: 20, tEnd: 20 },
];

const rate = (s: Side) => ((s.firings / s.ms) * 1e3).toExponential(2);

export async function runSsaBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-ssa-bench-'));
  const exe = join(dir, 'direct');
  const rows: BenchRow[] = [];
  try {
    let compileError: string | undefined;
    try {
      const c = fileURLToPath(new URL('./direct.c', import.meta.url));
      execFileSync('gcc', ['-O2', '-o', exe, c, '-lm'], { stdio: 'pipe' });
    } catch (e) {
      compileError = `gcc failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
    for (const c of CASES) {
      const model = benchModel(c.name);
      const both = await allSides(compileError ? null : exe, model, c.name, c.runs, 1, c.tEnd, 51);
      const o = both.ours;
      if (compileError || both.peers === null) {
        rows.push({
          problem: c.problem,
          solver: 'direct',
          ms: o.ms,
          error: null,
          peer: 'c-direct',
          peer_ms: null,
          peer_error: null,
          ratio: null,
          note: compileError,
        });
        continue;
      }
      const { plain, matched } = both.peers;
      // Plain C picks reactions in model order: other trajectories, the same law, so its time is scaled
      // to our firing count (time per firing). Matched C draws the same trajectories as ours.
      const plainMs = plain.ms * (o.firings / plain.firings);
      rows.push({
        problem: c.problem,
        solver: 'direct',
        ms: o.ms,
        error: null,
        peer: 'c-direct',
        peer_ms: plainMs,
        peer_error: null,
        ratio: o.ms / plainMs,
        note: `${o.firings} firings (C: ${plain.firings}); ours ${rate(o)} events/s, C ${rate(plain)} events/s`,
      });
      const same = matched.firings === o.firings && matched.checksum === o.checksum;
      rows.push({
        problem: c.problem,
        solver: 'direct',
        ms: o.ms,
        error: null,
        peer: 'c-direct-matched',
        peer_ms: matched.ms,
        peer_error: null,
        ratio: o.ms / matched.ms,
        note: `C with our algorithms (ziggurat, sorted search): ${
          same
            ? 'identical trajectories'
            : `DIFFERENT trajectories (firings ${matched.firings}, checksum ${matched.checksum} vs ${o.checksum})`
        }; C ${rate(matched)} events/s`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  for (const r of await runSsaBench()) console.log(JSON.stringify(r));
}
