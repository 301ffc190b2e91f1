/** What a run returns to the page: the chart's and the table's data (structured-clone values). */

/** One line of the chart and table: an ODE solution, an ensemble summary, or one arm of the timing study. */
export interface Arm {
  readonly name: string;
  /** Day of the first dose (timing study). */
  readonly startDay?: number;
  /** Row-major t x ids: ODE values or the ensemble mean. */
  readonly values: Float64Array;
  /** Ensembles: standard deviation, 5 % / 50 % / 95 % quantiles, fraction of runs at 0. */
  readonly sd?: Float64Array;
  readonly q05?: Float64Array;
  readonly q50?: Float64Array;
  readonly q95?: Float64Array;
  readonly extinct?: Float64Array;
}

export interface ResultSet {
  readonly kind: 'ode' | 'ensemble' | 'timing';
  readonly modelId: string;
  readonly t: Float64Array;
  readonly ids: readonly string[];
  readonly arms: readonly Arm[];
  /** Ensembles: runs summarised so far, of `runs`. */
  readonly runsDone?: number;
  readonly runs?: number;
  readonly method?: string;
  readonly seed?: number;
  /** Timing study: day the control tumour reaches the established volume. */
  readonly establishedDay?: number;
  readonly notes: readonly string[];
}
