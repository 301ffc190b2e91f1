/**
 * Every job kind a `cscsim worker` runs, by name. It sits above all the layers whose work it runs (engines,
 * trial, paper, io, fit), so none of them needs to know about queues. A new kind is one `kind(...)` line
 * in `kinds` below.
 */
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { abcBatchKind } from '../../fit/abc/mapEvaluator.js';
import { runCase } from '../../io/suite/run-case.js';
import { SBML_CASE } from '../../io/suite/semantic.js';
import { type Job, runJob } from '../../paper/jobs.js';
import { REPRODUCE_JOB } from '../../paper/pool.js';
import { ssaChunkKind } from '../../parallel/ensemble.js';
import { allowedPath, type JobKind, kind, needInt, needObject } from '../../parallel/kinds.js';
import { scenario } from '../../trial/assumptions.js';
import { TRIAL_WORK } from '../../trial/pool.js';
import { runWork, type WorkContext, type WorkItem } from '../../trial/work.js';

const numbers = (x: unknown, what: string): void => {
  for (const [k, v] of Object.entries(needObject(x, what)))
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`${what}.${k}: expected a finite number`);
};

/** A trial shard: pilot or trial patients [from, to) of one scenario (src/trial/work.ts). */
const trialWork: JobKind<WorkContext, WorkItem, ReturnType<typeof runWork>> = {
  name: TRIAL_WORK,
  check(context, item) {
    const c = needObject(context, 'trial context');
    needInt(c.seed, 'trial context.seed');
    numbers(c.scenario, 'trial context.scenario');
    try {
      scenario(c.scenario as Record<string, number>);
    } catch (e) {
      throw new InputError(`trial context.scenario: ${(e as Error).message}`);
    }
    numbers(c.clone, 'trial context.clone');
    if (c.modelParams !== undefined) numbers(c.modelParams, 'trial context.modelParams');
    const it = needObject(item, 'trial item');
    if (it.kind !== 'pilot' && it.kind !== 'trial')
      throw new InputError('trial item.kind: expected pilot or trial');
    const from = needInt(it.from, 'trial item.from', 0, 2 ** 40);
    needInt(it.to, 'trial item.to', from + 1, from + 100_000);
    if (it.kind === 'trial' && !(typeof it.mean === 'number' && it.mean >= 0 && Number.isFinite(it.mean)))
      throw new InputError('trial item.mean: expected a finite number >= 0');
  },
  prepare: (ctx) => (item) => runWork(ctx, item),
};

/** A reproduction job: some claims, or robustness sets [from, to) (src/paper/jobs.ts). */
const reproduceJob: JobKind<{ seed: number; quick?: boolean }, Job, Awaited<ReturnType<typeof runJob>>> = {
  name: REPRODUCE_JOB,
  check(context, item) {
    const c = needObject(context, 'reproduce context');
    needInt(c.seed, 'reproduce context.seed');
    if (c.quick !== undefined && typeof c.quick !== 'boolean')
      throw new InputError('reproduce context.quick: expected a boolean');
    const it = needObject(item, 'reproduce item');
    if (it.kind !== 'claims' && it.kind !== 'robustness')
      throw new InputError('reproduce item.kind: expected claims or robustness');
    if (!Array.isArray(it.ids) || !it.ids.every((x) => typeof x === 'string' && /^C\d{1,2}$/.test(x)))
      throw new InputError('reproduce item.ids: expected claim ids such as C4');
    if (it.kind === 'robustness') {
      needInt(it.n, 'reproduce item.n', 1, 1_000_000);
      const from = needInt(it.from, 'reproduce item.from');
      needInt(it.to, 'reproduce item.to', from + 1, from + 10_000);
    }
  },
  prepare: (ctx) => (job) => runJob(job, ctx),
};

/** An SBML Test Suite case: the folder must lie under one of the worker's --allow directories. */
const sbmlCase: JobKind<{ dir: string }, { id: string }, ReturnType<typeof runCase>> = {
  name: SBML_CASE,
  check(context, item, env) {
    allowedPath(needObject(context, 'sbml-case context').dir, env, 'sbml-case context.dir');
    const id = needObject(item, 'sbml-case item').id;
    if (typeof id !== 'string' || !/^\d{5}$/.test(id))
      throw new InputError('sbml-case item.id: expected a 5-digit case id');
  },
  prepare: (ctx, env) => {
    const dir = allowedPath(ctx.dir, env, 'sbml-case context.dir');
    return (item) => runCase(join(dir, item.id), item.id);
  },
};

export const kinds: ReadonlyMap<string, JobKind> = new Map(
  [kind(ssaChunkKind), kind(trialWork), kind(reproduceJob), kind(sbmlCase), kind(abcBatchKind)].map((k) => [
    k.name,
    k,
  ]),
);
