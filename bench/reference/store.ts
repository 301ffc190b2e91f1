/** Reference solutions, committed as data in bench/reference/<problem>.json (see make.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchProblem } from '../problems/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface Reference {
  readonly problem: string;
  readonly ids: readonly string[];
  readonly grid: readonly number[];
  /** Row-major (grid point, state). */
  readonly y: readonly number[];
  /** How it was computed, e.g. 'scipy-radau rtol 1e-13 atol 1e-14'. */
  readonly method: string;
  /** Independent tight solves and their errors against `y` under the benchmark's error measure. */
  readonly crossChecks: readonly { readonly method: string; readonly error: number }[];
  readonly generated: string;
}

export const referencePath = (id: string): string => join(HERE, `${id}.json`);

export function saveReference(ref: Reference): void {
  writeFileSync(referencePath(ref.problem), `${JSON.stringify(ref, null, 1)}\n`);
}

/** Loads the reference, checking that it was made on this problem's grid (a stale file is an error). */
export function loadReference(bp: BenchProblem): Reference {
  let ref: Reference;
  try {
    ref = JSON.parse(readFileSync(referencePath(bp.id), 'utf8')) as Reference;
  } catch {
    throw new Error(`no reference for '${bp.id}': run node --import tsx bench/reference/make.ts ${bp.id}`);
  }
  const sameGrid =
    ref.grid.length === bp.grid.length &&
    ref.grid.every((t, i) => Math.abs(t - bp.grid[i]!) <= 1e-12 * Math.abs(t));
  if (!sameGrid || ref.y.length !== bp.grid.length * bp.stateIds.length) {
    throw new Error(
      `reference for '${bp.id}' is stale (grid changed): rerun bench/reference/make.ts ${bp.id}`,
    );
  }
  return ref;
}
