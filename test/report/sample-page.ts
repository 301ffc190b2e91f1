/**
 * Writes a two-page sample report with every chart and page element, for looking at as a person would:
 *   npx tsx test/report/sample-page.ts /tmp/cscsim-sample
 *   chromium --headless --screenshot=/tmp/x.png --window-size=1200,900 file:///tmp/cscsim-sample/index.html
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  badge,
  code,
  definitionList,
  figure,
  link,
  list,
  p,
  page,
  section,
  strong,
  table,
} from '../../src/report/html.js';
import { barChart, lineChart, pairedChart, stepChart } from '../../src/report/svg/index.js';
import { boneHer2, cellCounts, cscBars, survival, tumorGrowth } from './fixtures.js';

const out = process.argv[2] ?? '/tmp/cscsim-sample';
mkdirSync(out, { recursive: true });
const nav = (current: string) => [
  { href: 'index.html', text: 'Summary', current: current === 'index' },
  { href: 'trial.html', text: 'Virtual trial', current: current === 'trial' },
];
const footer = [
  'cscsim 0.1.0 · sample report · ',
  link('https://doi.org/10.1158/0008-5472.CAN-12-3349', 'Ithimakin et al. 2013'),
];

const index = page(
  {
    title: 'cscsim reproduction report',
    subtitle: 'Ithimakin et al., Cancer Res 2013 — sample data',
    nav: nav('index'),
    footer,
  },
  section(
    'Summary',
    p(
      'Each claim of the paper is run as an experiment and checked against a criterion. ',
      strong('3 of 4'),
      ' pass.',
    ),
    table({
      caption: 'Claims',
      columns: [
        { key: 'id', label: 'Claim' },
        { key: 'what', label: 'Statement' },
        { key: 'observed', label: 'Observed', format: 3 },
        { key: 'threshold', label: 'Criterion' },
        { key: 'n', label: 'Mice' },
        { key: 'status', label: 'Status', align: 'center' },
      ],
      rows: [
        {
          id: 'C2',
          what: 'Trastuzumab lowers the ALDH+ fraction in luminal lines',
          observed: 0.4634,
          threshold: '< 0.8',
          n: 12,
          status: badge('pass'),
        },
        {
          id: 'C3',
          what: 'No effect on established xenografts',
          observed: 0.9712,
          threshold: '≥ 0.8',
          n: 200,
          status: badge('pass'),
        },
        {
          id: 'C4',
          what: 'Adjuvant trastuzumab blocks growth',
          observed: 0.0213,
          threshold: '< 0.2',
          n: 200,
          status: badge('pass'),
        },
        {
          id: 'C6',
          what: 'HER2 higher in bone than fat pad',
          observed: 1.0412,
          threshold: '> 1.5',
          n: null,
          status: badge('fail'),
        },
      ],
      note: 'Observed: ratio of treated to control (C2–C4) or bone to fat pad (C6). — marks a value not measured.',
    }),
  ),
  section(
    'C3 and C4: timing of trastuzumab',
    definitionList([
      { term: 'Experiment', details: 'ZR75-1 xenografts, 10 mg/kg i.p. twice weekly from day 1 or day 28' },
      { term: 'Criterion', details: ['C3: V(70) treated / control ≥ 0.8; C4: < 0.2 ', badge('pass')] },
      { term: 'Seed', details: code('cscsim reproduce --seed 42') },
    ]),
    figure(lineChart(tumorGrowth), [
      strong('Figure 1. '),
      'Simulated tumor volume. Shading: treatment windows; dashed: endpoint. Values that reach 0 are not shown on the log axis (see note).',
    ]),
    figure(
      lineChart(cellCounts),
      'Figure 2. Cell counts on a linear axis with exponent labels; a lone observation is drawn as a dot.',
    ),
  ),
  section(
    'C2: CSC fraction',
    figure(barChart(cscBars), 'Figure 3. ALDH+ fraction, mean ± sd of 3 wells. n/a: not measured.'),
  ),
  section(
    'C8: HER2 in bone metastases',
    figure(pairedChart(boneHer2), 'Figure 4. HER2 per patient, primary vs matched bone metastasis.'),
    list(['Lines: one patient each', 'Dashed: lower in bone']),
  ),
);

const trial = page(
  {
    title: 'Virtual adjuvant trial',
    subtitle: 'NSABP B-47-like population, sample numbers',
    nav: nav('trial'),
    footer,
  },
  section(
    'Survival',
    figure(stepChart(survival), 'Figure 5. Kaplan-Meier estimate with 95% band; ticks: censored.'),
  ),
  section(
    { title: 'Hazard ratios', level: 3 },
    table({
      columns: [
        { key: 'endpoint', label: 'Endpoint' },
        { key: 'hr', label: 'HR', format: 2 },
        { key: 'lo', label: '95% CI low', format: 2 },
        { key: 'hi', label: '95% CI high', format: 2 },
        { key: 'p', label: 'p' },
      ],
      rows: [
        { endpoint: 'invasive DFS', hr: 0.98, lo: 0.76, hi: 1.25, p: 0.85 },
        { endpoint: 'distant RFI', hr: 1.1, lo: 0.81, hi: 1.5, p: 0.000012345 },
      ],
    }),
    p('Back to the ', link('index.html#c3-and-c4-timing-of-trastuzumab', 'timing experiment'), '.'),
  ),
);

writeFileSync(join(out, 'index.html'), index);
writeFileSync(join(out, 'trial.html'), trial);
console.log(`wrote ${join(out, 'index.html')} and trial.html`);
