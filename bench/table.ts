/** Plain-text tables for stdout. */
import type { Outcome, Row } from './rows.js';

const fmtMs = (x: number | null): string =>
  x === null
    ? '-'
    : x >= 100
      ? x.toFixed(0)
      : x >= 10
        ? x.toFixed(1)
        : x >= 1
          ? x.toFixed(2)
          : x.toPrecision(2);
const fmtErr = (x: number | null): string =>
  x === null ? '-' : Number.isFinite(x) ? (x === 0 ? '0' : x.toExponential(1)) : 'inf';
const fmtRatio = (x: number | null): string =>
  x === null ? '-' : x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);

/** Columns listed in `left` are left-aligned (text); the others right-aligned (numbers). */
export function formatTable(
  header: readonly string[],
  body: readonly (readonly string[])[],
  left: readonly number[] = [0, 1],
): string {
  const w = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, j) => (left.includes(j) ? c.padEnd(w[j]!) : c.padStart(w[j]!)))
      .join('  ')
      .trimEnd();
  return [line(header), w.map((x) => '-'.repeat(x)).join('  '), ...body.map(line)].join('\n');
}

export function rowsTable(rows: readonly Row[]): string {
  return formatTable(
    ['problem', 'solver', 'ms', 'error', 'peer', 'peer_ms', 'peer_error', 'ratio'],
    rows.map((r) => [
      r.problem,
      r.solver,
      fmtMs(r.ms),
      fmtErr(r.error),
      r.peer,
      fmtMs(r.peer_ms),
      fmtErr(r.peer_error),
      fmtRatio(r.ratio),
    ]),
    [0, 1, 4],
  );
}

/** Per-solver detail: where the work goes (steps, evaluations), and the median next to the min. */
export function outcomesTable(items: readonly { problem: string; o: Outcome }[]): string {
  return formatTable(
    ['problem', 'solver', 'ms', 'ms_median', 'error', 'steps', 'rhs', 'jac'],
    items.map(({ problem, o }) =>
      o.ok
        ? [
            problem,
            o.solver,
            fmtMs(o.ms),
            fmtMs(o.msMedian),
            fmtErr(o.error),
            String(o.steps),
            String(o.rhsEvals),
            String(o.jacEvals),
          ]
        : [problem, o.solver, '-', '-', `missing: ${o.why}`, '', '', ''],
    ),
  );
}
