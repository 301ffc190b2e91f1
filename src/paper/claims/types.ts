/** What a claim is and what it returns. Figures are data; the report turns them into SVG and CSV. */

export interface LineFigure {
  readonly kind: 'line';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY?: boolean;
  readonly logX?: boolean;
  /** Fixed y range, e.g. [0, 1] for probabilities. */
  readonly yDomain?: readonly [number, number];
  readonly series: readonly {
    readonly name: string;
    readonly x: readonly number[];
    readonly y: readonly number[];
    readonly lo?: readonly number[];
    readonly hi?: readonly number[];
    /** Legend label of the lo-hi band. */
    readonly band?: string;
  }[];
  /** Estimates with error bars (lo-hi); a name equal to a series' shares its colour and legend entry. */
  readonly points?: readonly {
    readonly name: string;
    readonly x: readonly number[];
    readonly y: readonly number[];
    readonly lo: readonly number[];
    readonly hi: readonly number[];
  }[];
  /** Shaded windows, e.g. treatment. */
  readonly intervals?: readonly { readonly from: number; readonly to: number; readonly label?: string }[];
  /** Caption text after the title: what lines, bands and points are. */
  readonly note?: string;
  /** Reference lines, e.g. the end of a study. */
  readonly rules?: readonly { readonly axis: 'x' | 'y'; readonly value: number; readonly label?: string }[];
}

export interface BarFigure {
  readonly kind: 'bar';
  readonly id: string;
  readonly title: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  readonly groups: readonly { readonly label: string; readonly values: readonly number[] }[];
}

export interface PairedFigure {
  readonly kind: 'paired';
  readonly id: string;
  readonly title: string;
  readonly yLabel: string;
  readonly levels: readonly string[];
  readonly pairs: readonly { readonly label: string; readonly values: readonly number[] }[];
}

/**
 * A map of parameter space: each cell (x, y) of a grid is put in one of `classes` (e.g. which criteria hold
 * there); `values` are the numbers behind the class, written to the CSV.
 */
export interface MapFigure {
  readonly kind: 'map';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** All classes in a fixed order (colour and symbol follow the order, also when a class is empty). */
  readonly classes: readonly string[];
  readonly cells: readonly {
    readonly x: number;
    readonly y: number;
    readonly cls: number;
    readonly values: Readonly<Record<string, number>>;
  }[];
  /** A highlighted point, e.g. the default parameters. */
  readonly marker?: { readonly x: number; readonly y: number; readonly label: string };
  readonly note?: string;
}

/** Step functions such as Kaplan-Meier curves: value s[i] from t[i] until t[i + 1], optional lo-hi band. */
export interface StepFigure {
  readonly kind: 'step';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yDomain?: readonly [number, number];
  readonly series: readonly {
    readonly name: string;
    readonly t: readonly number[];
    readonly s: readonly number[];
    readonly lo?: readonly number[];
    readonly hi?: readonly number[];
  }[];
  readonly rules?: readonly { readonly axis: 'x' | 'y'; readonly value: number; readonly label?: string }[];
  readonly note?: string;
}

export type FigureData = LineFigure | BarFigure | PairedFigure | MapFigure | StepFigure;

export interface ClaimResult {
  readonly id: string;
  readonly title: string;
  readonly criterion: string;
  readonly status: 'pass' | 'fail';
  /** The number the criterion is about. */
  readonly value: number;
  /** What the numbers are and why the claim holds or fails, in the model's terms. */
  readonly details: string;
  readonly figures: readonly FigureData[];
  /** Extra numbers shown as a table. */
  readonly table?: readonly Readonly<Record<string, string | number>>[];
  /** One or two sentences for the report's summary: what the run found beyond pass/fail. */
  readonly summary?: string;
  /** Further tables, each with a caption. */
  readonly tables?: readonly {
    readonly caption: string;
    readonly rows: readonly Readonly<Record<string, string | number>>[];
  }[];
}

export interface ClaimContext {
  readonly seed: number;
  /** Smaller ensembles (tests). */
  readonly quick?: boolean;
}

/** A parameter set from the robustness sweep: value of each ranged parameter for a given cell line. */
export type ParamSet = (
  line: import('../../models/index.js').CellLine,
  site?: import('../../models/index.js').Site,
) => Readonly<Record<string, number>>;

/**
 * Builder options that make a hypothesis variant's mouse-side model (src/paper/hypotheses.ts); the claims'
 * statistics build every model they use with them. `{}` is today's hierarchy.
 */
export type ModelOptions = Pick<
  import('../../models/index.js').Her2CscOptions,
  'plasticity' | 'dormancy' | 'aldh'
>;

export interface Claim {
  readonly id: string;
  readonly title: string;
  /** Stated before any result: what must hold for the claim to pass. */
  readonly criterion: string;
  run(ctx: ClaimContext): Promise<ClaimResult>;
  /**
   * The number the cheap deterministic criterion judges, for one parameter set under a model variant
   * (default: today's hierarchy); NaN where a readout is undefined. Throws where a simulation fails.
   */
  statistic(set: ParamSet, model?: ModelOptions): number;
  /** The cheap criterion on the statistic (NaN never passes). */
  accepts(statistic: number): boolean;
  /** accepts(statistic(set)): the cheap criterion for the Latin-hypercube robustness sweep. */
  holds(set: ParamSet): boolean;
  /** What `holds` checks, when it differs from `criterion`. */
  readonly robustnessNote?: string;
  /**
   * What kind of evidence a pass is: 'prediction' (emerges from the mechanism), 'input' (built into the
   * parameters, so the check only confirms the readout shows it) or 'consistency' (a parameter was sized
   * from the same kind of data). `note` says which part and why.
   */
  readonly basis?: { readonly kind: 'prediction' | 'input' | 'consistency'; readonly note: string };
}
