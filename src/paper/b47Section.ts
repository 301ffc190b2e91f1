/**
 * The report section "Confronting NSABP B-47 (virtual trial)": the model beside B-47's published numbers,
 * the Kaplan-Meier figure, the compact scan with claim C4's status in mice, what is input and what is
 * prediction, and the trial's assumptions with their sources (read from src/trial/assumptions.ts).
 */
import { badge, code, figure, list, p, section, strong, table } from '../report/html.js';
import { type Child, hel, type Markup } from '../report/markup.js';
import { assumptionSpecs, B47, type Distribution, populationSpecs } from '../trial/index.js';
import type { B47Confrontation } from './b47.js';
import { b47Facts } from './b47.js';
import { ARM_LABEL, kmFigure, scanFigure } from './b47Figures.js';
import type { FigureData } from './claims/types.js';
import { figureNote, figureSvg } from './figures.js';
import { estimable, f2, hrText, pct, pval, rangeText } from './format.js';
import { trialsSideBySide } from './trialsSection.js';

/** The section's figures (the report also writes their CSVs). */
export function b47Figures(c: B47Confrontation): FigureData[] {
  const scan = scanFigure(c);
  return [kmFigure(c), ...(scan ? [scan] : [])];
}

function comparisonTable(c: B47Confrontation): Markup {
  const a = c.trial.analysis;
  const rows: Record<string, string | number | null>[] = a.arms.map((arm) => ({
    source: 'model',
    arm: ARM_LABEL[arm.arm],
    n: arm.n,
    events: arm.events,
    dfs5: `${pct(arm.dfs5)} (${pct(arm.dfs5Lower)}-${pct(arm.dfs5Upper)})`,
    hr: arm.arm === 'trastuzumab' ? hrText(a.cox) : null,
    p: arm.arm === 'trastuzumab' ? pval(a.cox.p) : null,
  }));
  for (const arm of ['control', 'trastuzumab'] as const)
    rows.push({
      source: 'B-47',
      arm: ARM_LABEL[arm],
      n: null,
      events: null,
      dfs5: pct(B47.dfs5[arm]),
      hr: arm === 'trastuzumab' ? `${B47.hr} (${B47.lower}-${B47.upper})` : null,
      p: arm === 'trastuzumab' ? String(B47.p) : null,
    });
  return table({
    caption: `Virtual trial (${c.trial.patients} patients, seed ${c.trial.seed}) beside ${B47.source}`,
    columns: [
      { key: 'source', label: 'source' },
      { key: 'arm', label: 'arm' },
      { key: 'n', label: 'n' },
      { key: 'events', label: 'events' },
      { key: 'dfs5', label: '5-y invasive DFS % (95% CI)' },
      { key: 'hr', label: 'HR (95% CI)' },
      { key: 'p', label: 'p' },
    ],
    rows,
    note:
      `HR: Cox, trastuzumab vs chemotherapy alone (Wald p); log-rank p ${pval(a.logRank.p)}. B-47 enrolled ` +
      `${B47.patients.toLocaleString('en-US')} patients in both arms; its per-arm sizes and event counts are not in our source notes.`,
  });
}

function scanTable(c: B47Confrontation): Markup | null {
  const s = c.scan;
  if (!s) return null;
  const shares = s.grid.her2Share ?? [];
  const cell = (e: number, h: number): Markup | null => {
    const q = s.points.find((x) => x.values.effectors === e && x.values.her2Share === h);
    if (!q) return null;
    return hel('span', {}, hrText(q.hr), ' ', q.b47 ? badge('pass', 'in B-47 CI') : badge('fail', 'outside'));
  };
  const rows: Record<string, string | Markup | null>[] = (s.grid.effectors ?? []).map((e) => ({
    fc: String(e),
    ...Object.fromEntries(shares.map((h) => [`h${h}`, cell(e, h)])),
  }));
  rows.push({
    fc: 'claim C4 in mice',
    ...Object.fromEntries(
      shares.map((h) => {
        const r = c.c4.find((x) => x.share === h);
        return [`h${h}`, r ? (r.holds ? badge('pass', 'holds') : badge('fail', 'fails')) : null];
      }),
    ),
  });
  return table({
    caption:
      `Model HR (95% CI, as if the arms were independent) over both outcomes of every patient, ${s.patients} patients per point, dormant ` +
      `fraction 0; a cell is B-47-compatible when the model HR lies inside B-47's interval ${B47.lower}-${B47.upper}`,
    columns: [
      { key: 'fc', label: 'Fc activity \\ HER2 share' },
      ...shares.map((h) => ({ key: `h${h}`, label: String(h) })),
    ],
    rows,
  });
}

/** What the scan shows, in words, from its numbers. */
function scanText(c: B47Confrontation): Child[] {
  const f = b47Facts(c);
  if (!f.scan) return [p('The scan was skipped in this run (scan patients 0).')];
  const pts = f.scan.points;
  const label = (v: Readonly<Record<string, number | undefined>>): string =>
    `Fc ${v.effectors}, HER2 share ${v.her2Share}`;
  const comp = pts.filter((q) => q.b47);
  const both = pts.filter((q) => q.b47 && q.c4 !== false);
  const effOf = new Set(comp.map((q) => q.values.effectors));
  const c4Fails = f.c4.filter((x) => !x.holds).map((x) => x.share);
  const byFc = (f.scan.grid.effectors ?? []).map((e) => {
    const h = pts.filter((q) => q.values.effectors === e && estimable(q.hr)).map((q) => q.hr.hr);
    return h.length ? `${e}: ${f2(Math.min(...h))}-${f2(Math.max(...h))}` : `${e}: not estimable`;
  });
  const overlaps = (q: (typeof pts)[number]): boolean =>
    estimable(q.hr) && q.hr.lower <= B47.upper && q.hr.upper >= B47.lower;
  const overlap = pts.filter(overlaps);
  const excluded = (f.scan.grid.effectors ?? []).filter((e) =>
    pts.every((q) => q.values.effectors !== e || (estimable(q.hr) && !overlaps(q))),
  );
  return [
    p(
      `Model HR across HER2 shares, by Fc-receptor activity: ${byFc.join('; ')}. `,
      `${comp.length} of the ${pts.length} points ${comp.length === 1 ? 'has its HR' : 'have their HR'} inside B-47's interval${comp.length ? ` (${comp.map((q) => label(q.values)).join('; ')})` : ''}`,
      comp.length ? `, all with Fc-receptor activity ${[...effOf].join(' or ')}. ` : '. ',
      c4Fails.length
        ? `C4 fails in mice at HER2 share ${c4Fails.join(', ')}, so those columns cannot explain both. `
        : 'C4 holds in mice at every HER2 share scanned, so the mouse claim does not narrow this grid. ',
      `${both.length} point${both.length === 1 ? ' is' : 's are'} compatible with both B-47 and C4.`,
    ),
    p(
      `With ${f.scan.patients} patients per point the model HR is uncertain: ${overlap.length} of the ${pts.length} ` +
        `intervals overlap B-47's (${excluded.length ? `every interval misses it only at Fc activity ${excluded.join(', ')}` : 'at every Fc activity some interval reaches it'}), ` +
        "and points near the edge of B-47's interval can change class with the seed. The full " +
        '48-point scan (HER2 share x dormant ' +
        'fraction x Fc activity, 1,000 patients per point) is ',
      code('cscsim trial b47 --scan'),
      '.',
    ),
  ];
}

function distText(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return String(d.value);
    case 'bernoulli':
      return `Bernoulli(${d.p})`;
    case 'logUniform':
      return `log-uniform ${d.lo.toExponential().replace('e+', 'e')}-${d.hi.toExponential().replace('e+', 'e')}`;
    case 'lognormal':
      return `log-normal, median ${d.median}, sd(log) ${+d.sdLog.toPrecision(3)}`;
  }
}

function assumptionTables(): Markup[] {
  const trial = Object.values(assumptionSpecs).map((s) => ({
    id: s.id,
    value: s.value,
    range: rangeText(s.range),
    unit: s.unit,
    source: s.source,
    description: s.description,
  }));
  const pop = Object.values(populationSpecs).map((s) => ({
    id: s.id,
    distribution: distText(s.dist),
    unit: s.unit,
    source: s.source,
    description: s.description,
  }));
  const cols = (r: Record<string, unknown>) => Object.keys(r).map((k) => ({ key: k, label: k }));
  return [
    table({
      caption: 'Trial-level assumptions (src/trial/assumptions.ts)',
      columns: cols(trial[0]!),
      rows: trial,
    }),
    table({ caption: 'Per-patient distributions', columns: cols(pop[0]!), rows: pop }),
  ];
}

export function b47Section(c: B47Confrontation): Markup {
  const f = b47Facts(c);
  const cal = f.calibration;
  const [km, scanFig] = b47Figures(c);
  const fig = (x: FigureData) =>
    figure(figureSvg(x), `${x.title}. ${figureNote(x) ?? ''} (data: data/${x.id}.csv)`, x.id);
  const verdict = !estimable(f.cox)
    ? 'too few events to compare'
    : f.compatible
      ? "inside B-47's 95% interval"
      : `outside B-47's 95% interval${f.overlaps ? ', though the two intervals overlap' : ', and the two intervals do not overlap'}`;
  return section(
    { title: 'Confronting NSABP B-47 (virtual trial)', id: 'b47' },
    p(
      `${B47.source} randomised ${B47.patients.toLocaleString('en-US')} high-risk HER2-low (IHC 1+/2+, not amplified) ` +
        'patients to adjuvant chemotherapy with or without one year of trastuzumab and found no benefit. If HER2 ' +
        'drives luminal CSCs and trastuzumab right after inoculation blocks xenografts (C4), why not? The virtual ' +
        'trial carries the mouse-calibrated model into patients: each patient draws HER2 (by IHC), trastuzumab PK, ' +
        'self-renewal and cell kinetics, and residual micrometastases after surgery, each simulated as an exact ' +
        "birth-death CSC pool and then the model ODE, under both arms; the analysis is B-47's (Kaplan-Meier, " +
        'log-rank, Cox).',
    ),
    comparisonTable(c),
    list([
      [
        strong('Input: '),
        `the control arm's 5-y invasive DFS is calibrated to B-47's ${pct(B47.dfs5.control)}% by the mean number of ` +
          `micrometastases per patient (${f.micrometMean.toFixed(3)}${cal ? `, from ${cal.pilotPatients} pilot patients, which give ${pct(cal.achieved)}%` : ', given'}); ` +
          `the control arm's ${pct(f.arms.find((x) => x.arm === 'control')?.dfs5 ?? Number.NaN)}% above is that calibration seen through one randomised arm.`,
      ],
      [
        strong('Prediction: '),
        `the hazard ratio. The model gives ${hrText(f.cox)} against B-47's ${B47.hr} (${B47.lower}-${B47.upper}): ${verdict}. ` +
          `Over both outcomes of every patient (each was simulated under both arms) the model's HR is ${hrText(f.counterfactual)}; ` +
          `of ${f.benefit.recurredControl} patients who recur without trastuzumab, it prevents ${f.benefit.prevented} ` +
          `recurrences and delays ${f.benefit.delayed}.`,
      ],
      [
        strong('Follow-up: '),
        `median ${f2(f.medianFollowUpMonths)} months by reverse Kaplan-Meier (B-47: ${B47.medianFollowUpMonths}), met by construction.`,
      ],
    ]),
    km ? fig(km) : null,
    ...trialsSideBySide(c),
    p(
      strong('What decides the answer. '),
      'The model as calibrated on the mouse claims assumes that HER2 provides ',
      `${assumptionSpecs.her2Share.value * 100}% of CSC self-renewal and that patients' Fc-receptor (ADCC/ADCP) ` +
        `effector activity equals a nude mouse's (${assumptionSpecs.effectors.value}). The scan varies both, ` +
        `without dormancy; per HER2 share it also checks claim C4 in mice with the same share.`,
    ),
    scanTable(c),
    scanFig ? fig(scanFig) : null,
    ...scanText(c),
    p(
      strong('Assumptions and sources. '),
      'Every value below is read from the trial engine; "assumed" marks a choice without a source, [recall] a value ' +
        'quoted from memory. The default run is one point of these assumptions: its Fc activity ' +
        `(${assumptionSpecs.effectors.value}) and HER2 share (${assumptionSpecs.her2Share.value}) are mouse values ` +
        'carried over, not measured in patients, which is why the scan above matters more than the default HR.',
    ),
    ...assumptionTables(),
    p(`Trial and scan: ${c.seconds.toFixed(1)} s.`),
  );
}
