import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { steadyState } from '../../src/engines/steady.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import { SBML } from './fixture.js';

describe('steadyState: Newton with simulation fallback', () => {
  const problem = compile(importSbml(SBML, 'fixture.xml'));
  const iA = problem.stateIndex.get('A')!;
  const iB = problem.stateIndex.get('B')!;
  const iC = problem.stateIndex.get('C')!;

  it('falls back to simulation when a conservation law makes the Jacobian singular (B + C = 1)', () => {
    const ss = steadyState(problem, problem.initialState(), problem.p, 0);
    assert.notEqual(ss.method, 'newton');
    assert.ok(Math.abs(ss.y[iA]! - 1 / 0.5) < 1e-8, String(ss.y[iA]));
    assert.ok(Math.abs(ss.y[iB]! - 1 / 3) < 1e-8, String(ss.y[iB]));
    assert.ok(Math.abs(ss.y[iB]! + ss.y[iC]! - 1) < 1e-12);
    assert.ok(ss.residual < 1);
  });

  it('uses Newton alone when the Jacobian is regular (A alone: production and degradation)', () => {
    const m = importSbml(SBML, 'fixture.xml');
    const only = compile({
      ...m,
      species: m.species.filter((s) => s.id === 'A'),
      reactions: m.reactions.filter((r) => r.id === 'prod' || r.id === 'deg'),
    });
    const ss = steadyState(only, only.initialState(), only.p, 0);
    assert.equal(ss.method, 'newton');
    assert.ok(Math.abs(ss.y[0]! - 2) < 1e-10, String(ss.y[0]));
  });
});
