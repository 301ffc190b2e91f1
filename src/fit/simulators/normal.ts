/**
 * `normal-mean`: n iid N(mu, sigma^2) observations with known sigma; the statistic is their mean, which is
 * sufficient for mu. With a normal prior the posterior is normal in closed form (conjugacy), which is what
 * validation test (a) compares ABC against.
 */
import { checkKnownOptions, optionNumber } from './options.js';
import type { SimulatorDefinition } from './types.js';

export const normalMean: SimulatorDefinition = {
  name: 'normal-mean',
  description: 'mean of n iid normal(mu, sigma^2) draws, sigma known (options n, sigma)',
  parameters: () => [{ id: 'mu', range: [-10, 10] }],
  create(_ids, options, path) {
    checkKnownOptions(options, ['n', 'sigma'], path);
    const n = optionNumber(options, 'n', path, { dflt: 10, integer: true, min: 1 });
    const sigma = optionNumber(options, 'sigma', path, { dflt: 1, positive: true });
    return {
      statistics: ['mean'],
      simulate(theta, rng, out) {
        const mu = theta[0]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += mu + sigma * rng.normal();
        out[0] = s / n;
      },
    };
  },
};
