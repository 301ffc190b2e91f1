/**
 * `cscsim reproduce [--out DIR] [--json] [--seed S] [--sets N] [--workers N]`: runs the paper's claims C1-C8
 * (spread over worker threads) and writes
 * DIR/index.html (default report/) with figures, numbers, pass/fail and robustness, plus claims.json and
 * per-figure CSVs. Exit 0 when the run completes (failing claims are results, not errors).
 */

import { summary, writeReport } from '../../paper/report.js';
import { reproduce } from '../../paper/reproduce.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';

const options = {
  out: {
    type: 'string',
    value: 'DIR',
    help: 'directory for index.html, claims.json and data/',
    default: 'report',
  },
  json: { type: 'boolean', help: 'print the claims summary as JSON on stdout' },
  seed: { type: 'string', value: 'S', help: 'random seed', default: '1' },
  sets: { type: 'string', value: 'N', help: 'Latin-hypercube parameter sets for robustness', default: '200' },
  claims: { type: 'string', value: 'IDS', help: 'comma-separated claim ids (default all)' },
  workers: {
    type: 'string',
    value: 'N',
    help: 'worker threads (default: up to 2; 1 runs on the main thread); results do not depend on it',
  },
} as const;

export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: 'run the claims of Ithimakin et al. 2013 and write the reproduction report',
  usage: 'cscsim reproduce [--out DIR] [--json] [--seed S] [--sets N] [--claims C1,C3] [--workers N]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const seed = optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1;
    const sets = optNumber(args, 'sets', { integer: true, min: 0 }) ?? 200;
    const workers = optNumber(args, 'workers', { integer: true, min: 1 });
    const only = optString(args, 'claims')
      ?.split(',')
      .map((s) => s.trim().toUpperCase());
    const out = optString(args, 'out') ?? 'report';
    const rep = await reproduce({
      seed,
      sets,
      ...(only ? { only } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(io.isTTY ? { progress: (line: string) => io.stderr(`\r\x1b[K${line}`) } : {}),
    });
    if (io.isTTY) io.stderr('\r\x1b[K');
    const input = { results: rep.results, robustness: rep.robustness, seed, seconds: rep.seconds };
    writeReport(out, input);
    if (optFlag(args, 'json')) io.stdout(`${JSON.stringify(summary(input), null, 2)}\n`);
    else {
      for (const r of rep.results)
        io.stdout(`${r.id} ${r.status.padEnd(4)} value ${r.value.toPrecision(3)}  ${r.title}\n`);
      io.stdout(`report: ${out}/index.html (${rep.seconds.toFixed(1)} s)\n`);
    }
    return 0;
  },
};
