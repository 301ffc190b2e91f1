/** Survival statistics without the shared fixtures: properties, hand calculations and sampling checks. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { stream } from '../../src/random/rng.js';
import {
  coxPH,
  coxTwoGroup,
  kaplanMeier,
  kaplanMeierByGroup,
  logRank,
} from '../../src/trial/survival/index.js';
import { sortSurvival } from '../../src/trial/survival/input.js';
import { sortOrder } from '../../src/trial/survival/sort.js';

function near(a: number, b: number, rel: number, what: string): void {
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);
}

/** Two arms with exponential event times (rates lambda0, lambda1) and uniform censoring on (0, cMax). */
function exponentialTrial(n: number, lambda0: number, lambda1: number, cMax: number, seed: number) {
  const rng = stream(seed, 0);
  const time = new Float64Array(2 * n);
  const status = new Float64Array(2 * n);
  const group: string[] = [];
  for (let i = 0; i < 2 * n; i++) {
    const arm = i < n ? 0 : 1;
    const t = rng.exponential() / (arm === 0 ? lambda0 : lambda1);
    const c = rng.uniform() * cMax;
    time[i] = Math.min(t, c);
    status[i] = t <= c ? 1 : 0;
    group.push(arm === 0 ? 'control' : 'treated');
  }
  return { time, status, group };
}

describe('sorting', () => {
  test('radix order is the stable sort by time (continuous, whole, zero and huge times)', () => {
    const rng = stream(4, 0);
    for (const n of [10, 1000, 5000]) {
      const t = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = rng.uniform();
        t[i] =
          u < 0.3
            ? Math.floor(rng.uniform() * 50)
            : u < 0.35
              ? 0
              : u < 0.4
                ? 1e300 * rng.uniform()
                : rng.exponential();
      }
      const order = sortOrder(t);
      const expected = Array.from(t, (_, i) => i).sort((a, b) => t[a]! - t[b]! || a - b);
      assert.deepEqual([...order], expected, `n = ${n}`);
    }
  });

  test('-0 sorts as 0', () => {
    const t = Array.from({ length: 300 }, (_, i) => (i === 7 ? -0 : 1 + (i % 5)));
    const s = sortSurvival(t, new Array(300).fill(1));
    assert.equal(s.order[0], 7);
    assert.ok(Object.is(s.time[0], 0));
  });
});

describe('Kaplan-Meier', () => {
  test('without censoring it is the empirical survival function (ties included)', () => {
    const rng = stream(11, 0);
    const n = 300;
    const time = Array.from({ length: n }, () => Math.floor(rng.exponential() * 20)); // many ties
    const km = kaplanMeier(time, new Array(n).fill(1));
    const distinct = [...new Set(time)].sort((a, b) => a - b);
    assert.deepEqual([...km.time], distinct);
    distinct.forEach((t, j) => {
      const above = time.filter((x) => x > t).length;
      near(km.surv[j], above / n, 1e-12, `S(${t})`);
      assert.equal(km.nRisk[j], time.filter((x) => x >= t).length);
      assert.equal(km.nEvent[j], time.filter((x) => x === t).length);
      assert.equal(km.nCensor[j], 0);
    });
    assert.equal(km.surv[km.surv.length - 1], 0);
    assert.equal(km.stdErr[km.stdErr.length - 1], Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(km.lower[km.lower.length - 1]), 'R gives NA limits where S = 0');
  });

  test("median: R's midpoint rule on a flat 0.5 segment, in the middle and at the tail", () => {
    // R: quantile(survfit(Surv(c(1,2,3,4), c(1,1,1,1)) ~ 1), 0.5) = 2.5; with c(1,1,0,0) it is 3.
    assert.equal(kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]).median, 2.5);
    assert.equal(kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]).median, 3);
    assert.equal(kaplanMeier([1, 2, 3, 4], [1, 0, 0, 0]).median, null);
    assert.equal(kaplanMeier([1, 2, 3], [1, 1, 1]).median, 2);
  });

  test('by group equals kaplanMeier on each subset, and does not depend on input order', () => {
    const d = exponentialTrial(150, 0.1, 0.05, 30, 5);
    const byGroup = kaplanMeierByGroup(d.time, d.status, d.group);
    assert.deepEqual([...byGroup.keys()], ['control', 'treated']);
    const perm = Array.from(d.time, (_, i) => i).reverse();
    const shuffled = kaplanMeierByGroup(
      perm.map((i) => d.time[i]),
      perm.map((i) => d.status[i]),
      perm.map((i) => d.group[i]),
    );
    for (const g of ['control', 'treated']) {
      const idx = d.group.flatMap((x, i) => (x === g ? [i] : []));
      const one = kaplanMeier(
        idx.map((i) => d.time[i]),
        idx.map((i) => d.status[i]),
      );
      assert.deepEqual(byGroup.get(g), one);
      assert.deepEqual(shuffled.get(g), one);
    }
  });

  test('near-equal times are one tie, as R (aeqSurv): 0.1 + 0.2 and 0.3', () => {
    const km = kaplanMeier([0.1 + 0.2, 0.3, 0.5], [1, 1, 0]);
    assert.deepEqual([...km.time], [0.3, 0.5]); // the run keeps its smallest value
    assert.deepEqual([...km.nEvent], [2, 0]);
  });

  test('log-log and plain intervals and median limits as R (aml, survival 3.5.3)', () => {
    const { time, status, group } = aml();
    // survfit(Surv(time, status) ~ x, conf.type = 'log-log'), group Maintained
    const ll = kaplanMeierByGroup(time, status, group, { confType: 'log-log' }).get('Maintained')!;
    const rLower = [0.5080802057699297, 0.4474286146821814, 0.3501903859079384, 0.2657520400012861];
    const rUpper = [0.986673822667823, 0.951162228582492, 0.899023974191053, 0.835299243250221];
    rLower.forEach((v, j) => {
      near(ll.lower[j], v, 1e-12, `log-log lower[${j}]`);
    });
    rUpper.forEach((v, j) => {
      near(ll.upper[j], v, 1e-12, `log-log upper[${j}]`);
    });
    assert.deepEqual([ll.median, ll.medianLower, ll.medianUpper], [31, 13, null]);
    // conf.type = 'plain', conf.int = 0.9: clipped to [0, 1]
    const pl = kaplanMeierByGroup(time, status, group, { confType: 'plain', confLevel: 0.9 }).get(
      'Maintained',
    )!;
    near(pl.lower[0], 0.766517600174259, 1e-12, 'plain lower[0]');
    assert.equal(pl.upper[0], 1);
    near(pl.upper[2], 0.945637524288217, 1e-12, 'plain upper[2]');
    assert.equal(pl.lower[8], 0);
    assert.deepEqual([pl.medianLower, pl.medianUpper], [18, 48]);
    // default log: quantile(fit, 0.5) lower 18 / 8, upper NA / NA
    const lg = kaplanMeierByGroup(time, status, group);
    assert.deepEqual([lg.get('Maintained')!.medianLower, lg.get('Maintained')!.medianUpper], [18, null]);
    assert.deepEqual([lg.get('Nonmaintained')!.medianLower, lg.get('Nonmaintained')!.medianUpper], [8, null]);
  });
});

describe('log-rank', () => {
  test('six subjects by hand: O - E = 4/15, V = 433/450, chisq = 32/433', () => {
    // Group A: 1, 3, 5+ ; group B: 2, 4, 6. Expected for A: 3/6 + 2/5 + 2/4 + 1/3 = 26/15.
    const lr = logRank([1, 3, 5, 2, 4, 6], [1, 1, 0, 1, 1, 1], ['A', 'A', 'A', 'B', 'B', 'B']);
    assert.deepEqual(lr.groups, ['A', 'B']);
    assert.deepEqual([...lr.observed], [2, 3]);
    near(lr.expected[0], 26 / 15, 1e-14, 'E_A');
    near(lr.expected[1], 49 / 15, 1e-14, 'E_B');
    near(lr.variance![0], 433 / 450, 1e-14, 'V');
    near(lr.chisq, 32 / 433, 1e-14, 'chisq');
    assert.equal(lr.df, 1);
    near(lr.p, 0.785736537959913, 1e-12, 'p (R: pchisq(32/433, 1, lower = FALSE))');
  });

  test('three groups as R survdiff (aml times, groups A, B, C in turn)', () => {
    const { time, status } = aml();
    const g3 = time.map((_, i) => 'ABC'[i % 3]!);
    const lr = logRank(time, status, g3);
    assert.equal(lr.df, 2);
    near(lr.chisq, 0.856465545235983, 1e-12, 'chisq');
    near(lr.p, 0.651659708606481, 1e-12, 'p');
    assert.deepEqual([...lr.observed], [8, 6, 4]);
    const rExpected = [6.17173566214823, 7.26465744624649, 4.56360689160528];
    for (let k = 0; k < 3; k++) near(lr.expected[k], rExpected[k]!, 1e-12, `E[${k}]`);
  });

  test('equals the Cox score test when there are no ties (continuous times)', () => {
    const d = exponentialTrial(400, 0.1, 0.07, 20, 3);
    const lr = logRank(d.time, d.status, d.group);
    const cox = coxTwoGroup(d.time, d.status, d.group, 'control', { ties: 'breslow' });
    near(lr.chisq, cox.scoreTest, 1e-10, 'log-rank vs score test');
  });
});

describe('Cox regression', () => {
  test('two exponential arms: coef estimates log(rate ratio) within sampling error (seeded)', () => {
    const lambda0 = 0.1;
    const ratio = 0.6;
    for (const seed of [1, 2, 3]) {
      const d = exponentialTrial(2000, lambda0, lambda0 * ratio, 15, seed);
      const fit = coxTwoGroup(d.time, d.status, d.group, 'control');
      assert.ok(fit.converged);
      // se is ~ sqrt(1/d0 + 1/d1) ~ 0.04; 4 se keeps the false-alarm rate below 1e-4 per seed.
      const z = (fit.coef[0] - Math.log(ratio)) / fit.se[0];
      assert.ok(Math.abs(z) < 4, `seed ${seed}: coef ${fit.coef[0]} vs ${Math.log(ratio)} (z = ${z})`);
      assert.ok(fit.se[0] > 0.02 && fit.se[0] < 0.06, `se ${fit.se[0]}`);
      near(fit.hr[0], Math.exp(fit.coef[0]), 1e-15, 'hr');
      assert.ok(fit.lower[0] < fit.hr[0] && fit.hr[0] < fit.upper[0]);
    }
  });

  test('two covariates as R coxph (aml: x + a made-up z), Efron and Breslow', () => {
    const { time, status, group } = aml();
    const x = group.map((g) => (g === 'Maintained' ? 0 : 1));
    const z = time.map((_, i) => Math.round(Math.sin(i + 1) * 10) / 10);
    const R = {
      efron: {
        coef: [0.956751559978525, 0.566370174879353],
        se: [0.51734313966792, 0.375831543171066],
        loglik: [-42.7248392627602, -39.8362863400589],
        score: 5.61011748413952,
        iter: 4,
      },
      breslow: {
        coef: [0.943184461713457, 0.566679595607844],
        se: [0.517647421525552, 0.375168264144395],
        loglik: [-42.898123897174, -40.0481120446896],
        score: 5.52907898169596,
        iter: 4,
      },
    };
    for (const ties of ['efron', 'breslow'] as const) {
      const fit = coxPH(time, status, [x, z], { ties });
      const r = R[ties];
      r.coef.forEach((v, k) => {
        near(fit.coef[k], v, 1e-9, `${ties} coef[${k}]`);
      });
      r.se.forEach((v, k) => {
        near(fit.se[k], v, 1e-9, `${ties} se[${k}]`);
      });
      r.loglik.forEach((v, k) => {
        near(fit.loglik[k], v, 1e-12, `${ties} loglik[${k}]`);
      });
      near(fit.scoreTest, r.score, 1e-10, `${ties} score`);
      assert.equal(fit.ties, ties);
    }
  });

  test("heavy ties: Efron's and Breslow's corrections as R", () => {
    const t = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 6, 7, 8];
    const s = [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1];
    const x = t.map((_, i) => i % 2);
    const R = {
      efron: [
        -0.351290846815103, 0.504561162629987, -36.400722265133894, -36.156033306836783, 0.489705882698226, 3,
      ],
      breslow: [
        -0.315794446491751, 0.504301927212127, -37.639834784954218, -37.441991042631685, 0.395383785817303, 3,
      ],
    };
    for (const ties of ['efron', 'breslow'] as const) {
      const f = coxPH(t, s, [x], { ties });
      const [coef, se, l0, l1, score, iter] = R[ties];
      near(f.coef[0], coef!, 1e-9, `${ties} coef`);
      near(f.se[0], se!, 1e-9, `${ties} se`);
      near(f.loglik[0], l0!, 1e-12, `${ties} loglik0`);
      near(f.loglik[1], l1!, 1e-12, `${ties} loglik1`);
      near(f.scoreTest, score!, 1e-10, `${ties} score`);
      assert.equal(f.iterations, iter);
    }
  });

  test('linear predictors spanning +-1000 (exp overflows) stay finite and estimate beta', () => {
    // T = E exp(-x) with x uniform on (0, 2000): hazard exp(x), beta = 1. Cox uses only the order of the
    // times, so log T + 3000 stands in for T (which no double could hold).
    const rng = stream(21, 0);
    const n = 2000;
    const x = Array.from({ length: n }, () => rng.uniform() * 2000);
    const time = x.map((v) => 3000 - v + Math.log(rng.exponential()));
    const status = x.map((_, i) => (i % 5 === 0 ? 0 : 1));
    const fit = coxPH(time, status, [x]);
    assert.ok(fit.converged && Number.isFinite(fit.loglik[1]) && fit.se[0] > 0, `fit ${fit.coef} ${fit.se}`);
    assert.ok(Math.abs(fit.coef[0] - 1) < 4 * fit.se[0], `coef ${fit.coef[0]} se ${fit.se[0]}`);
    // The same fit after a shift of x and on x / 100 (affine invariance of the Newton steps).
    const shifted = coxPH(time, status, [x.map((v) => v + 1e6)]);
    near(shifted.coef[0], fit.coef[0], 1e-8, 'shift');
    const scaled = coxPH(time, status, [x.map((v) => v / 100)]);
    near(scaled.coef[0] / 100, fit.coef[0], 1e-8, 'scale');
  });
});

describe('bad input gives InputError naming the argument and index', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'NaN time',
      () => kaplanMeier([1, 2, Number.NaN], [1, 1, 1]),
      /time\[2\]: expected a finite time >= 0, got NaN/,
    ],
    ['negative time', () => logRank([1, -2], [1, 1], ['a', 'b']), /time\[1\]: .*got -2/],
    [
      'status 2',
      () => kaplanMeier([1, 2], [1, 2]),
      /status\[1\]: expected 1 \(event\) or 0 \(censored\), got 2/,
    ],
    ['lengths differ', () => kaplanMeier([1, 2, 3], [1, 1]), /status: time has 3 values but status has 2/],
    ['group length', () => logRank([1, 2], [1, 1], ['a']), /group: group has 1 labels but time has 2/],
    ['one group', () => logRank([1, 2], [1, 1], ['a', 'a']), /group: only one group \("a"\)/],
    ['no events (log-rank)', () => logRank([1, 2], [0, 0], ['a', 'b']), /status: no events/],
    ['no events (Cox)', () => coxPH([1, 2], [0, 0], [[0, 1]]), /status: no events/],
    [
      'covariate NaN',
      () => coxPH([1, 2, 3], [1, 1, 1], [[0, Number.NaN, 1]]),
      /covariates\[0\]\[1\]: expected a finite number/,
    ],
    ['covariate length', () => coxPH([1, 2, 3], [1, 1, 1], [[0, 1]]), /covariates\[0\]: expected 3 values/],
    [
      'unknown reference',
      () => coxTwoGroup([1, 2], [1, 1], ['a', 'b'], 'c'),
      /reference: "c" is not a group/,
    ],
    [
      'three arms for coxTwoGroup',
      () => coxTwoGroup([1, 2, 3], [1, 1, 1], ['a', 'b', 'c'], 'a'),
      /group: expected exactly two groups/,
    ],
    ['conf level', () => kaplanMeier([1], [1], { confLevel: 1.5 }), /options\.confLevel/],
    ['ties', () => coxPH([1, 2], [1, 1], [[0, 1]], { ties: 'exact' as 'efron' }), /options\.ties/],
  ];
  for (const [name, run, message] of cases) {
    test(name, () => {
      assert.throws(run, (e: unknown) => e instanceof InputError && message.test(e.message), `${name}`);
    });
  }
});

/** R's aml data (survival package): time, status and maintenance arm x. */
function aml(): { time: number[]; status: number[]; group: string[] } {
  return {
    time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
    status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
    group: [...Array(11).fill('Maintained'), ...Array(12).fill('Nonmaintained')],
  };
}
