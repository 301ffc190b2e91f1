/**
 * The state of the page: everything the URL carries. A view is reproducible from it alone (for built-in
 * models): the same state gives the same run, number for number.
 */

/** 'ode' solves the deterministic model; the others run a stochastic ensemble with that method. */
export type Engine = 'ode' | 'direct' | 'tau-leap' | 'hybrid';
export const ENGINES: readonly Engine[] = ['ode', 'direct', 'tau-leap', 'hybrid'];

export type YScale = 'linear' | 'log';

/**
 * A trastuzumab regimen as four numbers (and an optional loading dose): `count` boluses of `dose` mg/kg into
 * the central compartment, the first on day `start`, then every `every` days; `loading` replaces the first.
 */
export interface Regimen {
  readonly start: number;
  readonly dose: number;
  readonly every: number;
  readonly count: number;
  readonly loading?: number;
}

export interface ViewState {
  /** Built-in model id (`cscsim models`), or 'file' for a model opened from a file (not in the URL). */
  readonly model: string;
  /** Parameter values that differ from the model's defaults. */
  readonly params: Readonly<Record<string, number>>;
  /** undefined: the model's own doses; null: no trastuzumab; else this regimen. */
  readonly regimen: Regimen | null | undefined;
  readonly tEnd: number;
  /** Output points including t = 0 and t = tEnd (the CLI's --steps is points - 1). */
  readonly points: number;
  readonly engine: Engine;
  readonly runs: number;
  readonly seed: number;
  /**
   * Stochastic runs: round initial counts to whole ones by the largest-remainder rule (src/model/whole-counts.ts).
   * The hybrid method takes amounts as they are, as the CLI does.
   */
  readonly round: boolean;
  /**
   * Hybrid runs: species kept continuous whatever their value (never rounded). undefined: the model's
   * species whose unit is not a count (app/species.ts), e.g. trastuzumab in mg/kg.
   */
  readonly continuous: readonly string[] | undefined;
  /** Hybrid runs: species at or above this population are continuous (the engine's default, 1000). */
  readonly threshold: number;
  /** Outputs shown (empty: the model's default). */
  readonly outputs: readonly string[];
  readonly yScale: YScale;
  /** Overlay the regimen started right after inoculation and on an established tumour (ODE). */
  readonly timing: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  model: 'her2csc',
  params: {},
  regimen: undefined,
  tEnd: 60,
  points: 121,
  engine: 'ode',
  runs: 100,
  seed: 1,
  round: true,
  continuous: undefined,
  threshold: 1000,
  outputs: [],
  yScale: 'log',
  timing: false,
};
