import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evidence } from '../../paper/evidence/evidence.js';
import { stream } from '../../random/rng.js';
import { her2Evidence } from './her2Evidence.js';
import { experimentIds } from './her2Experiments.js';

const idsOf = (variant: string) => her2Evidence.parameters({ variant }, 'o').map((p) => p.id);

test('her2-evidence: quantile parameters per variant, plus the trial assumptions it frees', () => {
  const base = idsOf('hierarchy');
  assert.ok(base.includes('psHER2') && base.includes('ranklBone') && !base.includes('effectors'));
  assert.ok(idsOf('plasticity').includes('omega') && !base.includes('omega'));
  assert.ok(idsOf('patient-fc').includes('effectors'));
  assert.ok(idsOf('dormancy').includes('dormantFraction'));
});

test('her2-evidence: z, raw and se statistics of the chosen observations; the z is the discrepancy', () => {
  const ids = idsOf('aldh-signalling');
  const sim = her2Evidence.create(ids, { variant: 'aldh-signalling', observations: ['C2', 'C6'] }, 'o');
  assert.deepEqual(sim.statistics, ['z:C2', 'z:C6', 'raw:C2', 'raw:C6', 'se:C2', 'se:C6']);
  const out = new Float64Array(6).fill(Number.NaN);
  sim.simulate(new Float64Array(ids.length).fill(0.5), stream(1, 1), out);
  const c6 = evidence.observations.find((o) => o.id === 'C6')!;
  assert.ok(out[3]! > 0 && out[1] === (out[3]! >= 1.5 ? 0 : Math.log(out[3]! / 1.5) / c6.sd));
  // The claims' statistics are deterministic (mean model): no simulation error.
  assert.deepEqual([out[4], out[5]], [0, 0]);
  const e = her2Evidence.create(ids, { variant: 'aldh-signalling', experiment: experimentIds[0] }, 'o');
  const y = new Float64Array(1);
  e.simulate(new Float64Array(ids.length).fill(0.5), stream(1, 2), y);
  assert.ok(Number.isFinite(y[0]) && y[0]! < 0, `${y[0]}`);
});

test('her2-evidence: bad options are input errors naming the path', () => {
  const ids = idsOf('hierarchy');
  assert.throws(() => her2Evidence.parameters({ variant: 'lamarck' }, 'm'), /m\.variant.*'hierarchy'/);
  assert.throws(
    () => her2Evidence.create(ids, { variant: 'hierarchy', observations: ['C9'] }, 'm'),
    /observations\[0\]/,
  );
  assert.throws(
    () => her2Evidence.create(ids, { variant: 'hierarchy', experiment: 'x' }, 'm'),
    /unknown experiment/,
  );
  assert.throws(
    () => her2Evidence.create(ids, { variant: 'hierarchy', trialPatients: 2 }, 'm'),
    /trialPatients/,
  );
});

test('her2-evidence: cohortSeed gives every evaluation the same virtual patients (common random numbers)', () => {
  const ids = idsOf('aldh-signalling-fc');
  const theta = new Float64Array(ids.length).fill(0.5);
  theta[ids.indexOf('effectors')] = 0.05;
  const run = (options: Record<string, unknown>, key: number) => {
    const sim = her2Evidence.create(
      ids,
      { variant: 'aldh-signalling-fc', observations: ['trial:b47'], trialPatients: 60, ...options },
      'o',
    );
    const out = new Float64Array(3);
    sim.simulate(theta, stream(5, key), out);
    return out[1]!;
  };
  assert.equal(run({ cohortSeed: 3 }, 1), run({ cohortSeed: 3 }, 2));
  assert.notEqual(run({}, 1), run({}, 2));
  assert.throws(() => run({ cohortSeed: 0.5 }, 1), /o\.cohortSeed/);
});

test('her2-evidence: a trial carries its cohort Monte Carlo error (se) into z; trialError ignore drops it', () => {
  const ids = idsOf('aldh-signalling-fc');
  const theta = new Float64Array(ids.length).fill(0.5);
  theta[ids.indexOf('effectors')] = 0.05;
  const b47 = evidence.observations.find((o) => o.id === 'trial:b47')!;
  const run = (options: Record<string, unknown>) => {
    const sim = her2Evidence.create(
      ids,
      {
        variant: 'aldh-signalling-fc',
        observations: ['trial:b47'],
        trialPatients: 80,
        cohortSeed: 7,
        ...options,
      },
      'o',
    );
    const out = new Float64Array(3);
    sim.simulate(theta, stream(5, 1), out);
    return { z: out[0]!, raw: out[1]!, se: out[2]! };
  };
  const carry = run({});
  const ignore = run({ trialError: 'ignore' });
  assert.equal(carry.raw, ignore.raw);
  assert.equal(ignore.se, 0);
  assert.ok(carry.se > 0.02 && carry.se < 2, `se ${carry.se}`);
  const plain = Math.log(carry.raw / 0.98) / b47.sd;
  assert.ok(Math.abs(ignore.z - plain) < 1e-12);
  assert.ok(Math.abs(carry.z - plain * (b47.sd / Math.hypot(b47.sd, carry.se))) < 1e-12);
  assert.throws(() => run({ trialError: 'maybe' }), /o\.trialError/);
});
