/** C3: trastuzumab has no effect on the growth of established luminal HER2-non-amplified xenografts. */
import { HORIZON, horizonStudy } from './horizon.js';
import { DESIGN, growthFigure, hierarchyFigure, killRates, timingRatios, timingStudy } from './timing.js';
import type { Claim } from './types.js';

const THRESHOLD = 0.8;

export const c3: Claim = {
  id: 'C3',
  title: 'Trastuzumab does not slow established luminal HER2-non-amplified xenografts',
  criterion:
    `MCF7 in the mammary fat pad; trastuzumab 10 mg/kg twice weekly from the day control tumors reach ` +
    `${DESIGN.startVolume} mm³, for ${DESIGN.window} days: mean treated / mean control volume at the end >= ${THRESHOLD}.`,
  async run(ctx) {
    const s = await timingStudy('MCF7', ctx);
    const ratio = s.ratio[2]!;
    const pass = ratio >= THRESHOLD;
    const est = s.mice[2]!;
    const S0 = est.csc.map((c) => c[Math.round(est.startDay! / (est.t[1]! - est.t[0]!))]!);
    const kill = killRates('MCF7');
    const h = await horizonStudy(ctx);
    const ext = h.mice.find((m) => m.label === 'established')!.times;
    const sorted = Float64Array.from(ext).sort();
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: pass ? 'pass' : 'fail',
      value: ratio,
      details:
        `Treatment started at day ${s.nominal.establishedDay} (control ${DESIGN.startVolume} mm³). ` +
        `End-of-study volume ratio ${ratio.toFixed(3)} (mean model ${s.nominal.ratio[2]!.toFixed(3)}). ` +
        `At the start the CSC pools held ${Math.round(Math.min(...S0))}-${Math.round(Math.max(...S0))} cells; ` +
        `trastuzumab makes CSC self-renewal subcritical, but the established tumor's growth is carried by its ` +
        `committed progenitors (${10} transit divisions) and already slowed by burden feedback, so the loss of ` +
        `CSC output shows in volume only weeks later. Fc-receptor killing is weak at MCF7's HER2 levels ` +
        `(${kill.bulk.toFixed(4)} per day for bulk cells, ${kill.csc.toFixed(3)} for CSCs; BT474 in C5). ` +
        `The model does not make established tumors resistant, only slow to respond: treated on, their CSC ` +
        `pool died out after a median ${Number.isFinite(median) ? `${Math.round(median)} days` : `> ${HORIZON} days`} ` +
        `(C4, extinction over two years), after which the tumor can only shrink.`,
      figures: [growthFigure(s, ['control', 'established'], 'c3-growth'), hierarchyFigure(s, 'c3-hierarchy')],
    };
  },
  holds(set) {
    const r = timingRatios('MCF7', set);
    return r !== null && r[2]! >= THRESHOLD;
  },
  robustnessNote: 'mean (ODE) model; sets where controls never reach the start volume count as failing',
};
