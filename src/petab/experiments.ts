/**
 * Measurements grouped into experiments: one simulation per (preequilibration, simulation) condition pair,
 * with the sorted distinct finite output times and whether a steady state (time `inf`) is asked for.
 * Every measurement is checked here against the tables (observable, conditions, number of overrides), so
 * that no measurement can later fail to find its simulation: an unknown id is an error naming its row.
 */
import { InputError } from '../errors.js';
import type { Measurement, NoiseDistribution, Observable, Transformation } from '../io/petab/index.js';
import type { CompiledProblem } from '../model/compile.js';
import type { Observer } from '../problem/types.js';
import { type LoweredCondition, type Source, source } from './conditions.js';
import { type Placeholders, sId, yId } from './model.js';

export interface LoweredMeasurement {
  /** Index in the subproblem's measurement table. */
  readonly row: number;
  readonly m: number;
  /** Index into the experiment's times, or -1 for the steady state. */
  readonly timeIndex: number;
  readonly observer: Observer;
  readonly transformation: Transformation;
  readonly distribution: NoiseDistribution;
  /** p slots of the placeholders and their values. */
  readonly slots: Int32Array;
  readonly values: readonly Source[];
}

export interface Experiment {
  readonly preeq?: LoweredCondition;
  readonly sim: LoweredCondition;
  readonly times: Float64Array;
  readonly steadyState: boolean;
  readonly measurements: readonly LoweredMeasurement[];
}

export function buildExperiments(
  problem: CompiledProblem,
  measurements: readonly Measurement[],
  observables: readonly Observable[],
  placeholders: ReadonlyMap<string, Placeholders>,
  conditions: ReadonlyMap<string, LoweredCondition>,
  index: ReadonlyMap<string, number>,
): Experiment[] {
  const obsById = new Map(observables.map((o) => [o.id, o]));
  const observers = new Map<string, Observer>();
  const groups = new Map<string, { pre?: LoweredCondition; sim: LoweredCondition; rows: number[] }>();
  measurements.forEach((m, i) => {
    const at = (col: string) => ({ file: m.file, path: `line ${m.line}, column '${col}'` });
    if (!obsById.has(m.observableId))
      throw new InputError(
        `unknown observable '${m.observableId}' (not in the observable table)`,
        at('observableId'),
      );
    const sim = conditions.get(m.simulationId);
    if (sim === undefined)
      throw new InputError(
        `unknown condition '${m.simulationId}' (not in the condition table)`,
        at('simulationConditionId'),
      );
    const pre = m.preequilibrationId === undefined ? undefined : conditions.get(m.preequilibrationId);
    if (m.preequilibrationId !== undefined && pre === undefined)
      throw new InputError(
        `unknown condition '${m.preequilibrationId}' (not in the condition table)`,
        at('preequilibrationConditionId'),
      );
    const key = `${m.preequilibrationId ?? ''}\t${m.simulationId}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { ...(pre !== undefined ? { pre } : {}), sim, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(i);
  });
  const out: Experiment[] = [];
  for (const g of groups.values()) {
    const finite = [...new Set(g.rows.map((i) => measurements[i]!.time).filter(Number.isFinite))].sort(
      (a, b) => a - b,
    );
    const tIndex = new Map(finite.map((t, k) => [t, k]));
    const lowered = g.rows.map((i): LoweredMeasurement => {
      const m = measurements[i]!;
      const obs = obsById.get(m.observableId)!;
      const ph = placeholders.get(obs.id)!;
      let observer = observers.get(obs.id);
      if (observer === undefined) {
        observer = problem.observe([yId(obs.id), sId(obs.id)]);
        observers.set(obs.id, observer);
      }
      const slots: number[] = [];
      const values: Source[] = [];
      for (const [col, names, given] of [
        ['observableParameters', ph.observable, m.observableParameters],
        ['noiseParameters', ph.noise, m.noiseParameters],
      ] as const) {
        const where = { file: m.file, path: `line ${m.line}, column '${col}'` };
        if (given.length !== names.length)
          throw new InputError(
            `observable '${obs.id}' has ${names.length} ${col.replace('Parameters', '')} placeholder(s), got ${given.length} value(s)`,
            where,
          );
        names.forEach((name, k) => {
          slots.push(problem.paramIndex.get(name)!);
          values.push(source(given[k]!, index, where));
        });
      }
      return {
        row: i,
        m: m.measurement,
        timeIndex: Number.isFinite(m.time) ? tIndex.get(m.time)! : -1,
        observer,
        transformation: obs.transformation,
        distribution: obs.distribution,
        slots: Int32Array.from(slots),
        values,
      };
    });
    out.push({
      ...(g.pre !== undefined ? { preeq: g.pre } : {}),
      sim: g.sim,
      times: Float64Array.from(finite),
      steadyState: g.rows.some((i) => measurements[i]!.time === Number.POSITIVE_INFINITY),
      measurements: lowered,
    });
  }
  return out;
}
