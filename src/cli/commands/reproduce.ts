/**
 * `cscsim reproduce [--out DIR] [--json] [--seed S] [--sets N] [--workers N] [--no-trial]`: runs the paper's
 * claims C1-C8 (spread over worker threads), then the virtual NSABP B-47 trial and its compact scan
 * (src/paper/b47.ts; same seed and workers), and writes DIR/index.html (default report/) with figures,
 * numbers, pass/fail, robustness and the B-47 section, plus claims.json (claims and trial) and per-figure
 * CSVs. Exit 0 when the run completes (failing claims are results, not errors).
 */

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCheckpoint, writeCheckpoint } from '../../fit/abc/checkpoint.js';
import { confrontHer2, FULL_BUDGET, REDUCED_BUDGET } from '../../fit/hypotheses/her2.js';
import { REPORT_SCAN_PATIENTS } from '../../paper/b47.js';
import { summary, writeReport } from '../../paper/report.js';
import { reproduce } from '../../paper/reproduce.js';
import { trialText } from '../../paper/summary.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { redisOptions, withMap } from '../distributed.js';

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
  'no-trial': { type: 'boolean', help: 'skip the virtual NSABP B-47 trial and its scan' },
  'trial-patients': {
    type: 'string',
    value: 'N',
    help: 'patients of the virtual B-47 trial',
    default: '3270',
  },
  'scan-patients': {
    type: 'string',
    value: 'N',
    help: 'patients per point of the B-47 scan (0 skips the scan)',
    default: String(REPORT_SCAN_PATIENTS),
  },
  'no-calibration': {
    type: 'boolean',
    help: 'skip the calibration of the CSC hypotheses against the evidence (also skipped with --claims)',
  },
  full: {
    type: 'boolean',
    help: `calibrate at the full budget (${FULL_BUDGET.particles} particles, up to ${FULL_BUDGET.maxGenerations} generations per step) instead of the reduced one (${REDUCED_BUDGET.particles}, ${REDUCED_BUDGET.maxGenerations})`,
  },
  continue: {
    type: 'boolean',
    help: 'continue the calibration from the checkpoints a killed run left in DIR/data (same seed and budget; the same bits)',
  },
  ...redisOptions,
} as const;

export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: 'run the claims of Ithimakin et al. 2013 and write the reproduction report',
  usage:
    'cscsim reproduce [--out DIR] [--json] [--seed S] [--sets N] [--claims C1,C3] [--workers N] [--no-trial] ' +
    '[--trial-patients N] [--scan-patients N] [--no-calibration] [--full] [--continue]',
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
    const patients = optNumber(args, 'trial-patients', { integer: true, min: 1 });
    const scanPatients = optNumber(args, 'scan-patients', { integer: true, min: 0 });
    if (!Number.isSafeInteger(seed))
      throw new UsageError(`--seed: expected an integer below 2^53, got '${seed}'`);
    const trial = optFlag(args, 'no-trial')
      ? false
      : {
          ...(patients !== undefined ? { patients } : {}),
          ...(scanPatients !== undefined ? { scanPatients } : {}),
        };
    const rep = await withMap(args, io, (map) =>
      reproduce({
        ...(map ? { map } : {}),
        seed,
        sets,
        ...(only ? { only } : {}),
        ...(workers !== undefined ? { workers } : {}),
        trial,
        ...(io.isTTY ? { progress: (line: string) => io.stderr(`\r\x1b[K${line}`) } : {}),
      }),
    );
    // Each SMC step's state after every generation, in the report's data: --continue resumes from it.
    const saved = (step: string) => join(out, 'data', `calibration-${step}.checkpoint.json`);
    const resume = optFlag(args, 'continue')
      ? Object.fromEntries(
          (['mouse', 'all'] as const).flatMap((k) =>
            existsSync(saved(k)) ? [[k, readCheckpoint(saved(k))]] : [],
          ),
        )
      : undefined;
    if (!(optFlag(args, 'no-calibration') || only)) mkdirSync(join(out, 'data'), { recursive: true });
    const calibration =
      optFlag(args, 'no-calibration') || only
        ? null
        : await confrontHer2({
            seed,
            budget: optFlag(args, 'full') ? FULL_BUDGET : REDUCED_BUDGET,
            workers: workers ?? 2,
            checkpoint: (step, state) => writeCheckpoint(saved(step), state),
            ...(resume ? { resume } : {}),
            onProgress: (line) =>
              io.stderr(io.isTTY ? `\r\x1b[Kcalibration: ${line}` : `calibration: ${line}\n`),
          });
    if (io.isTTY) io.stderr('\r\x1b[K');
    const input = {
      results: rep.results,
      robustness: rep.robustness,
      seed,
      seconds: rep.seconds + (calibration?.budget.seconds ?? 0),
      trial: rep.trial,
      calibration,
    };
    writeReport(out, input);
    if (optFlag(args, 'json')) io.stdout(`${JSON.stringify(summary(input), null, 2)}\n`);
    else {
      for (const r of rep.results)
        io.stdout(`${r.id} ${r.status.padEnd(4)} value ${r.value.toPrecision(3)}  ${r.title}\n`);
      const t = input.trial ? summary(input).trial : null;
      if (t) io.stdout(`B-47: ${trialText(t)}\n`);
      if (calibration)
        io.stdout(
          `hypotheses (P mouse -> P all): ${calibration.variants.map((v) => `${v.id} ${v.p_mouse.toFixed(2)} -> ${v.p_all.toFixed(2)}`).join(', ')}\n`,
        );
      io.stdout(`report: ${out}/index.html (${rep.seconds.toFixed(1)} s)\n`);
    }
    return 0;
  },
};
