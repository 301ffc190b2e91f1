/**
 * The grouped jackknife's Monte Carlo error of the expected (both-arm) HR against the spread it claims to
 * estimate: the standard deviation of log HR over many independent cohorts of the same synthetic population,
 * whose outcomes under the two arms are strongly paired (one frailty and one uniform per patient), as the
 * virtual trial's are. The Cox interval, which treats the arms as independent, is far wider than that spread.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../../src/random/rng.js';
import { analyse } from '../../src/trial/analysis.js';
import { GroupedOutcomes } from '../../src/trial/jackknife.js';
import type { PatientOutcome } from '../../src/trial/outcome.js';
import { SummaryAccumulator } from '../../src/trial/summary.js';

const HR = 0.7;
const CENSOR = 3650;

/** Patient i of cohort c: control recurrence ~ Exp(rate 1e-4 x frailty); under trastuzumab the same draw at HR. */
function patient(c: number, i: number): PatientOutcome {
  const rng = stream(1234 + c, i);
  const frailty = -Math.log(rng.uniform()) * 2;
  const e = -Math.log(rng.uniform());
  const rate = 1e-4 * frailty;
  return {
    index: i,
    arm: rng.uniform() < 0.5 ? 'control' : 'trastuzumab',
    stratum: 's',
    ihc: 1,
    her2Base: 1,
    micromets: 1,
    dormant: 0,
    censorDay: CENSOR,
    backgroundDay: Number.POSITIVE_INFINITY,
    recurrence: { control: e / rate, trastuzumab: e / (rate * HR) },
  };
}

test('jackknife standard error of the expected log HR matches its spread over independent cohorts', () => {
  const cohorts = 200;
  const n = 300;
  const logHr: number[] = [];
  const se: number[] = [];
  const coxSe: number[] = [];
  for (let c = 0; c < cohorts; c++) {
    const acc = new SummaryAccumulator();
    const groups = new GroupedOutcomes();
    for (let i = 0; i < n; i++) {
      const o = patient(c, i);
      acc.push(o);
      groups.push(o);
    }
    const summary = acc.summary();
    const h = analyse(summary).counterfactual;
    logHr.push(Math.log(h.hr));
    se.push(groups.logSe(summary));
    coxSe.push(Math.log(h.upper / h.lower) / 3.92);
  }
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const m = mean(logHr);
  const sd = Math.sqrt(logHr.reduce((s, v) => s + (v - m) ** 2, 0) / (cohorts - 1));
  const rms = Math.sqrt(mean(se.map((v) => v * v)));
  // The sd over 200 cohorts is itself known to about 5%, the jackknife's rms over 200 cohorts better.
  assert.ok(Math.abs(rms / sd - 1) < 0.15, `jackknife rms ${rms.toFixed(4)} against spread ${sd.toFixed(4)}`);
  assert.ok(
    mean(coxSe) > 2 * sd,
    `independent-arm Cox se ${mean(coxSe).toFixed(4)} against spread ${sd.toFixed(4)}`,
  );
  assert.ok(Math.abs(m - Math.log(HR)) < 3 * sd, `mean log HR ${m} against ${Math.log(HR)}`);
});

test('jackknife needs two groups and reports NaN when a deletion leaves too few events', () => {
  assert.throws(() => new GroupedOutcomes(1), /groups/);
  const acc = new SummaryAccumulator();
  const groups = new GroupedOutcomes(2);
  for (let i = 0; i < 8; i++) {
    // Every event in group 0 (even indices): deleting it leaves none.
    const o = patient(0, i);
    const r = i % 2 === 0 ? { control: 10 + i, trastuzumab: 20 + i } : { control: 1e9, trastuzumab: 1e9 };
    const p = { ...o, recurrence: r };
    acc.push(p);
    groups.push(p);
  }
  const s = acc.summary();
  assert.ok(Number.isFinite(analyse(s).counterfactual.hr));
  assert.ok(Number.isNaN(groups.logSe(s)));
});
