/**
 * Robustness of each claim: the fraction of Latin-hypercube parameter sets over the documented ranges for
 * which the claim's cheap deterministic criterion holds. One unit-cube sample serves every cell line: point
 * i gives parameter x the value at the same quantile u of that line's own range (log scale for ranges
 * spanning a decade). Bone RANKL is its own dimension ('ranklBone'). A set where a simulation fails counts
 * as the claim not holding.
 */
import { type CellLine, cellLines, presetParams, type Site } from '../models/index.js';
import { sitePresets } from '../models/presets.js';
import type { Claim, ModelOptions, ParamSet } from './claims/types.js';
import { latinHypercube } from './lhs.js';

export interface Robustness {
  readonly id: string;
  readonly sets: number;
  readonly holds: number;
  readonly fraction: number;
  readonly note?: string;
}

type Ranges = Map<string, readonly [number, number]>;

function rangesOf(line: CellLine, model: ModelOptions = {}): Ranges {
  const r: Ranges = new Map();
  for (const s of presetParams(line, model)) if (s.range[1] > s.range[0]) r.set(s.id, s.range);
  r.set('ranklBone', sitePresets.bone.rankl!.range!);
  return r;
}

const scaleValue = (u: number, [lo, hi]: readonly [number, number]): number =>
  lo > 0 && hi / lo >= 10 ? lo * (hi / lo) ** u : lo + u * (hi - lo);

/**
 * The ranged parameter ids of every cell line (and 'ranklBone'), sorted: the dimensions of the unit cube
 * that the robustness sample and the calibration's priors span.
 */
export function quantileIds(model: ModelOptions = {}): string[] {
  return [...new Set(cellLines.flatMap((l) => [...byLine(l, model).keys()]))].sort();
}

/**
 * The parameter set at unit-cube point u (u[j] the quantile of quantileIds()[j]): each parameter takes the
 * value at that quantile of each line's own range (log scale for ranges spanning a decade); bone RANKL is
 * its own dimension. Values per line and site are computed once.
 */
export function quantileSet(
  u: ArrayLike<number>,
  ids: readonly string[] = quantileIds(),
  model: ModelOptions = {},
): ParamSet {
  const memo = new Map<string, Record<string, number>>();
  const bone = ids.indexOf('ranklBone');
  return (line: CellLine, site: Site = 'fatpad') => {
    const key = `${line}:${site}`;
    let v = memo.get(key);
    if (!v) {
      v = {};
      const ranges = byLine(line, model);
      for (const [j, id] of ids.entries()) {
        const r = ranges.get(id);
        if (r && id !== 'ranklBone') v[id] = scaleValue(u[j]!, r);
      }
      // Bone RANKL is its own dimension: the fat-pad range of 'rankl' does not apply in bone.
      if (site === 'bone' && bone >= 0) v.rankl = scaleValue(u[bone]!, ranges.get('ranklBone')!);
      memo.set(key, v);
    }
    return v;
  };
}

const lineRanges = new Map<string, Ranges>();
function byLine(line: CellLine, model: ModelOptions = {}): Ranges {
  const key = `${line}:${JSON.stringify(model)}`;
  let r = lineRanges.get(key);
  if (!r) lineRanges.set(key, (r = rangesOf(line, model)));
  return r;
}

/** n parameter sets as ParamSet functions: the rows of a Latin hypercube on the unit cube. */
export function parameterSets(n: number, seed: number): ParamSet[] {
  const ids = quantileIds();
  const s = latinHypercube(
    ids.map((id) => ({ id, range: [0, 1] as const, scale: 'linear' as const })),
    n,
    seed,
  );
  return Array.from({ length: n }, (_, i) =>
    quantileSet(s.values.subarray(i * ids.length, (i + 1) * ids.length), ids),
  );
}

/**
 * How many of sets [from, to) of the n-set sample satisfy each claim's `holds`: one count per claim. Sets
 * are drawn whole and indexed, so any split of [0, n) into ranges adds up to the same counts.
 */
export function holdsCounts(
  claims: readonly Claim[],
  n: number,
  seed: number,
  from = 0,
  to = n,
  onProgress?: (claim: string, done: number, total: number) => void,
): number[] {
  const sets = parameterSets(n, seed).slice(from, to);
  return claims.map((c) => {
    let holds = 0;
    sets.forEach((set, i) => {
      try {
        if (c.holds(set)) holds++;
      } catch {
        // a failed simulation counts as the claim not holding
      }
      if ((i + 1) % 20 === 0) onProgress?.(c.id, i + 1, sets.length);
    });
    return holds;
  });
}

/** Robustness summaries from per-claim counts over n sets. */
export function summarizeRobustness(
  claims: readonly Claim[],
  n: number,
  counts: readonly number[],
): Robustness[] {
  return claims.map((c, k) => ({
    id: c.id,
    sets: n,
    holds: counts[k]!,
    fraction: counts[k]! / n,
    ...(c.robustnessNote ? { note: c.robustnessNote } : {}),
  }));
}

export function robustness(
  claims: readonly Claim[],
  n: number,
  seed: number,
  onProgress?: (claim: string, done: number, total: number) => void,
): Robustness[] {
  return summarizeRobustness(claims, n, holdsCounts(claims, n, seed, 0, n, onProgress));
}
