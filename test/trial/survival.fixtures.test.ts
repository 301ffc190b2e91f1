/**
 * Every number R's survival 3.5.3 printed for the shared fixtures (../shared/survival-fixtures, made with
 * survfit, survdiff and coxph on aml, colon, lung, ovarian and synthetic trials) against ours. R printed 15
 * significant digits; agreement is asked to a relative 1e-8 for every number (the worst measured is 2e-10,
 * the Wald p-value 1.8e-61 of the large trial, where a relative change e of z moves p by ~z^2 e = 270 e;
 * everything else agrees to 3e-12 or better). NA in R (null in
 * JSON) must be NaN or null here, Inf must be Infinity.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  type CoxResult,
  coxTwoGroup,
  type KaplanMeier,
  kaplanMeierByGroup,
  logRank,
} from '../../src/trial/survival/index.js';
import { sharedFixture } from '../helpers/fixtures.js';

const REL = 1e-8;

type Num = number | string | null;
interface Cox {
  reference_group: string;
  coef: Num;
  se: Num;
  hr: Num;
  lower: Num;
  upper: Num;
  p_wald: Num;
  loglik: Num[];
  score_test: Num;
}
interface Fixture {
  name: string;
  conf_level: number;
  km_conf_type: string;
  data: { time: number[]; status: number[]; group: string[] };
  km: Record<string, Record<string, Num[] | Num>>;
  logrank: { chisq: Num; df: number; p: Num; observed: Num[]; expected: Num[]; groups: string[] };
  cox_efron: Cox;
  cox_breslow: Cox;
}

/** R's value as a number: null (NA) -> NaN, "Infinity" -> Infinity. */
function rValue(v: Num): number {
  if (v === null) return Number.NaN;
  if (typeof v === 'string') return Number(v);
  return v;
}

let checked = 0;
function close(actual: number | null, expected: Num, rel: number, where: string): void {
  checked++;
  const e = rValue(expected);
  const a = actual === null ? Number.NaN : actual;
  if (Number.isNaN(e) || !Number.isFinite(e)) {
    assert.ok(Object.is(a, e), `${where}: expected ${e} (R), got ${a}`);
    return;
  }
  const err = Math.abs(a - e);
  assert.ok(
    err <= rel * Math.max(Math.abs(e), Math.abs(a)) + 1e-300,
    `${where}: R ${e}, ours ${a} (|diff| ${err})`,
  );
}

function closeAll(actual: ArrayLike<number>, expected: Num[], rel: number, where: string): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], rel, `${where}[${i}]`);
}

function checkKm(km: KaplanMeier, r: Record<string, Num[] | Num>, where: string): void {
  const pairs: [keyof KaplanMeier, string][] = [
    ['time', 'time'],
    ['nRisk', 'n_risk'],
    ['nEvent', 'n_event'],
    ['nCensor', 'n_censor'],
    ['surv', 'surv'],
    ['stdErr', 'std_err'],
    ['lower', 'lower'],
    ['upper', 'upper'],
  ];
  for (const [ours, theirs] of pairs)
    closeAll(km[ours] as Float64Array, r[theirs] as Num[], REL, `${where}.${theirs}`);
  close(km.median, r.median as Num, REL, `${where}.median`);
}

function checkCox(c: CoxResult, r: Cox, where: string): void {
  close(c.coef[0], r.coef, REL, `${where}.coef`);
  close(c.se[0], r.se, REL, `${where}.se`);
  close(c.hr[0], r.hr, REL, `${where}.hr`);
  close(c.lower[0], r.lower, REL, `${where}.lower`);
  close(c.upper[0], r.upper, REL, `${where}.upper`);
  close(c.pWald[0], r.p_wald, REL, `${where}.p_wald`);
  closeAll(c.loglik, r.loglik, REL, `${where}.loglik`);
  close(c.scoreTest, r.score_test, REL, `${where}.score_test`);
  assert.equal(c.converged, true, `${where}: converged`);
}

const fixture = sharedFixture(
  'survival-fixtures',
  "R's survival output (test/trial/survival.fixtures.test.ts)",
);
const DIR = fixture.dir;
if (fixture.skip) {
  test('survival fixtures from R', { skip: fixture.skip }, () => {});
} else {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  test('the fixtures folder holds the R output files', () => assert.ok(files.length >= 9, files.join(', ')));
  for (const file of files) {
    const fx = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
    const { time, status, group } = fx.data;
    describe(`${fx.name} (${time.length} subjects)`, () => {
      test('Kaplan-Meier per group: every time, count, estimate, error, limit and median', () => {
        assert.equal(fx.km_conf_type, 'log');
        const km = kaplanMeierByGroup(time, status, group, { confLevel: fx.conf_level });
        assert.deepEqual([...km.keys()], Object.keys(fx.km));
        for (const [g, r] of Object.entries(fx.km)) checkKm(km.get(g)!, r, `${fx.name}.km.${g}`);
      });
      test('log-rank: chisq, df, p, observed and expected', () => {
        const lr = logRank(time, status, group);
        assert.deepEqual(lr.groups, fx.logrank.groups);
        assert.equal(lr.df, fx.logrank.df);
        close(lr.chisq, fx.logrank.chisq, REL, `${fx.name}.logrank.chisq`);
        close(lr.p, fx.logrank.p, REL, `${fx.name}.logrank.p`);
        closeAll(lr.observed, fx.logrank.observed, REL, `${fx.name}.logrank.observed`);
        closeAll(lr.expected, fx.logrank.expected, REL, `${fx.name}.logrank.expected`);
      });
      for (const ties of ['efron', 'breslow'] as const) {
        test(`Cox (${ties}): coef, se, HR and limits, Wald p, log-likelihoods, score test`, () => {
          const r = ties === 'efron' ? fx.cox_efron : fx.cox_breslow;
          const c = coxTwoGroup(time, status, group, r.reference_group, { ties, confLevel: fx.conf_level });
          checkCox(c, r, `${fx.name}.cox_${ties}`);
        });
      }
    });
  }
  test('every R number was compared', () => assert.ok(checked > 10000, `${checked} numbers`));
}
