/**
 * Fuzzing CLI arguments: the parser against every command's option table, and whole runs of the cheap
 * commands (models, simulate on a tiny model, survival on a small table, export to stdout) on argument
 * lists drawn from their own options and nasty values. Options that write files or start long work
 * (--out, --stochastic, --workers, --runs) are left out of the runs.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseArgs } from '../../src/cli/args.js';
import { commands } from '../../src/cli/commands/index.js';
import { cli } from '../helpers/cli.js';
import { fuzz, NASTY_VALUES } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-fuzz-cli-'));
const modelFile = join(dir, 'tiny.json');
writeFileSync(
  modelFile,
  JSON.stringify({
    id: 'tiny',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'S', compartment: 'c', initial: 10 }],
    parameters: [{ id: 'k', value: 0.5, unit: '1/s', source: 'fuzz' }],
    reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate: 'k * S' }],
  }),
);
const csvFile = join(dir, 'surv.csv');
writeFileSync(csvFile, 'time,status,group\n1,1,a\n2,0,b\n3,1,a\n4,1,b\n5,0,a\n6,1,b\n');

const VALUES = [
  ...NASTY_VALUES.filter((v) => v.length < 100),
  '2',
  '0.5',
  '1e-3',
  'dopri5',
  'rodas',
  'auto',
  'direct',
  'efron',
  'breslow',
  'time',
  'status',
  'group',
  'a',
  'b',
  '-',
  '--',
  '-h',
];
const SKIP = new Set(['out', 'stochastic', 'workers', 'runs']);

/** An argv for a command: options from its table (with and without `=`), values and stray words. */
function argvFor(
  options: Readonly<Record<string, unknown>>,
  keep: (o: string) => boolean,
): fc.Arbitrary<string[]> {
  const names = Object.keys(options).filter(keep);
  const word = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...VALUES))
        .map(([o, v]) => [`--${o}`, v]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...VALUES))
        .map(([o, v]) => [`--${o}=${v}`]),
    },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((o) => [`--${o}`]) },
    { weight: 1, arbitrary: fc.constantFrom(...VALUES, '--bogus', '--').map((v) => [v]) },
  );
  return fc.array(word, { maxLength: 8 }).map((ws) => ws.flat());
}

const size = (a: readonly string[]): number => a.join(' ').length;

describe('fuzz: CLI arguments', () => {
  it('parseArgs against every command option table', async () => {
    const arb = fc
      .integer({ min: 0, max: commands.length - 1 })
      .chain((k) => argvFor(commands[k]!.options, () => true).map((argv) => ({ k, argv })));
    await fuzz(
      arb,
      (x) => size(x.argv),
      ({ k, argv }) => parseArgs(argv, commands[k]!.options),
    );
  });

  it('whole runs of models, simulate, survival and export', async () => {
    const spec = (name: string) => commands.find((c) => c.name === name)!.options;
    const run = fc.oneof(
      argvFor(spec('models'), () => true).map((a) => ['models', ...a]),
      argvFor(spec('simulate'), (o) => !SKIP.has(o)).map((a) => [
        'simulate',
        modelFile,
        '--t-end',
        '2',
        ...a,
      ]),
      argvFor(spec('survival'), () => true).map((a) => ['survival', csvFile, ...a]),
      argvFor(spec('export'), (o) => o !== 'out').map((a) => ['export', modelFile, ...a]),
    );
    await fuzz(
      run,
      size,
      async (argv) => {
        const r = await cli(...argv);
        if (r.code !== 0 && r.code !== 2) throw new Error(`exit ${r.code}: ${r.err}`);
      },
      200,
    );
  });
});
