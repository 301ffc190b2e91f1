/**
 * The model value: plain, serialisable data (JSON round-trips exactly). The ODE and stochastic engines,
 * SBML import/export, the CLI and the web app all consume this one structure.
 *
 * Semantics follow SBML Level 3 core, so that an SBML model maps onto it without loss:
 * - species are stored as amounts; a species referenced in math means its concentration
 *   (amount / compartment size) unless `hasOnlySubstanceUnits` is true;
 * - a reaction's `rate` is its extent rate (substance per time); for stochastic engines it is the propensity;
 * - `initial` is an amount or a concentration as `initialKind` says.
 */
import type { Expr, FunctionDef } from './expr/types.js';

export type { Expr, FunctionDef };

/** Where a parameter value comes from: a citation, or `assumed: <why>`. */
export type Source = string;

export interface Compartment {
  readonly id: string;
  readonly name?: string;
  /** Size (volume, area, ...). */
  readonly size: number;
  readonly unit?: string;
  readonly spatialDimensions?: number;
  /** Default true. A non-constant compartment may be changed by rules or events. */
  readonly constant?: boolean;
}

export interface Species {
  readonly id: string;
  readonly name?: string;
  readonly compartment: string;
  readonly initial: number;
  /** Default 'amount'. */
  readonly initialKind?: 'amount' | 'concentration';
  /** Default false: in math the species means amount / size of its compartment. */
  readonly hasOnlySubstanceUnits?: boolean;
  /** Default false. Boundary species are not changed by reactions (rules and events may change them). */
  readonly boundary?: boolean;
  /** Default false. A constant species never changes. */
  readonly constant?: boolean;
  /** Id of a parameter scaling reaction contributions (SBML conversionFactor). */
  readonly conversionFactor?: string;
  readonly unit?: string;
  readonly description?: string;
}

export interface Parameter {
  readonly id: string;
  readonly name?: string;
  readonly value: number;
  readonly unit: string;
  /** Plausible range [lo, hi], used by robustness and sensitivity analyses. */
  readonly range?: readonly [number, number];
  /** Citation, or "assumed: <reason>". */
  readonly source: Source;
  /** Default true. Non-constant parameters may be changed by rules or events. */
  readonly constant?: boolean;
  readonly description?: string;
}

export interface SpeciesRef {
  readonly species: string;
  /** Default 1. */
  readonly stoichiometry?: number;
  /** SBML speciesReference id: a symbol whose value is the stoichiometry (may be set by rules/events). */
  readonly id?: string;
  /** Default true. A non-constant stoichiometry may be changed by rules or events (SBML). */
  readonly constant?: boolean;
}

export interface LocalParameter {
  readonly id: string;
  readonly value: number;
  readonly unit?: string;
}

export interface Reaction {
  readonly id: string;
  readonly name?: string;
  readonly reactants: readonly SpeciesRef[];
  readonly products: readonly SpeciesRef[];
  readonly modifiers?: readonly string[];
  /** Extent rate (substance/time); the propensity for stochastic engines. */
  readonly rate: Expr;
  /** Parameters local to this reaction's rate law; they shadow global ids inside `rate`. */
  readonly localParameters?: readonly LocalParameter[];
  readonly reversible?: boolean;
  readonly fast?: boolean;
}

export type Rule =
  | { readonly kind: 'assignment'; readonly variable: string; readonly math: Expr }
  | { readonly kind: 'rate'; readonly variable: string; readonly math: Expr }
  /** 0 = math; the variable solved for is determined at compile time. */
  | { readonly kind: 'algebraic'; readonly math: Expr };

export interface InitialAssignment {
  readonly variable: string;
  readonly math: Expr;
}

export interface EventAssignment {
  readonly variable: string;
  readonly math: Expr;
}

export interface ModelEvent {
  readonly id: string;
  readonly name?: string;
  /** Boolean expression; the event fires when it goes from false to true. */
  readonly trigger: Expr;
  /** Default true: value of the trigger at t0 is taken as true, so a trigger true at t0 does not fire. */
  readonly initialValue?: boolean;
  /** Default true: once triggered, executes even if the trigger turns false during the delay. */
  readonly persistent?: boolean;
  readonly delay?: Expr;
  /** Higher runs first among simultaneous events; undefined ranks in arbitrary order. */
  readonly priority?: Expr;
  /** Default true: assignments are evaluated when triggered, not when executed. */
  readonly useValuesFromTriggerTime?: boolean;
  readonly assignments: readonly EventAssignment[];
}

/**
 * A dosing regimen. Lowered by `compile` to events (bolus) or time-bounded inputs (infusion):
 * `count` administrations of `amount` to `target`, the first at `start`, then every `every`.
 * `amounts` (optional) overrides per administration, e.g. a loading dose then maintenance.
 */
export interface Dose {
  readonly id: string;
  /** Species (amount added) or parameter (value added). */
  readonly target: string;
  readonly amount: number;
  readonly amounts?: readonly number[];
  readonly unit?: string;
  readonly start: number;
  readonly every?: number;
  readonly count: number;
  readonly route: 'bolus' | 'infusion';
  /** Infusion duration (time units of the model). */
  readonly duration?: number;
  readonly description?: string;
}

export interface Model {
  readonly id: string;
  readonly name?: string;
  readonly notes?: string;
  readonly timeUnit?: string;
  readonly substanceUnit?: string;
  readonly volumeUnit?: string;
  /** Model-wide conversion factor parameter id (SBML). */
  readonly conversionFactor?: string;
  /**
   * Stochastic runs start from whole counts: the initial amounts are a computed composition (e.g. an
   * inoculum in culture proportions), rounded by the largest-remainder rule of src/model/whole-counts.ts
   * unless the caller gives y0. Set by the built-in models; a file model only rounds when asked.
   */
  readonly roundInitialCounts?: boolean;
  readonly functions?: readonly FunctionDef[];
  readonly compartments: readonly Compartment[];
  readonly species: readonly Species[];
  readonly parameters: readonly Parameter[];
  readonly reactions: readonly Reaction[];
  readonly rules?: readonly Rule[];
  readonly initialAssignments?: readonly InitialAssignment[];
  readonly events?: readonly ModelEvent[];
  readonly doses?: readonly Dose[];
}
