/**
 * The four PEtab v1 tables as typed records (Schmiester et al., PLoS Comput Biol 2021; PEtab-dev/PEtab
 * doc/documentation_data_format.rst). Only the data format is checked here; whether an id exists in the
 * model is checked where the model is known (src/petab/).
 */
import { InputError } from '../../errors.js';
import type { Expr } from '../../model/expr/types.js';
import { parsePetabMath } from './math.js';
import { cellError, column, isNumberCell, parseNumber, type TsvTable } from './tsv.js';

/** A cell that is a number or the id of a parameter of the parameter table. */
export type Value = { readonly num: number } | { readonly id: string };

/** Where a record came from, for errors found later. */
export interface Origin {
  readonly file: string;
  readonly line: number;
}

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

function value(t: TsvTable, i: number, j: number, s: string): Value {
  if (isNumberCell(s)) return { num: parseNumber(s) };
  if (ID.test(s)) return { id: s };
  throw cellError(t, i, j, `expected a number or a parameter id, got '${s}'`);
}

function id(t: TsvTable, i: number, j: number): string {
  const s = t.rows[i]![j]!;
  if (!ID.test(s)) throw cellError(t, i, j, `expected an id, got '${s}'`);
  return s;
}

function choice<T extends string>(
  t: TsvTable,
  i: number,
  j: number | undefined,
  options: readonly T[],
  dflt: T,
): T {
  if (j === undefined) return dflt;
  const s = t.rows[i]![j]!;
  if (s === '') return dflt;
  if (!(options as readonly string[]).includes(s))
    throw cellError(t, i, j, `expected one of ${options.join(', ')}, got '${s}'`);
  return s as T;
}

export interface Condition extends Origin {
  readonly id: string;
  /** Target (model parameter, species or compartment) -> value; NaN means "keep the model's value". */
  readonly values: ReadonlyMap<string, Value>;
}

export function readConditions(t: TsvTable): Condition[] {
  const jId = column(t, 'conditionId', true);
  const targets = t.header
    .map((h, j) => ({ h, j }))
    .filter(({ h }) => h !== 'conditionId' && h !== 'conditionName');
  for (const { h } of targets) {
    if (!ID.test(h))
      throw new InputError(`column '${h}' is not a model id`, { file: t.file, path: 'header' });
  }
  return t.rows.map((r, i) => {
    const values = new Map<string, Value>();
    for (const { h, j } of targets) {
      // An empty cell reads as NaN (as pandas, PEtab's reference reader, reads it): keep the model's value.
      values.set(h, r[j] === '' ? { num: Number.NaN } : value(t, i, j, r[j]!));
    }
    return { id: id(t, i, jId), values, file: t.file, line: t.line[i]! };
  });
}

export interface Measurement extends Origin {
  readonly observableId: string;
  readonly preequilibrationId?: string;
  readonly simulationId: string;
  readonly measurement: number;
  /** May be +Infinity: the steady state. */
  readonly time: number;
  readonly observableParameters: readonly Value[];
  readonly noiseParameters: readonly Value[];
}

function overrides(t: TsvTable, i: number, j: number | undefined): Value[] {
  if (j === undefined) return [];
  const s = t.rows[i]![j]!;
  if (s === '') return [];
  return s.split(';').map((x) => value(t, i, j, x.trim()));
}

export function readMeasurements(t: TsvTable): Measurement[] {
  const jObs = column(t, 'observableId', true);
  const jSim = column(t, 'simulationConditionId', true);
  const jMeas = column(t, 'measurement', true);
  const jTime = column(t, 'time', true);
  const jPre = column(t, 'preequilibrationConditionId');
  const jOp = column(t, 'observableParameters');
  const jNp = column(t, 'noiseParameters');
  return t.rows.map((r, i) => {
    const time = parseNumber(r[jTime]!);
    if (!isNumberCell(r[jTime]!) || Number.isNaN(time) || time === Number.NEGATIVE_INFINITY)
      throw cellError(t, i, jTime, `expected a time (a number or inf), got '${r[jTime]}'`);
    if (!isNumberCell(r[jMeas]!)) throw cellError(t, i, jMeas, `expected a number, got '${r[jMeas]}'`);
    const pre = jPre === undefined ? '' : r[jPre]!;
    return {
      observableId: id(t, i, jObs),
      ...(pre !== '' ? { preequilibrationId: id(t, i, jPre!) } : {}),
      simulationId: id(t, i, jSim),
      measurement: parseNumber(r[jMeas]!),
      time,
      observableParameters: overrides(t, i, jOp),
      noiseParameters: overrides(t, i, jNp),
      file: t.file,
      line: t.line[i]!,
    };
  });
}

export type Transformation = 'lin' | 'log' | 'log10';
export type NoiseDistribution = 'normal' | 'laplace';

export interface Observable extends Origin {
  readonly id: string;
  readonly formula: Expr;
  readonly noise: Expr;
  readonly transformation: Transformation;
  readonly distribution: NoiseDistribution;
}

export function readObservables(t: TsvTable): Observable[] {
  const jId = column(t, 'observableId', true);
  const jF = column(t, 'observableFormula', true);
  const jN = column(t, 'noiseFormula', true);
  const jT = column(t, 'observableTransformation');
  const jD = column(t, 'noiseDistribution');
  return t.rows.map((_, i) => ({
    id: id(t, i, jId),
    formula: parsePetabMath(t, i, jF),
    noise: parsePetabMath(t, i, jN),
    transformation: choice(t, i, jT, ['lin', 'log', 'log10'] as const, 'lin'),
    distribution: choice(t, i, jD, ['normal', 'laplace'] as const, 'normal'),
    file: t.file,
    line: t.line[i]!,
  }));
}

export type Scale = 'lin' | 'log' | 'log10';
export const PRIOR_TYPES = [
  'uniform',
  'normal',
  'laplace',
  'logNormal',
  'logLaplace',
  'parameterScaleUniform',
  'parameterScaleNormal',
  'parameterScaleLaplace',
] as const;
export type PriorType = (typeof PRIOR_TYPES)[number];

export interface ParameterRow extends Origin {
  readonly id: string;
  readonly scale: Scale;
  /** Linear scale, as in the table. */
  readonly lower: number;
  readonly upper: number;
  readonly nominal: number;
  readonly estimate: boolean;
  readonly prior?: { readonly type: PriorType; readonly parameters: readonly number[] };
}

export function readParameters(t: TsvTable): ParameterRow[] {
  const jId = column(t, 'parameterId', true);
  const jS = column(t, 'parameterScale', true);
  const jL = column(t, 'lowerBound', true);
  const jU = column(t, 'upperBound', true);
  const jN = column(t, 'nominalValue', true);
  const jE = column(t, 'estimate', true);
  const jP = column(t, 'objectivePriorType');
  const jPp = column(t, 'objectivePriorParameters');
  const num = (i: number, j: number, allowEmpty: boolean): number => {
    const s = t.rows[i]![j]!;
    if (s === '' && allowEmpty) return Number.NaN;
    if (!isNumberCell(s)) throw cellError(t, i, j, `expected a number, got '${s}'`);
    return parseNumber(s);
  };
  return t.rows.map((r, i) => {
    const estimate = r[jE]!;
    if (estimate !== '0' && estimate !== '1') throw cellError(t, i, jE, `expected 0 or 1, got '${estimate}'`);
    const est = estimate === '1';
    const scale = choice(t, i, jS, ['lin', 'log', 'log10'] as const, 'lin');
    const lower = num(i, jL, !est);
    const upper = num(i, jU, !est);
    if (est && !(lower <= upper))
      throw cellError(t, i, jU, `upper bound ${upper} is below lower bound ${lower}`);
    const pType = jP === undefined ? '' : r[jP]!;
    let prior: ParameterRow['prior'];
    if (pType !== '') {
      const type = choice(t, i, jP, PRIOR_TYPES, 'uniform');
      const text = jPp === undefined ? '' : r[jPp]!;
      const parameters = text.split(';').map((x) => parseNumber(x.trim()));
      if (parameters.length !== 2 || parameters.some(Number.isNaN))
        throw cellError(t, i, jPp ?? jP!, `expected two numbers 'a;b' for a ${type} prior, got '${text}'`);
      prior = { type, parameters };
    }
    return {
      id: id(t, i, jId),
      scale,
      lower,
      upper,
      nominal: num(i, jN, false),
      estimate: est,
      ...(prior !== undefined ? { prior } : {}),
      file: t.file,
      line: t.line[i]!,
    };
  });
}
