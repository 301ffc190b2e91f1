/**
 * What the page and the engine worker say to each other. Everything is structured-clone data; requests
 * carry the model value itself, so a worker keeps no state that a Cancel (terminate and respawn) could lose.
 */
import type { Model } from '../../../src/model/types.js';
import type { Arm, ResultSet } from '../app/result.js';
import type { Engine, Regimen } from '../app/state.js';

export type { Arm, ResultSet };

/** Where a model comes from: a built-in id, or a file's name and text. */
export type ModelSource =
  | { readonly kind: 'builtin'; readonly id: string }
  | { readonly kind: 'file'; readonly name: string; readonly text: string };

/** A loaded and compiled model, as the page needs it. */
export interface ModelInfo {
  /** 'builtin:<id>' or 'file:<name>'; keys the worker's compile cache. */
  readonly key: string;
  readonly model: Model;
  /** Everything the engines can report (the CLI's default columns). */
  readonly outputIds: readonly string[];
  /** Parameters a user may set: constant, not computed by a rule or initial assignment. */
  readonly editable: readonly string[];
  /** Import warnings (SBML), one line each, naming the file. */
  readonly warnings: readonly string[];
  /** Ids of every built-in model (`cscsim models`), for the model picker. */
  readonly builtins: readonly string[];
}

/** The part of SsaTuning the page sets (src/engines/ssa/method.ts); the CLI's --continuous, --threshold. */
export interface RunTuning {
  readonly continuous?: readonly string[];
  readonly hybridThreshold?: number;
}

export interface RunRequest {
  readonly key: string;
  readonly model: Model;
  /** Validated parameter overrides. */
  readonly params: Readonly<Record<string, number>>;
  readonly regimen: Regimen | null | undefined;
  readonly tEnd: number;
  readonly points: number;
  readonly engine: Engine;
  readonly runs: number;
  readonly seed: number;
  /** Stochastic runs: round initial counts (largest remainder; the hybrid's continuous species never). */
  readonly round: boolean;
  /** Stochastic method settings, as `simulate` takes them (hybrid: continuous species and threshold). */
  readonly tuning?: RunTuning;
  /** Outputs computed by ensembles and the timing study (ODE runs report every output). */
  readonly outputs: readonly string[];
  readonly timing: boolean;
}

export type ToWorker =
  | { readonly type: 'load'; readonly job: number; readonly source: ModelSource }
  | { readonly type: 'run'; readonly job: number; readonly request: RunRequest };

export type FromWorker =
  | { readonly type: 'model'; readonly job: number; readonly info: ModelInfo }
  | { readonly type: 'progress'; readonly job: number; readonly done: number; readonly total: number }
  | { readonly type: 'partial'; readonly job: number; readonly result: ResultSet }
  | { readonly type: 'done'; readonly job: number; readonly result: ResultSet; readonly ms: number }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
