/**
 * `poisson-counts` and `geometric-counts`: n iid counts. Both report T = (sum x, sum log x!). The sum alone is
 * sufficient within each model but not for choosing between them (Robert, Cornuet, Marin & Pillai, PNAS
 * 108:15112, 2011); the likelihoods are lambda^S e^(-n lambda) / prod x! and p^n (1 - p)^S, so the Bayes
 * factor depends on the data only through (S, sum log x!) and T is sufficient for the model index as well
 * as within each model (Grelaud et al., Bayesian Analysis 4:317, 2009; Didelot et al., Bayesian Analysis
 * 6:49, 2011). Validation test (b) compares ABC model probabilities with the closed-form evidence.
 */
import { logFactorial } from '../../random/special.js';
import { checkKnownOptions, optionNumber } from './options.js';
import type { SimulatorDefinition } from './types.js';

const STATS = ['sum', 'sumLogFactorial'] as const;

function counts(
  name: string,
  param: string,
  range: readonly [number, number],
  draw: (x: number, rng: import('../../random/rng.js').Rng) => number,
): SimulatorDefinition {
  return {
    name,
    description: `n iid ${name.split('-')[0]} counts; statistics (sum x, sum log x!) (option n)`,
    parameters: () => [{ id: param, range }],
    create(_ids, options, path) {
      checkKnownOptions(options, ['n'], path);
      const n = optionNumber(options, 'n', path, { dflt: 10, integer: true, min: 1 });
      return {
        statistics: STATS,
        simulate(theta, rng, out) {
          const v = theta[0]!;
          let s = 0;
          let lf = 0;
          for (let i = 0; i < n; i++) {
            const x = draw(v, rng);
            s += x;
            lf += logFactorial(x);
          }
          out[0] = s;
          out[1] = lf;
        },
      };
    },
  };
}

export const poissonCounts = counts('poisson-counts', 'lambda', [0, 10], (lambda, rng) =>
  rng.poisson(lambda),
);

/** Geometric on {0, 1, ...}: failures before the first success, P(x) = p (1 - p)^x, by inversion. */
export const geometricCounts = counts('geometric-counts', 'p', [0, 1], (p, rng) =>
  p >= 1 ? 0 : Math.floor(Math.log(rng.uniform()) / Math.log1p(-p)),
);
