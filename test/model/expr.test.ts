import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, ModelError } from '../../src/errors.js';
import { checkExpr, checkFunctions } from '../../src/model/expr/check.js';
import { emitNumber } from '../../src/model/expr/codegen.js';
import { derivative } from '../../src/model/expr/derivative.js';
import { evaluate } from '../../src/model/expr/evaluate.js';
import { parseExpr } from '../../src/model/expr/parse.js';
import { printExpr } from '../../src/model/expr/print.js';
import { makeHelpers } from '../../src/model/expr/runtime.js';
import type { Expr, FunctionDef } from '../../src/model/expr/types.js';
import { compileTree, lcg, randomExpr, randomPoint } from './gen.js';

const IDS = ['a', 'b', 'c', 'x1', 'pi_'];
const same = (u: number, v: number): boolean => (Number.isNaN(u) && Number.isNaN(v)) || u === v;

describe('parseExpr', () => {
  it('builds the expected trees', () => {
    assert.deepEqual(parseExpr('-2^2'), {
      k: 'op',
      op: 'neg',
      args: [
        {
          k: 'op',
          op: 'pow',
          args: [
            { k: 'num', v: 2 },
            { k: 'num', v: 2 },
          ],
        },
      ],
    });
    assert.deepEqual(parseExpr('a^b^c'), parseExpr('a^(b^c)'));
    assert.deepEqual(parseExpr('a - b - c'), parseExpr('(a - b) - c'));
    assert.deepEqual(parseExpr('a + b + c'), {
      k: 'op',
      op: 'add',
      args: IDS.slice(0, 3).map((id) => ({ k: 'id', id })),
    });
    assert.deepEqual(parseExpr('log(x)'), parseExpr('ln(x)'));
    assert.equal((parseExpr('log(2, x)') as { op: string }).op, 'log');
    assert.deepEqual(parseExpr('ifelse(a > 1, b, c)'), parseExpr('piecewise(b, a > 1, c)'));
    assert.deepEqual(parseExpr('not a and b or c'), parseExpr('(!a && b) || c'));
    assert.deepEqual(parseExpr('e'), { k: 'id', id: 'e' });
    assert.deepEqual(parseExpr('exponentiale'), { k: 'const', name: 'e' });
    assert.deepEqual(parseExpr('`time` * time'), {
      k: 'op',
      op: 'mul',
      args: [{ k: 'id', id: 'time' }, { k: 'time' }],
    });
    assert.deepEqual(parseExpr('f(x, 1e-3)'), {
      k: 'call',
      fn: 'f',
      args: [
        { k: 'id', id: 'x' },
        { k: 'num', v: 0.001 },
      ],
    });
    assert.deepEqual(parseExpr('a < b < c'), {
      k: 'op',
      op: 'lt',
      args: IDS.slice(0, 3).map((id) => ({ k: 'id', id })),
    });
  });

  it('reports the column and what was expected', () => {
    assert.throws(() => parseExpr('k1 * (S'), {
      name: 'InputError',
      message: "expected ')' at column 8 in 'k1 * (S'",
    });
    assert.throws(() => parseExpr('k1 * '), /expected an operand at column 6/);
    assert.throws(() => parseExpr('a b'), /expected an operator or the end of the expression at column 3/);
    assert.throws(() => parseExpr('f(a b)'), /expected ',' or '\)' at column 5/);
    assert.throws(() => parseExpr('a $ b'), /unexpected character '\$' at column 3/);
    assert.throws(() => parseExpr('ifelse(a, b)'), InputError);
  });

  it('round-trips random trees through printExpr', () => {
    const r = lcg(12345);
    for (let i = 0; i < 800; i++) {
      const e = randomExpr(r, 5, { ids: [...IDS, 'time', 'pi', 'and'], logic: true, time: true });
      const text = printExpr(e);
      assert.deepEqual(parseExpr(text), e, text);
    }
  });

  it('round-trips edge numbers', () => {
    for (const v of [0, -0, 1.5e-300, -2, 1e21, 5e-324, Infinity, -Infinity, 0.1 + 0.2]) {
      const e: Expr = {
        k: 'op',
        op: 'pow',
        args: [
          { k: 'num', v },
          { k: 'op', op: 'neg', args: [{ k: 'num', v }] },
        ],
      };
      const back = parseExpr(printExpr(e)) as unknown as { args: { v?: number; args?: { v: number }[] }[] };
      assert.ok(Object.is(back.args[0]!.v, v), printExpr(e));
      assert.ok(Object.is(back.args[1]!.args![0]!.v, v), printExpr(e));
    }
  });
});

describe('codegen', () => {
  it('agrees with the reference interpreter on random trees', () => {
    const r = lcg(777);
    const H = makeHelpers();
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const e = randomExpr(r, 5, { ids: IDS, logic: true, time: true });
      const f = compileTree(e, IDS);
      for (let k = 0; k < 3; k++) {
        const { t, y, want } = randomPoint(r, e, IDS, H);
        const got = f(t, y, H);
        assert.ok(same(got, want), `${printExpr(e)}: ${got} vs ${want}`);
        checked++;
      }
    }
    assert.equal(checked, 1800);
  });

  it('inlines user functions', () => {
    const fns = checkFunctions([
      { id: 'sq', params: ['u'], body: parseExpr('u * u') },
      { id: 'hill', params: ['s', 'k', 'n'], body: parseExpr('sq(s)^n / (k^n + s^n)') },
    ]);
    const e = parseExpr('hill(a, 2, 3) + 1');
    const code = emitNumber(e, { resolve: (id) => (id === 'a' ? 'y[0]' : 'bad'), functions: fns });
    const f = new Function('t', 'y', 'H', `return ${code};`) as (
      t: number,
      y: Float64Array,
      H: unknown,
    ) => number;
    const a = 1.7;
    assert.equal(f(0, Float64Array.of(a), makeHelpers()), evaluate(e, { value: () => a, functions: fns }));
  });
});

describe('derivative', () => {
  it('matches central finite differences on random smooth trees', () => {
    const r = lcg(4242);
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const e = randomExpr(r, 4, { ids: ['a', 'b'] });
      const d = derivative(e, 'a');
      assert.ok(d !== null);
      const at = (a: number, ex: Expr): number => evaluate(ex, { value: (id) => (id === 'a' ? a : 0.7) });
      const a0 = 0.3 + r();
      const f0 = at(a0, e);
      const dv = at(a0, d);
      if (!Number.isFinite(f0) || !Number.isFinite(dv) || Math.abs(dv) > 1e4) continue;
      const h = 1e-6 * Math.max(1, Math.abs(a0));
      const fd = (at(a0 + h, e) - at(a0 - h, e)) / (2 * h);
      const fd2 = (at(a0 + h / 2, e) - at(a0 - h / 2, e)) / h;
      // skip points next to a kink (abs/min/max/piecewise), where the two difference quotients disagree
      if (!Number.isFinite(fd) || Math.abs(fd - fd2) > 1e-5 * (1 + Math.abs(fd))) continue;
      assert.ok(
        Math.abs(dv - fd) <= 1e-5 * (1 + Math.abs(fd)),
        `${printExpr(e)} d/da = ${printExpr(d)}: ${dv} vs ${fd}`,
      );
      compared++;
    }
    assert.ok(compared > 300, `compared ${compared}`);
  });

  it('differentiates piecewise piece by piece and refuses floor', () => {
    const d = derivative(parseExpr('piecewise(a^2, a > 1, 3 * a)'), 'a')!;
    assert.equal(evaluate(d, { value: () => 2 }), 4);
    assert.equal(evaluate(d, { value: () => 0.5 }), 3);
    assert.equal(derivative(parseExpr('floor(a) + b'), 'a'), null);
    assert.deepEqual(derivative(parseExpr('floor(b) * a'), 'a'), parseExpr('floor(b)'));
  });
});

describe('checkExpr', () => {
  const scope = { has: (id: string) => id === 'k' || id === 'S', functions: new Map<string, FunctionDef>() };
  it('names the path of unknown ids, functions and bad arity', () => {
    assert.throws(() => checkExpr(parseExpr('k * X'), 'reactions[2].rate', scope), {
      name: 'ModelError',
      message: "reactions[2].rate: unknown id 'X'",
    });
    assert.throws(
      () => checkExpr(parseExpr('g(k)'), 'rules[0].math', scope),
      /rules\[0\]\.math: unknown function 'g'/,
    );
    assert.throws(
      () => checkExpr(parseExpr('exp(k, S)'), 'p', scope),
      /exp\(\) takes 1 argument\(s\), got 2/,
    );
    assert.throws(() => checkExpr({ k: 'op', op: 'constructor', args: [] }, 'p', scope), /unknown operator/);
    assert.throws(() => checkExpr({ k: 'num', v: '1' }, 'p', scope), ModelError);
    checkExpr(parseExpr('k * S + piecewise(1, S > k, 0)'), 'ok', scope);
  });
  it('finds recursion among function definitions', () => {
    assert.throws(
      () =>
        checkFunctions([
          { id: 'f', params: ['x'], body: parseExpr('g(x) + 1') },
          { id: 'g', params: ['x'], body: parseExpr('f(x) * 2') },
        ]),
      /recursive function definition: f -> g -> f/,
    );
    assert.throws(
      () => checkFunctions([{ id: 'f', params: ['x'], body: parseExpr('x + y') }]),
      /functions\[0\]\.body: unknown id 'y'/,
    );
  });
});
