/**
 * What a virtual B-47 patient is made of, as data: every distribution and every trial-level assumption with
 * its unit, range and provenance (`source`: a reference, "domain.md: ..." for the project's domain notes, or
 * "assumed: <why>"), like the model's parameters (src/models/parameters.ts). [recall] marks a value quoted
 * from memory, to be treated as a prior.
 */

/** A distribution of one per-patient (or per-micrometastasis) quantity. */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sdLog: number }
  | { readonly kind: 'logUniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'bernoulli'; readonly p: number };

export interface DistSpec {
  readonly id: string;
  readonly dist: Distribution;
  readonly unit: string;
  readonly source: string;
  readonly description: string;
}

/** A trial-level assumption (one value per trial; the scan varies some of them). */
export interface AssumptionSpec {
  readonly id: string;
  readonly value: number;
  readonly range: readonly [number, number];
  readonly unit: string;
  readonly source: string;
  readonly description: string;
}

/** Log-normal sd from a coefficient of variation: sqrt(ln(1 + CV^2)). */
const sdFromCv = (cv: number): number => Math.sqrt(Math.log1p(cv * cv));

const d = (id: string, dist: Distribution, unit: string, source: string, description: string): DistSpec => ({
  id,
  dist,
  unit,
  source,
  description,
});

/** Per-patient and per-micrometastasis distributions. */
export const populationSpecs = {
  ihc2: d(
    'ihc2',
    { kind: 'bernoulli', p: 0.43 },
    'probability',
    'Fehrenbacher et al., SABCS 2017 abstract GS1-02 (B-47): 57% of tumors IHC 1+, so 43% IHC 2+',
    'HER2 IHC 2+ (else 1+)',
  ),
  her2Ihc1: d(
    'her2Ihc1',
    { kind: 'logUniform', lo: 3e4, hi: 1e5 },
    'receptor/cell',
    'domain.md: ZR-75-1 (IHC 1+) ~6.4e4 (HERmark), MCF7 (IHC 0-1+) 1-3e4 [recall]; range assumed around them',
    'HER2 per non-stem tumor cell, IHC 1+',
  ),
  her2Ihc2: d(
    'her2Ihc2',
    { kind: 'logUniform', lo: 1e5, hi: 4e5 },
    'receptor/cell',
    'assumed: between IHC 1+ (~6.4e4, domain.md) and amplified tumors (~1e6, domain.md), not amplified',
    'HER2 per non-stem tumor cell, IHC 2+',
  ),
  clFactor: d(
    'clFactor',
    { kind: 'lognormal', median: 1, sdLog: sdFromCv(0.43) },
    'fold',
    'Bruno et al. 2005 (domain.md): between-patient variability ~43% on CL',
    'trastuzumab clearance relative to the typical patient',
  ),
  v1Factor: d(
    'v1Factor',
    { kind: 'lognormal', median: 1, sdLog: sdFromCv(0.29) },
    'fold',
    'Bruno et al. 2005 (domain.md): between-patient variability ~29% on V',
    'trastuzumab central volume relative to the typical patient',
  ),
  doublingDays: d(
    'doublingDays',
    { kind: 'lognormal', median: 164, sdLog: 0.6 },
    'day',
    'Zhang et al., Med Sci Monit 2017;23:3147 (3D ultrasound, 69 breast cancers): tumor volume doubling time ' +
      'median 164 days, range 66-521; sd of log assumed to span that range',
    'untreated doubling time of the CSC pool of a micrometastasis (sets the cell kinetics; see kinetics)',
  ),
  ps0Factor: d(
    'ps0Factor',
    { kind: 'lognormal', median: 1, sdLog: 0.1 },
    'fold',
    'assumed: modest between-patient variability of CSC self-renewal around the model value',
    'HER2-independent self-renewal relative to the scenario value',
  ),
  psHer2Factor: d(
    'psHer2Factor',
    { kind: 'lognormal', median: 1, sdLog: 0.1 },
    'fold',
    'assumed: modest between-patient variability of CSC self-renewal around the model value',
    'HER2-driven self-renewal relative to the scenario value',
  ),
  microCells: d(
    'microCells',
    { kind: 'logUniform', lo: 1e2, hi: 1e6 },
    'cell',
    'assumed: from isolated tumor-cell clusters to micrometastases of ~1 mm (1e9 cells/cm3, domain.md)',
    'cells of one micrometastasis at surgery',
  ),
  cscFraction: d(
    'cscFraction',
    { kind: 'logUniform', lo: 0.01, hi: 0.1 },
    'fraction',
    'domain.md: CSC (ALDH+) fraction in breast tumors ~1-10% [recall]',
    'CSC fraction of a micrometastasis at surgery',
  ),
  detectCells: d(
    'detectCells',
    { kind: 'logUniform', lo: 1e8, hi: 1e9 },
    'cell',
    'domain.md: cells at detection ~1e8-1e9',
    'tumor cells at which a growing micrometastasis is detected as a recurrence',
  ),
} as const satisfies Readonly<Record<string, DistSpec>>;

const a = (
  id: string,
  value: number,
  range: readonly [number, number],
  unit: string,
  source: string,
  description: string,
): AssumptionSpec => ({ id, value, range, unit, source, description });

/** Trial-level assumptions; `TrialScenario` values override them. */
export const assumptionSpecs = {
  her2Share: a(
    'her2Share',
    0.75,
    [0, 1],
    'fraction',
    'model default psHER2 / (ps0 + psHER2) = 0.45 / 0.6 (src/models/parameters.ts), sized on the mouse claims',
    'share of maximal CSC self-renewal that HER2 signalling provides in patients (ps0 + psHER2 kept at 0.6)',
  ),
  effectors: a(
    'effectors',
    1,
    [0, 1],
    'fraction',
    'model default: Fc-receptor effector activity of a nude mouse, carried over to patients (assumed)',
    'Fc-receptor (ADCC/ADCP) effector activity in patients relative to a nude mouse',
  ),
  dormantFraction: a(
    'dormantFraction',
    0,
    [0, 1],
    'fraction',
    'assumed: 0 as in the xenografts behind the mouse claims (inoculated cycling cells); the scan varies it',
    'probability that a micrometastasis is dormant at surgery (non-dividing CSCs until it escapes)',
  ),
  escapeHalfLifeYears: a(
    'escapeHalfLifeYears',
    12,
    [12, 50],
    'year',
    'Willis et al., Cancer Res 2010 (domain.md): dormant micrometastases escape with a half-life of at least 12 years',
    'half-life of dormancy of a dormant micrometastasis',
  ),
  chemoLogKill: a(
    'chemoLogKill',
    1,
    [0.5, 2],
    'log10',
    'assumed: adjuvant chemotherapy kills ~90% of cycling micrometastatic CSCs; dormant cells are spared ' +
      '(non-cycling cells resist cytotoxics)',
    'log10 kill of cycling CSCs by chemotherapy at t = 0 (both arms)',
  ),
  maxMicromets: a(
    'maxMicromets',
    6,
    [6, 6],
    'count',
    'Willis et al., Cancer Res 2010 (domain.md): at most ~6 "dangerous" micrometastases',
    'cap of the Poisson number of micrometastases per patient',
  ),
  kfb: a(
    'kfb',
    5e9,
    [1e9, 2e10],
    'cell',
    'assumed: a metastasis in a patient grows into the clinical detection range 1e8-1e9 cells (domain.md) before ' +
      'burden feedback stops it; the xenograft value (5e8, growth slows at ~0.5 cm3) would cap clones below it',
    'burden feedback constant Kfb of the model in patients',
  ),
  backgroundPerYear: a(
    'backgroundPerYear',
    0.005,
    [0.002, 0.01],
    '1/year',
    'assumed: second primary cancers and deaths without recurrence, which count as invasive DFS events',
    'hazard of non-recurrence invasive DFS events (both arms)',
  ),
  controlDfs5: a(
    'controlDfs5',
    0.892,
    [0.5, 0.95],
    'probability',
    'Fehrenbacher et al., J Clin Oncol 2020 (B-47): 5-y invasive DFS 89.2% with chemotherapy alone; a design sets its own',
    'control-arm DFS at calibrationYears the micrometastasis count is calibrated to (an input, not a prediction)',
  ),
  calibrationYears: a(
    'calibrationYears',
    5,
    [1, 10],
    'year',
    'Fehrenbacher et al., J Clin Oncol 2020 (B-47) reports 5-y invasive DFS; a design sets its own',
    'time point of the control-arm DFS used for the calibration',
  ),
  accrualYears: a(
    'accrualYears',
    4,
    [1, 6],
    'year',
    'Fehrenbacher et al., SABCS 2017 abstract GS1-02 (B-47): enrolment 8 Feb 2011 - 10 Feb 2015',
    'accrual period (entry uniform over it)',
  ),
  medianFollowUpMonths: a(
    'medianFollowUpMonths',
    46,
    [12, 120],
    'month',
    'Fehrenbacher et al., J Clin Oncol 2020 (B-47): median follow-up 46 months',
    'median follow-up at analysis; the analysis date is set so that it is met',
  ),
} as const satisfies Readonly<Record<string, AssumptionSpec>>;

export type AssumptionId = keyof typeof assumptionSpecs;

/** Values of the trial-level assumptions (defaults from assumptionSpecs). */
export type TrialScenario = Readonly<Record<AssumptionId, number>>;

/** The scenario with defaults filled in; throws RangeError on an unknown id or a value that is not finite. */
export function scenario(values: Partial<Record<string, number>> = {}): TrialScenario {
  const out: Record<string, number> = {};
  for (const [id, s] of Object.entries(assumptionSpecs)) out[id] = s.value;
  for (const [id, v] of Object.entries(values)) {
    if (!(id in assumptionSpecs)) throw new RangeError(`unknown trial assumption '${id}'`);
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw new RangeError(`trial assumption '${id}' must be finite, got ${v}`);
    out[id] = v;
  }
  return out as TrialScenario;
}

/** The design's own values (follow-up, chemotherapy, calibration target) under the scenario's biology. */
export function scenarioForDesign(
  d: {
    readonly chemotherapy: { readonly logKill: number };
    readonly calibration: { readonly years: number; readonly dfs: number };
    readonly followUp: { readonly accrualYears: number; readonly medianFollowUpMonths: number };
  },
  values: Partial<Record<string, number>> = {},
): TrialScenario {
  return scenario({
    chemoLogKill: d.chemotherapy.logKill,
    controlDfs5: d.calibration.dfs,
    calibrationYears: d.calibration.years,
    accrualYears: d.followUp.accrualYears,
    medianFollowUpMonths: d.followUp.medianFollowUpMonths,
    ...values,
  });
}
