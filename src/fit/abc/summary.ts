/**
 * What a finished ABC-SMC run says: weighted posterior summaries per model (mean, sd, quantiles), the
 * particles as CSV (full-precision numbers, so that files compare bit for bit) and the summary document.
 */
import type { AbcResult } from './smc.js';
import type { Population } from './types.js';

export interface ParameterSummary {
  readonly mean: number;
  readonly sd: number;
  readonly q025: number;
  readonly median: number;
  readonly q975: number;
}

/** Weighted quantile: the smallest x with cumulative weight >= q (weights normalised within the rows). */
function wquantile(xs: readonly number[], ws: readonly number[], q: number): number {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const W = ws.reduce((s, w) => s + w, 0);
  let c = 0;
  for (const i of order) {
    c += ws[i]! / W;
    if (c >= q) return xs[i]!;
  }
  return xs[order[order.length - 1]!] ?? Number.NaN;
}

/** Posterior summaries of model `m`'s parameters (NaN when the model has no particles). */
export function summarise(pop: Population, m: number, d: number): ParameterSummary[] {
  const rows: number[] = [];
  for (let i = 0; i < pop.n; i++) if (pop.model[i] === m) rows.push(i);
  const ws = rows.map((i) => pop.weight[i]!);
  const W = ws.reduce((s, w) => s + w, 0);
  const out: ParameterSummary[] = [];
  for (let a = 0; a < d; a++) {
    const xs = rows.map((i) => pop.theta[i * pop.dim + a]!);
    let mean = 0;
    for (const [k, x] of xs.entries()) mean += (ws[k]! / W) * x;
    let v = 0;
    for (const [k, x] of xs.entries()) v += (ws[k]! / W) * (x - mean) ** 2;
    out.push({
      mean: rows.length ? mean : Number.NaN,
      sd: rows.length ? Math.sqrt(v) : Number.NaN,
      q025: wquantile(xs, ws, 0.025),
      median: wquantile(xs, ws, 0.5),
      q975: wquantile(xs, ws, 0.975),
    });
  }
  return out;
}

/** Column names of posterior.csv: one per parameter (prefixed by the model id when there are several). */
export function parameterColumns(r: AbcResult): string[] {
  return r.models.flatMap((m) => m.parameters.map((p) => (r.models.length > 1 ? `${m.id}.${p}` : p)));
}

/** posterior.csv: particle, model, weight, distance, parameters, statistics; shortest round-trip numbers. */
export function posteriorCsv(r: AbcResult): string {
  const pop = r.population;
  const header = ['particle', 'model', 'weight', 'distance', ...parameterColumns(r), ...r.statistics];
  const lines = [header.join(',')];
  if (pop) {
    for (let i = 0; i < pop.n; i++) {
      const m = pop.model[i]!;
      const cells: string[] = [String(i), r.models[m]!.id, String(pop.weight[i]), String(pop.distance[i])];
      for (const [k, model] of r.models.entries())
        for (let a = 0; a < model.parameters.length; a++)
          cells.push(k === m ? String(pop.theta[i * pop.dim + a]) : '');
      for (let s = 0; s < pop.nStats; s++) cells.push(String(pop.stats[i * pop.nStats + s]));
      lines.push(cells.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** summary.json's content. */
export function summaryOf(r: AbcResult, name?: string): unknown {
  const pop = r.population;
  return {
    method: 'abc',
    ...(name ? { problem: name } : {}),
    status: r.status,
    particles: r.state.settings.particles,
    seed: r.state.settings.seed,
    evaluations: r.evaluations,
    nanDistances: r.generations.reduce((s, g) => s + g.nanDistances, 0),
    seconds: r.seconds,
    finalEpsilon: finite(r.generations[r.generations.length - 1]?.epsilon ?? Number.NaN),
    models: r.models.map((m, k) => {
      const s = pop ? summarise(pop, k, m.parameters.length) : [];
      return {
        id: m.id,
        probability: r.modelProbabilities[k] ?? null,
        parameters: Object.fromEntries(
          m.parameters.map((p, a) => [
            p,
            s[a]
              ? Object.fromEntries(Object.entries(s[a]!).map(([key, v]) => [key, finite(v as number)]))
              : null,
          ]),
        ),
      };
    }),
    generations: r.generations.map((g) => ({ ...g, epsilon: finite(g.epsilon) })),
  };
}
