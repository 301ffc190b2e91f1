/**
 * `cscsim fit PROBLEM.yaml --method multistart [--starts N] [--seed S] [--out DIR]`: multistart estimation of
 * a likelihood problem file or a PEtab YAML (src/fit/multistart/problemFile.ts) with exact gradients. Writes starts.csv,
 * summary.json and report.html into DIR. Problem files without a likelihood exit 2 naming the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { multistart } from '../../fit/multistart/multistart.js';
import { multistartReport, multistartSummary, startsCsv } from '../../fit/multistart/outputs.js';
import { loadLikelihoodFile } from '../../fit/multistart/problemFile.js';
import { PROFILE_THRESHOLD_95, type Profile, profiles } from '../../fit/multistart/profile.js';
import { optFlag, optNumber, optString, type parseArgs, UsageError } from '../args.js';
import type { CliIo } from '../command.js';
import { progressBar } from '../progress.js';

export function runMultistart(args: ReturnType<typeof parseArgs>, io: CliIo): number {
  const [file, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  if (file === undefined)
    throw new UsageError('expected a likelihood problem file (YAML or JSON) or a PEtab YAML');
  if (optString(args, 'resume') !== undefined) throw new UsageError('--resume is for --method abc only');
  const starts = optNumber(args, 'starts', { integer: true, min: 1 }) ?? 20;
  const seed = optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1;
  const out = optString(args, 'out') ?? 'fit-out';
  const { name, problem, info } = loadLikelihoodFile(file);
  const bar = progressBar(io, 'starts');
  const t0 = Date.now();
  let r: ReturnType<typeof multistart>;
  try {
    r = multistart(problem, {
      starts,
      seed,
      onStart: (done, total, best) => bar.update(done, total, `best llh ${(-best).toPrecision(8)}`),
    });
  } finally {
    bar.done();
  }
  mkdirSync(out, { recursive: true });
  const summary: Record<string, unknown> = { ...multistartSummary(r, problem, name), ...info };
  let prof: Profile[] | undefined;
  if (optFlag(args, 'profile') && r.best) {
    prof = profiles(problem, r.best.x, r.best.nllh);
    writeFileSync(join(out, 'profiles.csv'), profilesCsv(prof));
    summary.profiles = {
      threshold: PROFILE_THRESHOLD_95,
      intervals: Object.fromEntries(prof.map((q) => [q.id, { lower95: q.lower95, upper95: q.upper95 }])),
    };
  }
  writeFileSync(join(out, 'starts.csv'), startsCsv(r, problem));
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(out, 'report.html'), multistartReport(r, problem, `Multistart: ${name}`, prof));
  if (optFlag(args, 'json')) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    const lines = [`${r.starts.length} starts: ${r.converged} converged, ${r.failed} failed`];
    if (info?.gradient !== undefined) lines.push(`gradient: ${info.gradient}`);
    if (r.best) {
      lines.push(`best llh ${(-r.best.nllh).toPrecision(10)} (start ${r.best.index})`);
      const b = r.best;
      problem.parameterIds.forEach((id, i) => {
        const at = r.atBounds[i] ? ` (at ${r.atBounds[i]} bound)` : '';
        lines.push(`  ${id}: ${b.x[i]!.toPrecision(6)}${at}`);
      });
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  io.stderr(`fit: multistart done in ${((Date.now() - t0) / 1000).toFixed(1)} s; files in ${out}/\n`);
  return 0;
}

function profilesCsv(ps: readonly Profile[]): string {
  const rows = ['parameter,value,nllh'];
  for (const q of ps)
    for (let k = 0; k < q.values.length; k++) rows.push(`${q.id},${q.values[k]},${q.nllh[k]}`);
  return `${rows.join('\n')}\n`;
}
