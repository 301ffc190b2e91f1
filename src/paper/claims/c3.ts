/** C3: trastuzumab has no effect on the growth of established luminal HER2-non-amplified xenografts. */
import { type CellLine, presetParams } from '../../models/index.js';
import { C3_MIN, NON_AMPLIFIED } from './adccMap.js';
import { cheap } from './cheap.js';
import { HORIZON, horizonStudy } from './horizon.js';
import {
  DESIGN,
  establishedRatio,
  growthFigure,
  hierarchyFigure,
  killRates,
  timingRatio,
  timingStudy,
} from './timing.js';
import type { Claim } from './types.js';

const THRESHOLD = C3_MIN;

/** Mechanisms switched off one at a time (mean model) to see what drives a response. */
const DECOMPOSITION: readonly { readonly name: string; readonly values: Readonly<Record<string, number>> }[] =
  [
    { name: 'full model (default)', values: {} },
    { name: 'no Fc-receptor killing (kADCC = 0)', values: { kADCC: 0 } },
    { name: 'no bulk HER2 drive (gP = 0)', values: { gP: 0 } },
    { name: 'CSC signalling blockade only (kADCC = 0, gP = 0)', values: { kADCC: 0, gP: 0 } },
    { name: 'Fc-receptor killing only (emax = 0: signalling not blocked)', values: { emax: 0 } },
  ];

/** HER2 per bulk cell and per CSC, and KADCC, of a line's preset. */
function dens(line: CellLine): { bulk: number; csc: number; K: number } {
  const v = (id: string): number => presetParams(line).find((s) => s.id === id)!.value;
  const bulk = v('her2Base') * v('copyRatio');
  return { bulk, csc: bulk * v('cscEnrich'), K: v('KADCC') };
}

/** What the decomposition says drives ZR75-1's response (full vs no Fc-receptor killing). */
function zrMechanism(full: number, noKill: number): string {
  if (full >= THRESHOLD) return '';
  return noKill >= THRESHOLD
    ? 'So the ZR75-1 response is antibody-dependent killing: signalling blockade alone stays above the threshold. '
    : 'Signalling blockade alone already takes ZR75-1 below the threshold. ';
}

export const c3: Claim = {
  id: 'C3',
  title: 'Trastuzumab does not slow established luminal HER2-non-amplified xenografts',
  criterion:
    `MCF7 and ZR75-1 in the mammary fat pad, each: trastuzumab 10 mg/kg twice weekly from the day control ` +
    `tumors reach ${DESIGN.startVolume} mm³, for ${DESIGN.window} days: mean treated / mean control volume at ` +
    `the end >= ${THRESHOLD} in both lines (value: the smaller ratio). Both lines because the claim is about the ` +
    `class of established luminal HER2-non-amplified xenografts, without naming lines, and the model has two ` +
    `such lines.`,
  basis: {
    kind: 'prediction',
    note: 'emerges from the hierarchy, burden feedback and Fc-receptor killing; fragile in the ADCC parameters (C5 maps)',
  },
  async run(ctx) {
    const studies = await Promise.all(NON_AMPLIFIED.map((l) => timingStudy(l, ctx)));
    const ratios = studies.map((s) => s.ratio[2]!);
    const value = Math.min(...ratios);
    const pass = ratios.every((r) => r >= THRESHOLD);
    const est = studies[0]!.mice[2]!;
    const S0 = est.csc.map((c) => c[Math.round(est.startDay! / (est.t[1]! - est.t[0]!))]!);
    const kill = Object.fromEntries(NON_AMPLIFIED.map((l) => [l, killRates(l)])) as Record<
      CellLine,
      ReturnType<typeof killRates>
    >;
    const table = DECOMPOSITION.map((v) => {
      const row: Record<string, string | number> = { mechanisms: v.name };
      for (const l of NON_AMPLIFIED) row[`${l} ratio (mean model)`] = establishedRatio(l, v.values);
      return row;
    });
    const zr = (i: number): number => table[i]![`ZR75-1 ratio (mean model)`] as number;
    const mc = (i: number): number => table[i]![`MCF7 ratio (mean model)`] as number;
    const h = await horizonStudy(ctx);
    const ext = h.mice.find((m) => m.label === 'established')!.times;
    const sorted = Float64Array.from(ext).sort();
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const perLine = NON_AMPLIFIED.map(
      (l, i) =>
        `${l} ${ratios[i]!.toFixed(3)} (${ratios[i]! >= THRESHOLD ? 'holds' : 'fails'}; mean model ` +
        `${studies[i]!.nominal.ratio[2]!.toFixed(3)}, start day ${studies[i]!.nominal.establishedDay})`,
    ).join(', ');
    const k = (l: CellLine): string =>
      `CSCs ${kill[l].csc.toFixed(3)}, first progenitors ${kill[l].p1.toFixed(3)}, differentiated ${kill[l].bulk.toFixed(4)}`;
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: pass ? 'pass' : 'fail',
      value,
      details:
        `End-of-study volume ratio, replicate mice: ${perLine}. ` +
        `MCF7: at the start the CSC pools held ${Math.round(Math.min(...S0))}-${Math.round(Math.max(...S0))} cells; ` +
        `trastuzumab makes CSC self-renewal subcritical, but the established tumor's growth is carried by its ` +
        `committed progenitors (10 transit divisions) and already slowed by burden feedback, so the loss of ` +
        `CSC output shows in volume only weeks later. ZR75-1 responds for another reason, decomposed in the ` +
        `table (mean model): without Fc-receptor killing its ratio is ${zr(1).toFixed(2)} instead of ` +
        `${zr(0).toFixed(2)}; without the bulk HER2 drive ${zr(2).toFixed(2)}; with Fc-receptor killing alone ` +
        `(no signalling blockade) ${zr(4).toFixed(2)}. ${zrMechanism(zr(0), zr(1))}` +
        `With ${dens('ZR75-1').bulk.toExponential(1)} receptors on bulk cells and ${dens('ZR75-1').csc.toExponential(1)} ` +
        `on CSCs its stem and early progenitor cells are near the half-maximal density KADCC = ` +
        `${dens('ZR75-1').K.toExponential(1)}; MCF7's CSCs carry ${dens('MCF7').csc.toExponential(1)}. ` +
        `Kill rates per day a week into treatment: ` +
        `ZR75-1 ${k('ZR75-1')}; MCF7 ${k('MCF7')}. MCF7 is hardly touched by it (${mc(1).toFixed(2)} without ` +
        `vs ${mc(0).toFixed(2)} with). C3 is fragile: it depends on how steeply killing rises with HER2 density ` +
        `(C5's maps), and for MCF7 the mean model (${studies[0]!.nominal.ratio[2]!.toFixed(3)}) and the ` +
        `replicate mice (${ratios[0]!.toFixed(3)}) fall on either side of ${THRESHOLD}. The model does not make ` +
        `established tumors resistant, only slow to respond: treated on, MCF7's CSC pool died out after a ` +
        `median ${Number.isFinite(median) ? `${Math.round(median)} days` : `> ${HORIZON} days`} (C4, ` +
        `extinction over two years), after which the tumor can only shrink.`,
      summary:
        `ZR75-1 established ratio ${ratios[1]!.toFixed(2)} (mice): Fc-receptor killing of its HER2-richer CSCs and ` +
        `early progenitors (without it ${zr(1).toFixed(2)}, mean model); MCF7 ${ratios[0]!.toFixed(2)} (mean model ` +
        `${studies[0]!.nominal.ratio[2]!.toFixed(2)}).`,
      figures: [
        growthFigure(studies[0]!, ['control', 'established'], 'c3-growth'),
        growthFigure(studies[1]!, ['control', 'established'], 'c3-growth-zr75'),
        hierarchyFigure(studies[0]!, 'c3-hierarchy'),
      ],
      tables: [
        {
          caption:
            'What drives the established-tumor response: treated / control volume at the end with mechanisms ' +
            'switched off (mean model; < 1 is a response)',
          rows: table,
        },
      ],
    };
  },
  // Statistic: the smaller established-arm ratio of the two lines (NaN when a control never gets there).
  ...cheap(
    (set, model) => Math.min(...NON_AMPLIFIED.map((l) => timingRatio(l, 2, set, model))),
    (x) => x >= THRESHOLD,
  ),
  robustnessNote:
    'mean (ODE) model, both lines; sets where controls never reach the start volume count as failing',
};
