import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr } from '../types.js';
import { hoistQuotients } from './quotients.js';

const id = (s: string): Expr => ({ k: 'id', id: s });
const op = (o: 'mul' | 'div' | 'delay', ...args: Expr[]): Expr => ({ k: 'op', op: o, args });
const conc = (i: number): Expr => op('div', id(`#y${i}`), id('#p0'));

test('hoistQuotients: a quotient read twice gets one slot, read once stays inline, delay() keeps its own', () => {
  const defs = [
    op('mul', id('#p1'), conc(0), conc(1)),
    op('mul', id('#p2'), conc(0)),
    op('mul', id('#p3'), op('delay', conc(0), { k: 'num', v: 2 })),
  ];
  const h = hoistQuotients(defs, ['r1', 'r2', 'r3'], ['A', 'B']);
  assert.equal(h.wDefs.length, 4);
  assert.deepEqual(h.wDefs[3], conc(0));
  assert.equal(h.wNames[3], '[A / size]');
  assert.deepEqual(h.wDefs[0], op('mul', id('#p1'), id('#w3'), conc(1)));
  assert.deepEqual(h.wDefs[1], op('mul', id('#p2'), id('#w3')));
  // A delayed argument is evaluated at a past state: it must not read the current slot.
  assert.deepEqual(h.wDefs[2], defs[2]);
});

test('hoistQuotients: a model without repeated quotients is unchanged', () => {
  const defs = [op('mul', id('#p1'), conc(0)), op('mul', id('#p2'), id('#y1'))];
  const h = hoistQuotients(defs, ['r1', 'r2'], ['A', 'B']);
  assert.deepEqual(h.wDefs, defs);
  assert.deepEqual(h.wNames, ['r1', 'r2']);
});
