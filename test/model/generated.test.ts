/** The generated code's optimisations: simplification, netted stoichiometry, chain-rule Jacobian, zeros. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { emitNumber } from '../../src/model/expr/codegen.js';
import { reducePowers } from '../../src/model/expr/powers.js';
import { printExpr } from '../../src/model/expr/print.js';
import { makeHelpers } from '../../src/model/expr/runtime.js';
import { simplify } from '../../src/model/expr/simplify.js';
import type { Model } from '../../src/model/types.js';
import { compileTree, lcg, randomExpr, randomPoint } from './gen.js';

const src = { unit: '1', source: 'assumed: test' };
const IDS = ['a', 'b', 'c'];

describe('simplify + reducePowers', () => {
  it('generated code agrees with the interpreter on the original random trees', () => {
    const r = lcg(2024);
    const H = makeHelpers();
    let compared = 0;
    for (let i = 0; i < 800; i++) {
      const e = randomExpr(r, 5, { ids: IDS, logic: true, time: true });
      const f = compileTree(reducePowers(simplify(e)), IDS);
      for (let k = 0; k < 3; k++) {
        const { t, y, want } = randomPoint(r, e, IDS, H);
        // Real-arithmetic identities (X - X = 0, 0 * X = 0) may turn a NaN / infinite value finite.
        if (!Number.isFinite(want)) continue;
        const got = f(t, y, H);
        // Reassociated constants: agreement to rounding, relative to the size of the operands' scale.
        assert.ok(Math.abs(got - want) <= 1e-9 * (1 + Math.abs(want)), `${printExpr(e)}: ${got} vs ${want}`);
        compared++;
      }
    }
    assert.ok(compared > 1200, `compared ${compared}`);
  });

  it('collects like terms, folds constants and drops zeros', () => {
    const id = (s: string) => ({ k: 'id', id: s }) as const;
    const mul = (...args: object[]) => ({ k: 'op', op: 'mul', args }) as never;
    const e = {
      k: 'op',
      op: 'add',
      args: [
        { k: 'op', op: 'neg', args: [mul(id('p'), id('y'))] },
        mul(id('p'), id('y')),
        { k: 'num', v: 0 },
      ],
    } as never;
    assert.deepEqual(simplify(e), { k: 'num', v: 0 });
    const f = {
      k: 'op',
      op: 'add',
      args: [mul({ k: 'num', v: 2 }, { k: 'num', v: 2 }, id('y')), id('y')],
    } as never;
    assert.deepEqual(simplify(f), mul({ k: 'num', v: 5 }, id('y')));
  });

  it('never merges random draws', () => {
    const n = {
      k: 'op',
      op: 'normal',
      args: [
        { k: 'num', v: 0 },
        { k: 'num', v: 1 },
      ],
    } as const;
    const e = simplify({ k: 'op', op: 'sub', args: [n, n] });
    assert.equal(e.k, 'op');
  });

  it('reduces x^2, x^-1 and x^0.5 and keeps x^3 a call', () => {
    const code = (s: number) =>
      emitNumber(
        reducePowers({
          k: 'op',
          op: 'pow',
          args: [
            { k: 'id', id: 'a' },
            { k: 'num', v: s },
          ],
        }),
        {
          resolve: () => 'y[0]',
        },
      );
    assert.equal(code(2), '(y[0] * y[0])');
    assert.equal(code(-1), '(1 / y[0])');
    assert.equal(code(0.5), 'Math.sqrt(y[0])');
    assert.equal(code(3), 'Math.pow(y[0], 3)');
  });
});

describe('netted stoichiometry', () => {
  it('a catalyst contributes nothing (A + E -> B + E), 2A -> A contributes -1 once', () => {
    const m = new ModelBuilder('cat');
    m.compartment('c', 1);
    m.param('k', 0.7, src);
    m.species('A', { compartment: 'c', initial: 3 });
    m.species('E', { compartment: 'c', initial: 2 });
    m.species('B', { compartment: 'c', initial: 0 });
    m.reaction('r1', 'A + E -> B + E', 'k * A * E');
    m.reaction('r2', '2 A -> A', 'k * A');
    const p = compile(m.build());
    const [iA, iE, iB] = ['A', 'E', 'B'].map((s) => p.stateIndex.get(s)!) as [number, number, number];
    const code = p.rhs.toString();
    assert.match(code, new RegExp(`dy\\[${iE}\\] = 0;`));
    const dy = new Float64Array(p.n);
    const y = p.initialState();
    p.rhs(0, y, p.p, dy);
    assert.equal(dy[iE], 0);
    assert.equal(dy[iA], -(0.7 * 3 * 2) - 0.7 * 3);
    assert.equal(dy[iB], 0.7 * 3 * 2);
    // A appears once per reaction: no w + (-2 w) + w chains.
    const rowA = code.split('\n').find((l) => l.startsWith(`dy[${iA}]`))!;
    assert.equal(rowA.match(/w\[/g)?.length, 2, rowA);
  });
});

/** A chain X0 -> X1 -> ... -> X{n-1} with saturating rates, optionally damped through an assignment rule (dense J). */
function chain(n: number, shared: boolean): Model {
  const m = new ModelBuilder('chain');
  m.compartment('c', 1);
  m.param('k', 0.9, src);
  m.param('K', 2, src);
  for (let i = 0; i < n; i++) m.species(`X${i}`, { compartment: 'c', initial: 1 + i });
  if (shared) {
    m.param('total', 0, { ...src, constant: false } as never);
    m.assign('total', Array.from({ length: n }, (_, i) => `X${i}`).join(' + '));
  }
  const damp = shared ? ' / (1 + total / 100)' : '';
  for (let i = 0; i + 1 < n; i++)
    m.reaction(`r${i}`, `X${i} -> X${i + 1}`, `k * X${i}^2 / (K + X${i})${damp}`);
  return m.build();
}

function fdJac(p: ReturnType<typeof compile>, y: Float64Array): Float64Array {
  const n = p.n;
  const J = new Float64Array(n * n);
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(y[j]!));
    const yp = Float64Array.from(y);
    yp[j] = y[j]! + h;
    p.rhs(0, yp, p.p, f1);
    yp[j] = y[j]! - h;
    p.rhs(0, yp, p.p, f2);
    for (let i = 0; i < n; i++) J[i * n + j] = (f1[i]! - f2[i]!) / (2 * h);
  }
  return J;
}

describe('Jacobian buffers', () => {
  for (const [n, shared] of [
    [3, true],
    [4, false],
    [12, true],
    [12, false], // 121 structural zeros: zeroed once per buffer
  ] as const) {
    it(`writes every entry on each call, new or dirty buffers (n = ${n}, shared rule ${shared})`, () => {
      const p = compile(chain(n, shared));
      assert.ok(p.jac);
      const y = p.initialState();
      const want = fdJac(p, y);
      const check = (J: Float64Array): void => {
        for (let q = 0; q < n * n; q++) {
          assert.ok(
            Math.abs(J[q]! - want[q]!) <= 1e-7 * (1 + Math.abs(want[q]!)),
            `J[${q}] = ${J[q]} vs ${want[q]}`,
          );
        }
      };
      const A = new Float64Array(n * n).fill(Number.NaN);
      p.jac(0, y, p.p, A);
      check(A);
      const B = new Float64Array(n * n).fill(7); // a second, dirty buffer
      p.jac(0, y, p.p, B);
      check(B);
      // Back to A, whose structurally nonzero entries a caller overwrote: all rewritten.
      for (let q = 0; q < n * n; q++) if (want[q] !== 0) A[q] = Number.NaN;
      p.jac(0, y, p.p, A);
      check(A);
      // A different state in the same buffer.
      const y2 = y.map((v, i) => v * (1 + 0.1 * i));
      p.jac(0, y2, p.p, A);
      const want2 = fdJac(p, y2);
      for (let q = 0; q < n * n; q++)
        assert.ok(Math.abs(A[q]! - want2[q]!) <= 1e-7 * (1 + Math.abs(want2[q]!)));
    });
  }

  it('small Jacobians write their structural zeros explicitly on every call (no buffer state)', () => {
    const p = compile(chain(4, false));
    const y = p.initialState();
    const J = new Float64Array(16).fill(5);
    p.jac!(0, y, p.p, J);
    J.fill(5); // dirty the same buffer everywhere
    p.jac!(0, y, p.p, J);
    assert.equal(J[2], 0); // d f0 / d X2
    assert.equal(J[3 * 4 + 0], 0); // d f3 / d X0
    assert.ok(!p.jac!.toString().includes('fill'));
  });
});
