/**
 * Candidate next experiments that our protocols can run, as readouts of one parameter set under one
 * hypothesis variant (mean model, as the claims' cheap statistics): the calibration ranks them by how much
 * their readout would tell the surviving variants apart (src/fit/hypotheses/confront.ts). Every readout is
 * the log of a treated / control ratio of mean end volumes in the C3 study design (src/paper/claims/
 * timing.ts: 10 mg/kg twice weekly, established arms from 150 mm3, 28 days), with the noise of a typical
 * 8-10 mouse group (log-sd 0.21, evidence.json's 'xenograft-group' assumption). NaN when control tumors
 * never reach the start volume.
 */
import { lab } from '../../experiments/lab.js';
import { paramVector } from '../../experiments/sim.js';
import { type StudyDesign, studyDeterministic } from '../../experiments/study.js';
import { DESIGN } from '../../paper/claims/timing.js';
import type { ModelOptions, ParamSet } from '../../paper/claims/types.js';

export interface ExperimentSpec {
  readonly id: string;
  readonly description: string;
  /** Readout noise, sd of the log ratio. */
  readonly sd: number;
}

interface Protocol extends ExperimentSpec {
  readonly site: 'fatpad' | 'bone';
  readonly design: StudyDesign;
  /** Arm read: 1 the early-start arm (adjuvantDay), 2 the established arm. */
  readonly arm: 1 | 2;
  readonly values?: Readonly<Record<string, number>>;
}

const SD = 0.21;
const startDay = (d: number): Protocol => ({
  id: `start-day-${d}`,
  description: `MCF7 fat pad, trastuzumab 10 mg/kg twice weekly from day ${d} after inoculation to the end`,
  sd: SD,
  site: 'fatpad',
  design: { ...DESIGN, adjuvantDay: d },
  arm: 1,
});

const PROTOCOLS: readonly Protocol[] = [
  startDay(7),
  startDay(14),
  startDay(21),
  startDay(28),
  {
    id: 'second-dose-level',
    description:
      'established MCF7 xenografts, trastuzumab 13 then 4.5 mg/kg weekly (human exposure) instead of 10 mg/kg twice weekly',
    sd: SD,
    site: 'fatpad',
    design: { ...DESIGN, regimen: 'mouse-13-4.5-weekly' },
    arm: 2,
  },
  {
    id: 'denosumab-bone',
    description:
      'established intratibial MCF7 tumors, trastuzumab with denosumab (90% of RANKL blocked) in every arm',
    sd: SD,
    site: 'bone',
    design: DESIGN,
    arm: 2,
    values: { rankBlock: 0.9 },
  },
];

export const experiments: readonly ExperimentSpec[] = PROTOCOLS.map(({ id, description, sd }) => ({
  id,
  description,
  sd,
}));
export const experimentIds: readonly string[] = PROTOCOLS.map((p) => p.id);

/** The log treated / control ratio of experiment `id` at a parameter set under a variant's model. */
export function experimentOutcome(id: string, set: ParamSet, model: ModelOptions): number {
  const pr = PROTOCOLS.find((p) => p.id === id);
  if (!pr) throw new RangeError(`unknown experiment '${id}'`);
  const L = lab('MCF7', pr.site, model);
  const p = paramVector(L.problem, { ...set('MCF7', pr.site), ...pr.values });
  const st = studyDeterministic(L, p, { ...pr.design, outputStep: 7, rtol: 1e-4 });
  return st ? Math.log(st.ratio[pr.arm]!) : Number.NaN;
}
