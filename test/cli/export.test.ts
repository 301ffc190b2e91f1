/** `cscsim export`: a built-in model written as SBML reads back to the same trajectories. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

test('export --sbml then simulate the file gives the built-in model trajectory (doses included)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-export-'));
  const id = 'her2csc-mcf7-bone-trastuzumab';
  const xml = join(dir, 'm.xml');
  const e = await cli('export', id, '--sbml', '--out', xml);
  assert.equal(e.code, 0, e.err);
  assert.match(readFileSync(xml, 'utf8'), /<sbml [^>]*level="3" [^>]*version="2"/);
  const a = await cli('simulate', id, '--t-end', '30', '--steps', '6', '--rtol', '1e-8');
  const b = await cli('simulate', xml, '--t-end', '30', '--steps', '6', '--rtol', '1e-8');
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const rows = (s: string) => s.trim().split('\n');
  const ra = rows(a.out);
  const rb = rows(b.out);
  assert.equal(ra[0], rb[0]);
  for (let i = 1; i < ra.length; i++) {
    const x = ra[i]!.split(',').map(Number);
    const y = rb[i]!.split(',').map(Number);
    for (let j = 0; j < x.length; j++) {
      assert.ok(Math.abs(x[j]! - y[j]!) <= 1e-6 * Math.abs(x[j]!) + 1e-9, `row ${i} col ${j}`);
    }
  }
});

test('export without a target, or with both, is a usage error; an unknown model exits 2', async () => {
  assert.equal((await cli('export', 'her2csc')).code, 2);
  assert.equal((await cli('export', 'her2csc', '--sbml', '--json')).code, 2);
  assert.equal((await cli('export', 'nope', '--sbml')).code, 2);
});

test('--json means JSON on stdout in every command that has it', async () => {
  const { commands } = await import('../../src/cli/commands/index.js');
  for (const c of commands) {
    const j = c.options.json;
    if (j) assert.equal(j.type, 'boolean', `${c.name} --json takes no file: it prints JSON on stdout`);
  }
  const m = await cli('export', 'her2csc', '--json');
  assert.equal(m.code, 0, m.err);
  assert.equal((JSON.parse(m.out) as { id: string }).id.length > 0, true);
  const l = await cli('models', '--json');
  assert.ok(Array.isArray(JSON.parse(l.out)));
});
