/**
 * `cscsim sbml-suite --cases DIR`: runs SBML Test Suite semantic cases and reports passed / failed /
 * unsupported. Exit 0 when no case failed, 1 otherwise.
 */
import { availableParallelism } from 'node:os';
import { parseCaseFilter, runSuite, SBML_VERSIONS, type SbmlVersion } from '../../io/suite/semantic.js';
import { stochasticSuiteCli } from '../../io/suite/stochastic.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { redisOptions, withMap } from '../distributed.js';

const options = {
  cases: { type: 'string', value: 'DIR', help: 'folder with one sub-folder per case (NNNNN/)' },
  sbml: {
    type: 'string',
    value: 'VERSION',
    help: `model file of each case to run: ${SBML_VERSIONS.join(', ')}`,
    default: 'l3v2',
  },
  filter: { type: 'string', value: 'RANGES', help: 'case ids to run, e.g. 00001-00100,00950' },
  jobs: { type: 'string', value: 'N', help: 'worker threads', defaultText: 'cores' },
  timeout: { type: 'string', value: 'S', help: 'per-case time limit in seconds', default: '20' },
  json: { type: 'boolean', help: 'print the results as JSON on stdout' },
  stochastic: { type: 'boolean', help: 'run DSMTS stochastic cases (Z/Y criteria) instead of semantic ones' },
  runs: { type: 'string', value: 'N', help: 'stochastic: runs per case', default: '10000' },
  seed: { type: 'string', value: 'S', help: 'stochastic: random seed', default: '1' },
  ...redisOptions,
} as const;

export const sbmlSuite: Command = {
  name: 'sbml-suite',
  summary: 'run SBML Test Suite semantic cases and report the pass rate',
  usage: 'cscsim sbml-suite --cases DIR [--sbml l2v4] [--filter 00001-00100] [--jobs N] [--json]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const casesDir = optString(args, 'cases');
    if (!casesDir) throw new UsageError('--cases DIR is required');
    const filterSpec = optString(args, 'filter');
    const jobs = optNumber(args, 'jobs', { integer: true, positive: true }) ?? availableParallelism();
    const timeout = optNumber(args, 'timeout', { positive: true }) ?? 20;
    const json = optFlag(args, 'json');
    const sbml = optString(args, 'sbml');
    if (sbml !== undefined && !(SBML_VERSIONS as readonly string[]).includes(sbml))
      throw new UsageError(`--sbml: '${sbml}' is not one of ${SBML_VERSIONS.join(', ')}`);
    if (optFlag(args, 'stochastic'))
      return withMap(args, io, (map) =>
        stochasticSuiteCli({
          ...(map ? { map } : {}),
          casesDir,
          json,
          io,
          workers: jobs,
          runs: optNumber(args, 'runs', { integer: true, positive: true }) ?? 10000,
          seed: optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1,
          ...(filterSpec ? { filter: parseCaseFilter(filterSpec) } : {}),
        }),
      );
    const result = await withMap(args, io, (map) =>
      runSuite({
        ...(map ? { map } : {}),
        casesDir,
        jobs,
        ...(sbml ? { version: sbml as SbmlVersion } : {}),
        timeoutMs: timeout * 1000,
        ...(filterSpec ? { filter: parseCaseFilter(filterSpec) } : {}),
        onResult: (r, done, total) => {
          if (io.isTTY && !json) io.stderr(`\r${done}/${total} ${r.id} ${r.status}   `);
        },
      }),
    );
    if (io.isTTY && !json) io.stderr('\n');
    if (json) {
      const cases = result.cases.map(({ id, status, reason, maxError }) => ({
        id,
        status,
        ...(reason !== undefined ? { reason } : {}),
        ...(maxError !== undefined && Number.isFinite(maxError) ? { maxError } : {}),
      }));
      const { total, passed, failed, unsupported, core } = result;
      io.stdout(`${JSON.stringify({ total, passed, failed, unsupported, core, cases }, null, 1)}\n`);
    } else {
      for (const c of result.cases)
        if (c.status !== 'passed') io.stdout(`${c.id} ${c.status}: ${c.reason ?? ''}\n`);
      const { core, passed } = result;
      io.stdout(
        `${passed} passed, ${result.failed} failed, ${result.unsupported} unsupported of ${result.total}; ` +
          `core (no SBML packages): ${passed}/${core} = ${core ? ((100 * passed) / core).toFixed(1) : '0'}% ` +
          `in ${(result.ms / 1000).toFixed(1)} s\n`,
      );
    }
    return result.failed > 0 ? 1 : 0;
  },
};
