import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../../src/engines/ssa/ensemble.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';

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
