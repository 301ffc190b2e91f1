/**
 * The contract where simulators plug into calibration. A definition is looked up by name from a problem
 * file; `create` runs once per problem and thread (compile a model there, never per particle), and the
 * simulator it returns maps a parameter vector and a random stream to summary statistics.
 */
import type { Rng } from '../../random/rng.js';

/** A parameter a simulator accepts, with the range its default (uniform) prior spans. */
export interface SimulatorParameter {
  readonly id: string;
  readonly range: readonly [number, number];
  readonly description?: string;
}

export interface Simulator {
  /** Names of the summary statistics, in the order `simulate` writes them. */
  readonly statistics: readonly string[];
  /**
   * Writes the statistics of one simulation at `theta` (the estimated parameters, in the problem's order)
   * into out[0 .. statistics.length). Draws only from `rng`. Must not allocate per call where avoidable.
   * A failed simulation writes NaN (the engine counts it and never accepts it) or throws SolverError.
   */
  simulate(theta: Float64Array, rng: Rng, out: Float64Array): void;
}

export interface SimulatorDefinition {
  readonly name: string;
  readonly description: string;
  /** The parameters this simulator accepts for the given options (throws InputError on bad options). */
  parameters(options: Readonly<Record<string, unknown>>, path: string): readonly SimulatorParameter[];
  /**
   * One simulator for the estimated parameter ids (in theta's order; all known, checked by the caller) and
   * the options of the problem file; `path` names the options in errors.
   */
  create(ids: readonly string[], options: Readonly<Record<string, unknown>>, path: string): Simulator;
}
