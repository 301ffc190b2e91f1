/** C4: trastuzumab right after inoculation ("adjuvant") blocks subsequent growth of the same xenografts. */
import { DESIGN, extinctionFigure, growthFigure, timingRatios, timingStudy } from './timing.js';
import type { Claim } from './types.js';

const THRESHOLD = 0.3;

export const c4: Claim = {
  id: 'C4',
  title: 'Trastuzumab from the day after inoculation blocks luminal xenograft growth',
  criterion:
    `Same MCF7 study as C3, trastuzumab from day ${DESIGN.adjuvantDay ?? 1} to the end: mean treated / mean ` +
    `control volume at the end <= ${THRESHOLD}, or tumors fail to form (< 50 mm³) in at least half of the mice.`,
  async run(ctx) {
    const s = await timingStudy('MCF7', ctx);
    const ratio = s.ratio[1]!;
    const adj = s.mice[1]!;
    const mice = adj.volume.length;
    const failed = mice - adj.formed;
    const pass = ratio <= THRESHOLD || failed >= mice / 2;
    const ext = adj.extinct[adj.extinct.length - 1]!;
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: pass ? 'pass' : 'fail',
      value: ratio,
      details:
        `End-of-study volume ratio ${ratio.toExponential(2)} (mean model ${s.nominal.ratio[1]!.toExponential(2)}); ` +
        `${failed}/${mice} treated mice without a tumor >= 50 mm³; CSC pool extinct in ${(ext * 100).toFixed(0)}% ` +
        `of treated mice at the end (control ${(s.mice[0]!.extinct.at(-1)! * 100).toFixed(0)}%). ` +
        `Right after inoculation the tumor holds ~1e3 CSCs and is far below the burden at which feedback matters: ` +
        `its growth is CSC expansion itself. Blocking HER2 makes CSC self-renewal subcritical, committed cells ` +
        `exhaust their divisions and the small CSC pool shrinks towards extinction (the extinct fraction above is measured).`,
      figures: [growthFigure(s, ['control', 'adjuvant'], 'c4-growth'), extinctionFigure(s, 'c4-extinction')],
    };
  },
  holds(set) {
    const r = timingRatios('MCF7', set);
    return r !== null && r[1]! <= THRESHOLD;
  },
  robustnessNote: 'mean (ODE) model: the volume-ratio part only (extinction not simulated in the sweep)',
};
