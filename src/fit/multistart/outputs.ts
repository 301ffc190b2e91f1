/** Outputs of a multistart run: starts.csv, summary.json and report.html (waterfall and parameter table). */
import { figure, p, page, section, table } from '../../report/html.js';
import { lineChart } from '../../report/svg/index.js';
import { PROFILE_THRESHOLD_95, type Profile } from './profile.js';
import type { LikelihoodProblem, MultistartResult } from './types.js';

export function startsCsv(r: MultistartResult, pr: LikelihoodProblem): string {
  const ids = pr.parameterIds;
  const head = [
    'rank',
    'start',
    'nllh',
    'converged',
    'reason',
    'iterations',
    'evaluations',
    'cpu_ms',
    ...ids,
    ...ids.map((id) => `${id}_start`),
    'error',
  ];
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const rows = r.starts.map((s, k) =>
    [
      k + 1,
      s.index,
      s.nllh,
      s.converged,
      s.reason,
      s.iterations,
      s.evaluations,
      s.cpuMs.toFixed(1),
      ...s.x,
      ...s.x0,
      q(s.error ?? ''),
    ].join(','),
  );
  return `${[head.join(','), ...rows].join('\n')}\n`;
}

export function multistartSummary(
  r: MultistartResult,
  pr: LikelihoodProblem,
  name: string,
): Record<string, unknown> {
  const best = r.best;
  const ok = r.starts.filter((s) => Number.isFinite(s.nllh));
  const cpu = ok.reduce((a, s) => a + s.cpuMs, 0);
  return {
    method: 'multistart',
    problem: name,
    starts: r.starts.length,
    converged: r.converged,
    failed: r.failed,
    best: best
      ? {
          llh: -best.nllh,
          nllh: best.nllh,
          start: best.index,
          parameters: Object.fromEntries(pr.parameterIds.map((id, i) => [id, best.x[i]])),
          atBounds: Object.fromEntries(pr.parameterIds.map((id, i) => [id, r.atBounds[i]])),
        }
      : null,
    // Starts whose final nllh is within 0.1 of the best (the usual "found the optimum" count).
    reachedBest: best ? ok.filter((s) => s.nllh <= best.nllh + 0.1).length : 0,
    cpuMsPerStart: ok.length ? cpu / ok.length : null,
    failures: r.starts.filter((s) => s.reason === 'failed').map((s) => ({ start: s.index, error: s.error })),
  };
}

export function multistartReport(
  r: MultistartResult,
  pr: LikelihoodProblem,
  title: string,
  profiles?: readonly Profile[],
): string {
  const w = Array.from(r.waterfall);
  const best = r.best;
  const top = w.length ? w[w.length - 1]! - w[0]! + 1 : 10;
  const parts = [
    p(`${r.starts.length} starts, ${r.converged} converged, ${r.failed} failed.`),
    section(
      'Waterfall',
      figure(
        lineChart({
          title: 'Final objective by start (sorted)',
          y: { label: 'nllh - best + 1', type: 'log', domain: [1, Math.max(10, top)] },
          x: { label: 'start (sorted by final nllh)', domain: [0, Math.max(2, w.length + 1)] },
          series: [{ name: 'nllh', x: w.map((_, i) => i + 1), y: w.map((v) => v - (w[0] ?? 0) + 1) }],
          legend: 'none',
        }),
        'Final negative log-likelihood of each successful start, offset by the best (a plateau at 1 is the best optimum reached repeatedly).',
      ),
    ),
  ];
  if (best)
    parts.push(
      section(
        'Best parameters',
        table({
          columns: [
            { key: 'id', label: 'parameter' },
            { key: 'value', label: 'estimate', format: 5 },
            { key: 'lower', label: 'lower', format: 4 },
            { key: 'upper', label: 'upper', format: 4 },
            { key: 'scale', label: 'scale' },
            { key: 'bound', label: 'at bound' },
          ],
          rows: pr.parameterIds.map((id, i) => ({
            id,
            value: best.x[i]!,
            lower: pr.lower[i]!,
            upper: pr.upper[i]!,
            scale: pr.scales[i]!,
            bound: r.atBounds[i] ?? '',
          })),
        }),
      ),
    );
  if (profiles && best)
    parts.push(
      section(
        'Profile likelihoods',
        ...profiles.map((q, i) =>
          figure(
            lineChart({
              title: `Profile of ${q.id}`,
              x: { label: q.id, ...(pr.scales[i] === 'lin' ? {} : { type: 'log' as const }) },
              y: { label: 'nllh - best' },
              series: [
                { name: 'profile', x: Array.from(q.values), y: Array.from(q.nllh, (f) => f - best.nllh) },
                {
                  name: '95% threshold',
                  x: [q.values[0]!, q.values[q.values.length - 1]!],
                  y: [PROFILE_THRESHOLD_95, PROFILE_THRESHOLD_95],
                },
              ],
            }),
            `95% interval: [${q.lower95 ?? 'bound'}, ${q.upper95 ?? 'bound'}]`,
          ),
        ),
      ),
    );
  return page({ title, subtitle: 'Multistart estimation (cscsim fit --method multistart)' }, ...parts);
}
