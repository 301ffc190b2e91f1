/**
 * The adjuvant trastuzumab trials, as data (design.ts). Every figure names its source; [recall] marks a
 * value quoted from memory and not confirmed from a source at hand (a prior, not data); "derived" marks one
 * computed from sourced figures. The HER2-positive population is the same model as the HER2-low ones with
 * the amplified line's HER2 (BT474-like gene copy ratio 8 and bulk drive, src/models/presets.ts), so one set
 * of parameters must give both the large HER2-positive benefit and whatever it gives in HER2-low disease.
 */
import { checkDesign, type TrialDesign } from './design.js';

const B47_SOURCE = 'Fehrenbacher et al., J Clin Oncol 2020;38:444 (NSABP B-47), abstract';
const B47_SABCS =
  'Fehrenbacher et al., SABCS 2017 abstract GS1-02 (Cancer Res 2018;78(4 Suppl)): enrolment 8 Feb 2011 - 10 Feb 2015, 57% IHC 1+';
const ROMOND =
  'Romond et al., N Engl J Med 2005;353:1673 (joint analysis of NSABP B-31 and NCCTG N9831), abstract';
const SMPC =
  'Herceptin EU summary of product characteristics, table of the B-31/N9831 joint analysis at the definitive DFS analysis (Romond 2005): n 1679 + 1672, DFS HR 0.48 (0.39-0.59), 3-y DFS 87.2% vs 75.4%, median follow-up 1.8 / 2.0 years';
const PEREZ_2010 =
  'Perez et al., J Clin Oncol 2010;28:4307 (N9831, HER2 and chromosome 17), abstract: 103 patients HER2-normal by central testing, HR 0.51, P = .14';
const PAIK_2008 = 'Paik et al., N Engl J Med 2008;358:1409 (B-31 central HER2 testing, letter) [recall]';

/** HER2-low strata (B-47's eligibility: IHC 1+ or 2+, not amplified), shares as B-47 enrolled them. */
const her2Low = (ihc2Share: number, source: string) =>
  [
    {
      id: 'ihc1',
      label: 'IHC 1+',
      share: 1 - ihc2Share,
      ihc: 1,
      amplified: false,
      her2Base: { kind: 'logUniform', lo: 3e4, hi: 1e5 },
      source: `${source}; HER2 per cell: domain.md, ZR-75-1 (IHC 1+) ~6.4e4 (HERmark), MCF7 1-3e4 [recall], range assumed around them`,
    },
    {
      id: 'ihc2',
      label: 'IHC 2+',
      share: ihc2Share,
      ihc: 2,
      amplified: false,
      her2Base: { kind: 'logUniform', lo: 1e5, hi: 4e5 },
      source: `${source}; HER2 per cell assumed between IHC 1+ (~6.4e4) and amplified tumors (~1e6, domain.md)`,
    },
  ] as const;

/** Weekly trastuzumab with paclitaxel for 52 weeks (B-31, N9831). */
const WEEKLY = {
  loading: 4,
  maintenance: 2,
  everyDays: 7,
  count: 52,
  startDay: 0,
  description: '4 mg/kg loading, then 2 mg/kg weekly, 52 weeks in all, with paclitaxel',
  source: `${ROMOND}: 52 weeks of trastuzumab beginning with the first dose of paclitaxel; 4 then 2 mg/kg weekly (label, domain.md)`,
} as const;

const AC_T = {
  backbone: 'doxorubicin + cyclophosphamide, then paclitaxel',
  logKill: 1,
  source: `${ROMOND}; modelled as a 1-log kill of cycling micrometastatic CSCs at day 0, dormant ones spared (assumed)`,
} as const;

export const DESIGNS = {
  b31n9831: checkDesign({
    id: 'b31n9831',
    name: 'NSABP B-31 + NCCTG N9831 joint analysis (HER2-positive)',
    description:
      'Operable HER2-positive breast cancer; AC then paclitaxel with or without 52 weeks of trastuzumab started with paclitaxel; DFS.',
    patients: 3351,
    patientsSource: SMPC,
    eligibility: {
      strata: [
        {
          id: 'amplified',
          label: 'HER2-positive (IHC 3+ or FISH-amplified)',
          share: 1,
          ihc: 3,
          amplified: true,
          her2Base: { kind: 'logUniform', lo: 6e4, hi: 2.5e5 },
          modelParams: { copyRatio: 8, lambdaP: 0.35 },
          source:
            'BT474 preset (src/models/presets.ts): her2Base 1.25e5 x copy ratio 8 (~1e6 receptors, domain.md: amplified lines ~1e6) and its bulk drive (lambdaP 0.35); spread of her2Base assumed (x0.5-2)',
        },
      ],
    },
    chemotherapy: AC_T,
    trastuzumab: WEEKLY,
    calibration: { years: 3, dfs: 0.754, source: `${SMPC}: 3-y DFS 75.4% with AC then paclitaxel` },
    followUp: {
      accrualYears: 4,
      medianFollowUpMonths: 24,
      source: `${SMPC} (median follow-up 1.8-2.0 years); accrual 2000-2005 [recall], taken as 4 years of uniform entry so that the median is met`,
    },
    published: {
      hr: 0.48,
      lower: 0.39,
      upper: 0.59,
      endpoint: 'DFS',
      dfsControl: 0.754,
      dfsTrastuzumab: 0.872,
      dfsYears: 3,
      source: `${ROMOND} (HR 0.48, P < .0001, 394 events); interval from ${SMPC}`,
    },
    sources: [
      ROMOND,
      SMPC,
      'Perez et al., J Clin Oncol 2014;32:3744 (definitive joint analysis: DFS HR 0.60, 8.4 y) [recall for the HR]',
    ],
  }),
  'b31-central-negative': checkDesign({
    id: 'b31-central-negative',
    name: 'NSABP B-31, HER2-negative by central testing (locally positive)',
    description:
      'The B-31 patients whose tumors were HER2-positive locally but negative on central testing; the subgroup that suggested benefit in HER2-non-amplified disease.',
    patients: 174,
    patientsSource: `${PAIK_2008}: 174 centrally HER2-negative patients`,
    eligibility: {
      strata: her2Low(
        0.43,
        'assumed: the HER2-low distribution of B-47 (not amplified, IHC 1+/2+), shares as B-47',
      ),
    },
    chemotherapy: AC_T,
    trastuzumab: WEEKLY,
    calibration: {
      years: 3,
      dfs: 0.754,
      source: `assumed: the parent trial's control 3-y DFS (${SMPC}); the subgroup's own control DFS is not in our sources`,
    },
    followUp: {
      accrualYears: 4,
      medianFollowUpMonths: 48,
      source: `${PAIK_2008}: later follow-up than the 2005 analysis, taken as 4 years [recall]`,
    },
    published: {
      hr: 0.34,
      lower: 0.14,
      upper: 0.8,
      p: 0.014,
      endpoint: 'DFS (relative risk)',
      source: `${PAIK_2008}: DFS relative risk 0.34 (0.14-0.80)`,
    },
    sources: [PAIK_2008, ROMOND],
  }),
  'n9831-central-normal': checkDesign({
    id: 'n9831-central-normal',
    name: 'NCCTG N9831, HER2-normal by central testing (locally positive)',
    description:
      'N9831 patients (arms A and C) with locally positive but centrally HER2-normal tumors; weekly trastuzumab with paclitaxel.',
    patients: 103,
    patientsSource: PEREZ_2010,
    eligibility: {
      strata: her2Low(
        0.43,
        'assumed: the HER2-low distribution of B-47 (not amplified, IHC 1+/2+), shares as B-47',
      ),
    },
    chemotherapy: { ...AC_T, backbone: 'doxorubicin + cyclophosphamide, then weekly paclitaxel' },
    trastuzumab: { ...WEEKLY, source: `${PEREZ_2010}; concurrent arm C: ${WEEKLY.source}` },
    calibration: {
      years: 3,
      dfs: 0.754,
      source: `assumed: the joint analysis' control 3-y DFS (${SMPC}); the subgroup's own control DFS is not in our sources`,
    },
    followUp: {
      accrualYears: 4,
      medianFollowUpMonths: 48,
      source: `${PEREZ_2010}: median follow-up taken as 4 years [recall]`,
    },
    published: {
      hr: 0.51,
      lower: 0.21,
      upper: 1.25,
      p: 0.14,
      endpoint: 'DFS',
      source: `${PEREZ_2010}; interval derived from the HR and P (Wald, SE = |ln 0.51| / 1.476), not published in the abstract`,
    },
    sources: [PEREZ_2010],
  }),
  b47: checkDesign({
    id: 'b47',
    name: 'NSABP B-47 (HER2-low: IHC 1+/2+, not amplified)',
    description:
      'High-risk HER2-low breast cancer; chemotherapy (TC or AC then weekly paclitaxel) with or without one year of trastuzumab; invasive DFS.',
    patients: 3270,
    patientsSource: B47_SOURCE,
    eligibility: { strata: her2Low(0.43, B47_SABCS) },
    chemotherapy: {
      backbone: 'docetaxel + cyclophosphamide, or AC then weekly paclitaxel',
      logKill: 1,
      source: `${B47_SOURCE}; modelled as a 1-log kill of cycling micrometastatic CSCs at day 0, dormant ones spared (assumed)`,
    },
    trastuzumab: {
      loading: 8,
      maintenance: 6,
      everyDays: 21,
      count: 17,
      startDay: 0,
      description: '8 mg/kg loading, then 6 mg/kg every 3 weeks for a year',
      source: `${B47_SOURCE}: 1 year of trastuzumab; 8 then 6 mg/kg q3w (label, domain.md)`,
    },
    calibration: {
      years: 5,
      dfs: 0.892,
      source: `${B47_SOURCE}: 5-y invasive DFS 89.2% with chemotherapy alone`,
    },
    followUp: {
      accrualYears: 4,
      medianFollowUpMonths: 46,
      source: `${B47_SOURCE}: median follow-up 46 months; ${B47_SABCS}`,
    },
    published: {
      hr: 0.98,
      lower: 0.76,
      upper: 1.25,
      p: 0.85,
      endpoint: 'invasive DFS',
      dfsControl: 0.892,
      dfsTrastuzumab: 0.898,
      dfsYears: 5,
      source: B47_SOURCE,
    },
    sources: [B47_SOURCE, B47_SABCS],
  }),
} as const satisfies Readonly<Record<string, TrialDesign>>;

export type TrialId = keyof typeof DESIGNS;

export const TRIAL_IDS = Object.keys(DESIGNS) as TrialId[];

/** The design of a built-in trial; InputError listing the known ids otherwise. */
export function designOf(id: string): TrialDesign {
  const d = (DESIGNS as Readonly<Record<string, TrialDesign>>)[id];
  if (!d) throw new RangeError(`unknown trial '${id}' (known: ${TRIAL_IDS.join(', ')})`);
  return d;
}
