/**
 * Parameters that model options of the hypothesis variants add (src/paper/hypotheses.ts), as data like
 * parameters.ts: value, unit, range and source.
 */
import { type ParamSpec, paramSpec as spec } from './parameters.js';

/** Dedifferentiation (option `plasticity` of her2Csc): replaces the default omega = 0. */
export const plasticityParams: readonly ParamSpec[] = [
  spec(
    'omega',
    0.005,
    '1/day',
    [0.001, 0.02],
    'Gupta et al., Cell 2011;146:633: non-stem breast cancer cells (SUM149, SUM159) re-enter the stem state, with ' +
      'transition probabilities of ~1-10% per 6-day interval [recall], i.e. ~0.002-0.02 per day',
    'dedifferentiation rate P -> S',
  ),
];

/** ALDEFLUOR+ state maintained by HER2 signalling (option `aldh: 'signalling'` of her2Csc). */
export const aldhSignallingParams: readonly ParamSpec[] = [
  spec(
    'KALDH',
    9e4,
    'receptor/cell',
    [5e4, 2e5],
    'assumed: HER2 signalling induces ALDH activity (Korkaya et al., Oncogene 2008;27:6120: HER2 overexpression ' +
      'raises the ALDH+ fraction of MCF7) [recall]; sized so that ~5% of untreated MCF7 cells are ALDEFLUOR+ ' +
      '(domain.md: ~1-10% in such lines)',
    'free HER2 per cell for half-maximal ALDH+ probability (Hill 2)',
  ),
  spec(
    'kALDH',
    0.3,
    '1/day',
    [0.1, 1],
    'assumed: ALDEFLUOR activity follows a change of signalling over days (enzyme turnover)',
    'rate at which ALDH expression follows HER2 signalling',
  ),
  spec(
    'aldhHER2',
    0.8,
    'fraction',
    [0.5, 1],
    'assumed: most of the ALDEFLUOR+ state of luminal lines is HER2-driven (Korkaya et al., Oncogene 2008) [recall]; ' +
      'the rest follows the stage gate',
    'share of the ALDH+ probability maintained by HER2 signalling',
  ),
];
