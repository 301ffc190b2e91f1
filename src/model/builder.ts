/**
 * A small typed builder so that built-in models read like the biology:
 *
 *   const m = new ModelBuilder('hierarchy', { timeUnit: 'day' });
 *   m.compartment('tumor', 1);
 *   m.param('lambdaS', 0.5, { unit: '1/day', range: [0.2, 1], source: 'assumed: CSC cycle ~2 days' });
 *   m.species('S', { compartment: 'tumor', initial: 1000, unit: 'cell' });
 *   m.reaction('renew', 'S -> 2 S', 'lambdaS * ps * S');
 *
 * Math is given as infix text (parsed once by `parseExpr`) or as an Expr tree. `build()` returns the
 * plain model value; validation happens in `compile`.
 */
import { parseExpr } from './expr/parse.js';
import type {
  Compartment,
  Dose,
  Expr,
  FunctionDef,
  InitialAssignment,
  LocalParameter,
  Model,
  ModelEvent,
  Parameter,
  Reaction,
  Rule,
  Species,
  SpeciesRef,
} from './types.js';

export type MathInput = string | Expr;

function toExpr(m: MathInput): Expr {
  return typeof m === 'string' ? parseExpr(m) : m;
}

/** Parses `2 A + B -> C` (either side may be empty: `-> S`, `S ->`). */
export function parseReactionEquation(eq: string): { reactants: SpeciesRef[]; products: SpeciesRef[] } {
  const parts = eq.split('->');
  if (parts.length !== 2) throw new Error(`reaction equation '${eq}': expected exactly one '->'`);
  const side = (s: string): SpeciesRef[] => {
    const t = s.trim();
    if (t === '' || t === '0' || t === 'Ø') return [];
    return t.split('+').map((term) => {
      const m = /^\s*(\d+(?:\.\d+)?)?\s*\*?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(term);
      if (!m) throw new Error(`reaction equation '${eq}': cannot read term '${term.trim()}'`);
      return { species: m[2]!, stoichiometry: m[1] === undefined ? 1 : Number(m[1]) };
    });
  };
  return { reactants: side(parts[0]!), products: side(parts[1]!) };
}

export interface ParamOptions {
  readonly unit: string;
  readonly source: string;
  readonly range?: readonly [number, number];
  readonly name?: string;
  readonly description?: string;
  readonly constant?: boolean;
}

export interface SpeciesOptions {
  readonly compartment: string;
  readonly initial?: number;
  readonly unit?: string;
  readonly name?: string;
  readonly description?: string;
  /** Default true for built-in models: the symbol means the amount (a cell count), not a concentration. */
  readonly amount?: boolean;
  readonly initialKind?: 'amount' | 'concentration';
  readonly boundary?: boolean;
  readonly constant?: boolean;
}

export interface EventOptions {
  readonly trigger: MathInput;
  readonly assign: Readonly<Record<string, MathInput>>;
  readonly delay?: MathInput;
  readonly priority?: MathInput;
  readonly persistent?: boolean;
  readonly initialValue?: boolean;
  readonly useValuesFromTriggerTime?: boolean;
  readonly name?: string;
}

export class ModelBuilder {
  private readonly compartments: Compartment[] = [];
  private readonly species_: Species[] = [];
  private readonly parameters: Parameter[] = [];
  private readonly reactions: Reaction[] = [];
  private readonly rules: Rule[] = [];
  private readonly initialAssignments: InitialAssignment[] = [];
  private readonly events: ModelEvent[] = [];
  private readonly doses: Dose[] = [];
  private readonly functions: FunctionDef[] = [];

  constructor(
    readonly id: string,
    private readonly meta: {
      name?: string;
      notes?: string;
      timeUnit?: string;
      roundInitialCounts?: boolean;
    } = {},
  ) {}

  compartment(
    id: string,
    size: number,
    opts: { unit?: string; name?: string; constant?: boolean } = {},
  ): this {
    this.compartments.push({ id, size, ...opts });
    return this;
  }

  param(id: string, value: number, opts: ParamOptions): this {
    this.parameters.push({ id, value, ...opts });
    return this;
  }

  species(id: string, opts: SpeciesOptions): this {
    const { amount = true, initial = 0, ...rest } = opts;
    this.species_.push({ id, initial, hasOnlySubstanceUnits: amount, ...rest });
    return this;
  }

  /** `equation` like `S -> 2 S`; `rate` is the extent rate (cells/time). */
  reaction(
    id: string,
    equation: string,
    rate: MathInput,
    opts: { name?: string; modifiers?: string[]; localParameters?: LocalParameter[] } = {},
  ): this {
    const { reactants, products } = parseReactionEquation(equation);
    this.reactions.push({ id, reactants, products, rate: toExpr(rate), ...opts });
    return this;
  }

  /** Assignment rule: variable = math at all times. */
  assign(variable: string, math: MathInput): this {
    this.rules.push({ kind: 'assignment', variable, math: toExpr(math) });
    return this;
  }

  /** Rate rule: d variable / dt = math. */
  rate(variable: string, math: MathInput): this {
    this.rules.push({ kind: 'rate', variable, math: toExpr(math) });
    return this;
  }

  initial(variable: string, math: MathInput): this {
    this.initialAssignments.push({ variable, math: toExpr(math) });
    return this;
  }

  fn(id: string, params: string[], body: MathInput): this {
    this.functions.push({ id, params, body: toExpr(body) });
    return this;
  }

  event(id: string, opts: EventOptions): this {
    const { trigger, assign, delay, priority, ...flags } = opts;
    this.events.push({
      id,
      ...flags,
      trigger: toExpr(trigger),
      ...(delay !== undefined ? { delay: toExpr(delay) } : {}),
      ...(priority !== undefined ? { priority: toExpr(priority) } : {}),
      assignments: Object.entries(assign).map(([variable, math]) => ({ variable, math: toExpr(math) })),
    });
    return this;
  }

  dose(dose: Dose): this {
    this.doses.push(dose);
    return this;
  }

  build(): Model {
    const m: Model = {
      id: this.id,
      ...this.meta,
      compartments: [...this.compartments],
      species: [...this.species_],
      parameters: [...this.parameters],
      reactions: [...this.reactions],
      ...(this.functions.length ? { functions: [...this.functions] } : {}),
      ...(this.rules.length ? { rules: [...this.rules] } : {}),
      ...(this.initialAssignments.length ? { initialAssignments: [...this.initialAssignments] } : {}),
      ...(this.events.length ? { events: [...this.events] } : {}),
      ...(this.doses.length ? { doses: [...this.doses] } : {}),
    };
    return m;
  }
}
