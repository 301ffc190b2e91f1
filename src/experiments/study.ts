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

/** Chunk length (days) of the control run while it looks for the start volume. */
const REACH_CHUNK = 10;

/** The study's arms of a parameter set, each arm's end-volume ratio computed when first asked for. */
export interface LazyStudy extends StudyArms {
  /** Treated / control volume at the end of arm i (0 control, 1 adjuvant, 2 established). */
  ratio(arm: number): number;
}

/**
 * The mean-model study for sweeps: the same end-of-study ratios as `studyDeterministic(...).ratio` within
 * the solver tolerance, computed once per shared stretch and only for the arms asked for. The control runs
 * from day 0 in chunks until it reaches `startVolume` (the 0.5-day grid and rtol 1e-6 of timeToReach);
 * each arm then starts from the control state at its first dose (the control itself from the established
 * start), instead of three runs from day 0 and a 200-day search. Arms run at `design.rtol` (default 1e-6).
 * Null when the control never reaches the start volume.
 */
export function lazyStudy(L: Lab, p: Float64Array, design: StudyDesign): LazyStudy | null {
  const level = design.startVolume ?? 150;
  const maxDays = design.maxDays ?? 200;
  const adv = (y0: Float64Array, t0: number, tEnd: number, times: readonly number[] = [tEnd]) =>
    run(L.problem, { p, y0, t0, tEnd, times, outputs: ['V'] });
  const y0 = L.problem.initialState(p);
  // Control on the 0.5-day grid, chunk by chunk, until it first reaches the level (as timeToReach).
  let y = y0;
  let t = 0;
  let tPrev = Number.NaN;
  let vPrev = Number.NaN;
  let reach = Number.NaN;
  let chunkStart = { t: 0, y: y0 };
  while (t < maxDays && !Number.isFinite(reach)) {
    const tEnd = Math.min(t + REACH_CHUNK, maxDays);
    const times: number[] = [];
    for (let k = Math.ceil(t * 2); k <= Math.floor(tEnd * 2); k++) times.push(k / 2);
    const tr = adv(y, t, tEnd, times);
    const v = column(tr, 'V');
    for (let i = 0; i < v.length && !Number.isFinite(reach); i++) {
      const ti = tr.t[i]!;
      if (ti <= tPrev) continue; // a chunk's first point is the previous chunk's last
      if (v[i]! >= level && Number.isFinite(vPrev))
        reach = tPrev + ((level - vPrev) / (v[i]! - vPrev)) * (ti - tPrev);
      tPrev = ti;
      vPrev = v[i]!;
    }
    chunkStart = { t, y };
    y = tr.yEnd;
    t = tEnd;
  }
  if (!Number.isFinite(reach)) return null;
  const s = studyArms(design, reach);
  const stateAt = (t0: number): Float64Array => {
    const from = t0 >= chunkStart.t ? chunkStart : { t: 0, y: y0 };
    return t0 > from.t ? adv(from.y, from.t, t0).yEnd : from.y;
  };
  let yEst: Float64Array | null = null;
  const vEnd = new Map<number, number>();
  const endVolume = (i: number): number => {
    let v = vEnd.get(i);
    if (v === undefined) {
      const arm = s.arms[i]!;
      const t0 = arm.startDay ?? s.establishedDay;
      const start = t0 === s.establishedDay ? (yEst ??= stateAt(t0)) : stateAt(t0);
      const doses = armDoses(arm, s.end);
      const rtol = design.rtol ? { rtol: design.rtol } : {};
      const tr = run(L.problem, {
        p,
        y0: start,
        t0,
        tEnd: s.end,
        times: [s.end],
        outputs: ['V'],
        doses,
        ...rtol,
      });
      v = tr.y[0]!;
      vEnd.set(i, v);
    }
    return v;
  };
  return { ...s, ratio: (i) => endVolume(i) / endVolume(0) };
}
