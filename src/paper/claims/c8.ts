/** C8: in patients, HER2 is higher in bone metastases than in matched primaries, without amplification. */

import { meanHer2, wholeMixture } from '../../experiments/flow.js';
import { ihcLabel, ihcScore } from '../../experiments/ihc.js';
import { composition, lab } from '../../experiments/lab.js';
import { paramVector } from '../../experiments/sim.js';
import { signedRankTest } from '../../experiments/stats.js';
import { stream } from '../../random/index.js';
import { formatP } from '../../report/format.js';
import { cheap } from './cheap.js';
import type { Claim, ModelOptions } from './types.js';

const PATIENTS = 8; // as in the AACR abstract
const ALPHA = 0.05;
/** Virtual-patient priors (assumed): log-sd of between-patient HER2 expression and of RANKL at each site. */
const PRIORS = {
  her2Median: 3e4,
  her2LogSd: 0.5,
  ranklBreast: 0.02,
  ranklBone: 1,
  ranklLogSd: 0.5,
  noiseLogSd: 0.25,
};

interface Pair {
  readonly primary: number;
  readonly met: number;
  readonly copies: number;
}

/** HER2 per cell at steady state (metastases and primaries are months to years old). */
function cohort(
  seed: number,
  values: Readonly<Record<string, number>> = {},
  model: ModelOptions = {},
): Pair[] {
  const L = lab('MCF7', 'fatpad', { ...model, her2: 'steady' });
  const out: Pair[] = [];
  for (let i = 0; i < PATIENTS; i++) {
    const rng = stream(seed, i);
    const her2Base = PRIORS.her2Median * Math.exp(PRIORS.her2LogSd * rng.normal());
    const measured = (rankl: number): number => {
      const p = paramVector(L.problem, { ...values, her2Base, rankl, Kfb: 1e18 });
      const c = composition(L, L.problem.initialState(p), p);
      return meanHer2(wholeMixture(c)) * Math.exp(PRIORS.noiseLogSd * rng.normal());
    };
    const primary = measured(PRIORS.ranklBreast * Math.exp(PRIORS.ranklLogSd * rng.normal()));
    const met = measured(PRIORS.ranklBone * Math.exp(PRIORS.ranklLogSd * rng.normal()));
    out.push({ primary, met, copies: values.copyRatio ?? 1 });
  }
  return out;
}

export const c8: Claim = {
  id: 'C8',
  title: 'Bone metastases have higher HER2 than matched primaries, without amplification',
  criterion:
    `${PATIENTS} virtual patients (luminal, not amplified; between-patient HER2 and site RANKL lognormal, ` +
    `measurement noise log-sd ${PRIORS.noiseLogSd}): one-sided Wilcoxon signed-rank test of bone metastasis > ` +
    `matched primary gives p < ${ALPHA}, and no sample is amplified (copy ratio < 2).`,
  basis: {
    kind: 'consistency',
    note: 'uses the C6 bone induction with between-patient variation and measurement noise: checks that 8 pairs suffice for significance, not the rise itself',
  },
  async run(ctx) {
    const pairs = cohort(ctx.seed);
    const test = signedRankTest(pairs.map((q) => Math.log(q.met / q.primary)));
    const pass = test.p < ALPHA && pairs.every((q) => q.copies < 2);
    const up = pairs.filter((q) => q.met > q.primary).length;
    return {
      id: this.id,
      title: this.title,
      criterion: this.criterion,
      status: pass ? 'pass' : 'fail',
      value: test.p,
      details:
        `${up}/${PATIENTS} metastases above their primary; signed-rank W = ${test.w}, p = ${formatP(test.p)}. ` +
        `IHC primary -> metastasis: ${pairs.map((q) => `${ihcLabel(ihcScore(q.primary))}->${ihcLabel(ihcScore(q.met))}`).join(', ')}. ` +
        'Same mechanism as C6: RANKL in bone raises HER2 expression; gene copy number is a property of the tumor.',
      figures: [
        {
          kind: 'paired',
          id: 'c8-pairs',
          title: 'HER2 per cell: primary vs matched bone metastasis (virtual patients)',
          yLabel: 'HER2 receptors per cell',
          levels: ['primary', 'bone metastasis'],
          pairs: pairs.map((q, i) => ({ label: `P${i + 1}`, values: [q.primary, q.met] })),
        },
      ],
      table: pairs.map((q, i) => ({ patient: `P${i + 1}`, primary: q.primary, 'bone metastasis': q.met })),
    };
  },
  // Statistic: the signed-rank p of the fixed virtual cohort (seed 1).
  ...cheap(
    (set, model) => signedRankTest(cohort(1, set('MCF7'), model).map((q) => Math.log(q.met / q.primary))).p,
    (x) => x < ALPHA,
  ),
  robustnessNote: 'fixed virtual cohort (seed 1) under each parameter set',
};
