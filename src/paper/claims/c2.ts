/** C2: HER2 blockade (trastuzumab or knock-down) lowers CSC fraction and spheres in luminal lines, not SUM159. */
import { aldhFraction, type Composition } from '../../experiments/flow.js';
import {
  cultureCompositions,
  sphereEfficiency,
  sphereFounders,
  type Treatment,
} from '../../experiments/invitro.js';
import type { CellLine } from '../../models/index.js';
import { cheap } from './cheap.js';
import type { Claim } from './types.js';

const LUMINAL: readonly CellLine[] = ['MCF7', 'ZR75-1'];
const LINES: readonly CellLine[] = [...LUMINAL, 'SUM159'];
/** Primary protocol: days from the start of the blockade to the assay. */
const BLOCKADES: readonly { name: string; tr: Treatment; days: number }[] = [
  { name: 'trastuzumab 10 ug/mL', tr: { trastuzumab: 10 }, days: 7 },
  { name: 'HER2 shRNA (80%)', tr: { knockdown: 0.8 }, days: 14 },
];
const LUMINAL_MAX = 0.7;
/** Assay days of the blockades, increasing. */
const CTL_DAYS = [...new Set(BLOCKADES.map((b) => b.days))].sort((a, b) => a - b);
const BASAL_MIN = 0.9;
/** The model's ALDEFLUOR+ gate: CSCs and the first 6 progenitor stages (Her2CscOptions.aldhStages). */
const STAGES = 6;
/** Robustness grid of the two assumptions that decide the ALDEFLUOR readout. */
const GRID_DAYS = [7, 14, 21] as const;
const GRID_STAGES = [0, 1, 2, 3, 4, 5, 6] as const;

interface LineData {
  /** Compositions at GRID_DAYS: control, then each blockade. */
  readonly comp: readonly (readonly Composition[])[];
  /** Sphere probabilities per founder type: control, then each blockade. */
  readonly founders: readonly (readonly number[])[];
}

const dayIndex = (d: number): number => GRID_DAYS.indexOf(d as (typeof GRID_DAYS)[number]);

/** Treated/control ALDH+ and sphere ratios of blockade k after `days`, with `stages` ALDH+ stages. */
function ratios(x: LineData, k: number, days: number, stages: number) {
  const i = dayIndex(days);
  const ctl = x.comp[0]![i]!;
  const trt = x.comp[k + 1]![i]!;
  return {
    aldh: aldhFraction(trt, stages) / aldhFraction(ctl, stages),
    sphere: sphereEfficiency(x.founders[k + 1]!, trt) / sphereEfficiency(x.founders[0]!, ctl),
  };
}

/** Worst luminal ratio and smallest SUM159 ratio over blockades given a duration for each. */
function verdict(data: ReadonlyMap<CellLine, LineData>, daysOf: (k: number) => number, stages: number) {
  let worstLuminal = 0;
  let worstBasal = Number.POSITIVE_INFINITY;
  let worstLuminalAldh = 0;
  for (const line of LINES)
    BLOCKADES.forEach((_, k) => {
      const r = ratios(data.get(line)!, k, daysOf(k), stages);
      if (LUMINAL.includes(line)) {
        worstLuminal = Math.max(worstLuminal, r.aldh, r.sphere);
        worstLuminalAldh = Math.max(worstLuminalAldh, r.aldh);
      } else worstBasal = Math.min(worstBasal, r.aldh, r.sphere);
    });
  return {
    worstLuminal,
    worstLuminalAldh,
    worstBasal,
    pass: worstLuminal <= LUMINAL_MAX && worstBasal >= BASAL_MIN,
  };
}

export const c2: Claim = {
  id: 'C2',
  title: 'HER2 blockade lowers the CSC fraction and sphere formation in luminal lines, not in SUM159',
  criterion:
    `Protocol: trastuzumab (10 ug/mL) in the medium for ${BLOCKADES[0]!.days} days; HER2 shRNA (80% knock-down) ` +
    `as a stable line, assayed ${BLOCKADES[1]!.days} days after transduction (stable shRNA lines are used after ` +
    `antibiotic selection, which takes 1-2 weeks; the paper's timing was not available), against a control ` +
    `cultured as long. Then ALDEFLUOR (CSCs and the first ${STAGES} progenitor stages ALDH+) and single-cell ` +
    `tumorspheres (10 days, >= 20 cells) with the same treatment: in MCF7 and ZR75-1 both readouts ` +
    `<= ${LUMINAL_MAX}x control under both blockades; in SUM159 both >= ${BASAL_MIN}x control.`,
  basis: {
    kind: 'prediction',
    note: "follows from psHER2 (HER2 regulates self-renewal, sized from C2's statement) through the culture protocol; the size and timing of the readouts are the test",
  },
  async run(ctx) {
    const runs = ctx.quick ? 100 : 400;
    const conds: readonly Treatment[] = [{}, ...BLOCKADES.map((b) => b.tr)];
    const data = new Map<CellLine, LineData>();
    for (const line of LINES) {
      const comp = conds.map((tr) => cultureCompositions(line, tr, GRID_DAYS));
      const founders: number[][] = [];
      for (const tr of conds) founders.push(await sphereFounders(line, tr, { runs, seed: ctx.seed }));
      data.set(line, { comp, founders });
    }
    const daysOf = (k: number): number => BLOCKADES[k]!.days;
    const primary = verdict(data, daysOf, STAGES);
    const rows = LINES.flatMap((line) =>
      BLOCKADES.map((b, k) => {
        const r = ratios(data.get(line)!, k, b.days, STAGES);
        return { line, blockade: b.name, days: b.days, 'ALDH+ ratio': r.aldh, 'sphere ratio': r.sphere };
      }),
    );
    const bars = (f: (x: LineData, cond: number) => number) =>
      conds.map((_, c) => ({
        label: c === 0 ? 'control' : `${BLOCKADES[c - 1]!.name}, ${BLOCKADES[c - 1]!.days} d`,
        values: LINES.map((line) => 100 * f(data.get(line)!, c)),
      }));
    // Controls are shown at the trastuzumab duration; each ratio uses the control of its own duration.
    const at = (c: number): number => dayIndex(c === 0 ? BLOCKADES[0]!.days : BLOCKADES[c - 1]!.days);
    const grid = GRID_STAGES.map((a) => {
      const row: Record<string, string | number> = {
        'ALDH+ stages': a,
        'MCF7 ALDH+ %': 100 * aldhFraction(data.get('MCF7')!.comp[0]![0]!, a),
        'ZR75-1 ALDH+ %': 100 * aldhFraction(data.get('ZR75-1')!.comp[0]![0]!, a),
      };
      for (const d of GRID_DAYS) {
        const v = verdict(data, () => d, a);
        row[`${d} days`] = `${v.worstLuminalAldh.toFixed(2)} ${v.pass ? 'pass' : 'fail'}`;
      }
      return row;
    });
    const sphereWorst = GRID_DAYS.map((d) => verdict(data, () => d, STAGES).worstLuminal);
    const passing = grid.flatMap((r) =>
      GRID_DAYS.filter((d) => r[`${d} d`] === 'pass').map((d) => `${r['ALDH+ stages']}/${d} d`),
    );
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: primary.pass ? 'pass' : 'fail',
      value: primary.worstLuminal,
      details:
        `Largest luminal treated/control ratio ${primary.worstLuminal.toFixed(3)}; smallest SUM159 ratio ` +
        `${primary.worstBasal.toFixed(3)}; the sphere readout passes in both luminal lines, the ALDEFLUOR ` +
        `readout does not (table). Blocking HER2 makes luminal CSCs differentiate: sphere founders (CSCs) ` +
        `fall at once, but the CSCs' extra progeny first fill the early progenitor stages, which the gate counts ` +
        `as ALDH+, so the ALDEFLUOR+ fraction falls only as those cells move on (about one stage per ` +
        `1.7 days). The grid below varies the two assumptions that decide this readout, both blockades assayed ` +
        `after the same time: it passes for (ALDH+ stages / days) ${passing.length ? passing.join(', ') : 'none'}. ` +
        `Gates of 0-3 stages give ALDH+ fractions below the ~1-10% reported for such lines (domain notes), ` +
        `gates of 5-6 stages fall in it. Largest luminal ratio with the default gate at 7/14/21 days (both ` +
        `readouts): ${sphereWorst.map((v) => v.toFixed(2)).join(' / ')}. SUM159 self-renewal is ` +
        `HER2-independent (psHER2 = 0), so its readouts do not move. Sphere probabilities per founder from ` +
        `${runs} exact SSA lineages each.`,
      figures: [
        {
          kind: 'bar',
          id: 'c2-aldh',
          title: 'ALDEFLUOR+ cells at the assay (primary protocol)',
          yLabel: 'ALDH+ (%)',
          categories: LINES.map(String),
          groups: bars((x, c) => aldhFraction(x.comp[c]![at(c)]!, STAGES)),
        },
        {
          kind: 'bar',
          id: 'c2-spheres',
          title: 'Tumorsphere-forming efficiency of single cells (primary protocol)',
          yLabel: 'spheres per 100 cells',
          categories: LINES.map(String),
          groups: bars((x, c) => sphereEfficiency(x.founders[c]!, x.comp[c]![at(c)]!)),
        },
        {
          kind: 'line',
          id: 'c2-gate-duration',
          title: 'Largest luminal ALDH+ ratio by ALDH+ gate and time to assay (both blockades)',
          xLabel: 'progenitor stages counted ALDH+',
          yLabel: 'treated / control ALDH+',
          series: GRID_DAYS.map((d) => ({
            name: `${d} days`,
            x: [...GRID_STAGES],
            y: GRID_STAGES.map((a) => verdict(data, () => d, a).worstLuminalAldh),
          })),
          rules: [{ axis: 'y', value: LUMINAL_MAX, label: `criterion ${LUMINAL_MAX}` }],
        },
      ],
      table: rows,
      tables: [
        {
          caption:
            'ALDH+ gate x days to assay: largest luminal ALDH+ ratio; pass/fail of the whole criterion ' +
            '(ALDH+ % of 7-day controls)',
          rows: grid,
        },
      ],
    };
  },
  /**
   * Statistic: the largest luminal treated/control ALDEFLUOR+ ratio over both blockades. When the SUM159
   * control fails (a ratio below BASAL_MIN), it is raised above the luminal threshold by the shortfall,
   * so that the one number carries the whole criterion.
   */
  ...cheap(
    (set, model) => {
      let luminal = 0;
      let basal = Number.POSITIVE_INFINITY;
      for (const line of LINES) {
        // One control run serves both assay days.
        const ctl = cultureCompositions(line, {}, CTL_DAYS, set(line), model);
        for (const b of BLOCKADES) {
          const trt = cultureCompositions(line, b.tr, [b.days], set(line), model)[0]!;
          const r = aldhFraction(trt, STAGES) / aldhFraction(ctl[CTL_DAYS.indexOf(b.days)]!, STAGES);
          if (LUMINAL.includes(line)) luminal = Math.max(luminal, r);
          else basal = Math.min(basal, r);
        }
      }
      return basal >= BASAL_MIN ? luminal : Math.max(luminal, LUMINAL_MAX + (BASAL_MIN - basal));
    },
    (x) => x <= LUMINAL_MAX,
  ),
  robustnessNote: 'ALDEFLUOR+ fraction only (spheres need the SSA and are left out of the sweep)',
};
