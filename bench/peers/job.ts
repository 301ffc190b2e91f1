/**
 * The job every peer harness reads on stdin: keyed, whitespace-separated numbers, trivially parsed in C,
 * Python and R. The equations live in each harness; this text carries the data (initial state,
 * parameters, tolerances, output grid, dose schedule) so that it is written down once, in bench/problems.
 *
 *   problem NAME method NAME rtol X atol X t0 X tend X y0 N v.. params K v.. grid M t..
 *   doses K (t amount).. batchms X batches B reference 0|1 clock cpu|wall
 */
import type { BenchProblem } from '../problems/types.js';
import type { Clock } from '../timing.js';

export interface JobOptions {
  readonly method: string;
  readonly rtol: number;
  readonly atol: number;
  /** Target duration of one timing batch (ms). */
  readonly batchMs: number;
  /** Number of batches; the reported time is the fastest batch's time per solve. */
  readonly batches: number;
  /** One untimed solve (for reference solutions). */
  readonly reference?: boolean;
  /** Default 'cpu' (see bench/timing.ts). */
  readonly clock?: Clock;
}

const num = (x: number): string => x.toPrecision(17);

export function jobText(bp: BenchProblem, o: JobOptions): string {
  const list = (xs: ArrayLike<number>): string => `${xs.length} ${Array.from(xs, num).join(' ')}`;
  return [
    `problem ${bp.id}`,
    `method ${o.method}`,
    `rtol ${num(o.rtol)}`,
    `atol ${num(o.atol)}`,
    `t0 ${num(bp.t0)}`,
    `tend ${num(bp.tEnd)}`,
    `y0 ${list(bp.y0)}`,
    `params ${list(bp.params)}`,
    `grid ${list(bp.grid)}`,
    `doses ${bp.doses.length} ${bp.doses.map((d) => `${num(d.t)} ${num(d.amount)}`).join(' ')}`,
    `batchms ${num(o.batchMs)}`,
    `batches ${o.batches}`,
    `reference ${o.reference ? 1 : 0}`,
    `clock ${o.clock ?? 'cpu'}`,
    '',
  ].join('\n');
}

/** What a harness prints (one JSON object). */
export interface PeerOutput {
  readonly solver: string;
  readonly version: string;
  /** Fastest batch, per solve. */
  readonly ms: number;
  readonly msMedian: number;
  readonly reps: number;
  readonly steps: number;
  readonly rhsEvals: number;
  readonly jacEvals: number;
  /** Values on the grid, row-major (grid point, state). */
  readonly y: readonly number[];
}

export function parsePeerOutput(text: string, who: string): PeerOutput {
  const line = text.trim().split('\n').pop() ?? '';
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new Error(`${who}: output is not JSON: ${line.slice(0, 200)}`);
  }
  const o = v as Partial<PeerOutput> & { error?: string };
  if (typeof o.error === 'string') throw new Error(`${who}: ${o.error}`);
  if (typeof o.ms !== 'number' || !Array.isArray(o.y)) throw new Error(`${who}: missing ms or y`);
  return o as PeerOutput;
}
