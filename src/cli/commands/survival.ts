/**
 * `cscsim survival FILE.csv --time COL --status COL [--group COL]`: Kaplan-Meier summary per group, the
 * log-rank test and the Cox hazard ratios of each group against the reference, numbers as R's survival.
 */

import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { formatP } from '../../report/format.js';
import { readSurvivalCsv } from '../../trial/survival/csv-data.js';
import {
  type CoxResult,
  coxPH,
  type KaplanMeier,
  kaplanMeier,
  kaplanMeierByGroup,
  type LogRank,
  logRank,
} from '../../trial/survival/index.js';
import { optFlag, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';

const options = {
  time: { type: 'string', value: 'COL', help: 'column of follow-up times (required)' },
  status: { type: 'string', value: 'COL', help: 'column of status, 1 = event, 0 = censored (required)' },
  group: { type: 'string', value: 'COL', help: 'column of arm labels: adds the log-rank test and Cox HRs' },
  reference: {
    type: 'string',
    value: 'LEVEL',
    help: 'reference arm for the hazard ratios',
    defaultText: 'first',
  },
  ties: { type: 'string', value: 'T', help: 'Cox tie handling: efron|breslow', default: 'efron' },
  json: { type: 'boolean', help: 'print everything (incl. the curves) as JSON' },
} as const;

interface Analysis {
  file: string;
  n: number;
  events: number;
  groups: { group: string; km: KaplanMeier }[];
  logRank?: LogRank;
  cox?: { reference: string; terms: string[]; fit: CoxResult };
}

export const survivalCommand: Command = {
  name: 'survival',
  summary: 'Kaplan-Meier, log-rank test and Cox hazard ratios from a CSV of survival times',
  usage:
    'cscsim survival FILE.csv --time COL --status COL [--group COL] [--reference LEVEL] [--ties efron|breslow] [--json]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one FILE.csv');
    const file = args.positionals[0]!;
    const timeCol = optString(args, 'time');
    const statusCol = optString(args, 'status');
    if (timeCol === undefined || statusCol === undefined)
      throw new UsageError('--time and --status are required');
    const groupCol = optString(args, 'group');
    const reference = optString(args, 'reference');
    if (reference !== undefined && groupCol === undefined) throw new UsageError('--reference needs --group');
    const ties = optString(args, 'ties') ?? 'efron';
    if (ties !== 'efron' && ties !== 'breslow')
      throw new UsageError(`--ties: expected efron or breslow, got '${ties}'`);

    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read: ${e instanceof Error ? e.message : String(e)}`, { file });
    }
    const data = readSurvivalCsv(text, { time: timeCol, status: statusCol, group: groupCol }, file);
    const a = analyse(file, data.time, data.status, data.group, reference, ties);
    if (a.cox && !a.cox.fit.converged)
      io.stderr(`survival: warning: Cox fit did not converge in ${a.cox.fit.iterations} iterations\n`);
    io.stdout(optFlag(args, 'json') ? `${toJson(a)}\n` : formatText(a));
    return 0;
  },
};

function analyse(
  file: string,
  time: Float64Array,
  status: Float64Array,
  group: string[] | undefined,
  reference: string | undefined,
  ties: 'efron' | 'breslow',
): Analysis {
  let events = 0;
  for (let i = 0; i < status.length; i++) events += status[i];
  const base = { file, n: time.length, events };
  if (group === undefined) return { ...base, groups: [{ group: 'all', km: kaplanMeier(time, status) }] };
  const km = kaplanMeierByGroup(time, status, group);
  const levels = [...km.keys()];
  const groups = levels.map((g) => ({ group: g, km: km.get(g)! }));
  if (levels.length < 2) return { ...base, groups };
  const ref = reference ?? levels[0]!;
  if (!levels.includes(ref))
    throw new UsageError(`--reference: '${ref}' is not a group; groups are ${levels.join(', ')}`);
  if (events === 0) return { ...base, groups };
  // One indicator per non-reference arm, as R's coxph(Surv ~ factor(group)).
  const terms = levels.filter((l) => l !== ref);
  const covariates = terms.map((l) => Float64Array.from(group, (g) => (g === l ? 1 : 0)));
  return {
    ...base,
    groups,
    logRank: logRank(time, status, group),
    cox: { reference: ref, terms, fit: coxPH(time, status, covariates, { ties }) },
  };
}

/** Numbers for people: 4 significant digits, NA for missing. */
function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NA';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return v.toPrecision(3);
  return String(Number(v.toPrecision(4)));
}

function formatText(a: Analysis): string {
  const lines = [`${a.file}: ${a.n} subjects, ${a.events} events`, ''];
  const rows = [['group', 'n', 'events', 'median', '(95% CI)']];
  for (const { group, km } of a.groups)
    rows.push([
      group,
      String(km.n),
      String(km.events),
      num(km.median),
      `(${num(km.medianLower)}, ${num(km.medianUpper)})`,
    ]);
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  for (const r of rows)
    lines.push(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  '));
  if (a.logRank) {
    const lr = a.logRank;
    lines.push('', `log-rank test: chisq = ${num(lr.chisq)} on ${lr.df} df, p = ${formatP(lr.p)}`);
  }
  if (a.cox) {
    const { fit, terms, reference } = a.cox;
    lines.push(`Cox proportional hazards (${fit.ties} ties), reference '${reference}':`);
    terms.forEach((t, k) => {
      lines.push(
        `  ${t}: HR ${num(fit.hr[k])} (95% CI ${num(fit.lower[k])}-${num(fit.upper[k])}), p = ${formatP(fit.pWald[k])}`,
      );
    });
    lines.push(
      `  score test ${num(fit.scoreTest)} on ${terms.length} df, p = ${formatP(fit.pScore ?? Number.NaN)}` +
        `; ${fit.iterations} iterations${fit.converged ? '' : ' (did not converge)'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Typed arrays as plain arrays; NaN and infinities become null (JSON has neither). */
function toJson(a: Analysis): string {
  const arr = (x: Float64Array): (number | null)[] => Array.from(x, (v) => (Number.isFinite(v) ? v : null));
  const out = {
    file: a.file,
    n: a.n,
    events: a.events,
    groups: a.groups.map(({ group, km }) => ({
      group,
      n: km.n,
      events: km.events,
      median: km.median,
      median_lower: km.medianLower ?? null,
      median_upper: km.medianUpper ?? null,
      km: {
        time: arr(km.time),
        n_risk: arr(km.nRisk),
        n_event: arr(km.nEvent),
        n_censor: arr(km.nCensor),
        surv: arr(km.surv),
        std_err: arr(km.stdErr),
        lower: arr(km.lower),
        upper: arr(km.upper),
      },
    })),
    ...(a.logRank && {
      log_rank: {
        chisq: a.logRank.chisq,
        df: a.logRank.df,
        p: a.logRank.p,
        groups: a.logRank.groups,
        observed: arr(a.logRank.observed),
        expected: arr(a.logRank.expected),
      },
    }),
    ...(a.cox && { cox: coxJson(a.cox) }),
  };
  return JSON.stringify(out);
}

function coxJson({ reference, terms, fit }: NonNullable<Analysis['cox']>): unknown {
  return {
    ties: fit.ties,
    reference,
    terms: terms.map((group, k) => ({
      group,
      coef: fit.coef[k],
      se: fit.se[k],
      hr: fit.hr[k],
      lower: fit.lower[k],
      upper: fit.upper[k],
      p_wald: fit.pWald[k],
    })),
    loglik: fit.loglik,
    score_test: fit.scoreTest,
    p_score: fit.pScore,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
