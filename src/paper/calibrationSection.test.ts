import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CalibrationSummary } from './calibrationSection.js';
import { summary, writeReport } from './report.js';

const calibration: CalibrationSummary = {
  budget: {
    particles: 100,
    maxGenerations: 3,
    generations: { mouse: 3, all: 2 },
    finalEpsilon: { mouse: 1.5, all: 2.5 },
    evaluations: { mouse: 900, all: 700 },
    trialStep: 'reweight',
    ess: { mouse: 80, all: 12 },
    distinct: { mouse: 80, all: 30 },
    moves: 5,
    trialSimulations: 140,
    screen: { trajectories: 10, threshold: 0.1 },
    refreshed: { hierarchy: ['CL', 'V1'] },
    screenEvaluations: 310,
    draws: 50,
    trialPatients: 400,
    seconds: 12,
  },
  variants: [
    { id: 'hierarchy', rationale: 'today', citation: 'Michor 2005', p_mouse: 0.7, p_all: 0.2 },
    { id: 'plasticity', rationale: 'back to CSC', citation: 'Gupta 2011', p_mouse: 0.3, p_all: 0.8 },
  ],
  trials: [
    {
      id: 'b47',
      published: { hr: 0.98, lower: 0.76, upper: 1.25 },
      predicted_mouse: { median: 0.4, lower: 0.2, upper: 0.7 },
      predicted_all: { median: 0.9, lower: 0.7, upper: 1.1 },
    },
  ],
  claims: [{ id: 'C3', posterior: 0.25, posterior_all: 0.5 }],
  next_experiments: [{ id: 'start-day-14', description: 'trastuzumab from day 14', score: 0.31 }],
};

test('report: the calibration section opens the report; claims.json carries it and each claim its posterior', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-cal-'));
  try {
    const results = [
      {
        id: 'C3',
        title: 't',
        criterion: 'c',
        status: 'fail' as const,
        value: 0.5,
        details: 'd',
        figures: [],
      },
    ];
    const input = { results, robustness: [], seed: 1, seconds: 1, calibration };
    writeReport(dir, input);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(html.indexOf('confronted with the evidence') < html.indexOf('id="claims"'));
    for (const s of ['hierarchy 70%', 'plasticity 80%', 'b47 HR 0.40 (0.20-0.70)', 'trastuzumab from day 14'])
      assert.ok(html.includes(s), s);
    const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8'));
    assert.deepEqual(json.calibration.variants[1].p_all, 0.8);
    assert.equal(json.claims[0].posterior, 0.25);
    assert.match(readFileSync(join(dir, 'data', 'calibration-forest.csv'), 'utf8'), /b47 \(mouse\)/);
    assert.equal('calibration' in summary({ ...input, calibration: null }), false);
    assert.ok(!html.includes('posterior is degenerate'));
    const thin = { ...calibration, budget: { ...calibration.budget, ess: { mouse: 1.3, all: 1.3 } } };
    writeReport(dir, { ...input, calibration: thin });
    assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes('posterior is degenerate'));
    // A healthy mouse step that the trials reduce to one particle: a conflict of evidence, said as such.
    const conflict = {
      ...calibration,
      budget: {
        ...calibration.budget,
        ess: { mouse: 100, all: 1 },
        distinct: { mouse: 90, all: 1 },
        bestTrialZ: { b47: -5.3 },
      },
      next_experiments: [
        { id: 'start-day-14', description: 'trastuzumab from day 14', score: 0, parameter_score: 0.42 },
      ],
    };
    writeReport(dir, { ...input, calibration: conflict });
    const text = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(text.includes('The trials contradict the mouse posterior') && text.includes('5.3 sd from b47'));
    assert.ok(!text.includes('posterior is degenerate'));
    assert.ok(text.includes('scores 0 nats') && !text.includes('most informative next experiment'));
    assert.ok(text.includes('the most informative is trastuzumab from day 14 (0.42 nats)'));
    // Few particles, but the best within 3 sd of every trial: a narrow region, not a conflict; the trial
    // assumptions' posterior stated.
    const narrow = {
      ...conflict,
      budget: { ...conflict.budget, ess: { mouse: 100, all: 3.9 }, bestTrialZ: { b47: -1.7, b31n9831: 0.4 } },
      trial_parameters: [
        { variant: 'patient-fc', id: 'effectors', median: 0.031, lower: 0.012, upper: 0.05 },
      ],
    };
    writeReport(dir, { ...input, calibration: narrow });
    const text3 = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(text3.includes('single out a narrow region') && text3.includes('1.7 sd from b47'));
    assert.ok(!text3.includes('contradict') && text3.includes('effectors (patient-fc) 0.031 (0.012-0.050)'));
    assert.ok(!text3.includes('common random numbers'));
    // The full budget's noise controls are stated.
    const controlled = {
      ...narrow,
      budget: { ...narrow.budget, trialDraws: 20, commonCohorts: true, trialAdaptive: true },
    };
    writeReport(dir, { ...input, calibration: controlled });
    const text4 = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(text4.includes('split into 20 copies') && text4.includes('population Monte Carlo'));
    assert.ok(text4.includes('same virtual cohort per trial (common random numbers)'));
    // Tempered trials: a healthy final population, no conflict note, the temperatures stated.
    const tempered = {
      ...calibration,
      budget: {
        ...calibration.budget,
        trialStep: 'temper' as const,
        temperatures: 7,
        ess: { mouse: 100, all: 100 },
      },
    };
    writeReport(dir, { ...input, calibration: tempered });
    const html2 = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(html2.includes('tempered in') && html2.includes('7 temperatures'));
    assert.ok(!html2.includes('contradict') && !html2.includes('posterior is degenerate'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
