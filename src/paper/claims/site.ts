/** HER2 of tumors grown at a site (fat pad or bone), optionally with RANKL blocked: shared by C6 and C7. */
import { meanHer2, wholeMixture } from '../../experiments/flow.js';
import { composition, lab, paramValue } from '../../experiments/lab.js';
import { paramVector, run } from '../../experiments/sim.js';
import type { CellLine, Her2CscOptions, Site } from '../../models/index.js';
import type { ParamSet } from './types.js';

export const GROWTH_DAYS = 28;

export interface SiteReadout {
  readonly her2: number;
  readonly copyRatio: number;
}

/**
 * Mean HER2 per tumor cell after GROWTH_DAYS at the site; rankBlock = fraction of RANKL neutralised.
 * `values` must be those of this site (a robustness set for (line, site)).
 */
export function siteHer2(
  line: CellLine,
  site: Site,
  rankBlock = 0,
  values: Readonly<Record<string, number>> = {},
  model: Her2CscOptions = {},
): SiteReadout {
  const L = lab(line, site, model);
  const p = paramVector(L.problem, { ...values, rankBlock });
  const tr = run(L.problem, { p, tEnd: GROWTH_DAYS, times: [GROWTH_DAYS], outputs: ['V'] });
  const c = composition(L, tr.yEnd, p, GROWTH_DAYS);
  return { her2: meanHer2(wholeMixture(c)), copyRatio: paramValue(L, p, 'copyRatio') };
}

const sweepCache = new WeakMap<ParamSet, Map<string, SiteReadout>>();

/** siteHer2 of a robustness parameter set, run once per (set, line, site, blockade, variant): C6 and C7 share it. */
export function siteHer2Of(
  set: ParamSet,
  line: CellLine,
  site: Site,
  rankBlock = 0,
  model: Her2CscOptions = {},
): SiteReadout {
  let m = sweepCache.get(set);
  if (!m) sweepCache.set(set, (m = new Map()));
  const key = JSON.stringify([line, site, rankBlock, model]);
  let r = m.get(key);
  if (!r) m.set(key, (r = siteHer2(line, site, rankBlock, set(line, site), model)));
  return r;
}
