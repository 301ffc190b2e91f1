/**
 * The parameters of the HER2 cancer stem cell model, as data: value, unit, plausible range and source.
 * Values marked "assumed" are priors chosen to be consistent with the domain notes
 * (/work/shared/docs/domain.md), never fitted to the paper's figures (which were not available).
 * Cell-line and site presets override a few of them (presets.ts).
 */

export interface ParamSpec {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly source: string;
  readonly description: string;
}

/** A parameter spec from its fields (the tables below, and variantParams.ts). */
export const paramSpec = (
  id: string,
  value: number,
  unit: string,
  range: readonly [number, number],
  source: string,
  description: string,
): ParamSpec => ({ id, value, unit, range, source, description });
const p = paramSpec;

/** Cell hierarchy: CSC S -> progenitors P1..Pk (k divisions) -> differentiated D. */
export const hierarchyParams: readonly ParamSpec[] = [
  p(
    'lambdaS',
    0.4,
    '1/day',
    [0.25, 0.6],
    'assumed: CSC cycle 1.5-4 days, slower than bulk',
    'CSC division rate',
  ),
  p(
    'ps0',
    0.15,
    'dimensionless',
    [0.08, 0.22],
    'assumed: residual self-renewal without HER2 signalling (subcritical)',
    'HER2-independent symmetric self-renewal probability',
  ),
  p(
    'psHER2',
    0.45,
    'dimensionless',
    [0.35, 0.55],
    'assumed: HER2 regulates CSC self-renewal (Ithimakin 2013, C2); sized so that HER2 makes CSCs supercritical',
    'self-renewal probability added at saturating HER2 signalling',
  ),
  p(
    'qd',
    0.6,
    'dimensionless',
    [0.45, 0.75],
    'assumed: share of non-renewing CSC divisions that are symmetric (Michor 2005-type hierarchy)',
    'pd = (1 - ps) qd, pa = (1 - ps)(1 - qd)',
  ),
  p('deltaS', 0.01, '1/day', [0, 0.03], 'assumed: CSCs rarely die', 'CSC death rate'),
  p(
    'lambdaP',
    0.6,
    '1/day',
    [0.45, 0.8],
    'assumed: transit-amplifying cycle ~1-2 days (luminal lines double in 1-2 days in vitro)',
    'progenitor division rate (HER2-independent part)',
  ),
  p(
    'deltaP',
    0.02,
    '1/day',
    [0, 0.05],
    'assumed: low apoptosis of proliferating cells',
    'progenitor death rate',
  ),
  p(
    'deltaD',
    0.03,
    '1/day',
    [0.015, 0.06],
    'assumed: differentiated xenograft cells live weeks (slow MCF7 xenograft doubling, domain.md)',
    'differentiated cell death rate',
  ),
  p(
    'Kfb',
    5e8,
    'cell',
    [2.5e8, 1e9],
    'Rodriguez-Brenes, Komarova & Wodarz, PNAS 2011 (form); assumed magnitude: growth slows at ~0.5 cm3',
    'tumor burden halving self-renewal: ps / (1 + N / Kfb)',
  ),
  p(
    'omega',
    0,
    '1/day',
    [0, 0],
    'assumed: no dedifferentiation by default (Gupta 2011 plasticity is an option)',
    'dedifferentiation rate P -> S',
  ),
  p(
    'rho',
    1e6,
    'cell/mm3',
    [1e6, 1e6],
    'domain.md: 1e9 cells/cm3 classic (1e8/cm3 argued for epithelial tumors)',
    'tumor cell density: volume = N / rho',
  ),
];

/** HER2 expression and signalling. */
export const her2Params: readonly ParamSpec[] = [
  p(
    'her2Base',
    2e4,
    'receptor/cell',
    [1e4, 3e4],
    'domain.md: MCF7 ~1-3e4 [recall]',
    'HER2 on non-stem cells per unit copy ratio',
  ),
  p(
    'copyRatio',
    1,
    'HER2/CEP17',
    [1, 1],
    'ASCO/CAP: FISH ratio < 2 = not amplified [recall]',
    'HER2 gene copy ratio',
  ),
  p(
    'cscEnrich',
    4,
    'fold',
    [2.5, 8],
    'assumed: HER2 selectively expressed in ALDH+ CSCs (Ithimakin 2013, C1); input, not prediction',
    'HER2 on CSCs relative to non-stem cells',
  ),
  p(
    'theta',
    0.6,
    'dimensionless',
    [0.4, 0.8],
    'assumed: the stem HER2 programme is diluted at each transit division',
    'fraction of the CSC HER2 excess kept per progenitor stage',
  ),
  p(
    'KsigS',
    2e4,
    'receptor/cell',
    [1e4, 4e4],
    'assumed: half-maximal CSC signalling at ~MCF7 bulk levels',
    'HER2 level for half-maximal self-renewal signal',
  ),
  p(
    'KsigP',
    3e5,
    'receptor/cell',
    [2e5, 5e5],
    'assumed: only amplified levels (~1e6, domain.md) drive bulk proliferation',
    'HER2 level for half-maximal progenitor drive (Hill 2)',
  ),
  p(
    'gP',
    1.5,
    'fold',
    [1, 2.5],
    'assumed: HER2 oncogene addiction of amplified lines',
    'extra progenitor division rate at saturating HER2 drive',
  ),
  p(
    'kHER2',
    0.5,
    '1/day',
    [0.2, 1.5],
    'assumed: expression changes over days (receptor degradation ~0.46/h, domain.md, is faster)',
    'relaxation rate of HER2 levels to their targets',
  ),
  p(
    'rankInd',
    2.5,
    'fold',
    [1.5, 4],
    'assumed: RANKL raises HER2 ~2-3 fold in bone (Ithimakin 2013, C6/C7)',
    'HER2 increase at saturating RANKL',
  ),
  p(
    'KR',
    0.3,
    'relative',
    [0.15, 0.6],
    'assumed: half-saturation of RANK signalling',
    'RANKL half-saturation',
  ),
  p('rankl', 0.02, 'relative', [0, 0.05], 'assumed: little RANKL in mammary fat pad', 'site RANKL level'),
  p('rankBlock', 0, 'fraction', [0, 0], 'OPG / denosumab neutralise RANKL (Lemaire 2004)', 'RANKL blocked'),
  p('shHER2', 0, 'fraction', [0, 0], 'experimental: shRNA knock-down efficiency', 'HER2 knock-down'),
];

/** Trastuzumab binding and pharmacokinetics (two-compartment, per kg body weight). */
export const drugParams: readonly ParamSpec[] = [
  p(
    'Kd',
    0.1,
    'nM',
    [0.05, 0.5],
    'domain.md: Kd ~0.1 nM (Carter 1992)',
    'trastuzumab-HER2 dissociation constant',
  ),
  p('nMperUgMl', 6.7, 'nM/(ug/mL)', [6.7, 6.7], 'domain.md: 1 ug/mL ~ 6.7 nM (148 kDa)', 'unit conversion'),
  p(
    'emax',
    0.85,
    'fraction',
    [0.7, 0.95],
    'assumed: bound trastuzumab blocks most but not all HER2 signalling (ligand-independent dimers persist)',
    'fraction of HER2 signalling removed by occupancy',
  ),
  p(
    'kADCC',
    0.15,
    '1/day',
    [0.05, 0.5],
    'assumed: Fc-receptor-dependent kill of ~0.1/day at amplified density, the order that turns the ~29% growth ' +
      'reduction of BT474 in FcR-deficient hosts into the ~96% of Fc-competent nude mice over weeks (Clynes et al., ' +
      'Nat Med 2000;6:443) [recall]; wide range: effector activity differs between hosts',
    'maximal antibody-dependent (ADCC/ADCP) kill rate at full occupancy and saturating HER2 density',
  ),
  p(
    'KADCC',
    3e5,
    'receptor/cell',
    [1e5, 1e6],
    'assumed: ADCC rises with HER2 density (Kute et al., Oncoimmunology 2012) and is measurable in non-amplified ' +
      'lines incl. MCF-7 (Collins et al., Ann Oncol 2012) [recall]; half-maximal between IHC 2+ and 3+',
    'HER2 per cell for half-maximal antibody-dependent kill',
  ),
  p(
    'nADCC',
    2,
    'dimensionless',
    [1, 3],
    'assumed: in mice human IgG1 acts mainly through macrophage/neutrophil Fc receptors (Albanesi et al., Blood ' +
      '2013;122:3160), and Fc-mediated killing needs a threshold antibody density on the target (Velders et al., ' +
      'Br J Cancer 1998; Niwa et al., Clin Cancer Res 2005) [recall]: a sigmoid (n = 2) rather than one-site saturation (n = 1)',
    'Hill coefficient of the kill in HER2 density',
  ),
  p(
    'effectors',
    1,
    'fraction',
    [1, 1],
    'assumed: Fc-receptor effector cells (NK cells, macrophages, neutrophils) are present in nude mice; ' +
      'set to 0 in culture (no effector cells added)',
    'effector-cell activity relative to a nude mouse',
  ),
  p(
    'Cmedium',
    0,
    'ug/mL',
    [0, 0],
    'experimental: drug in culture medium',
    'in vitro trastuzumab concentration',
  ),
];

/** Dormant CSCs (option `dormancy` of her2Csc). */
export const dormancyParams: readonly ParamSpec[] = [
  p(
    'dormAdcc',
    1,
    'fraction',
    [0, 1],
    'assumed: Fc-receptor killing needs antibody bound to the cell, not division, so dormant CSCs carrying the ' +
      'CSC HER2 level are killed like cycling ones; 0 if dormant cells hide from effectors or lose HER2',
    'antibody-dependent kill of dormant CSCs relative to cycling CSCs',
  ),
];

/** Mouse PK: t1/2 ~8 days, CL ~7 mL/day/kg (domain.md); Q and V2 assumed. */
export const mousePkParams: readonly ParamSpec[] = [
  p(
    'CL',
    0.007,
    'L/day/kg',
    [0.005, 0.01],
    'domain.md: CL ~7 mL/day/kg (13 then 4.5 mg/kg weekly)',
    'clearance',
  ),
  p('V1', 0.05, 'L/kg', [0.04, 0.07], 'assumed: plasma + fast tissues, mouse', 'central volume'),
  p('V2', 0.035, 'L/kg', [0.02, 0.05], 'assumed: gives terminal t1/2 ~8 days with CL', 'peripheral volume'),
  p(
    'Q',
    0.03,
    'L/day/kg',
    [0.015, 0.06],
    'assumed: distribution over ~1 day',
    'intercompartmental clearance',
  ),
];

/** Human PK: Bruno et al. 2005 (CL, V1); EU label for Vp; Q assumed. Per kg of a 70 kg patient. */
export const humanPkParams: readonly ParamSpec[] = [
  p(
    'CL',
    0.225 / 70,
    'L/day/kg',
    [0.13 / 70, 0.39 / 70],
    'Bruno 2005: CL 0.225 L/day (IIV ~43%)',
    'clearance',
  ),
  p('V1', 2.95 / 70, 'L/kg', [2.1 / 70, 3.9 / 70], 'Bruno 2005: V1 2.95 L (IIV ~29%)', 'central volume'),
  p('V2', 2.68 / 70, 'L/kg', [2 / 70, 3.5 / 70], 'EU label: Vp 2.68 L', 'peripheral volume'),
  p(
    'Q',
    0.12 / 70,
    'L/day/kg',
    [0.08 / 70, 0.3 / 70],
    'assumed: chosen so that the terminal t1/2 is ~28 days (Bruno 2005) with the volumes above',
    'intercompartmental clearance',
  ),
];

/** Looks up a parameter spec by id in a list; throws on an unknown id (programming error). */
export function specOf(list: readonly ParamSpec[], id: string): ParamSpec {
  const s = list.find((x) => x.id === id);
  if (!s) throw new Error(`unknown parameter '${id}'`);
  return s;
}
