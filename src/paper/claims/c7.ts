/** C7: the bone increase of HER2 is not gene amplification; it is induced by RANKL (blocked by OPG/denosumab). */
import type { CellLine, Site } from '../../models/index.js';
import { cheap } from './cheap.js';
import { GROWTH_DAYS, siteHer2, siteHer2Of } from './site.js';
import type { Claim, ModelOptions, ParamSet } from './types.js';

const LINES: readonly CellLine[] = ['MCF7', 'ZR75-1'];
const BLOCK = 0.95; // assumed: OPG-Fc / denosumab neutralise ~95% of RANKL
const MAX_RESIDUAL = 0.2;

function check(line: CellLine, set?: ParamSet, model: ModelOptions = {}) {
  const at = (site: Site, block: number) =>
    set ? siteHer2Of(set, line, site, block, model) : siteHer2(line, site, block, {}, model);
  const fat = at('fatpad', 0);
  const bone = at('bone', 0);
  const blocked = at('bone', BLOCK);
  const residual = (blocked.her2 - fat.her2) / (bone.her2 - fat.her2);
  const copiesSame =
    fat.copyRatio === bone.copyRatio && bone.copyRatio === blocked.copyRatio && bone.copyRatio < 2;
  return { line, fat, bone, blocked, residual, copiesSame };
}

export const c7: Claim = {
  id: 'C7',
  title: 'The bone rise of HER2 is RANKL-induced, not gene amplification',
  criterion:
    `MCF7 and ZR75-1, ${GROWTH_DAYS} days in bone with ${BLOCK * 100}% of RANKL neutralised (OPG/denosumab): ` +
    `the remaining bone rise (blocked - fat pad) / (bone - fat pad) <= ${MAX_RESIDUAL} in both lines, and the HER2/CEP17 ` +
    `copy ratio is the same at both sites and < 2 (not amplified).`,
  basis: {
    kind: 'input',
    note: "copy-number part: the copy ratio is a fixed parameter, 1 at both sites; RANKL part: RANKL is the model's only route to the bone rise, so the blockade test checks dose (95%) and timing, not the route",
  },
  async run() {
    const rs = LINES.map((l) => check(l));
    const value = Math.max(...rs.map((r) => r.residual));
    const pass = value <= MAX_RESIDUAL && rs.every((r) => r.copiesSame);
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: pass ? 'pass' : 'fail',
      value,
      details:
        rs
          .map(
            (r) =>
              `${r.line}: fat pad ${Math.round(r.fat.her2)}, bone ${Math.round(r.bone.her2)}, bone + RANKL blockade ` +
              `${Math.round(r.blocked.her2)} receptors/cell (residual ${(r.residual * 100).toFixed(0)}% of the rise); ` +
              `copy ratio ${r.fat.copyRatio} / ${r.bone.copyRatio}.`,
          )
          .join(' ') +
        ' Copy number is a fixed property of the line in the model, so the copy-ratio part checks the wiring: the ' +
        'rise runs through RANK signalling alone.',
      figures: [
        {
          kind: 'bar',
          id: 'c7-rankl',
          title: 'HER2 per tumor cell: bone with and without RANKL blockade',
          yLabel: 'HER2 receptors per cell',
          categories: LINES.map(String),
          groups: [
            { label: 'fat pad', values: rs.map((r) => r.fat.her2) },
            { label: 'bone', values: rs.map((r) => r.bone.her2) },
            { label: 'bone + OPG/denosumab', values: rs.map((r) => r.blocked.her2) },
          ],
        },
      ],
    };
  },
  /**
   * Statistic: the larger residual bone rise of the two lines under RANKL blockade; Infinity when a copy
   * ratio differs between sites or is amplified (never within the documented ranges: it is fixed at 1).
   */
  ...cheap(
    (set, model) => {
      const rs = LINES.map((l) => check(l, set, model));
      return rs.every((r) => r.copiesSame)
        ? Math.max(...rs.map((r) => r.residual))
        : Number.POSITIVE_INFINITY;
    },
    (x) => x <= MAX_RESIDUAL,
  ),
};
