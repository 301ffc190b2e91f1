/**
 * The report's opening section, "Summary and limitations": which claims pass and fail, which passes are
 * model inputs or consistency checks rather than predictions, which are fragile (hold in under half of the
 * robustness parameter sets), what the runs found beyond the paper, the virtual NSABP B-47 trial (when run),
 * and the limits of the whole exercise.
 */
import { link, list, section, strong } from '../report/html.js';
import type { Child } from '../report/markup.js';
import type { B47Facts } from './b47.js';
import { claims as allClaims, type Claim, type ClaimResult } from './claims/index.js';
import { estimable, hrText } from './format.js';
import type { Robustness } from './robustness.js';

/** Robustness below this fraction makes a claim fragile. */
export const FRAGILE = 0.5;

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

/** The facts the section states, separate from markup (tests read these). */
export function summaryFacts(
  results: readonly ClaimResult[],
  robustness: readonly Robustness[],
  claims: readonly Claim[] = allClaims,
) {
  const rob = new Map(robustness.map((r) => [r.id, r]));
  const basis = new Map(claims.map((c) => [c.id, c.basis]));
  return {
    passed: results.filter((r) => r.status === 'pass').map((r) => r.id),
    failed: results.filter((r) => r.status === 'fail').map((r) => r.id),
    notPredictions: results
      .filter((r) => basis.get(r.id) && basis.get(r.id)!.kind !== 'prediction')
      .map((r) => ({ id: r.id, kind: basis.get(r.id)!.kind, note: basis.get(r.id)!.note })),
    fragile: results
      .filter((r) => rob.has(r.id) && rob.get(r.id)!.fraction < FRAGILE)
      .map((r) => ({ id: r.id, status: r.status, fraction: rob.get(r.id)!.fraction })),
    findings: results.filter((r) => r.summary).map((r) => ({ id: r.id, text: r.summary! })),
  };
}

const LIMITS: readonly string[] = [
  "Only the abstracts were at hand: the paper's doses, inocula, ALDH+ fractions and growth curves were not, so " +
    'every criterion is our reading of a sentence, stated before the run, and every parameter is a prior (table ' +
    'at the end), not a fit. Sources marked [recall] were written from memory and are not confirmed.',
  'Robustness varies each ranged parameter independently over its assumed range and uses the mean (ODE) model, ' +
    'while the claims themselves use replicate mice with stochastic CSC pools; the two can fall on opposite ' +
    'sides of a threshold (C3, MCF7).',
  "Parameters sized from the paper's own statements (cscEnrich, psHER2, rankInd) or from the same kind of data " +
    '(kADCC, Clynes 2000) make the corresponding claims inputs or consistency checks (listed above). No criterion ' +
    'is relaxed to make a claim pass, and no rule is keyed to when treatment starts: timing acts only through ' +
    'the tumor that treatment meets.',
];

const trialLimit = (t: B47Facts): string =>
  'The virtual B-47 trial carries mouse-sized parameters into patients; its control-arm 5-y DFS is calibrated ' +
  '(an input), its micrometastasis sizes, CSC fractions, chemotherapy kill and detection size are assumptions ' +
  '(sources in its section)' +
  (t.scan
    ? `, and the scan in this report has ${t.scan.patients} patients per point, so points near the edge of B-47's interval can change class with the seed.`
    : '.');

const names = (ids: readonly string[]): string => (ids.length ? ids.join(', ') : 'none');

/** One sentence on the virtual trial: the model HR against B-47, and what the scan found. */
export function trialText(t: B47Facts): string {
  const b = t.published;
  const hr = hrText(t.cox);
  const head =
    `with the mouse-calibrated model, ${t.patients} virtual patients give HR ${hr} against B-47's ` +
    `${b.hr} (${b.lower}-${b.upper}): ${estimable(t.cox) ? (t.compatible ? 'compatible' : 'incompatible') : 'too few events to compare'}.`;
  const pos = t.others.find((o) => o.id === 'b31n9831');
  const others = t.others.length
    ? ` The same parameters give HR ${pos ? hrText(pos.cox) : 'n/a'} in HER2-positive B-31/N9831 (published ${pos?.published.hr} (${pos?.published.lower}-${pos?.published.upper})) and ` +
      t.others
        .filter((o) => o.id !== 'b31n9831')
        .map((o) => `${hrText(o.cox)} in ${o.id} (published ${o.published.hr})`)
        .join(', ') +
      '.'
    : '';
  if (!t.scan) return `${head}${others} (Scan skipped.)`;
  const n = t.scan.points.length;
  const both = t.scan.compatibleWithBoth;
  const effs = [...new Set(both.map((v) => v.effectors))];
  return (
    `${head} In the ${n}-point scan (${t.scan.patients} patients per point), ${both.length} point${both.length === 1 ? ' is' : 's are'} ` +
    `compatible with both B-47 and claim C4 in mice` +
    (both.length ? `, all with Fc-receptor effector activity ${effs.join(' or ')} in patients.` : '.') +
    others
  );
}

export function summarySection(
  results: readonly ClaimResult[],
  robustness: readonly Robustness[],
  trial: B47Facts | null = null,
) {
  const f = summaryFacts(results, robustness);
  const kindText = { input: 'model input', consistency: 'consistency check', prediction: 'prediction' };
  const items: Child[] = [
    [strong('Pass: '), `${names(f.passed)}. `, strong('Fail: '), `${names(f.failed)}.`],
    [
      strong('Not predictions: '),
      f.notPredictions.length
        ? list(f.notPredictions.map((n) => `${n.id} (${kindText[n.kind]}): ${n.note}.`))
        : 'none.',
    ],
    [
      strong(`Fragile (criterion holds in < ${pct(FRAGILE)} of parameter sets): `),
      f.fragile.length
        ? f.fragile.map((x) => `${x.id} ${pct(x.fraction)} (${x.status})`).join('; ')
        : robustness.length
          ? 'none.'
          : 'not assessed (no robustness sweep in this run).',
    ],
    [strong('Found in the runs: '), list(f.findings.map((x) => `${x.id}: ${x.text}`))],
    trial
      ? [strong('Virtual NSABP B-47: '), trialText(trial), ' Details in ', link('#b47', 'its section'), '.']
      : [strong('Virtual NSABP B-47: '), 'not run (--no-trial).'],
    [strong('Limitations: '), list(trial ? [...LIMITS, trialLimit(trial)] : LIMITS)],
  ];
  return section({ title: 'Summary and limitations', id: 'summary' }, list(items));
}
