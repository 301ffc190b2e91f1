/**
 * A benchmark problem: the equations once (for our side), the data every peer harness needs (initial
 * state, parameters, dose schedule, output grid), and how its error is measured.
 * Peers implement the same equations in their own language (bench/peers/); the job text passes the data.
 */
import type { Model } from '../../src/model/types.js';

/** A bolus added to state 0 at time t. */
export interface Bolus {
  readonly t: number;
  readonly amount: number;
}

export interface BenchProblem {
  /** Short id, also the problem name every peer harness understands. */
  readonly id: string;
  readonly title: string;
  readonly stateIds: readonly string[];
  readonly y0: readonly number[];
  /** Parameters in the order the peer harnesses read them. */
  readonly params: readonly number[];
  readonly t0: number;
  readonly tEnd: number;
  /** Output grid on which the error is measured (t0 excluded; no point at a dose time). */
  readonly grid: Float64Array;
  readonly doses: readonly Bolus[];
  /** Headline tolerances. */
  readonly rtol: number;
  readonly atol: number;
  /**
   * Error floor: error = max |y - ref| / max(|ref|, floor) over the grid and all components. Set to the
   * headline atol / rtol: the magnitude below which the requested accuracy is absolute, not relative.
   */
  readonly errorFloor: number;
  /** Stiff problems are not run with the explicit method. */
  readonly stiff: boolean;
  rhs(t: number, y: Float64Array, p: Float64Array, dy: Float64Array): void;
  /** Row-major n x n. */
  jac(t: number, y: Float64Array, p: Float64Array, J: Float64Array): void;
  /** The same problem as a model value, for the `compile` path. */
  model(): Model;
}
