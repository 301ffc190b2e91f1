/**
 * One property for every reader: on any input it returns a value or throws one of our error classes
 * (InputError and its subclasses, SolverError), never a TypeError/RangeError/plain Error, and it takes
 * at most 1 s of CPU on an input under 100 kB. `npm test` runs FUZZ_RUNS (500) cases per reader with a
 * fixed seed; `npm run test:fuzz` runs 10,000 with a seed it prints. Reproduce a failure with
 * CSCSIM_FUZZ_SEED=<seed> CSCSIM_FUZZ_RUNS=<n> node scripts/run-tests.mjs test/fuzz/<file>.
 */
import fc from 'fast-check';
import { InputError, SolverError } from '../../src/errors.js';

export const FUZZ_RUNS = Number(process.env.CSCSIM_FUZZ_RUNS ?? 500);
export const FUZZ_SEED = Number(process.env.CSCSIM_FUZZ_SEED ?? 20261202);
/** CPU budget of one case. */
export const MAX_CPU_MS = 1000;
const MAX_INPUT = 100_000;

let announced = false;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** True for the errors a reader may throw on bad input. */
export function ours(e: unknown): boolean {
  return e instanceof InputError || e instanceof SolverError;
}

/** Runs `read` on one input; throws (failing the property) on a foreign error or when it is too slow. */
export async function checkOne<T>(input: T, size: number, read: (x: T) => unknown): Promise<void> {
  const t0 = cpuMs();
  try {
    await read(input);
  } catch (e) {
    if (!ours(e)) throw e;
  }
  const ms = cpuMs() - t0;
  if (size < MAX_INPUT && ms > MAX_CPU_MS)
    throw new Error(`took ${ms.toFixed(0)} ms of CPU on ${size} characters`);
}

/** Asserts the reader property over `arb`; `size` measures an input (characters). */
export async function fuzz<T>(
  arb: fc.Arbitrary<T>,
  size: (x: T) => number,
  read: (x: T) => unknown,
  runs = FUZZ_RUNS,
): Promise<void> {
  if (!announced) {
    announced = true;
    console.log(`fuzz: seed ${FUZZ_SEED}, ${runs} cases per reader (CSCSIM_FUZZ_SEED / CSCSIM_FUZZ_RUNS)`);
  }
  await fc.assert(
    fc.asyncProperty(arb, (x) => checkOne(x, size(x), read)),
    { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true },
  );
}

/**
 * A place to edit, scrambled (fast-check biases numbers toward 0 and the bounds, which would edit mostly
 * the first characters); `place(spot, n)` maps it to 0..n-1 (Fibonacci hashing).
 */
export const spot: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0x7fffffff });
export function place(x: number, n: number): number {
  return (Math.imul(x, 0x9e3779b1) >>> 0) % n;
}

/** Text mutations: delete, insert a token, duplicate or replace a span (positions scaled to the text). */
export function mutatedText(seeds: fc.Arbitrary<string>, tokens: readonly string[]): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  );
  const at = spot;
  const len = fc.integer({ min: 0, max: 80 });
  const edit = fc.oneof(
    fc.tuple(fc.constant('del' as const), at, len, fc.constant('')),
    fc.tuple(fc.constant('ins' as const), at, fc.constant(0), token),
    fc.tuple(fc.constant('dup' as const), at, len, fc.constant('')),
    fc.tuple(fc.constant('rep' as const), at, len, token),
  );
  return fc.tuple(seeds, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([s, edits]) => {
    for (const [kind, f, n, tok] of edits) {
      const i = place(f, s.length + 1);
      const j = Math.min(s.length, i + n);
      if (kind === 'del') s = s.slice(0, i) + s.slice(j);
      else if (kind === 'ins') s = s.slice(0, i) + tok + s.slice(i);
      else if (kind === 'dup') s = s.slice(0, j) + s.slice(i, j) + s.slice(j);
      else s = s.slice(0, i) + tok + s.slice(j);
    }
    return s;
  });
}

/** Values that break naive readers: odd numbers, JS-special names, markup, huge and empty strings. */
export const NASTY_VALUES: readonly string[] = [
  '',
  ' ',
  '0',
  '-0',
  '1',
  '-1',
  '1e400',
  '-1e400',
  '1e-400',
  'NaN',
  'Infinity',
  '-Inf',
  '0x10',
  '1_000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'return',
  'π',
  'S',
  'k',
  'c',
  'time',
  'x'.repeat(2000),
  '\u0000',
  '\uFEFF',
  '\uD800',
  '&amp;',
  '<',
  '"',
  "'",
  ',',
  '\n',
];
