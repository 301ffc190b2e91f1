/** URL state: encode/decode round trips, defaults stay out of the URL, unknown keys warn, bad values are refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VIEW, type ViewState } from '../../web/src/app/state.js';
import { decodeView, encodeView } from '../../web/src/app/url.js';

test('the default view is the empty hash, and decodes back to the default', () => {
  assert.equal(encodeView(DEFAULT_VIEW), '');
  assert.deepEqual(decodeView('').state, DEFAULT_VIEW);
  assert.deepEqual(decodeView('#').state, DEFAULT_VIEW);
});

test('every field round-trips, numbers to the same double', () => {
  const s: ViewState = {
    model: 'her2csc-bt474-bone-trastuzumab',
    params: {
      lambdaS: 0.1 + 0.2,
      inoculum: 1234567.891,
      deltaS: 0,
      Kfb: 1e-300,
      big: 1.7976931348623157e308,
    },
    regimen: { start: 27.5, dose: 4.5, every: 7, count: 10, loading: 13 },
    tEnd: 97.25,
    points: 389,
    engine: 'tau-leap',
    runs: 250,
    seed: 9007199254740991,
    round: false,
    continuous: ['Ab_c', 'Ab_p'],
    threshold: 0.1 + 0.7,
    outputs: ['V', 'S', 'cscFraction'],
    yScale: 'linear',
    timing: true,
  };
  const hash = encodeView(s);
  const back = decodeView(`#${hash}`);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.warnings, []);
  assert.deepEqual(back.state, s);
  assert.ok(Object.is(back.state.params.lambdaS, 0.1 + 0.2));
  assert.equal(encodeView(back.state), hash, 'encoding is canonical');
  assert.match(hash, /dose=27\.5,4\.5,7,10,13/);
  assert.match(hash, /out=V,S,cscFraction/);
  assert.match(hash, /cont=Ab_c,Ab_p&thr=0\.7999999999999999/);
});

test('hybrid settings: the model default is no key, an empty list is "none", threshold round-trips', () => {
  assert.equal(encodeView({ ...DEFAULT_VIEW, continuous: undefined, threshold: 1000 }), '');
  const none = { ...DEFAULT_VIEW, engine: 'hybrid' as const, continuous: [], threshold: 50 };
  assert.equal(encodeView(none), 'engine=hybrid&cont=none&thr=50');
  assert.deepEqual(decodeView('engine=hybrid&cont=none&thr=50').state, none);
  const d = decodeView('#engine=hybrid&cont=Ab_c,Ab_c,Ab_p&thr=1e6');
  assert.deepEqual(d.errors, []);
  assert.deepEqual(d.state.continuous, ['Ab_c', 'Ab_p']);
  assert.equal(d.state.threshold, 1e6);
  assert.equal(decodeView('').state.continuous, undefined);
});

test('no regimen is "none"; the model\'s own regimen is no key at all', () => {
  const none = { ...DEFAULT_VIEW, regimen: null };
  assert.equal(encodeView(none), 'dose=none');
  assert.equal(decodeView('dose=none').state.regimen, null);
  assert.equal(decodeView('').state.regimen, undefined);
});

test('random states round-trip', () => {
  let x = 12345;
  const rnd = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  for (let i = 0; i < 200; i++) {
    const s: ViewState = {
      ...DEFAULT_VIEW,
      params: rnd() < 0.5 ? {} : { a: rnd() * 10 ** Math.floor(rnd() * 20 - 10), b_2: -rnd() },
      regimen:
        rnd() < 0.3
          ? undefined
          : rnd() < 0.5
            ? null
            : {
                start: Math.floor(rnd() * 100) / 2,
                dose: rnd() * 20,
                every: 0.5 + rnd() * 20,
                count: 1 + Math.floor(rnd() * 50),
              },
      tEnd: rnd() * 500 + 1e-3,
      points: 2 + Math.floor(rnd() * 1000),
      engine: (['ode', 'direct', 'tau-leap', 'hybrid'] as const)[Math.floor(rnd() * 4)]!,
      runs: 1 + Math.floor(rnd() * 5000),
      seed: Math.floor(rnd() * 1e9),
      round: rnd() < 0.5,
      continuous:
        rnd() < 0.4 ? undefined : rnd() < 0.3 ? [] : ['Ab_c', 'X_1'].slice(0, 1 + Math.floor(rnd() * 2)),
      threshold: rnd() < 0.5 ? 1000 : rnd() * 1e5 + 1e-3,
      timing: rnd() < 0.5,
      yScale: rnd() < 0.5 ? 'log' : 'linear',
    };
    const d = decodeView(encodeView(s));
    assert.deepEqual(d.errors, []);
    assert.deepEqual(d.state, s);
  }
});

test('unknown keys are ignored with a warning; known keys still apply', () => {
  const d = decodeView('#t=30&colour=blue&utm_source=x');
  assert.equal(d.state.tEnd, 30);
  assert.deepEqual(d.errors, []);
  assert.deepEqual(d.warnings, ["unknown URL key 'colour' ignored", "unknown URL key 'utm_source' ignored"]);
});

test('bad values are rejected with a message and the default is kept', () => {
  const cases: [string, keyof ViewState, RegExp][] = [
    ['t=abc', 'tEnd', /t: expected a number, got 'abc'/],
    ['t=-5', 'tEnd', /t end: expected a number in \(0/],
    ['t=NaN', 'tEnd', /t: expected a number/],
    ['t=Infinity', 'tEnd', /t: expected a number/],
    ['n=1', 'points', /points: expected an integer from 2/],
    ['n=10.5', 'points', /points: expected an integer/],
    ['runs=0', 'runs', /runs: expected an integer from 1/],
    ['seed=-1', 'seed', /seed: expected an integer from 0/],
    ['engine=euler', 'engine', /engine: expected one of ode, direct, tau-leap, hybrid/],
    ['y=sqrt', 'yScale', /y: expected log or linear/],
    ['round=yes', 'round', /round: expected 0 or 1/],
    ['cont=Ab_c,2x', 'continuous', /cont: not valid ids: 2x/],
    ['cont=,', 'continuous', /cont: expected species ids or none/],
    ['thr=0', 'threshold', /hybrid threshold: expected a number in \(0/],
    ['thr=abc', 'threshold', /thr: expected a number, got 'abc'/],
    ['dose=1,2,3', 'regimen', /dose: expected start,dose,every,count/],
    ['dose=1,10,0,5', 'regimen', /regimen interval: expected days > 0/],
    ['dose=1,10,3.5,2.5', 'regimen', /regimen doses: expected an integer/],
    ['dose=1,-10,3.5,2', 'regimen', /regimen dose: expected mg\/kg >= 0/],
    ['model=<script>', 'model', /model: not a model id/],
    ['out=V,1x', 'outputs', /out: not valid ids: 1x/],
  ];
  for (const [hash, key, re] of cases) {
    const d = decodeView(hash);
    assert.equal(d.errors.length, 1, hash);
    assert.match(d.errors[0]!, re, hash);
    assert.deepEqual(d.state[key], DEFAULT_VIEW[key], hash);
  }
});

test('bad parameter values and ids are rejected, good ones kept', () => {
  const d = decodeView('p.lambdaS=0.5&p.ps0=abc&p.9x=1&p.deltaS=1e400');
  assert.deepEqual(d.state.params, { lambdaS: 0.5 });
  assert.equal(d.errors.length, 3);
  assert.match(d.errors.join('\n'), /ps0: expected a number, got 'abc'/);
  assert.match(d.errors.join('\n'), /'9x': not a valid id/);
  assert.match(d.errors.join('\n'), /deltaS: expected a number, got '1e400'/);
});

test('malformed percent-encoding is an error, not an exception', () => {
  const d = decodeView('t=%E0%A4%A&n=11');
  assert.equal(d.state.points, 11);
  assert.match(d.errors[0]!, /malformed URL component/);
});
