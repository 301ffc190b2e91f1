/**
 * report.html of an ABC-SMC run: marginal posterior densities (weighted Gaussian kernel density, Silverman's
 * bandwidth with the effective sample size), pairwise scatter of the first parameters of each model,
 * epsilon and acceptance rate per generation, and model probabilities; SVG from src/report/svg.
 */
import { figure, p, page, section, table } from '../../report/html.js';
import { dotMark, lineChart, plot } from '../../report/svg/index.js';
import { effectiveSampleSize } from './population.js';
import type { AbcResult } from './smc.js';
import { summarise } from './summary.js';
import type { Population } from './types.js';

/** Rows of model m: parameter values (column a) and weights. */
function column(pop: Population, m: number, a: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < pop.n; i++)
    if (pop.model[i] === m) {
      x.push(pop.theta[i * pop.dim + a]!);
      w.push(pop.weight[i]!);
    }
  return { x, w };
}

/** Weighted Gaussian KDE on 120 points over the sample's range padded by 3 bandwidths. */
export function density(x: readonly number[], w: readonly number[]): { x: number[]; y: number[] } {
  const W = w.reduce((s, v) => s + v, 0);
  const mean = x.reduce((s, v, i) => s + (w[i]! / W) * v, 0);
  const sd = Math.sqrt(x.reduce((s, v, i) => s + (w[i]! / W) * (v - mean) ** 2, 0));
  const ess = effectiveSampleSize(Float64Array.from(w));
  const h = Math.max(1.06 * sd * ess ** -0.2, 1e-12);
  const lo = Math.min(...x) - 3 * h;
  const hi = Math.max(...x) + 3 * h;
  const gx: number[] = [];
  const gy: number[] = [];
  const c = 1 / (W * h * Math.sqrt(2 * Math.PI));
  for (let k = 0; k < 120; k++) {
    const t = lo + ((hi - lo) * k) / 119;
    let s = 0;
    for (let i = 0; i < x.length; i++) s += w[i]! * Math.exp(-0.5 * ((t - x[i]!) / h) ** 2);
    gx.push(t);
    gy.push(c * s);
  }
  return { x: gx, y: gy };
}

const KEY_PARAMETERS = 4;
const SCATTER_POINTS = 1500;

export function abcReport(r: AbcResult, title: string): string {
  const pop = r.population;
  const gens = r.generations;
  const parts = [];
  const later = gens.filter((g) => Number.isFinite(g.epsilon));
  parts.push(
    section(
      'Run',
      p(
        `${r.status}: ${gens.length} generations, ${r.evaluations} candidates, ${pop?.n ?? 0} particles, seed ${r.state.settings.seed}, ${r.seconds.toFixed(1)} s.`,
      ),
      table({
        columns: [
          { key: 'g', label: 'generation' },
          { key: 'eps', label: 'epsilon', format: 4 },
          { key: 'acc', label: 'acceptance', format: 4 },
          { key: 'ess', label: 'ESS', format: 0 },
          { key: 'ev', label: 'candidates' },
          { key: 'nan', label: 'NaN distances' },
          { key: 'probs', label: 'model probabilities' },
        ],
        rows: gens.map((g) => ({
          g: g.generation,
          eps: Number.isFinite(g.epsilon) ? g.epsilon : 'prior',
          acc: g.acceptanceRate,
          ess: g.ess,
          ev: g.evaluations,
          nan: g.nanDistances,
          probs: g.modelProbabilities.map((v) => v.toFixed(3)).join(' / '),
        })),
      }),
      figure(
        lineChart({
          title: 'Epsilon per generation',
          x: { label: 'generation' },
          y: { label: 'epsilon', type: 'log' },
          series: [{ name: 'epsilon', x: later.map((g) => g.generation), y: later.map((g) => g.epsilon) }],
          legend: 'none',
        }),
      ),
      figure(
        lineChart({
          title: 'Acceptance rate per generation',
          x: { label: 'generation' },
          y: { label: 'accepted / candidates', type: 'log' },
          series: [
            { name: 'acceptance', x: gens.map((g) => g.generation), y: gens.map((g) => g.acceptanceRate) },
          ],
          legend: 'none',
        }),
      ),
    ),
  );
  if (r.models.length > 1)
    parts.push(
      section(
        'Model probabilities',
        figure(
          lineChart({
            title: 'Posterior model probabilities per generation',
            x: { label: 'generation' },
            y: { label: 'probability', domain: [0, 1] },
            series: r.models.map((m, k) => ({
              name: m.id,
              x: gens.map((g) => g.generation),
              y: gens.map((g) => g.modelProbabilities[k] ?? 0),
            })),
          }),
        ),
      ),
    );
  if (pop)
    for (const [k, m] of r.models.entries()) {
      const s = summarise(pop, k, m.parameters.length);
      const figs = m.parameters.map((id, a) => {
        const c = column(pop, k, a);
        if (c.x.length < 2) return p(`${id}: fewer than two particles.`);
        const dens = density(c.x, c.w);
        return figure(
          lineChart({
            title: `${m.id}: ${id}`,
            x: { label: id },
            y: { label: 'posterior density', include: [0] },
            series: [{ name: id, x: dens.x, y: dens.y }],
            legend: 'none',
            width: 360,
            height: 240,
          }),
        );
      });
      const key = m.parameters.slice(0, KEY_PARAMETERS);
      const pairs = [];
      for (let a = 0; a < key.length; a++)
        for (let b = a + 1; b < key.length; b++) {
          const xa = column(pop, k, a).x.slice(0, SCATTER_POINTS);
          const xb = column(pop, k, b).x.slice(0, SCATTER_POINTS);
          pairs.push(
            figure(
              plot({
                title: `${m.id}: ${key[a]} vs ${key[b]}`,
                x: { label: key[a]! },
                y: { label: key[b]! },
                marks: [dotMark({ x: xa, y: xb, r: 1.5, opacity: 0.4 })],
                width: 360,
                height: 300,
              }),
            ),
          );
        }
      parts.push(
        section(
          `Model ${m.id}${r.models.length > 1 ? ` (probability ${(r.modelProbabilities[k] ?? 0).toFixed(3)})` : ''}`,
          table({
            columns: [
              { key: 'id', label: 'parameter' },
              { key: 'mean', label: 'mean', format: 4 },
              { key: 'sd', label: 'sd', format: 4 },
              { key: 'q025', label: '2.5%', format: 4 },
              { key: 'median', label: 'median', format: 4 },
              { key: 'q975', label: '97.5%', format: 4 },
            ],
            rows: m.parameters.map((id, a) => ({ id, ...s[a]! })),
          }),
          ...figs,
          ...pairs,
        ),
      );
    }
  return page({ title, subtitle: 'ABC-SMC posterior (cscsim fit --method abc)' }, ...parts);
}
