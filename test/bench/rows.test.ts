import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asRows, type Outcome, pairRows } from '../../bench/rows.js';
import { rowsTable } from '../../bench/table.js';
import { timeCall } from '../../bench/timing.js';

const ok = (solver: string, ms: number): Outcome => ({
  ok: true,
  solver,
  ms,
  msMedian: ms,
  error: 1e-6,
  steps: 1,
  rhsEvals: 1,
  jacEvals: 0,
});

test('rows: every solver against every peer; a missing peer gives null ratio and a note, not a crash', () => {
  const rows = pairRows(
    'p',
    [ok('rodas', 1), ok('auto', 3)],
    [ok('cvode-bdf', 2), { ok: false, solver: 'x', why: 'missing (no x)' }],
  );
  assert.equal(rows.length, 4);
  assert.equal(rows[0]!.ratio, 0.5);
  assert.equal(rows[2]!.ratio, 1.5);
  assert.equal(rows[1]!.ratio, null);
  assert.equal(rows[1]!.peer_ms, null);
  assert.match(rows[1]!.note!, /missing \(no x\)/);
  assert.deepEqual(Object.keys(rows[0]!), [
    'problem',
    'solver',
    'ms',
    'error',
    'peer',
    'peer_ms',
    'peer_error',
    'ratio',
  ]);
  assert.match(rowsTable(rows), /cvode-bdf\s+2\.00\s+1\.0e-6\s+0\.50/);
});

test('rows from another module are validated', () => {
  const r = asRows([{ problem: 'a', solver: 'b', peer: 'c', ms: 1, ratio: 'x' }], 'ssa');
  assert.equal(r[0]!.ratio, null);
  assert.throws(() => asRows({}, 'ssa'), /expected an array/);
  assert.throws(() => asRows([{ problem: 'a' }], 'ssa'), /row 0 lacks/);
});

test('timing: batches sized from one call, min <= median, both positive', () => {
  let x = 0;
  const t = timeCall(
    () => {
      for (let i = 0; i < 20000; i++) x += Math.sqrt(i);
    },
    { batchMs: 5, batches: 3, warmupMs: 5, clock: 'wall' },
  );
  assert.ok(x > 0 && t.ms > 0 && t.ms <= t.msMedian && t.reps >= 1);
});
