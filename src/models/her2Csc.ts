/**
 * The HER2 cancer stem cell model of luminal breast cancer (Ithimakin et al., Cancer Res 2013), as a plain
 * Model value built with ModelBuilder.
 *
 * Cells (amounts, in cells):
 *   S  cancer stem cells (ALDH+), dividing at lambdaS: symmetric renewal ps, symmetric differentiation pd,
 *      asymmetric pa = 1 - ps - pd (Michor et al. 2005; Dingli & Michor 2006);
 *   P1..Pk transit-amplifying progenitors: each division moves a cell one stage on, Pk makes two D
 *      (a division limit of k);
 *   D  differentiated cells, which die.
 * Self-renewal ps = (ps0 + psHER2 * sigS) / (1 + N / Kfb): HER2 signalling raises it; tumor burden N
 * lowers it (feedback form of Rodriguez-Brenes, Komarova & Wodarz, PNAS 2011).
 * HER2 per cell on CSCs and non-CSCs relaxes to targets set by line expression, gene copy ratio,
 * knock-down and RANKL from the site (blockable by OPG/denosumab). Signalling uses the free fraction
 * after trastuzumab occupancy C/(C + Kd). In amplified lines HER2 also drives progenitor division.
 * Bound trastuzumab also marks every cell for Fc-receptor effector cells (ADCC/ADCP; Clynes et al., Nat Med
 * 2000): a kill rate proportional to occupancy, saturating in the cell's HER2 density (stage-specific).
 * Trastuzumab: two-compartment PK per kg body weight (central Ab_c, peripheral Ab_p, mg/kg).
 * Option `dormancy` adds dormant CSCs Sq: they neither divide nor signal (so HER2 blockade cannot touch
 * them), count as tumor cells and CSCs, and are killed by Fc-receptor effectors at dormAdcc times the CSC
 * rate. They leave dormancy only when a protocol moves them to S (e.g. a micrometastasis escaping
 * dormancy, Willis et al., Cancer Res 2010), so the option changes nothing unless Sq is populated.
 * The initial state is the inoculum in the composition of untreated balanced growth in culture.
 */
import { ModelBuilder } from '../model/builder.js';
import type { Model } from '../model/types.js';
import {
  dormancyParams,
  drugParams,
  her2Params,
  hierarchyParams,
  humanPkParams,
  mousePkParams,
  type ParamSpec,
} from './parameters.js';
import {
  type CellLine,
  type LinePreset,
  linePresets,
  type Override,
  type Site,
  sitePresets,
} from './presets.js';
import { type Schedule, scheduleDose } from './regimens.js';
import { aldhSignallingParams, plasticityParams } from './variantParams.js';

export interface Her2CscOptions {
  /** Default 'fatpad'. */
  readonly site?: Site;
  /** PK species; default 'mouse'. */
  readonly host?: 'mouse' | 'human';
  /** Number of transit-amplifying divisions k (default 10). */
  readonly divisions?: number;
  /** Progenitor stages P1..Pa that are ALDEFLUOR+ (default 6). */
  readonly aldhStages?: number;
  /** Inoculated cells (default 1e6). */
  readonly inoculum?: number;
  /** Trastuzumab schedules (default none). */
  readonly schedules?: readonly Schedule[];
  /** 'dynamic' (default): HER2 levels relax by rate rules; 'steady': HER2 sits at its target (for SSA). */
  readonly her2?: 'dynamic' | 'steady';
  /** Add dedifferentiation reactions Pi -> S at rate omega (default false; omega from plasticityParams). */
  readonly plasticity?: boolean;
  /** Add dormant (non-dividing) CSCs Sq and their antibody-dependent kill (default false). */
  readonly dormancy?: boolean;
  /**
   * What makes a cell ALDEFLUOR+: 'stages' (default) the CSCs and the first `aldhStages` progenitor stages;
   * 'signalling' any cell in proportion to its HER2 signal (readouts aldhS, aldhP1..aldhPk, aldhD).
   */
  readonly aldh?: 'stages' | 'signalling';
  /** Parameter values replacing defaults and presets. */
  readonly overrides?: Readonly<Record<string, number>>;
}

const DERIVED = 'derived: assignment rule';

/** All parameter specs of a preset, with line, site and host applied (value, range, source). */
export function presetParams(line: CellLine, options: Her2CscOptions = {}): ParamSpec[] {
  const pk = (options.host ?? 'mouse') === 'human' ? humanPkParams : mousePkParams;
  const line_: LinePreset = linePresets[line];
  const site = sitePresets[options.site ?? 'fatpad'];
  const apply = (s: ParamSpec, o: Override | undefined): ParamSpec =>
    o ? { ...s, value: o.value, range: o.range ?? [o.value, o.value], source: o.source } : s;
  const dormant = options.dormancy ? dormancyParams : [];
  const aldh = options.aldh === 'signalling' ? aldhSignallingParams : [];
  const hierarchy = options.plasticity
    ? hierarchyParams.map((s) => plasticityParams.find((x) => x.id === s.id) ?? s)
    : hierarchyParams;
  return [...hierarchy, ...her2Params, ...drugParams, ...pk, ...dormant, ...aldh].map((s) => {
    let r = apply(apply(s, line_.overrides[s.id]), site[s.id]);
    const v = options.overrides?.[s.id];
    if (v !== undefined) r = { ...r, value: v, source: `${r.source}; set to ${v} by the caller` };
    return r;
  });
}

/** The HER2-CSC model for a cell line at a site, optionally with trastuzumab schedules. */
export function her2Csc(line: CellLine = 'MCF7', options: Her2CscOptions = {}): Model {
  const k = options.divisions ?? 10;
  const a = Math.min(options.aldhStages ?? 6, k);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`divisions must be a positive integer, got ${k}`);
  const site = options.site ?? 'fatpad';
  const m = new ModelBuilder(`her2csc_${line.replace('-', '')}_${site}`, {
    name: `HER2 cancer stem cell model: ${line} (${linePresets[line].description}), ${site}`,
    notes: 'Ithimakin et al., Cancer Res 2013;73:1635. Hierarchy, HER2 by site, trastuzumab PK/occupancy.',
    timeUnit: 'day',
    // The inoculum is split by the culture composition; stochastic runs start from whole cells.
    roundInitialCounts: true,
  });
  m.compartment('tumor', 1, { unit: 'dimensionless', name: 'tumor (cells counted as amounts)' });
  m.compartment('body', 1, { unit: 'kg', name: 'per kg of body weight' });
  for (const s of presetParams(line, options)) {
    m.param(s.id, s.value, { unit: s.unit, range: s.range, source: s.source, description: s.description });
  }
  m.param('inoculum', options.inoculum ?? 1e6, {
    unit: 'cell',
    range: [5e5, 2e6],
    source: 'assumed: typical xenograft inoculum; the paper value was not available',
  });

  const P = Array.from({ length: k }, (_, i) => `P${i + 1}`);
  const dormant = options.dormancy ?? false;
  const cells = ['S', ...P, 'D', ...(dormant ? ['Sq'] : [])];
  for (const id of cells) m.species(id, { compartment: 'tumor', unit: 'cell' });
  const stem = dormant ? '(S + Sq)' : 'S';
  m.species('Ab_c', { compartment: 'body', unit: 'mg/kg', description: 'trastuzumab, central' });
  m.species('Ab_p', { compartment: 'body', unit: 'mg/kg', description: 'trastuzumab, peripheral' });

  const derived = (id: string, unit: string, math: string, description: string): void => {
    m.param(id, 0, { unit, source: DERIVED, constant: false, description });
    m.assign(id, math);
  };
  // Readouts and signalling.
  derived('N', 'cell', cells.join(' + '), 'tumor cells');
  derived('V', 'mm3', 'N / rho', 'tumor volume');
  derived('cscFraction', 'dimensionless', `${stem} / N`, 'CSC fraction');
  // With ALDH+ by signalling, each population counts with its ALDH+ probability (aldhBySignal).
  const signalled = options.aldh === 'signalling';
  const aldhTerms = signalled
    ? [`${stem} * aldhS`, ...P.map((id) => `${id} * aldh${id}`), 'D * aldhD']
    : [stem, ...P.slice(0, a)];
  derived('aldhFraction', 'dimensionless', `(${aldhTerms.join(' + ')}) / N`, 'ALDEFLUOR+ fraction');
  derived('C', 'ug/mL', 'Ab_c / V1 + Cmedium', 'trastuzumab concentration at the tumor');
  derived('occ', 'dimensionless', 'C * nMperUgMl / (C * nMperUgMl + Kd)', 'HER2 occupancy');
  derived('freeSig', 'dimensionless', '1 - emax * occ', 'HER2 signalling left after trastuzumab');
  derived(
    'rankSig',
    'dimensionless',
    'rankl * (1 - rankBlock) / (rankl * (1 - rankBlock) + KR)',
    'RANK signal',
  );
  derived(
    'her2NTarget',
    'receptor/cell',
    'her2Base * copyRatio * (1 - shHER2) * (1 + (rankInd - 1) * rankSig)',
    '',
  );
  derived('her2STarget', 'receptor/cell', 'cscEnrich * her2NTarget', 'HER2 target on CSCs');
  if ((options.her2 ?? 'dynamic') === 'steady') {
    derived('HER2_S', 'receptor/cell', 'her2STarget', 'HER2 on CSCs');
    derived('HER2_N', 'receptor/cell', 'her2NTarget', 'HER2 on non-stem cells');
  } else {
    for (const [id, target] of [
      ['HER2_S', 'her2STarget'],
      ['HER2_N', 'her2NTarget'],
    ] as const) {
      m.param(id, 0, { unit: 'receptor/cell', source: 'state: relaxes to its target', constant: false });
      m.rate(id, `kHER2 * (${target} - ${id})`);
    }
    // Inoculated cells come from culture: no RANKL, no knock-down yet.
    m.initial('HER2_S', 'cscEnrich * her2Base * copyRatio');
    m.initial('HER2_N', 'her2Base * copyRatio');
  }
  if (signalled) aldhBySignal(m, P, a, options.her2 === 'steady');
  derived('sigS', 'dimensionless', 'HER2_S * freeSig / (HER2_S * freeSig + KsigS)', 'CSC HER2 signal');
  derived(
    'sigP',
    'dimensionless',
    '(HER2_N * freeSig) * (HER2_N * freeSig) / ((HER2_N * freeSig) * (HER2_N * freeSig) + KsigP * KsigP)',
    'progenitor HER2 drive (Hill 2)',
  );
  derived(
    'ps',
    'dimensionless',
    '(ps0 + psHER2 * sigS) / (1 + N / Kfb)',
    'symmetric self-renewal probability',
  );
  derived('pd', 'dimensionless', '(1 - ps) * qd', 'symmetric differentiation probability');
  derived('pa', 'dimensionless', '(1 - ps) * (1 - qd)', 'asymmetric division probability');
  derived('lamP', '1/day', 'lambdaP * (1 + gP * sigP)', 'progenitor division rate');
  // Antibody-dependent killing (ADCC/ADCP by Fc-receptor effector cells; Clynes et al., Nat Med 2000):
  // per-capita rate kADCC * effectors * occ * H^n / (H^n + KADCC^n), H the population's HER2 per cell.
  const kill = (h: string): string => `kADCC * effectors * occ * (${h})^nADCC / ((${h})^nADCC + KADCC^nADCC)`;
  derived('adccS', '1/day', kill('HER2_S'), 'antibody-dependent kill rate of CSCs');
  derived('adccD', '1/day', kill('HER2_N'), 'antibody-dependent kill rate of differentiated cells');
  P.forEach((id, i) => {
    // Stage i carries HER2_N + (HER2_S - HER2_N) theta^i (the stem HER2 programme diluted per division).
    derived(
      `adcc${id}`,
      '1/day',
      kill(`HER2_N + (HER2_S - HER2_N) * theta^${i + 1}`),
      `antibody-dependent kill rate of ${id}`,
    );
  });

  // Hierarchy.
  m.reaction('S_renew', 'S -> 2 S', 'lambdaS * ps * S');
  m.reaction('S_symdiff', `S -> 2 ${P[0]}`, 'lambdaS * pd * S');
  m.reaction('S_asym', `S -> S + ${P[0]}`, 'lambdaS * pa * S');
  m.reaction('S_death', 'S ->', 'deltaS * S');
  m.reaction('S_adcc', 'S ->', 'adccS * S');
  P.forEach((id, i) => {
    m.reaction(`${id}_div`, `${id} -> 2 ${i + 1 < k ? P[i + 1] : 'D'}`, `lamP * ${id}`);
    m.reaction(`${id}_death`, `${id} ->`, `deltaP * ${id}`);
    m.reaction(`${id}_adcc`, `${id} ->`, `adcc${id} * ${id}`);
    if (options.plasticity) m.reaction(`${id}_dediff`, `${id} -> S`, `omega * ${id}`);
  });
  m.reaction('D_death', 'D ->', 'deltaD * D');
  m.reaction('D_adcc', 'D ->', 'adccD * D');
  if (dormant) m.reaction('Sq_adcc', 'Sq ->', 'dormAdcc * adccS * Sq');

  // Trastuzumab PK (mg/kg; rates in mg/kg/day).
  m.reaction('Ab_elim', 'Ab_c ->', 'CL / V1 * Ab_c');
  m.reaction('Ab_distr', 'Ab_c -> Ab_p', 'Q / V1 * Ab_c');
  m.reaction('Ab_redistr', 'Ab_p -> Ab_c', 'Q / V2 * Ab_p');
  for (const s of options.schedules ?? []) m.dose(scheduleDose(s));

  addInitialComposition(m, P);
  return m.build();
}

/**
 * ALDEFLUOR+ state maintained by HER2 signalling (Korkaya et al., Oncogene 2008: HER2 raises the ALDH+
 * fraction of MCF7 cells): a share aldhHER2 of each cell's ALDH+ probability is x^2 / (x^2 + KALDH^2), x its
 * free HER2 (HER2 per cell times the signalling left after occupancy), whatever its stage; the rest is the
 * stage gate (CSCs and P1..Pa). The enzyme follows signalling with rate kALDH (aldhSig relaxes to freeSig;
 * at once in the 'steady' HER2 model).
 */
function aldhBySignal(m: ModelBuilder, P: readonly string[], a: number, steady: boolean): void {
  const derived = (id: string, math: string, description: string): void => {
    m.param(id, 0, { unit: 'dimensionless', source: DERIVED, constant: false, description });
    m.assign(id, math);
  };
  if (steady) derived('aldhSig', 'freeSig', 'HER2 signalling seen by ALDH expression');
  else {
    m.param('aldhSig', 1, { unit: 'dimensionless', source: 'state: relaxes to freeSig', constant: false });
    m.rate('aldhSig', 'kALDH * (freeSig - aldhSig)');
  }
  const prob = (h: string, gated: boolean): string =>
    `${gated ? '(1 - aldhHER2) + ' : ''}aldhHER2 * (${h} * aldhSig)^2 / ((${h} * aldhSig)^2 + KALDH^2)`;
  derived('aldhS', prob('HER2_S', true), 'ALDH+ probability of a CSC');
  P.forEach((id, i) => {
    const h = `(HER2_N + (HER2_S - HER2_N) * theta^${i + 1})`;
    derived(`aldh${id}`, prob(h, i < a), `ALDH+ probability of ${id}`);
  });
  derived('aldhD', prob('HER2_N', false), 'ALDH+ probability of a differentiated cell');
}

/**
 * Initial cells: the inoculum in the stage composition of untreated balanced exponential growth in culture
 * (no feedback, no RANKL, no drug). For the feed-forward hierarchy this is closed form: with CSC growth rate
 * r0, P1 = S lambdaS (1 - ps + pd) / (lamP + deltaP + r0), P(i+1) = Pi 2 lamP / (lamP + deltaP + r0),
 * D = 2 lamP Pk / (deltaD + r0).
 */
function addInitialComposition(m: ModelBuilder, P: readonly string[]): void {
  const helper = (id: string, math: string): void => {
    m.param(id, 0, { unit: 'dimensionless', source: 'derived: initial assignment (culture composition)' });
    m.initial(id, math);
  };
  helper('c_sigS', 'cscEnrich * her2Base * copyRatio / (cscEnrich * her2Base * copyRatio + KsigS)');
  helper('c_ps', 'ps0 + psHER2 * c_sigS');
  helper('c_r', 'lambdaS * (c_ps - (1 - c_ps) * qd) - deltaS');
  helper(
    'c_lamP',
    'lambdaP * (1 + gP * (her2Base * copyRatio) * (her2Base * copyRatio) / ((her2Base * copyRatio) * (her2Base * copyRatio) + KsigP * KsigP))',
  );
  helper('c_den', 'max(c_lamP + deltaP + c_r, 0.001)');
  helper('c_w1', 'lambdaS * (1 - c_ps + (1 - c_ps) * qd) / c_den');
  for (let i = 2; i <= P.length; i++) helper(`c_w${i}`, `c_w${i - 1} * 2 * c_lamP / c_den`);
  helper('c_wD', `2 * c_lamP * c_w${P.length} / max(deltaD + c_r, 0.001)`);
  helper('c_Z', ['1', ...P.map((_, i) => `c_w${i + 1}`), 'c_wD'].join(' + '));
  m.initial('S', 'inoculum / c_Z');
  P.forEach((id, i) => {
    m.initial(id, `inoculum * c_w${i + 1} / c_Z`);
  });
  m.initial('D', 'inoculum * c_wD / c_Z');
}
