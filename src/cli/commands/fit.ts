/**
 * `cscsim fit PROBLEM.yaml --method abc [--particles N] [--seed S] [--workers W] [--out DIR] [--resume DIR]
 * [--redis URL]`:
 * calibration by ABC-SMC with model selection (src/fit/). Writes checkpoint.json after every generation,
 * and at the end posterior.csv, summary.json and report.html into DIR. `--resume DIR` continues a killed or
 * interrupted run from its checkpoint with the same result as an uninterrupted run; Ctrl-C stops at the
 * next batch, leaves the checkpoint of the last complete generation and exits 130.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { AbcSettings, AbcState } from '../../fit/abc/checkpoint.js';
import { readCheckpoint, writeCheckpoint } from '../../fit/abc/checkpoint.js';
import { abcReport } from '../../fit/abc/report.js';
import { type AbcResult, abcSmc } from '../../fit/abc/smc.js';
import { posteriorCsv, summaryOf } from '../../fit/abc/summary.js';
import { loadProblemFile } from '../../fit/problemFile.js';
import { redisMap } from '../../parallel/redis/map.js';
import { redisTarget } from '../../parallel/redis/url.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { progressBar } from '../progress.js';
import { runMultistart } from './fitMultistart.js';

const options = {
  method: { type: 'string', value: 'abc|multistart', help: 'calibration method', default: 'abc' },
  particles: { type: 'string', value: 'N', help: 'particles per generation', default: '1000' },
  starts: { type: 'string', value: 'N', help: 'multistart: number of starts', default: '20' },
  profile: { type: 'boolean', help: 'multistart: profile likelihoods of the best start (95% intervals)' },
  seed: { type: 'string', value: 'S', help: 'random seed (integer >= 0)', default: '1' },
  workers: {
    type: 'string',
    value: 'W',
    help: 'worker threads (default: the cores, at most 4); results do not depend on it',
  },
  out: { type: 'string', value: 'DIR', help: 'output directory', default: 'fit-out' },
  resume: {
    type: 'string',
    value: 'DIR',
    help: 'continue the run whose checkpoint is in DIR (its problem and settings; outputs go to DIR)',
  },
  'max-generations': { type: 'string', value: 'G', help: 'stop after G generations', default: '20' },
  'target-epsilon': {
    type: 'string',
    value: 'E',
    help: 'stop once epsilon <= E (distance units: statistics weighted by 1/MAD for the adaptive distance)',
    default: '0',
  },
  'min-acceptance': {
    type: 'string',
    value: 'R',
    help: 'stop once the acceptance rate < R',
    default: '0.005',
  },
  'max-evaluations': { type: 'string', value: 'N', help: 'stop after N candidates in all' },
  moves: {
    type: 'string',
    value: 'K',
    help: 'abc: up to K rounds of MCMC moves per generation instead of importance weights (replenishment ABC-SMC; for many parameters)',
    default: '0',
  },
  'max-seconds': { type: 'string', value: 'T', help: 'stop after T seconds of wall time (not reproducible)' },
  json: { type: 'boolean', help: 'print summary.json on stdout' },
  redis: {
    type: 'string',
    value: 'URL',
    help: 'abc: run candidate batches on `cscsim worker` processes through this Redis (default $CSCSIM_REDIS); --workers is then the batches in flight',
  },
} as const;

type Args = ReturnType<typeof parseArgs>;

/** Settings from the command line, over the problem file's `abc:` section. */
function settingsOf(args: Args, fromFile: Partial<AbcSettings>): Partial<AbcSettings> {
  const s: Record<string, number> = { ...fromFile };
  const set = (key: keyof AbcSettings, name: string, check: Parameters<typeof optNumber>[2]) => {
    const v = optNumber(args, name, check);
    if (v !== undefined) s[key] = v;
  };
  set('particles', 'particles', { integer: true, min: 2 });
  set('seed', 'seed', { integer: true, min: 0 });
  set('maxGenerations', 'max-generations', { integer: true, min: 1 });
  set('targetEpsilon', 'target-epsilon', { min: 0 });
  set('minAcceptance', 'min-acceptance', { min: 0 });
  set('maxEvaluations', 'max-evaluations', { integer: true, min: 1 });
  set('moves', 'moves', { integer: true, min: 0 });
  return s as Partial<AbcSettings>;
}

function writeOutputs(dir: string, r: AbcResult, title: string): void {
  writeFileSync(join(dir, 'posterior.csv'), posteriorCsv(r));
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summaryOf(r, title), null, 2)}\n`);
  writeFileSync(join(dir, 'report.html'), abcReport(r, `Calibration: ${title}`));
}

function table(r: AbcResult): string {
  const lines = [`status: ${r.status}; ${r.generations.length} generations, ${r.evaluations} candidates`];
  for (const g of r.generations)
    lines.push(
      `  generation ${String(g.generation).padStart(2)}  epsilon ${Number.isFinite(g.epsilon) ? g.epsilon.toPrecision(4) : 'prior'}  acceptance ${g.acceptanceRate.toFixed(4)}  ESS ${g.ess.toFixed(0)}${g.moves ? `  rounds ${g.moves.rounds}  distinct ${g.moves.distinct}` : ''}${g.nanDistances ? `  NaN ${g.nanDistances}` : ''}`,
    );
  const s = summaryOf(r) as {
    models: {
      id: string;
      probability: number;
      parameters: Record<string, { mean: number; sd: number } | null>;
    }[];
  };
  for (const m of s.models) {
    lines.push(`model ${m.id}${s.models.length > 1 ? `: probability ${m.probability.toFixed(3)}` : ''}`);
    for (const [id, q] of Object.entries(m.parameters))
      lines.push(`  ${id}: ${q ? `${q.mean.toPrecision(4)} +- ${q.sd.toPrecision(3)}` : 'no particles'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, options);
  const method = optString(args, 'method') ?? 'abc';
  if (method === 'multistart') {
    if (optString(args, 'redis') !== undefined)
      throw new UsageError('--redis applies to --method abc (candidate batches); multistart runs locally');
    return runMultistart(args, io);
  }
  if (method !== 'abc') throw new UsageError(`--method: expected abc or multistart, got '${method}'`);
  const resumeDir = optString(args, 'resume');
  const [file, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  let resume: AbcState | undefined;
  let spec: AbcState['spec'];
  let settings: Partial<AbcSettings> = {};
  if (resumeDir) {
    if (file !== undefined)
      throw new UsageError('--resume DIR continues the problem stored in DIR; give no problem file');
    resume = readCheckpoint(join(resumeDir, 'checkpoint.json'));
    spec = resume.spec;
  } else {
    if (file === undefined) throw new UsageError('expected a problem file (YAML or JSON), or --resume DIR');
    const loaded = loadProblemFile(file);
    spec = loaded.spec;
    settings = settingsOf(args, loaded.settings);
  }
  const out = resumeDir ?? optString(args, 'out') ?? 'fit-out';
  const workers =
    optNumber(args, 'workers', { integer: true, min: 1 }) ?? Math.max(1, Math.min(4, availableParallelism()));
  const maxSeconds = optNumber(args, 'max-seconds', { positive: true });
  mkdirSync(out, { recursive: true });
  if (!resumeDir && existsSync(join(out, 'checkpoint.json'))) {
    io.stderr(`cscsim fit: overwriting the run in ${out}/ (use --resume ${out} to continue it)\n`);
    // A new run must not leave the last run's results beside its own checkpoint.
    for (const f of ['posterior.csv', 'summary.json', 'report.html']) rmSync(join(out, f), { force: true });
  }
  const title = spec.name ?? (file ? basename(file).replace(/\.(ya?ml|json)$/, '') : 'problem');
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  process.on('SIGINT', onSigint);
  const bar = progressBar(io, 'particles');
  let genStart = Date.now();
  let r: AbcResult;
  const target = redisTarget(optString(args, 'redis'));
  // Every batch is one map run; its per-run progress lines would flood stderr (the bar shows progress).
  const map = target
    ? await redisMap({ target, log: (line) => /: \d+\/\d+ items$/.test(line) || io.stderr(`${line}\n`) })
    : undefined;
  try {
    r = await abcSmc(spec, {
      ...settings,
      workers,
      ...(map ? { map } : {}),
      ...(maxSeconds !== undefined ? { maxSeconds } : {}),
      ...(resume ? { resume } : {}),
      signal: ac.signal,
      checkpoint: (state) => writeCheckpoint(join(out, 'checkpoint.json'), state),
      onGeneration: () => {
        genStart = Date.now();
      },
      onProgress: (pr) => {
        const el = (Date.now() - genStart) / 1000;
        const eta = pr.accepted > 0 ? (el * (pr.particles - pr.accepted)) / pr.accepted : Number.NaN;
        const eps = Number.isFinite(pr.epsilon) ? pr.epsilon.toPrecision(3) : 'prior';
        const acc = pr.evaluated > 0 ? (pr.accepted / pr.evaluated).toFixed(3) : '-';
        bar.update(
          pr.accepted,
          pr.particles,
          `gen ${pr.generation} eps ${eps} acc ${acc} ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)} s` : '-'}`,
        );
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    bar.done();
    if (map) {
      await map.forget().catch(() => {});
      await map.close();
    }
  }
  if (r.status === 'interrupted') {
    io.stderr(
      `cscsim fit: interrupted after ${r.generations.length} complete generation(s); continue with --resume ${out}\n`,
    );
    return 130;
  }
  writeOutputs(out, r, title);
  if (optFlag(args, 'json')) io.stdout(`${JSON.stringify(summaryOf(r, title), null, 2)}\n`);
  else io.stdout(table(r));
  const where = map ? `the queue (${workers} batches in flight)` : `${workers} worker(s)`;
  io.stderr(`fit: ${r.status} after ${r.seconds.toFixed(1)} s on ${where}; files in ${out}/\n`);
  return 0;
}

export const fitCommand: Command = {
  name: 'fit',
  summary:
    'calibrate a problem file by ABC-SMC with model selection, or a likelihood problem by multistart estimation',
  usage:
    'cscsim fit PROBLEM.yaml --method abc|multistart [--particles N | --starts N] [--seed S] [--workers W] [--out DIR] [--resume DIR] [--redis URL]',
  options,
  run,
};
