/**
 * The page's engine code gives the CLI's numbers: the ODE CSV and the ensemble CSV for the same settings
 * are the same text as `cscsim simulate` writes, and a bad file gets the CLI's message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resultCsv } from '../../web/src/app/export.js';
import { continuousFor } from '../../web/src/app/species.js';
import { DEFAULT_VIEW } from '../../web/src/app/state.js';
import { ProblemCache } from '../../web/src/engine/cache.js';
import type { ModelSource, RunRequest } from '../../web/src/engine/protocol.js';
import { runRequest } from '../../web/src/engine/runs.js';
import { loadSource } from '../../web/src/engine/source.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-web-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function request(source: ModelSource, over: Partial<RunRequest>): { req: RunRequest; cache: ProblemCache } {
  const { info, problem } = loadSource(source);
  const cache = new ProblemCache();
  cache.put(info.key, problem);
  const req: RunRequest = {
    key: info.key,
    model: info.model,
    params: {},
    regimen: undefined,
    tEnd: DEFAULT_VIEW.tEnd,
    points: DEFAULT_VIEW.points,
    engine: 'ode',
    runs: 1,
    seed: 1,
    round: false,
    outputs: [],
    timing: false,
    ...over,
  };
  return { req, cache };
}

test('ODE: the default HER2-CSC view gives the CLI CSV, byte for byte', async () => {
  const { req, cache } = request({ kind: 'builtin', id: 'her2csc' }, {});
  const web = resultCsv(runRequest(cache, req));
  const r = await cli('simulate', 'her2csc', '--t-end', String(req.tEnd), '--steps', String(req.points - 1));
  assert.equal(r.code, 0, r.err);
  assert.equal(web, r.out);
});

test('ODE with a regimen from the URL equals the CLI on the built-in model with that schedule', async () => {
  // her2csc-mcf7-fatpad-trastuzumab: mouse-10-biw from day 1 (10 mg/kg every 3.5 days, 20 doses).
  const { req, cache } = request(
    { kind: 'builtin', id: 'her2csc' },
    { regimen: { start: 1, dose: 10, every: 3.5, count: 20 }, tEnd: 30, points: 31 },
  );
  const web = resultCsv(runRequest(cache, req));
  const r = await cli('simulate', 'her2csc-mcf7-fatpad-trastuzumab', '--t-end', '30', '--steps', '30');
  assert.equal(r.code, 0, r.err);
  assert.equal(web, r.out);
});

const birthDeath = JSON.stringify({
  id: 'bd',
  compartments: [{ id: 'c', size: 1 }],
  species: [{ id: 'X', compartment: 'c', initial: 10, hasOnlySubstanceUnits: true }],
  parameters: [
    { id: 'b', value: 1, unit: '1/day', source: 'assumed: test' },
    { id: 'd', value: 1.1, unit: '1/day', source: 'assumed: test' },
  ],
  reactions: [
    {
      id: 'birth',
      reactants: [{ species: 'X' }],
      products: [{ species: 'X', stoichiometry: 2 }],
      rate: 'b * X',
    },
    { id: 'death', reactants: [{ species: 'X' }], products: [], rate: 'd * X' },
  ],
});

for (const method of ['direct', 'tau-leap'] as const) {
  test(`ensemble (${method}): same CSV as the CLI with 2 worker threads, partial summaries or not`, async () => {
    const path = file('bd.json', birthDeath);
    const { req, cache } = request(
      { kind: 'file', name: path, text: birthDeath },
      { engine: method, runs: 300, seed: 7, tEnd: 5, points: 11, outputs: ['X'] },
    );
    const partials: number[] = [];
    const web = resultCsv(
      runRequest(cache, req, { partialDue: () => true, onPartial: (p) => partials.push(p.runsDone!) }),
    );
    assert.ok(partials.length > 10, 'a partial summary after every chunk');
    assert.deepEqual(
      partials,
      [...partials].sort((a, b) => a - b),
    );
    const r = await cli(
      'simulate',
      path,
      '--stochastic',
      '--method',
      method,
      '--runs',
      '300',
      '--seed',
      '7',
      '--t-end',
      '5',
      '--steps',
      '10',
      '--workers',
      '2',
    );
    assert.equal(r.code, 0, r.err);
    assert.equal(web, r.out);
  });
}

test("hybrid with the page's default continuous species (Ab_c, Ab_p) equals the CLI with --continuous", async () => {
  // Cells below the threshold jump; the drug (mg/kg) stays continuous and is never rounded. Cells start
  // whole (the page's round option, on by default, and the CLI on built-in models: largest remainder).
  const id = 'her2csc-mcf7-fatpad-trastuzumab';
  const { info } = loadSource({ kind: 'builtin', id });
  const continuous = continuousFor(DEFAULT_VIEW, info.model);
  assert.deepEqual(continuous, ['Ab_c', 'Ab_p']);
  const { req, cache } = request(
    { kind: 'builtin', id },
    {
      engine: 'hybrid',
      runs: 3,
      seed: 5,
      tEnd: 4,
      points: 9,
      round: true,
      outputs: info.outputIds,
      tuning: { continuous, hybridThreshold: 2000 },
    },
  );
  const result = runRequest(cache, req);
  const web = resultCsv(result);
  const r = await cli(
    'simulate',
    id,
    '--stochastic',
    '--method',
    'hybrid',
    '--continuous',
    continuous.join(','),
    '--threshold',
    '2000',
    '--runs',
    '3',
    '--seed',
    '5',
    '--t-end',
    '4',
    '--steps',
    '8',
    '--workers',
    '2',
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(web, r.out);
  // The 10 mg/kg dose on day 1 decays smoothly: fractional amounts, not whole molecules (the median of
  // three runs is one run's value).
  const col = result.ids.indexOf('Ab_c');
  const q50 = result.arms[0]!.q50!;
  const ab = Array.from({ length: result.t.length }, (_, i) => q50[i * result.ids.length + col]!);
  assert.ok(
    ab.slice(3).every((x) => x > 0 && !Number.isInteger(x)),
    ab.join(', '),
  );
  assert.match(result.notes[0]!, /threshold 2000; continuous: Ab_c, Ab_p/);
  assert.match(result.notes[0]!, /rounded/);
});

test('continuous species with the direct method: the cells jump, the drug stays deterministic', () => {
  const { req, cache } = request(
    { kind: 'builtin', id: 'her2csc' },
    {
      regimen: { start: 1, dose: 10, every: 3.5, count: 20 },
      engine: 'direct',
      runs: 1,
      tEnd: 1.5,
      points: 2,
      round: true,
      outputs: ['S', 'Ab_c'],
      tuning: { continuous: ['Ab_c', 'Ab_p'] },
    },
  );
  const r = runRequest(cache, req);
  const w = r.ids.length;
  assert.deepEqual(r.ids, ['S', 'Ab_c']);
  const ab = r.arms[0]!.values[w + r.ids.indexOf('Ab_c')]!;
  assert.ok(ab > 0 && !Number.isInteger(ab), `Ab_c half a day after the first dose: ${ab}`);
  assert.ok(Number.isInteger(r.arms[0]!.values[w + r.ids.indexOf('S')]!));
});

const badSbml = `<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="m">
    <listOfSpecies><species id="S" compartment="c" initialAmount="abc"/></listOfSpecies>
  </model>
</sbml>`;

const cases: [string, string][] = [
  ['truncated.xml', '<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core"><model'],
  ['badvalue.xml', badSbml],
  [
    'level2v9.xml',
    '<sbml xmlns="http://www.sbml.org/sbml/level2/version9" level="2" version="9"><model/></sbml>',
  ],
  ['broken.json', '{"id": "m", "compartments": [}'],
  [
    'shape.json',
    '{"id": "m", "compartments": [], "species": [{"id": 1}], "parameters": [], "reactions": []}',
  ],
  ['model.txt', 'hello'],
];

let webMessage = '';
for (const [name, text] of cases) {
  test(`a bad file (${name}) gets the message the CLI prints`, async () => {
    const path = file(name, text);
    assert.throws(
      () => loadSource({ kind: 'file', name: path, text }),
      (e: Error) => {
        webMessage = e.message;
        return true;
      },
    );
    const r = await cli('simulate', path, '--t-end', '1');
    assert.equal(r.code, 2);
    assert.equal(r.err, `cscsim simulate: ${webMessage}\n`);
    assert.ok(webMessage.startsWith(`${path}: `), webMessage);
  });
}
