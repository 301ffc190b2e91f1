/**
 * `cscsim petab PROBLEM.yaml`: loads a PEtab v1 problem, simulates every condition at the nominal (or given)
 * parameters and reports the log-likelihood; `--simulate` writes the PEtab simulation table.
 */
import { writeFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { readTsv } from '../../io/petab/tsv.js';
import { toScale } from '../../petab/parameters.js';
import { loadPetab, type PetabProblem } from '../../petab/problem.js';
import { simulationTable } from '../../petab/table.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';

const options = {
  simulate: { type: 'boolean', help: 'write the simulation table (measurements with a simulation column)' },
  out: { type: 'string', value: 'FILE.tsv', help: 'write the simulation table here instead of stdout' },
  json: {
    type: 'boolean',
    help: 'print {llh, chi2, problems, conditions, measurements, elapsed_ms} as JSON',
  },
  parameters: {
    type: 'string',
    value: 'FILE.tsv',
    help: 'values of estimated parameters (columns parameterId and value, or nominalValue; linear scale)',
  },
  rtol: { type: 'string', value: 'R', help: 'relative tolerance', default: '1e-8' },
  atol: { type: 'string', value: 'A', help: 'absolute tolerance', default: '1e-12' },
} as const;

/** x on parameter scale: nominal values, overridden by the file's (linear) values. */
function parameterVector(pp: PetabProblem, file: string | undefined): Float64Array {
  const x = Float64Array.from(pp.nominal);
  if (file === undefined) return x;
  const t = readTsv(file);
  const jId = t.header.indexOf('parameterId');
  const jV = t.header.indexOf('value') >= 0 ? t.header.indexOf('value') : t.header.indexOf('nominalValue');
  if (jId < 0 || jV < 0)
    throw new InputError("missing required column 'parameterId' and 'value' (or 'nominalValue')", {
      file,
      path: 'header',
    });
  const jEst = t.header.indexOf('estimate');
  t.rows.forEach((r, i) => {
    if (jEst >= 0 && r[jEst] === '0') return;
    const k = pp.parameterIds.indexOf(r[jId]!);
    const where = { file, path: `line ${t.line[i]}` };
    if (k < 0) throw new InputError(`'${r[jId]}' is not an estimated parameter of the problem`, where);
    const v = Number(r[jV]);
    if (r[jV] === '' || !Number.isFinite(v)) throw new InputError(`expected a number, got '${r[jV]}'`, where);
    x[k] = toScale(pp.scales[k]!, v);
  });
  return x;
}

export const petabCommand: Command = {
  name: 'petab',
  summary: 'simulate a PEtab v1 problem and report its log-likelihood (or write its simulation table)',
  usage: 'cscsim petab PROBLEM.yaml [--simulate] [--out FILE.tsv] [--json] [--parameters FILE.tsv]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one PEtab YAML file');
    const simulate = optFlag(args, 'simulate');
    const json = optFlag(args, 'json');
    const out = optString(args, 'out');
    if (out !== undefined && !simulate) throw new UsageError('--out needs --simulate');
    if (simulate && json && out === undefined)
      throw new UsageError('--simulate with --json needs --out FILE');
    const rtol = optNumber(args, 'rtol', { positive: true }) ?? 1e-8;
    const atol = optNumber(args, 'atol', { positive: true }) ?? 1e-12;
    const start = performance.now();
    const pp = loadPetab(args.positionals[0]!, {
      rtol,
      atol,
      onWarning: (w) => io.stderr(`warning: ${w}\n`),
    });
    const x = parameterVector(pp, optString(args, 'parameters'));
    const loaded = performance.now();
    const ev = pp.simulate(x);
    const end = performance.now();
    if (simulate) {
      const table = simulationTable(pp.spec, ev.results);
      if (out !== undefined) writeFileSync(out, table);
      else io.stdout(table);
    }
    const summary = {
      llh: ev.llh,
      chi2: ev.chi2,
      problems: pp.spec.problems.length,
      conditions: pp.conditions,
      measurements: pp.measurements,
      parameters: pp.parameterIds.length,
      elapsed_ms: end - start,
      load_ms: loaded - start,
      simulate_ms: end - loaded,
    };
    if (json) io.stdout(`${JSON.stringify(summary)}\n`);
    else {
      const line =
        `petab: llh ${ev.llh} chi2 ${ev.chi2} (${pp.measurements} measurements, ${pp.conditions} conditions, ` +
        `${pp.parameterIds.length} estimated parameters; load ${summary.load_ms.toFixed(0)} ms, simulate ${summary.simulate_ms.toFixed(0)} ms)\n`;
      if (simulate && out === undefined) io.stderr(line);
      else io.stdout(line);
    }
    return 0;
  },
};
