import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxRelError } from '../../bench/error.js';
import { jobText, parsePeerOutput } from '../../bench/peers/job.js';
import { handProblem } from '../../bench/problems/hand.js';
import { problems } from '../../bench/problems/index.js';
import { exactLinear2 } from '../../bench/reference/exact.js';
import { loadReference } from '../../bench/reference/store.js';

test('error measure: relative above the floor, absolute / floor below it, NaN is infinite', () => {
  assert.equal(maxRelError([1.1, 0], [1, 0], 1e-3), 0.10000000000000009);
  assert.equal(maxRelError([1, 2e-4], [1, 1e-4], 1e-2), 1e-2);
  assert.equal(maxRelError([Number.NaN], [1], 1), Number.POSITIVE_INFINITY);
  assert.throws(() => maxRelError([1], [1, 2], 1), /2 reference values/);
});

test('analytic Jacobians match central differences at a state off the trajectory', () => {
  for (const bp of problems) {
    const n = bp.stateIds.length;
    const p = Float64Array.from(bp.params);
    const y = Float64Array.from(bp.y0, (v, i) => v + 0.1 + 0.01 * i);
    const J = new Float64Array(n * n);
    bp.jac(0, y, p, J);
    const fp = new Float64Array(n);
    const fm = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(y[j]!));
      const yp = Float64Array.from(y);
      const ym = Float64Array.from(y);
      yp[j] += h;
      ym[j] -= h;
      bp.rhs(0, yp, p, fp);
      bp.rhs(0, ym, p, fm);
      for (let i = 0; i < n; i++) {
        const fd = (fp[i]! - fm[i]!) / (2 * h);
        const scale = Math.max(1, Math.abs(J[i * n + j]!));
        assert.ok(
          Math.abs(fd - J[i * n + j]!) <= 1e-5 * scale,
          `${bp.id}: J[${i}][${j}] ${J[i * n + j]} vs ${fd}`,
        );
      }
    }
  }
});

test('references are present, on the current grids, and agree with their cross-check', () => {
  for (const bp of problems) {
    const ref = loadReference(bp);
    const best = Math.min(...ref.crossChecks.map((c) => c.error));
    assert.ok(best < 1e-7, `${bp.id}: best cross-check error ${best}`);
  }
});

test('PK exact solution agrees with a fine classical RK4 integration of the rhs', () => {
  const pk = problems.find((p) => p.id === 'pk2')!;
  const ex = exactLinear2(pk);
  const p = Float64Array.from(pk.params);
  const y = Float64Array.from(pk.y0);
  const k = [0, 1, 2, 3].map(() => new Float64Array(2));
  const tmp = new Float64Array(2);
  const rk4 = (h: number): void => {
    const stage = (i: number, c: number, from: Float64Array | null): void => {
      for (let j = 0; j < 2; j++) tmp[j] = y[j]! + (from ? c * h * from[j]! : 0);
      pk.rhs(0, tmp, p, k[i]!);
    };
    stage(0, 0, null);
    stage(1, 0.5, k[0]!);
    stage(2, 0.5, k[1]!);
    stage(3, 1, k[2]!);
    for (let j = 0; j < 2; j++) y[j] += (h / 6) * (k[0]![j]! + 2 * k[1]![j]! + 2 * k[2]![j]! + k[3]![j]!);
  };
  const advance = (dt: number): void => {
    const n = Math.ceil(dt / 0.01);
    for (let i = 0; i < n; i++) rk4(dt / n);
  };
  let t = pk.t0;
  let di = 0;
  const rk = new Float64Array(ex.length);
  for (let i = 0; i < pk.grid.length; i++) {
    while (di < pk.doses.length && pk.doses[di]!.t < pk.grid[i]!) {
      advance(pk.doses[di]!.t - t);
      t = pk.doses[di]!.t;
      y[0] += pk.doses[di++]!.amount;
    }
    advance(pk.grid[i]! - t);
    t = pk.grid[i]!;
    rk[2 * i] = y[0]!;
    rk[2 * i + 1] = y[1]!;
  }
  assert.ok(maxRelError(rk, ex, 1e-6) < 1e-9, `exact vs RK4: ${maxRelError(rk, ex, 1e-6)}`);
  // and the state is not trivial: troughs stay well above zero, peaks below the total given
  const given = pk.doses.reduce((s, d) => s + d.amount, 0);
  for (const v of ex) assert.ok(v > 10 && v < given);
});

test('hand-built Problem: doses at t0 enter the initial state, later ones become one scheduled event', () => {
  const pk = problems.find((p) => p.id === 'pk2')!;
  const prob = handProblem(pk);
  assert.deepEqual([...prob.initialState()], [560, 0]);
  assert.equal(prob.events.length, 1);
  const ev = prob.events[0]!;
  assert.equal(ev.fixedTimes!.length, 16);
  const y = Float64Array.from([100, 50]);
  const vals = new Float64Array(1);
  ev.values(21, y, prob.p, vals);
  ev.assign(21, y, prob.p, vals);
  assert.deepEqual([...y], [520, 50]);
});

test('job text round-trips the data peers need; peer output is parsed or rejected', () => {
  const rob = problems[0]!;
  const txt = jobText(rob, { method: 'LSODA', rtol: 1e-6, atol: 1e-10, batchMs: 10, batches: 2 });
  const tok = txt.split(/\s+/);
  assert.equal(tok[tok.indexOf('problem') + 1], 'robertson');
  assert.equal(Number(tok[tok.indexOf('grid') + 1]), rob.grid.length);
  assert.equal(Number(tok[tok.indexOf('tend') + 1]), 1e5);
  const out = parsePeerOutput('noise\n{"solver":"x","ms":1,"y":[1,2]}\n', 'x');
  assert.deepEqual(out.y, [1, 2]);
  assert.throws(() => parsePeerOutput('{"error":"boom"}', 'p'), /p: boom/);
  assert.throws(() => parsePeerOutput('Traceback', 'p'), /not JSON/);
});
