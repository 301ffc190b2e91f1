/** CLI defaults come from one place: each option's declared default is what parseArgs fills and what --help shows. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { optString, parseArgs } from '../../src/cli/args.js';
import { commands } from '../../src/cli/commands/index.js';
import { cli } from '../helpers/cli.js';

test('every declared default is filled in by parseArgs and printed by --help', async () => {
  for (const c of commands) {
    const parsed = parseArgs([], c.options);
    const help = (await cli(c.name, '--help')).out;
    for (const [name, s] of Object.entries(c.options)) {
      const shown = s.default ?? s.defaultText;
      if (shown !== undefined) assert.ok(help.includes(`(default ${shown})`), `${c.name} --${name}`);
      assert.equal(optString(parsed, name), s.default, `${c.name} --${name}`);
    }
  }
});

test('simulate without options runs exactly as with the defaults its help shows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-defaults-'));
  const f = join(dir, 'm.json');
  writeFileSync(
    f,
    JSON.stringify({
      id: 'm',
      compartments: [{ id: 'c', size: 1 }],
      species: [{ id: 'S', compartment: 'c', initial: 1 }],
      parameters: [],
      reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate: 'S' }],
    }),
  );
  const help = (await cli('simulate', '--help')).out;
  const d = (o: string): string => new RegExp(`--${o} \\S+ .*\\(default (\\S+)\\)`).exec(help)![1]!;
  const a = await cli('simulate', f, '--t-end', '3');
  const b = await cli(
    'simulate',
    f,
    '--t-end',
    '3',
    '--steps',
    d('steps'),
    '--rtol',
    d('rtol'),
    '--atol',
    d('atol'),
    '--t-start',
    d('t-start'),
  );
  assert.equal(a.code, 0, a.err);
  assert.equal(a.out, b.out);
  assert.equal(a.out.trim().split('\n').length, Number(d('steps')) + 2);
});
