/** Runs every claim, the robustness sweep and the virtual B-47 trial; the CLI command and tests call this. */
import type { IndexedMap } from '../parallel/map.js';
import { type B47Confrontation, type B47Plan, confrontB47 } from './b47.js';
import { type ClaimContext, type ClaimResult, claims } from './claims/index.js';
import { planJobs } from './jobs.js';
import { defaultWorkers, runJobs } from './pool.js';
import { type Robustness, summarizeRobustness } from './robustness.js';

export interface ReproduceOptions extends ClaimContext {
  /** Latin-hypercube sets per claim (default 200; 0 skips the sweep). */
  readonly sets?: number;
  readonly progress?: (line: string) => void;
  /** Only these claim ids. */
  readonly only?: readonly string[];
  /** Worker threads (default: up to 2); 1 runs everything on the calling thread. Results do not depend on it. */
  readonly workers?: number;
  /** Where jobs and trial shards run (e.g. a Redis queue); default `workers` local threads. */
  readonly map?: IndexedMap;
  /** The virtual NSABP B-47 trial and scan (b47.ts); false or absent skips it. */
  readonly trial?: B47Plan | false;
}

export interface Reproduction {
  readonly results: ClaimResult[];
  readonly robustness: Robustness[];
  /** Null when the trial was skipped. */
  readonly trial: B47Confrontation | null;
  readonly seconds: number;
}

export async function reproduce(o: ReproduceOptions): Promise<Reproduction> {
  const t0 = performance.now();
  const chosen = claims.filter((c) => !o.only || o.only.includes(c.id));
  const ids = chosen.map((c) => c.id);
  const n = o.sets ?? 200;
  const workers = o.workers ?? defaultWorkers();
  const jobs = planJobs(ids, n);
  let setsDone = 0;
  const out = await runJobs(
    jobs,
    { seed: o.seed, ...(o.quick ? { quick: true } : {}) },
    workers,
    (job, r) => {
      if (r.kind === 'claims')
        for (const c of r.results) o.progress?.(`${c.id}: ${c.status} (value ${c.value.toPrecision(3)})`);
      else if (job.kind === 'robustness')
        o.progress?.(`robustness: ${(setsDone += job.to - job.from)}/${n} sets`);
    },
    o.map,
  );
  const byId = new Map<string, ClaimResult>();
  const counts = ids.map(() => 0);
  for (const r of out) {
    if (r.kind === 'claims') for (const c of r.results) byId.set(c.id, c);
    else
      r.counts.forEach((c, k) => {
        counts[k]! += c;
      });
  }
  const trial = o.trial
    ? await confrontB47(o.trial, {
        seed: o.seed,
        workers,
        ...(o.map ? { map: o.map } : {}),
        ...(o.progress ? { progress: o.progress } : {}),
      })
    : null;
  return {
    results: ids.map((id) => byId.get(id)!),
    robustness: n > 0 ? summarizeRobustness(chosen, n, counts) : [],
    trial,
    seconds: (performance.now() - t0) / 1000,
  };
}
