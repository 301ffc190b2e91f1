/**
 * The reproduction as independent jobs, so that it can be spread over worker threads: a job runs some
 * claims, or the robustness criteria over a range of parameter sets. A job's result depends only on the
 * job and the seed (claims seed their streams by run/mouse index, sets are indexed), never on which
 * thread runs it or in what order, so the report is the same for any number of workers.
 */
import { type ClaimContext, type ClaimResult, claims } from './claims/index.js';
import { holdsCounts } from './robustness.js';

export type Job =
  | { readonly kind: 'claims'; readonly ids: readonly string[] }
  | {
      readonly kind: 'robustness';
      readonly ids: readonly string[];
      readonly n: number;
      readonly from: number;
      readonly to: number;
    };

export type JobResult =
  | { readonly kind: 'claims'; readonly results: readonly ClaimResult[] }
  | { readonly kind: 'robustness'; readonly counts: readonly number[] };

/** Claims that share a cached study run in one job (C3 and C4 read the same MCF7 timing study). */
const GROUPS: readonly (readonly string[])[] = [['C3', 'C4'], ['C2'], ['C5'], ['C1'], ['C6', 'C7', 'C8']];

/** Robustness sets per job: small enough to balance two workers, large enough to amortise start-up. */
const SETS_PER_JOB = 25;

/** Jobs for the chosen claims and n robustness sets, longest first (claims, then set ranges). */
export function planJobs(ids: readonly string[], n: number): Job[] {
  const chosen = new Set(ids);
  const jobs: Job[] = [];
  const grouped = new Set(GROUPS.flat());
  for (const g of GROUPS) {
    const part = g.filter((id) => chosen.has(id));
    if (part.length) jobs.push({ kind: 'claims', ids: part });
  }
  for (const id of ids) if (!grouped.has(id)) jobs.push({ kind: 'claims', ids: [id] });
  for (let from = 0; from < n; from += SETS_PER_JOB)
    jobs.push({ kind: 'robustness', ids: [...ids], n, from, to: Math.min(n, from + SETS_PER_JOB) });
  return jobs;
}

function claimsById(ids: readonly string[]) {
  return ids.map((id) => {
    const c = claims.find((x) => x.id === id);
    if (!c) throw new Error(`unknown claim '${id}'`);
    return c;
  });
}

export async function runJob(job: Job, ctx: ClaimContext): Promise<JobResult> {
  const chosen = claimsById(job.ids);
  if (job.kind === 'robustness')
    return { kind: 'robustness', counts: holdsCounts(chosen, job.n, ctx.seed, job.from, job.to) };
  const results: ClaimResult[] = [];
  for (const c of chosen) results.push(await c.run(ctx));
  return { kind: 'claims', results };
}
