import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { emitNumber } from '../../src/model/expr/codegen.js';
import { evaluate } from '../../src/model/expr/evaluate.js';
import { parseExpr } from '../../src/model/expr/parse.js';
import { makeHelpers } from '../../src/model/expr/runtime.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { stream } from '../../src/random/rng.js';

const src = { unit: '1', source: 'assumed: test' };

function base(): ModelBuilder {
  const m = new ModelBuilder('m');
  m.compartment('c', 1);
  m.param('k', 0.5, src);
  m.param('q', 1, { ...src, constant: false });
  m.species('X', { compartment: 'c', initial: 0 });
  return m;
}

describe('Problem.hasRandom', () => {
  it('is false without draws and true for a draw in a rate law', () => {
    assert.equal(compile(base().build()).hasRandom, false);
    const m = base();
    m.reaction('r', '-> X', 'uniform(0, 1)');
    assert.equal(compile(m.build()).hasRandom, true);
  });

  it('sees draws that appear only in an event assignment, trigger, delay or priority', () => {
    const cases = [
      { trigger: 'time >= 1', assign: { q: 'normal(0, 1)' } },
      { trigger: 'time >= uniform(0, 1)', assign: { q: '2' } },
      { trigger: 'time >= 1', assign: { q: '2' }, delay: 'exponential(1)' },
      { trigger: 'time >= 1', assign: { q: '2' }, priority: 'uniform(0, 1)' },
    ];
    for (const e of cases) {
      const m = base();
      m.event('E', e);
      assert.equal(compile(m.build()).hasRandom, true, JSON.stringify(e));
    }
  });

  it('sees draws only in an initial assignment or inside a called function definition', () => {
    const a = base();
    a.initial('X', 'poisson(5)');
    assert.equal(compile(a.build()).hasRandom, true);
    const b = base();
    b.fn('noise', ['s'], 'normal(0, s)');
    b.fn('wrap', ['s'], 'noise(s) + 1');
    b.event('E', { trigger: 'time >= 1', assign: { q: 'wrap(2)' } });
    assert.equal(compile(b.build()).hasRandom, true);
    const c = base();
    c.fn('unused', ['s'], 'normal(0, s)');
    assert.equal(compile(c.build()).hasRandom, false);
  });

  it('gives each stochastic run its own draw of a random initial amount', async () => {
    const m = base();
    m.initial('X', 'poisson(50)');
    const res = await simulate(compile(m.build()), {
      method: 'direct',
      runs: 400,
      seed: 3,
      outputTimes: [0],
      outputs: ['X'],
      quantiles: [],
    });
    // Poisson(50): sd sqrt(50); a shared draw across runs would give sd 0.
    assert.ok(Math.abs(res.sd[0]! - Math.sqrt(50)) < 1.5, `sd ${res.sd[0]}`);
    assert.ok(Math.abs(res.mean[0]! - 50) < (4 * Math.sqrt(50)) / Math.sqrt(400), `mean ${res.mean[0]}`);
  });
});

describe('distrib draws in expressions', () => {
  const calls: string[] = [
    'cauchy(1, 2)',
    'chisquare(3)',
    'laplace(0, 2)',
    'rayleigh(2)',
    'truncnormal(0, 1.5, -0.5, infinity)',
    'truncbinomial(100, 0.2, 15, 32)',
    'trunccauchy(1, 2, 1.1, 10)',
    'truncchisquare(2, 1, 3)',
    'truncexponential(1, 2, 9)',
    'truncgamma(1, 2, 3, 6)',
    'trunclaplace(0, 1, -2, 0.5)',
    'trunclognormal(1, 2, 3, 10)',
    'truncpoisson(1.5, 2, 18)',
    'truncrayleigh(2, 3, 5)',
  ];

  it('generated code and the reference interpreter draw the same numbers from the same stream', () => {
    for (const text of calls) {
      const e = parseExpr(text);
      const code = emitNumber(e, { resolve: () => '0' });
      const f = new Function('t', 'y', 'H', `return ${code};`) as (t: number, y: null, H: unknown) => number;
      for (let i = 0; i < 5; i++) {
        const a = stream(9, i);
        const b = stream(9, i);
        const got = f(
          0,
          null,
          makeHelpers(() => a.uniform()),
        );
        const want = evaluate(e, { value: () => 0, time: 0, helpers: makeHelpers(() => b.uniform()) });
        assert.ok(Number.isFinite(got), `${text}: ${got}`);
        assert.equal(got, want, text);
      }
    }
  });

  it('truncated draws stay inside their bounds', () => {
    const r = stream(10, 0);
    const H = makeHelpers(() => r.uniform());
    for (let i = 0; i < 200; i++) {
      const x = H.truncgamma(2, 1, 0.5, 0.7);
      assert.ok(x >= 0.5 && x <= 0.7, `${x}`);
      const k = H.truncpoisson(20, 3, 5);
      assert.ok(k >= 3 && k <= 5 && Number.isInteger(k), `${k}`);
    }
  });
});

describe('infinite truncation bounds', () => {
  /** ub as a truncation bound and also in ordinary arithmetic. */
  const alsoElsewhere = (ub: number) => {
    const m = base();
    m.param('ub', ub, src);
    m.param('lb', -0.5, src);
    m.event('E', { trigger: 'time >= 1', assign: { q: 'ub * 0 + 1' } });
    m.event('F', { trigger: 'time >= 2', assign: { X: 'truncnormal(0, 1.5, lb, ub)' } });
    return m.build();
  };

  it('accepts +-Infinity for a parameter used only as a truncation bound (DSMTS 00096-00099)', () => {
    const m = base();
    m.param('ub', Number.POSITIVE_INFINITY, src);
    m.param('lb', Number.NEGATIVE_INFINITY, src);
    m.event('E', {
      trigger: 'time >= 1',
      assign: { q: 'truncnormal(0, 1.5, -ub, -lb) + truncexponential(1, 0, ub)' },
    });
    const p = compile(m.build());
    assert.equal(p.hasRandom, true);
    assert.equal(p.p[p.paramIndex.get('ub')!], Number.POSITIVE_INFINITY);
  });

  it('still rejects Infinity used anywhere else, and NaN everywhere', () => {
    assert.throws(() => compile(alsoElsewhere(Number.POSITIVE_INFINITY)), /finite/);
    const m = base();
    m.param('ub', Number.NaN, src);
    m.event('E', { trigger: 'time >= 1', assign: { q: 'truncnormal(0, 1.5, 0, ub)' } });
    assert.throws(() => compile(m.build()), /finite/);
  });
});
