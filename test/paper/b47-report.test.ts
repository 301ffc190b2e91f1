/**
 * The B-47 section of the reproduction report: present with its table, figures, CSVs and JSON when the report
 * is given a (small) trial, absent with `--no-trial`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { confrontB47 } from '../../src/paper/b47.js';
import { kmFigure } from '../../src/paper/b47Figures.js';
import { b47Figures } from '../../src/paper/b47Section.js';
import type { ClaimResult } from '../../src/paper/claims/types.js';
import { figureCsv } from '../../src/paper/figures.js';
import { writeReport } from '../../src/paper/report.js';
import { cli } from '../helpers/cli.js';

const claim: ClaimResult = {
  id: 'C1',
  title: 'a claim',
  criterion: 'c',
  status: 'pass',
  value: 1,
  details: '',
  figures: [],
};

/** The part of the page between the B-47 section's opening tag and the next section. */
function b47Part(html: string): string | null {
  const at = html.indexOf('<section id="b47"');
  if (at < 0) return null;
  const end = html.indexOf('<section', at + 1);
  return html.slice(at, end < 0 ? undefined : end);
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cscsim-b47-report-'));

test('a small trial and scan give the section: table beside B-47, KM and scan SVGs, CSVs, JSON', async () => {
  const lines: string[] = [];
  const c = await confrontB47(
    {
      patients: 120,
      scanPatients: 40,
      grid: { her2Share: [0.5], dormantFraction: [0], effectors: [0, 1] },
    },
    { seed: 3, workers: 1, progress: (l) => lines.push(l) },
  );
  assert.ok(
    lines.some((l) => /^B-47 trial: 120\/120 patients$/.test(l)),
    lines.join('\n'),
  );
  assert.ok(lines.some((l) => /^B-47 scan: 2\/2 points/.test(l)));
  assert.deepEqual(
    c.c4.map((x) => x.share),
    [0.5],
  );
  const dir = tmp();
  writeReport(dir, { results: [claim], robustness: [], seed: 3, seconds: 1, trial: c });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const part = b47Part(html);
  assert.ok(part, 'B-47 section present');
  assert.match(part, /Confronting NSABP B-47 \(virtual trial\)/);
  assert.match(part, /<table/);
  assert.equal(part.match(/<svg/g)?.length, 3, 'KM, forest and scan figures');
  assert.match(part, /The trials side by side/);
  assert.match(part, /NSABP B-31 \+ NCCTG N9831/);
  assert.ok(existsSync(join(dir, 'data', 'trials-forest.csv')));
  assert.equal(c.forest.length, 1 + 3 + 3 + 3, 'rows: b31n9831, then each HER2-low trial and its two strata');
  assert.match(part, /0\.98 \(0\.76-1\.25\)/);
  assert.match(part, /claim C4 in mice/);
  assert.match(part, /her2Share/, 'assumptions table read from assumptionSpecs');
  assert.match(part, /cscsim trial b47 --scan/);
  // The claims come before the trial, the summary mentions it.
  assert.ok(html.indexOf('id="c1"') < html.indexOf('id="b47"'));
  assert.match(html, /Virtual NSABP B-47: <\/strong>with the mouse-calibrated model, 120 virtual patients/);

  for (const f of b47Figures(c)) {
    const csv = readFileSync(join(dir, 'data', `${f.id}.csv`), 'utf8');
    assert.equal(csv, figureCsv(f));
    assert.ok(csv.trim().split('\n').length > 2, f.id);
  }
  const outcomes = readFileSync(join(dir, 'data', 'b47-outcomes.csv'), 'utf8')
    .trim()
    .split('\n');
  assert.equal(outcomes.length, 241, 'one row per patient and arm');

  const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8'));
  assert.equal(json.claims.length, 1);
  assert.equal(json.trial.patients, 120);
  assert.equal(json.trial.arms.length, 2);
  assert.equal(json.trial.published.hr, 0.98);
  assert.equal(json.trial.scan.points.length, 2);
  assert.ok(json.trial.compatible === null || typeof json.trial.compatible === 'boolean');
  assert.equal(json.trial.arms[0].km, undefined, 'curves stay in the CSV');
});

test('without a trial the report has no B-47 section and claims.json says null', () => {
  const dir = tmp();
  writeReport(dir, { results: [claim], robustness: [], seed: 1, seconds: 1, trial: null });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.equal(b47Part(html), null);
  assert.match(html, /Virtual NSABP B-47: <\/strong>not run/);
  assert.equal(JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')).trial, null);
  assert.ok(!existsSync(join(dir, 'data', 'b47-km.csv')));
});

test('cscsim reproduce runs the trial by default (sizes from the options) and --no-trial omits it', async () => {
  const base = ['reproduce', '--claims', 'C7', '--sets', '0', '--workers', '1'];
  const withDir = tmp();
  const on = await cli(...base, '--trial-patients', '60', '--scan-patients', '0', '--out', withDir);
  assert.equal(on.code, 0, on.err);
  assert.match(on.out, /^B-47: with the mouse-calibrated model, 60 virtual patients/m);
  const part = b47Part(readFileSync(join(withDir, 'index.html'), 'utf8'));
  assert.ok(part);
  assert.match(part, /scan was skipped/);
  assert.equal(part.match(/<svg/g)?.length, 2, 'KM and forest');

  const offDir = tmp();
  const off = await cli(...base, '--no-trial', '--out', offDir);
  assert.equal(off.code, 0, off.err);
  assert.doesNotMatch(off.out, /B-47/);
  assert.equal(b47Part(readFileSync(join(offDir, 'index.html'), 'utf8')), null);

  const bad = await cli(...base, '--scan-patients', '-1', '--out', offDir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--scan-patients: expected at least 0/);
});

test('KM figure: starts at (0, 1), keeps only event times and the last time, curves never rise', async () => {
  const c = await confrontB47({ patients: 150, scanPatients: 0 }, { seed: 5, workers: 1 });
  assert.equal(c.scan, null);
  assert.deepEqual(c.c4, []);
  const km = kmFigure(c);
  c.trial.analysis.arms.forEach((arm, k) => {
    const s = km.series[k]!;
    assert.equal(s.t[0], 0);
    assert.equal(s.s[0], 1);
    const eventTimes = Array.from(arm.km.nEvent).filter((e) => e > 0).length;
    assert.ok(s.t.length <= eventTimes + 2 && s.t.length >= eventTimes + 1, `${s.t.length} vs ${eventTimes}`);
    for (let i = 1; i < s.s.length; i++) assert.ok(s.s[i]! <= s.s[i - 1]! && s.t[i]! >= s.t[i - 1]!);
    assert.equal(s.s.at(-1), arm.km.surv.at(-1));
  });
});
