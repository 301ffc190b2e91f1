/**
 * Job kinds: what a `cscsim worker` may run. A job carries data only (a kind name, a context shared by the
 * run, an item and its index); the worker looks the kind up in its registry (src/cli/jobs/registry.ts),
 * checks the decoded data with the kind's `check`, and runs nothing else. A kind that reads files gets the
 * worker's `--allow` directories and must refuse any path outside them (`allowedPath`).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** What the worker was started with. */
export interface WorkerEnv {
  /** Real paths of the directories whose files jobs may name (--allow). */
  readonly allow: readonly string[];
}

export interface JobKind<C = unknown, I = unknown, R = unknown> {
  readonly name: string;
  /** Throws an InputError unless context and item have the shape this kind runs (they come off a queue). */
  readonly check: (context: unknown, item: unknown, env: WorkerEnv) => void;
  /** Prepares a run's context once per worker process (e.g. compiles a model), then runs its items. */
  readonly prepare: (context: C, env: WorkerEnv) => (item: I, index: number) => R | Promise<R>;
}

/** Erases a kind's types for a registry (its check guards the casts). */
export function kind<C, I, R>(k: JobKind<C, I, R>): JobKind {
  return k as unknown as JobKind;
}

/** `path` resolved to its real path if it lies inside one of the allowed directories, else an InputError. */
export function allowedPath(path: unknown, env: WorkerEnv, what: string): string {
  if (typeof path !== 'string' || path === '') throw new InputError(`${what}: expected a path`);
  let real: string;
  try {
    real = realpathSync(resolve(path));
  } catch {
    throw new InputError(`${what}: '${path}' does not exist on this worker`);
  }
  for (const dir of env.allow) {
    const rel = relative(dir, real);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return real;
  }
  throw new InputError(`${what}: '${path}' is outside the worker's --allow directories`);
}

/** Small shape checks for `check` functions. */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function needInt(x: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max)
    throw new InputError(`${what}: expected an integer in [${min}, ${max}], got ${String(x)}`);
  return x;
}

export function needObject(x: unknown, what: string): Record<string, unknown> {
  if (!isObject(x)) throw new InputError(`${what}: expected an object`);
  return x;
}
