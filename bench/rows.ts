/** Result rows: one per (problem, our solver, peer), the shape `npm run bench -- --json` prints. */

export interface Row {
  readonly problem: string;
  readonly solver: string;
  /** Our time per solve (ms, fastest batch); null when our solver is missing or failed. */
  readonly ms: number | null;
  /** Max relative error over the problem's grid (bench/error.ts). */
  readonly error: number | null;
  readonly peer: string;
  readonly peer_ms: number | null;
  readonly peer_error: number | null;
  /** ours / peer: below 1 we are faster. */
  readonly ratio: number | null;
  /** Present when a side is missing or failed. */
  readonly note?: string;
}

/** One solver's outcome on one problem at one tolerance (ours or a peer's). */
export type Outcome =
  | {
      readonly ok: true;
      readonly solver: string;
      readonly ms: number;
      readonly msMedian: number;
      /** null where not measured (cold-start points). */
      readonly error: number | null;
      readonly steps: number;
      readonly rhsEvals: number;
      readonly jacEvals: number;
    }
  | { readonly ok: false; readonly solver: string; readonly why: string };

export function pairRows(problem: string, ours: readonly Outcome[], peers: readonly Outcome[]): Row[] {
  const rows: Row[] = [];
  for (const o of ours) {
    for (const p of peers) {
      const notes = [o, p].filter((x) => !x.ok).map((x) => `${x.solver}: ${x.ok ? '' : x.why}`);
      rows.push({
        problem,
        solver: o.solver,
        ms: o.ok ? o.ms : null,
        error: o.ok ? o.error : null,
        peer: p.solver,
        peer_ms: p.ok ? p.ms : null,
        peer_error: p.ok ? p.error : null,
        ratio: o.ok && p.ok && p.ms > 0 ? o.ms / p.ms : null,
        ...(notes.length ? { note: notes.join('; ') } : {}),
      });
    }
  }
  return rows;
}

/** Loosely validates rows from another module (the SSA benchmarks). */
export function asRows(v: unknown, who: string): Row[] {
  if (!Array.isArray(v)) throw new Error(`${who}: expected an array of rows`);
  return v.map((r, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o.problem !== 'string' || typeof o.solver !== 'string' || typeof o.peer !== 'string') {
      throw new Error(`${who}: row ${i} lacks problem, solver or peer`);
    }
    const n = (k: string): number | null => (typeof o[k] === 'number' ? (o[k] as number) : null);
    return {
      problem: o.problem,
      solver: o.solver,
      ms: n('ms'),
      error: n('error'),
      peer: o.peer,
      peer_ms: n('peer_ms'),
      peer_error: n('peer_error'),
      ratio: n('ratio'),
      ...(typeof o.note === 'string' ? { note: o.note } : {}),
    };
  });
}
