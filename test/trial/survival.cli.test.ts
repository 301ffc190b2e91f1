/** `cscsim survival` end to end (in process): the summary, --json, and exit 2 naming file, line and column. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-survival-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// R's aml data; R: survdiff chisq 3.3963886989776, coxph HR 2.49810532617214 (0.915907257436408-6.8134957660633).
const times = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45];
const events = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1];
const arm = (i: number): string => (i < 11 ? 'Maintained' : 'Nonmaintained');
const aml = `id,weeks,died,arm\n${times.map((t, i) => `${i + 1},${t},${events[i]},${arm(i)}`).join('\n')}\n`;

test('prints n, events, median (95% CI) per arm, the log-rank test and the Cox HR', async () => {
  const r = await cli(
    'survival',
    file('aml.csv', aml),
    '--time',
    'weeks',
    '--status',
    'died',
    '--group',
    'arm',
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /23 subjects, 18 events/);
  assert.match(r.out, /Maintained\s+11\s+7\s+31\s+\(18, NA\)/);
  assert.match(r.out, /Nonmaintained\s+12\s+11\s+23\s+\(8, NA\)/);
  assert.match(r.out, /log-rank test: chisq = 3\.396 on 1 df, p = 0\.06534/);
  assert.match(r.out, /Nonmaintained: HR 2\.498 \(95% CI 0\.9159-6\.813\), p = 0\.07371/);
});

test('--json gives the numbers at full precision; --reference and --ties are honoured', async () => {
  const args = ['survival', file('aml2.csv', aml), '--time', 'weeks', '--status', 'died', '--group', 'arm'];
  const r = await cli(...args, '--json', '--reference', 'Nonmaintained', '--ties', 'breslow');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.n, 23);
  assert.deepEqual(
    j.groups.map((g: { group: string }) => g.group),
    ['Maintained', 'Nonmaintained'],
  );
  assert.equal(j.groups[1].km.std_err.at(-1), null, 'Infinity (S = 0) is null in JSON');
  assert.ok(Math.abs(j.log_rank.chisq - 3.3963886989776) < 1e-12);
  assert.equal(j.cox.ties, 'breslow');
  assert.equal(j.cox.reference, 'Nonmaintained');
  // R: coxph(..., ties = 'breslow') coef 0.9042197236857 for Nonmaintained vs Maintained; reversed here.
  assert.ok(Math.abs(j.cox.terms[0].coef + 0.9042197236857) < 1e-10, String(j.cox.terms[0].coef));
  assert.equal(j.cox.terms[0].group, 'Maintained');
});

test('without --group: one curve, no tests', async () => {
  const r = await cli('survival', file('aml3.csv', aml), '--time', 'weeks', '--status', 'died');
  assert.equal(r.code, 0, r.err);
  // R: survfit(Surv(time, status) ~ 1, aml): median 27, 0.95 LCL 18, UCL 45
  assert.match(r.out, /all\s+23\s+18\s+27\s+\(18, 45\)/);
  assert.doesNotMatch(r.out, /log-rank|Cox/);
});

test('bad files and usage exit 2 and say where', async () => {
  const bad = file('bad.csv', 'weeks,died,arm\n9,1,A\n13,x,B\n');
  let r = await cli('survival', bad, '--time', 'weeks', '--status', 'died', '--group', 'arm');
  assert.equal(r.code, 2);
  assert.match(
    r.err,
    /bad\.csv: line 3, column 2 \('died'\): expected status 1 \(event\) or 0 \(censored\), got "x"/,
  );
  r = await cli(
    'survival',
    file('neg.csv', 'weeks,died\n9,1\n-1,0\n'),
    '--time',
    'weeks',
    '--status',
    'died',
  );
  assert.equal(r.code, 2);
  assert.match(r.err, /neg\.csv: line 3, column 1 \('weeks'\): expected a finite time >= 0, got "-1"/);
  r = await cli(
    'survival',
    file('ragged.csv', 'weeks,died\n9,1\n10\n'),
    '--time',
    'weeks',
    '--status',
    'died',
  );
  assert.equal(r.code, 2);
  assert.match(r.err, /ragged\.csv: line 3: expected 2 fields/);
  r = await cli('survival', bad, '--time', 'days', '--status', 'died');
  assert.equal(r.code, 2);
  assert.match(r.err, /no column 'days' in the header; columns are: weeks, died, arm/);
  r = await cli('survival', join(dir, 'missing.csv'), '--time', 'weeks', '--status', 'died');
  assert.equal(r.code, 2);
  assert.match(r.err, /missing\.csv: cannot read/);
  r = await cli('survival', bad, '--status', 'died');
  assert.equal(r.code, 2);
  assert.match(r.err, /--time and --status are required/);
  const ok = file('ok.csv', aml);
  r = await cli('survival', ok, '--time', 'weeks', '--status', 'died', '--group', 'arm', '--reference', 'X');
  assert.equal(r.code, 2);
  assert.match(r.err, /--reference: 'X' is not a group/);
  r = await cli('survival', ok, '--time', 'weeks', '--status', 'died', '--ties', 'exact');
  assert.equal(r.code, 2);
});
