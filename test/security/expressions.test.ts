/**
 * Attack attempts against expression compilation: each must be rejected, or compile to harmless slot
 * references. Any escape would have to leave a trace on globalThis or the process; we check both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, ModelError } from '../../src/errors.js';
import { loadModelJson } from '../../src/io/json.js';
import { compile } from '../../src/model/compile.js';
import { emitNumber } from '../../src/model/expr/codegen.js';
import { parseExpr } from '../../src/model/expr/parse.js';
import type { Expr } from '../../src/model/expr/types.js';
import type { Model } from '../../src/model/types.js';

const flag = '__cscsim_pwned__';
const g = globalThis as Record<string, unknown>;

function model(rate: Expr, extraParam?: string): Model {
  return {
    id: 'm',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'S', compartment: 'c', initial: 1 }],
    parameters: extraParam ? [{ id: extraParam, value: 2, unit: '1', source: 's' }] : [],
    reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate }],
  };
}

function runs(m: Model): number {
  const p = compile(m);
  const dy = new Float64Array(p.n);
  p.rhs(0, p.initialState(), p.p, dy);
  return dy[0]!;
}

describe('security: parser', () => {
  it('rejects injection text', () => {
    for (const s of [
      "'); require('child_process')",
      'process.exit(1)',
      `globalThis.${flag} = 1`,
      'S; while(true){}',
      'a[0]',
      '"str"',
      '`a b`',
      'S // comment',
      '$' + '{x}',
      'x => x',
      '{}',
    ]) {
      assert.throws(() => parseExpr(s), InputError, s);
    }
  });
  it('rejects deep nesting without overflowing the stack', () => {
    assert.throws(() => parseExpr(`${'('.repeat(100000)}1${')'.repeat(100000)}`), /nested deeper/);
    assert.throws(() => parseExpr(`${'-'.repeat(100000)}x`), /nested deeper/);
    assert.throws(() => parseExpr(`${'x^'.repeat(100000)}x`), /nested deeper/);
  });
  it('handles huge flat expressions and overflowing numbers', () => {
    const big = parseExpr(Array.from({ length: 5000 }, (_, i) => `S * ${i}`).join(' + '));
    assert.equal(runs(model(big)), -Array.from({ length: 5000 }, (_, i) => i).reduce((a, b) => a + b));
    assert.equal(runs(model(parseExpr('1e400 * 0 + S'))), Number.NaN);
    assert.equal(runs(model(parseExpr('-1e400 + S'))), Number.POSITIVE_INFINITY);
  });
});

describe('security: model ids and trees', () => {
  it('ids that look like JS only ever become slots', () => {
    for (const id of [
      'constructor',
      '__proto__',
      'prototype',
      'globalThis',
      'process',
      'eval',
      'Function',
      'this',
      'H',
      'w',
      'y',
      'p',
      'Math',
    ]) {
      // as an unknown id: rejected
      assert.throws(() => compile(model({ k: 'id', id })), ModelError, id);
      // as a declared parameter: compiles to p[k]
      assert.equal(
        runs(
          model(
            {
              k: 'op',
              op: 'mul',
              args: [
                { k: 'id', id },
                { k: 'id', id: 'S' },
              ],
            },
            id,
          ),
        ),
        -2,
        id,
      );
    }
  });
  it('rejects malicious trees from JSON', () => {
    const attacks: unknown[] = [
      { k: 'num', v: '1); process.exit(1); (' },
      { k: 'id', id: 'S); process.exit(1); (' },
      { k: 'op', op: 'constructor', args: [] },
      { k: 'op', op: '__proto__', args: [] },
      { k: 'const', name: 'constructor' },
      { k: 'const', name: 'toString' },
      { k: 'call', fn: 'process.exit', args: [] },
      { k: 'op', op: 'add', args: { length: 1, 0: { k: 'num', v: 1 } } },
      { k: 'op', op: 'add', args: [{ k: 'num', v: { valueOf: () => 1 } }] },
      { k: '__proto__' },
    ];
    for (const rate of attacks) {
      assert.throws(() => compile(model(rate as Expr)), ModelError, JSON.stringify(rate));
      const text = JSON.stringify({
        ...model({ k: 'num', v: 1 }),
        reactions: [{ id: 'r', reactants: [], products: [], rate }],
      });
      assert.throws(() => compile(loadModelJson(text)), InputError, text);
    }
    const deep = JSON.parse(
      `${'{"k":"op","op":"neg","args":['.repeat(2000)}{"k":"num","v":1}${']}'.repeat(2000)}`,
    );
    assert.throws(() => compile(model(deep)), /nested deeper/);
  });
  it('codegen refuses resolver answers that are not slots', () => {
    for (const bad of ['y[0]); process.exit(1); (', 'y[0] + 1', 'a.b', 'y[-1]', '']) {
      assert.throws(() => emitNumber({ k: 'id', id: 'x' }, { resolve: () => bad }), ModelError, bad);
    }
    assert.throws(
      () => emitNumber({ k: 'num', v: '1' as unknown as number }, { resolve: () => 'y[0]' }),
      ModelError,
    );
  });
  it('left no trace', () => {
    assert.equal(g[flag], undefined);
  });
});
