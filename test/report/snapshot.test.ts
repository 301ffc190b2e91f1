/**
 * Snapshot tests for rendered SVG (as Observable Plot's test/output). Rendering is deterministic, so any
 * change to the markup shows up here; review the diff, then refresh with
 * `UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/report/snapshot`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { barChart, lineChart, pairedChart, stepChart } from '../../src/report/svg/index.js';
import { boneHer2, cellCounts, cscBars, survival, tumorGrowth } from './fixtures.js';

const dir = fileURLToPath(new URL('./snapshots/', import.meta.url));
const update = process.env.UPDATE_SNAPSHOTS === '1';

const cases: Record<string, () => string> = {
  'line-log-bands': () => lineChart(tumorGrowth),
  'line-linear-large': () => lineChart(cellCounts),
  'bar-grouped': () => barChart(cscBars),
  'paired-primary-bone': () => pairedChart(boneHer2),
  'step-survival': () => stepChart(survival),
  'line-empty': () =>
    lineChart({
      title: 'No runs yet',
      x: { label: 'Days' },
      y: { label: 'Volume' },
      width: 320,
      height: 200,
    }),
};

for (const [name, render] of Object.entries(cases)) {
  test(`snapshot: ${name}`, () => {
    const file = `${dir}${name}.svg`;
    const svg = `${render()}\n`;
    if (update) {
      writeFileSync(file, svg);
      return;
    }
    assert.ok(existsSync(file), `missing snapshot ${file}; create it with UPDATE_SNAPSHOTS=1`);
    const expected = readFileSync(file, 'utf8');
    if (svg === expected) return;
    // Point at the first difference rather than printing two long one-line documents.
    let i = 0;
    while (i < svg.length && svg[i] === expected[i]) i++;
    const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
    assert.fail(
      `${name}: rendering changed at offset ${i}\n  got:      ${around(svg)}\n  expected: ${around(expected)}\n` +
        'review the change, then refresh with UPDATE_SNAPSHOTS=1',
    );
  });
}
