/**
 * `normal-mean`: n iid N(mu, sigma^2) observations with known sigma; the statistic is their mean, which is
 * sufficient for mu. With a normal prior the posterior is normal in closed form (conjugacy), which is what
 * validation test (a) compares ABC against. Option `work` adds that many iterations of a dummy loop per
 * simulation (a simulation of known cost, for benchmarks of the engine's overhead and scaling); it does
 * not change the statistics.
 */
import { checkKnownOptions, optionNumber } from './options.js';
import type { SimulatorDefinition } from './types.js';

export const normalMean: SimulatorDefinition = {
  name: 'normal-mean',
  description: 'mean of n iid normal(mu, sigma^2) draws, sigma known (options n, sigma, work)',
  parameters: () => [{ id: 'mu', range: [-10, 10] }],
  create(_ids, options, path) {
    checkKnownOptions(options, ['n', 'sigma', 'work'], path);
    const n = optionNumber(options, 'n', path, { dflt: 10, integer: true, min: 1 });
    const sigma = optionNumber(options, 'sigma', path, { dflt: 1, positive: true });
    const work = optionNumber(options, 'work', path, { dflt: 0, integer: true, min: 0 });
    let sink = 0;
    return {
      statistics: ['mean'],
      simulate(theta, rng, out) {
        const mu = theta[0]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += mu + sigma * rng.normal();
        let x = mu;
        for (let i = 0; i < work; i++) x = x * 0.999999 + 1e-9;
        sink += x;
        out[0] = s / n + (sink === Number.POSITIVE_INFINITY ? 1 : 0); // keeps the loop from being optimised away
      },
    };
  },
};
