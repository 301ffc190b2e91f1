import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observeAt, paramVector } from '../experiments/sim.js';
import { compile } from '../model/compile.js';
import { her2Csc } from './index.js';

const close = (a: number, b: number, rel: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${msg} ${a} vs ${b}`);

const KILL = ['adccS', 'adccP1', 'adccP5', 'adccD', 'occ', 'HER2_S', 'HER2_N'];

/** Kill rates and their inputs with 10 mg/kg trastuzumab in the central compartment. */
function treated(line: 'MCF7' | 'BT474', values: Record<string, number> = {}) {
  const problem = compile(her2Csc(line));
  const p = paramVector(problem, values);
  const y = problem.initialState(p);
  y[problem.stateIndex.get('Ab_c')!] = 10;
  return { problem, p, y, o: observeAt(problem, KILL, 0, y, p) };
}

test('antibody-dependent kill: occupancy x Hill term in the population HER2, stage-specific', () => {
  const { p, problem, o } = treated('MCF7');
  const v = (id: string): number => p[problem.paramIndex.get(id)!]!;
  const f = (h: number): number => h ** v('nADCC') / (h ** v('nADCC') + v('KADCC') ** v('nADCC'));
  const k = v('kADCC') * v('effectors') * o.occ!;
  assert.ok(o.occ! > 0.999, 'therapeutic levels saturate HER2');
  close(o.adccS!, k * f(o.HER2_S!), 1e-12, 'CSCs');
  close(o.adccD!, k * f(o.HER2_N!), 1e-12, 'differentiated');
  const h5 = o.HER2_N! + (o.HER2_S! - o.HER2_N!) * v('theta') ** 5;
  close(o.adccP5!, k * f(h5), 1e-12, 'P5 carries a diluted stem HER2 level');
  assert.ok(o.adccS! > o.adccP1! && o.adccP1! > o.adccP5! && o.adccP5! > o.adccD!);
});

test('kill is strong on amplified cells, weak on non-amplified, absent without drug or effector cells', () => {
  const mcf7 = treated('MCF7').o;
  const bt = treated('BT474').o;
  assert.ok(bt.adccD! > 50 * mcf7.adccD!, `${bt.adccD} vs ${mcf7.adccD}`);
  assert.equal(treated('BT474', { effectors: 0 }).o.adccD, 0);
  const { problem, p } = treated('BT474');
  const y0 = problem.initialState(p);
  assert.equal(observeAt(problem, ['adccD'], 0, y0, p).adccD, 0);
});

test('mass balance with the kill: d(total cells)/dt = divisions - deaths - kills', () => {
  const { problem, p, y } = treated('BT474');
  const dy = new Float64Array(problem.n);
  problem.rhs(0, y, p, dy);
  const rates = new Float64Array(problem.nReactions);
  problem.rates(0, y, p, rates);
  let net = 0;
  let kills = 0;
  problem.reactionIds.forEach((id, j) => {
    if (/^(S_renew|S_symdiff|S_asym|P\d+_div)$/.test(id)) net += rates[j]!;
    if (/^(S_death|P\d+_death|D_death)$/.test(id)) net -= rates[j]!;
    if (/_adcc$/.test(id)) kills += rates[j]!;
  });
  const cells = ['S', ...Array.from({ length: 10 }, (_, i) => `P${i + 1}`), 'D'];
  const dN = cells.reduce((s, id) => s + dy[problem.stateIndex.get(id)!]!, 0);
  assert.ok(kills > 0);
  close(dN, net - kills, 1e-10);
});
