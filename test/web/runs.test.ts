/** The page's runs: overrides through p equal a recompiled model, the timing study, dosing, the chart. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { compile } from '../../src/model/compile.js';
import { getModel } from '../../src/models/index.js';
import { chartSvg } from '../../web/src/app/chart.js';
import { presetRegimen, regimenDose, regimenOf, withParams, withRegimen } from '../../web/src/app/dosing.js';
import { resultCsv, resultJson } from '../../web/src/app/export.js';
import { DEFAULT_VIEW } from '../../web/src/app/state.js';
import { ProblemCache } from '../../web/src/engine/cache.js';
import type { RunRequest } from '../../web/src/engine/protocol.js';
import { ESTABLISHED_VOLUME, outputTimes, runRequest } from '../../web/src/engine/runs.js';
import { loadSource } from '../../web/src/engine/source.js';

const { info, problem } = loadSource({ kind: 'builtin', id: 'her2csc' });
const cache = new ProblemCache();
cache.put(info.key, problem);
const base: RunRequest = {
  key: info.key,
  model: info.model,
  params: {},
  regimen: undefined,
  tEnd: 60,
  points: 61,
  engine: 'ode',
  runs: 10,
  seed: 1,
  round: true,
  outputs: ['V', 'S'],
  timing: false,
};

function last(values: Float64Array, ids: readonly string[], id: string): number {
  return values[values.length - ids.length + ids.indexOf(id)]!;
}

test('editable parameters: constants with a value of their own, not derived ones', () => {
  assert.ok(info.editable.includes('lambdaS'));
  assert.ok(info.editable.includes('inoculum'));
  for (const derived of ['V', 'N', 'HER2_S', 'c_Z', 'ps'])
    assert.ok(!info.editable.includes(derived), derived);
});

test('a parameter override (the URL path) equals compiling the model with that value', () => {
  const params = { lambdaS: 0.5, inoculum: 5e5 };
  const r = runRequest(cache, { ...base, params });
  const direct = solve(compile(withParams(getModel('her2csc'), params)), {
    tEnd: 60,
    outputTimes: outputTimes(60, 61),
  });
  assert.deepEqual(r.arms[0]!.values, direct.y);
  const def = runRequest(cache, base);
  assert.notEqual(last(r.arms[0]!.values, r.ids, 'V'), last(def.arms[0]!.values, def.ids, 'V'));
});

test('regimens: presets read back, none removes the drug, doses lower like scheduleDose', () => {
  const own = getModel('her2csc-mcf7-fatpad-trastuzumab');
  assert.deepEqual(regimenOf(own), presetRegimen('mouse-10-biw'));
  assert.equal(regimenOf(withRegimen(own, null)), null);
  assert.deepEqual(presetRegimen('mouse-13-4.5-weekly', 3), {
    start: 3,
    dose: 4.5,
    every: 7,
    count: 10,
    loading: 13,
  });
  const d = regimenDose(presetRegimen('mouse-13-4.5-weekly'));
  assert.deepEqual(d.amounts, [13, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5]);
  // Trastuzumab from day 1 keeps a non-amplified tumour smaller than no drug.
  const none = runRequest(cache, { ...base, regimen: null });
  const early = runRequest(cache, { ...base, regimen: presetRegimen('mouse-10-biw') });
  assert.ok(last(early.arms[0]!.values, early.ids, 'V') < last(none.arms[0]!.values, none.ids, 'V'));
});

test('timing study: control, adjuvant and established arms; early treatment shrinks the tumour most', () => {
  const r = runRequest(cache, { ...base, timing: true, outputs: ['V'] });
  assert.equal(r.kind, 'timing');
  assert.deepEqual(
    r.arms.map((a) => a.startDay),
    [undefined, 1, r.establishedDay],
  );
  const day = r.establishedDay!;
  assert.ok(day > 1 && day * 2 === Math.round(day * 2), `established day ${day}`);
  // The control volume crosses 150 mm3 within the half day before the established start.
  const control = r.arms[0]!.values;
  const vAt = (t: number): number => {
    let i = 0;
    while (r.t[i + 1]! <= t) i++;
    const f = (t - r.t[i]!) / (r.t[i + 1]! - r.t[i]!);
    return control[i]! + f * (control[i + 1]! - control[i]!);
  };
  assert.ok(vAt(day) >= ESTABLISHED_VOLUME * 0.98 && vAt(day - 0.5) <= ESTABLISHED_VOLUME * 1.02);
  assert.ok(r.t[r.t.length - 1]! >= day + 28);
  const [vc, va, ve] = r.arms.map((a) => a.values[a.values.length - 1]!);
  assert.ok(va! < ve! && ve! <= vc!, `control ${vc}, adjuvant ${va}, established ${ve}`);
  const csv = resultCsv(r).split('\n');
  assert.equal(csv[0], `time,V_control,V_day1,V_day${day}`);
});

test('ensembles on the HER2-CSC model need whole counts: rounded, or the CLI message', () => {
  const r = runRequest(cache, { ...base, engine: 'tau-leap', runs: 4, tEnd: 10, points: 11 });
  assert.equal(r.runsDone, 4);
  assert.ok(last(r.arms[0]!.values, r.ids, 'V') > 0);
  assert.throws(
    () => runRequest(cache, { ...base, engine: 'tau-leap', runs: 4, tEnd: 10, round: false }),
    /initial amount of 'S' is .*needs integer counts/,
  );
});

test('chart: one path per output and arm, quantile bands for ensembles, log or linear axis', () => {
  const ode = runRequest(cache, base);
  const svg = chartSvg(ode, { outputs: ['V', 'S'], yScale: 'log', timeUnit: 'day' });
  assert.equal(svg.match(/<g class="line"/g)?.length, 2);
  assert.match(svg, /Time \(day\)/);
  const ens = runRequest(cache, {
    ...base,
    engine: 'tau-leap',
    runs: 8,
    tEnd: 10,
    points: 11,
    outputs: ['V'],
  });
  const s2 = chartSvg(ens, { outputs: ['V'], yScale: 'linear' });
  assert.match(s2, /V 5-95 %/);
  // Text from a model file is escaped in the SVG (the page inserts it as markup).
  const evil = chartSvg(
    { ...ode, modelId: '<img src=x onerror=alert(1)>' },
    { outputs: ['V'], yScale: 'log' },
  );
  assert.ok(!evil.includes('<img'), 'model text is escaped');
  const json = JSON.parse(resultJson(ens, { ...DEFAULT_VIEW, engine: 'tau-leap' }));
  assert.equal(json.arms[0].outputs.V.mean.length, 11);
  assert.equal(json.view.engine, 'tau-leap');
});
