/** C5: effects of trastuzumab on established tumors are limited to HER2-amplified lines (BT474). */
import { DESIGN, growthFigure, timingRatios, timingStudy } from './timing.js';
import type { Claim } from './types.js';

const THRESHOLD = 0.5;

export const c5: Claim = {
  id: 'C5',
  title: 'Established HER2-amplified (BT474) xenografts respond to trastuzumab',
  criterion:
    `BT474 in the mammary fat pad, same design as C3 (start at ${DESIGN.startVolume} mm³, ${DESIGN.window} days): ` +
    `mean treated / mean control volume at the end <= ${THRESHOLD}.`,
  async run(ctx) {
    const s = await timingStudy('BT474', ctx);
    const ratio = s.ratio[2]!;
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: ratio <= THRESHOLD ? 'pass' : 'fail',
      value: ratio,
      details:
        `BT474 established-tumor ratio ${ratio.toFixed(3)} (mean model ${s.nominal.ratio[2]!.toFixed(3)}); ` +
        `adjuvant ratio ${s.ratio[1]!.toExponential(2)}. With ~1e6 receptors per cell HER2 also drives progenitor ` +
        `division (Hill half-saturation ~3e5 receptors, never reached by non-amplified lines), so blocking it ` +
        `slows the bulk at once, not only the CSCs.`,
      figures: [growthFigure(s, ['control', 'established'], 'c5-growth')],
    };
  },
  holds(set) {
    const r = timingRatios('BT474', set);
    return r !== null && r[2]! <= THRESHOLD;
  },
  robustnessNote: 'mean (ODE) model',
};
