/**
 * Trastuzumab dosing regimens (domain.md), lowered to model `doses` (boluses into the central compartment,
 * in mg/kg). Intraperitoneal doses are treated as boluses: i.p. absorption of IgG takes hours, short
 * against the days of the schedule (assumed).
 */
import type { Dose } from '../model/types.js';

export type RegimenId = 'mouse-10-biw' | 'mouse-13-4.5-weekly' | 'human-8-6-q3w';

export interface Regimen {
  readonly id: RegimenId;
  readonly species: 'mouse' | 'human';
  readonly description: string;
  readonly source: string;
  /** mg/kg per administration; the last value repeats. */
  readonly amounts: readonly number[];
  /** Days between administrations. */
  readonly every: number;
  /** Default number of administrations. */
  readonly defaultCount: number;
}

export const regimens: Readonly<Record<RegimenId, Regimen>> = {
  'mouse-10-biw': {
    id: 'mouse-10-biw',
    species: 'mouse',
    description: '10 mg/kg i.p. twice weekly',
    source: 'domain.md: common xenograft dosing',
    amounts: [10],
    every: 3.5,
    defaultCount: 20,
  },
  'mouse-13-4.5-weekly': {
    id: 'mouse-13-4.5-weekly',
    species: 'mouse',
    description: '13 mg/kg loading, then 4.5 mg/kg weekly (human-equivalent exposure)',
    source: 'domain.md: reproduces human Cmax 133 / Cmin 72.7 ug/mL',
    amounts: [13, 4.5],
    every: 7,
    defaultCount: 10,
  },
  'human-8-6-q3w': {
    id: 'human-8-6-q3w',
    species: 'human',
    description: '8 mg/kg loading, then 6 mg/kg every 3 weeks for a year',
    source: 'trastuzumab label (domain.md)',
    amounts: [8, 6],
    every: 21,
    defaultCount: 17,
  },
};

export interface Schedule {
  readonly regimen: RegimenId;
  /** Day of the first administration. */
  readonly start: number;
  /** Number of administrations (default the regimen's). */
  readonly count?: number;
}

/** The schedule as one model Dose targeting the central amount species. */
export function scheduleDose(schedule: Schedule, target = 'Ab_c'): Dose {
  const r = regimens[schedule.regimen];
  const count = schedule.count ?? r.defaultCount;
  const amounts = Array.from({ length: count }, (_, i) => r.amounts[Math.min(i, r.amounts.length - 1)]!);
  return {
    id: `trastuzumab_${r.id.replace(/[^A-Za-z0-9]/g, '_')}`,
    target,
    amount: amounts[0]!,
    ...(r.amounts.length > 1 ? { amounts } : {}),
    unit: 'mg/kg',
    start: schedule.start,
    every: r.every,
    count,
    route: 'bolus',
    description: r.description,
  };
}
