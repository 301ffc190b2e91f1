/** Runs every claim and the robustness sweep; the CLI command and tests call this. */
import { type ClaimContext, type ClaimResult, claims } from './claims/index.js';
import { type Robustness, robustness } from './robustness.js';

export interface ReproduceOptions extends ClaimContext {
  /** Latin-hypercube sets per claim (default 200; 0 skips the sweep). */
  readonly sets?: number;
  readonly progress?: (line: string) => void;
  /** Only these claim ids. */
  readonly only?: readonly string[];
}

export interface Reproduction {
  readonly results: ClaimResult[];
  readonly robustness: Robustness[];
  readonly seconds: number;
}

export async function reproduce(o: ReproduceOptions): Promise<Reproduction> {
  const t0 = performance.now();
  const chosen = claims.filter((c) => !o.only || o.only.includes(c.id));
  const results: ClaimResult[] = [];
  for (const c of chosen) {
    o.progress?.(`${c.id}: running`);
    const r = await c.run(o);
    results.push(r);
    o.progress?.(`${c.id}: ${r.status} (value ${r.value.toPrecision(3)})`);
  }
  const n = o.sets ?? 200;
  const rob =
    n > 0 ? robustness(chosen, n, o.seed, (id, d, t) => o.progress?.(`robustness ${id}: ${d}/${t}`)) : [];
  return { results, robustness: rob, seconds: (performance.now() - t0) / 1000 };
}
