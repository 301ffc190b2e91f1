/**
 * The trials side by side, inside the B-47 section: HER2-positive B-31/N9831, its two HER2-negative
 * central-testing subgroups and B-47, each at its published size under the mouse-calibrated model; the
 * forest figure (model HR beside published HR for every trial and HER2 subgroup) and, per trial, the
 * scan's verdict (which points of Fc activity x HER2 share put the model HR inside the published interval).
 */
import { figure, p, strong, table } from '../report/html.js';
import type { Markup } from '../report/markup.js';
import { forestSvg } from '../trial/index.js';
import { type B47Confrontation, b47Facts } from './b47.js';
import { f2, hrText } from './format.js';

type Verdict = NonNullable<ReturnType<typeof b47Facts>['b47Scan']>;

const pointText = (v: Readonly<Record<string, number | undefined>>): string =>
  `Fc ${v.effectors}, HER2 share ${v.her2Share}`;

function verdictText(v: Verdict | null): string {
  if (!v) return 'scan skipped';
  const range = v.range ? `model HR ${f2(v.range[0]!)}-${f2(v.range[1]!)}; ` : '';
  return `${range}${v.inside.length} of ${v.points} points inside${v.inside.length ? ` (${v.inside.map(pointText).join('; ')})` : ''}`;
}

export function trialsSideBySide(c: B47Confrontation): Markup[] {
  if (c.others.length === 0) return [];
  const f = b47Facts(c);
  const rows = [
    ...f.others.map((o) => ({
      trial: o.name,
      patients: o.patients,
      published: `${o.published.hr} (${o.published.lower}-${o.published.upper})`,
      model: hrText(o.cox),
      scan: verdictText(o.scan),
    })),
    {
      trial: c.trial.design.name,
      patients: c.trial.patients,
      published: `${f.published.hr} (${f.published.lower}-${f.published.upper})`,
      model: hrText(f.cox),
      scan: verdictText(f.b47Scan),
    },
  ];
  const her2pos = f.others.find((o) => o.id === 'b31n9831');
  return [
    p(
      strong('The trials side by side. '),
      "HER2-positive patients come from the same model with the amplified line's HER2 (BT474-like gene copy ratio 8 " +
        'and bulk drive); the central-testing subgroups of B-31 and N9831 (locally positive, centrally HER2-negative) ' +
        "are drawn like B-47's HER2-low patients. Each trial is calibrated to its own control-arm DFS (an input) and " +
        'given its own trastuzumab schedule (weekly 4 then 2 mg/kg for 52 weeks in B-31/N9831, 8 then 6 mg/kg every 3 ' +
        `weeks in B-47). ${her2pos ? `In HER2-positive disease the model gives ${hrText(her2pos.cox)} against the published ${her2pos.published.hr} (${her2pos.published.lower}-${her2pos.published.upper}).` : ''}`,
    ),
    table({
      caption:
        'Model (Cox, randomised arms) beside published hazard ratios; scan: the compact grid of the B-47 scan per trial, ' +
        'model HR over both outcomes of every patient against the published interval',
      columns: [
        { key: 'trial', label: 'trial' },
        { key: 'patients', label: 'patients' },
        { key: 'published', label: 'published HR (95% CI)' },
        { key: 'model', label: 'model HR (95% CI)' },
        { key: 'scan', label: 'scan verdict' },
      ],
      rows,
    }),
    figure(
      forestSvg(c.forest, `seed ${c.trial.seed}, mouse-calibrated parameters`),
      'Forest: model HR (95% CI) beside the published HR for every trial and HER2 subgroup (data: data/trials-forest.csv)',
      'trials-forest',
    ),
  ];
}
