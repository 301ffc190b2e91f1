/**
 * The treatment-timing study of Ithimakin et al. 2013 as a protocol: tumors are inoculated at day 0;
 * the control arm is untreated; the adjuvant arm gets trastuzumab from day 1; the established arm from the
 * day the control tumor reaches `startVolume`. All arms end `window` days after the established start.
 * `studyDeterministic` runs the mean (ODE) version used for figures and parameter sweeps; the replicate-
 * mouse version with stochastic CSC pools is `xenograft` (xenograft.ts) with the same arms.
 */
import type { RegimenId } from '../models/index.js';
import type { Lab } from './lab.js';
import { column, run, type Trajectory, timeToReach } from './sim.js';
import { type Arm, armDoses } from './xenograft.js';

export interface StudyDesign {
  readonly regimen: RegimenId;
  /** mm3 at which established tumors start treatment (default 150, within the usual 100-200). */
  readonly startVolume?: number;
  /** Days of treatment of established tumors, and end of the study after their start (default 28). */
  readonly window?: number;
  /** Day the adjuvant arm starts (default 1: "right after inoculation"). */
  readonly adjuvantDay?: number;
  /** Longest wait for the control to reach startVolume (default 200 days). */
  readonly maxDays?: number;
  /** Output step in days (default 0.5) and relative tolerance (default 1e-6); coarser for sweeps. */
  readonly outputStep?: number;
  readonly rtol?: number;
}

export interface StudyArms {
  readonly establishedDay: number;
  readonly end: number;
  readonly arms: readonly Arm[];
}

/** Arms of the study given the day control tumors reach the start volume (rounded up to 0.5 day). */
export function studyArms(design: StudyDesign, controlReachDay: number): StudyArms {
  const establishedDay = Math.ceil(controlReachDay * 2) / 2;
  return {
    establishedDay,
    end: establishedDay + (design.window ?? 28),
    arms: [
      { name: 'control' },
      { name: 'adjuvant', regimen: design.regimen, startDay: design.adjuvantDay ?? 1 },
      { name: 'established', regimen: design.regimen, startDay: establishedDay },
    ],
  };
}

export interface DeterministicStudy extends StudyArms {
  /** Per arm: t, V, S, progenitor sum, C (drug). */
  readonly trajectories: readonly Trajectory[];
  /** Treated / control volume at the end, per arm (control = 1). */
  readonly ratio: readonly number[];
}

const OUTPUTS = ['V', 'S', 'D', 'N', 'cscFraction', 'C', 'ps'] as const;

export function studyDeterministic(L: Lab, p: Float64Array, design: StudyDesign): DeterministicStudy | null {
  const step = design.outputStep ?? 0.5;
  const reach = timeToReach(L.problem, p, 'V', design.startVolume ?? 150, design.maxDays ?? 200);
  if (!Number.isFinite(reach)) return null;
  const s = studyArms(design, reach);
  const times = Array.from({ length: Math.floor(s.end / step) + 1 }, (_, i) => i * step);
  if (times[times.length - 1]! < s.end) times.push(s.end);
  const trajectories = s.arms.map((arm) =>
    run(L.problem, {
      p,
      tEnd: s.end,
      times,
      outputs: [...OUTPUTS],
      doses: armDoses(arm, s.end),
      ...(design.rtol ? { rtol: design.rtol } : {}),
    }),
  );
  const vEnd = trajectories.map((tr) => {
    const v = column(tr, 'V');
    return v[v.length - 1]!;
  });
  return { ...s, trajectories, ratio: vEnd.map((v) => v / vEnd[0]!) };
}
