/** C6: HER2 is higher in luminal tumors grown in bone (intratibial) than in the mammary fat pad. */
import { ihcLabel, ihcScore } from '../../experiments/ihc.js';
import type { CellLine } from '../../models/index.js';
import { cheap } from './cheap.js';
import { GROWTH_DAYS, siteHer2, siteHer2Of } from './site.js';
import type { Claim } from './types.js';

const LINES: readonly CellLine[] = ['MCF7', 'ZR75-1'];
const THRESHOLD = 1.5;

export const c6: Claim = {
  id: 'C6',
  title: 'HER2 is higher in luminal tumors grown in bone than in the mammary fat pad',
  criterion: `MCF7 and ZR75-1 grown ${GROWTH_DAYS} days intratibially vs in the fat pad: mean HER2 per tumor cell bone / fat pad >= ${THRESHOLD} in both lines.`,
  basis: {
    kind: 'input',
    note: 'the bone rise comes from the RANKL induction parameter rankInd (~2-3 fold, sized from C6/C7) and bone RANKL; the check confirms the readout after 28 days of growth',
  },
  async run() {
    const rows = LINES.map((line) => {
      const fat = siteHer2(line, 'fatpad');
      const bone = siteHer2(line, 'bone');
      return { line, fat: fat.her2, bone: bone.her2, ratio: bone.her2 / fat.her2 };
    });
    const value = Math.min(...rows.map((r) => r.ratio));
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: value >= THRESHOLD ? 'pass' : 'fail',
      value,
      details:
        rows
          .map(
            (r) =>
              `${r.line}: ${Math.round(r.fat)} (IHC ${ihcLabel(ihcScore(r.fat))}) in fat pad vs ${Math.round(r.bone)} ` +
              `(IHC ${ihcLabel(ihcScore(r.bone))}) receptors/cell in bone, x${r.ratio.toFixed(2)}.`,
          )
          .join(' ') +
        ' Bone marrow RANKL raises HER2 expression (saturating RANK signal, assumed up to 2.5-fold); the fat pad has little RANKL.',
      figures: [
        {
          kind: 'bar',
          id: 'c6-her2-site',
          title: `HER2 per tumor cell after ${GROWTH_DAYS} days by site`,
          yLabel: 'HER2 receptors per cell',
          categories: LINES.map(String),
          groups: [
            { label: 'mammary fat pad', values: rows.map((r) => r.fat) },
            { label: 'bone (intratibial)', values: rows.map((r) => r.bone) },
          ],
        },
      ],
      table: rows.map((r) => ({ line: r.line, 'fat pad': r.fat, bone: r.bone, 'bone / fat pad': r.ratio })),
    };
  },
  // Statistic: the smaller bone / fat pad HER2 ratio of the two lines.
  ...cheap(
    (set, model) =>
      Math.min(
        ...LINES.map(
          (l) => siteHer2Of(set, l, 'bone', 0, model).her2 / siteHer2Of(set, l, 'fatpad', 0, model).her2,
        ),
      ),
    (x) => x >= THRESHOLD,
  ),
};
