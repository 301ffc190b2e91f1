/**
 * `birth-death`: a linear birth-death process X -> 2X (rate lambda X), X -> 0 (rate mu X) from n0 cells,
 * observed completely on [0, tEnd] in `replicates` independent lineages, simulated with the exact SSA of
 * src/engines/ssa (Gillespie's direct method; the model compiles once per simulator). Statistics: births B,
 * deaths D and exposure E = integral of X dt, summed over replicates. For a completely observed Markov jump
 * process the likelihood is lambda^B mu^D exp(-(lambda + mu) E) (Keiding, Ann Stat 3:363, 1975), so
 * (B, D, E) is sufficient and the exact posterior is closed-form: validation test (c).
 * A run that exceeds `maxEvents` firings writes NaN (counted, never accepted).
 */
import { DirectMethod } from '../../engines/ssa/direct.js';
import { ModelBuilder } from '../../model/builder.js';
import { compile } from '../../model/compile.js';
import type { Rng } from '../../random/rng.js';
import { checkKnownOptions, optionNumber } from './options.js';
import type { SimulatorDefinition } from './types.js';

const src = { unit: '1/day', source: 'assumed: calibration test model' };

export const birthDeath: SimulatorDefinition = {
  name: 'birth-death',
  description:
    'linear birth-death process by the exact SSA; statistics births, deaths, exposure (options n0, tEnd, replicates, maxEvents)',
  parameters: () => [
    { id: 'lambda', range: [0, 2], description: 'division rate' },
    { id: 'mu', range: [0, 2], description: 'death rate' },
  ],
  create(ids, options, path) {
    checkKnownOptions(options, ['n0', 'tEnd', 'replicates', 'maxEvents'], path);
    const n0 = optionNumber(options, 'n0', path, { dflt: 10, integer: true, min: 1 });
    const tEnd = optionNumber(options, 'tEnd', path, { dflt: 5, positive: true });
    const reps = optionNumber(options, 'replicates', path, { dflt: 1, integer: true, min: 1 });
    const maxEvents = optionNumber(options, 'maxEvents', path, { dflt: 1e6, integer: true, min: 1 });
    const model = new ModelBuilder('fit_birth_death')
      .compartment('c', 1)
      .param('lambda', 1, src)
      .param('mu', 1, src)
      .species('X', { compartment: 'c', initial: n0 })
      .reaction('birth', 'X -> 2 X', 'lambda * X')
      .reaction('death', 'X ->', 'mu * X')
      .build();
    const problem = compile(model);
    const p = problem.p.slice();
    const slots = ids.map((id) => problem.paramIndex.get(id)!);
    const x = problem.stateIndex.get('X')!;
    const y = new Float64Array(problem.n);
    const y0 = problem.initialState(p);
    return {
      statistics: ['births', 'deaths', 'exposure'],
      simulate(theta: Float64Array, rng: Rng, out: Float64Array): void {
        for (let k = 0; k < slots.length; k++) p[slots[k]!] = theta[k]!;
        let births = 0;
        let deaths = 0;
        let exposure = 0;
        let events = 0;
        const method = new DirectMethod({ problem, p, rng, tuning: {} });
        for (let r = 0; r < reps; r++) {
          y.set(y0);
          let t = 0;
          method.reset(t, y);
          for (;;) {
            const tau = method.propose(t, tEnd, y);
            const before = y[x]!;
            exposure += before * (tau - t);
            if (!method.hasPending()) break;
            method.commit(tau, y);
            if (y[x]! > before) births++;
            else deaths++;
            t = tau;
            if (++events > maxEvents) {
              out.fill(Number.NaN, 0, 3);
              return;
            }
          }
        }
        out[0] = births;
        out[1] = deaths;
        out[2] = exposure;
      },
    };
  },
};
