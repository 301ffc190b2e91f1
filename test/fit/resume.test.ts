/**
 * Checkpoints: a run killed (SIGKILL) in the middle of a generation and resumed with `--resume DIR` writes
 * the same posterior.csv, byte for byte, as an uninterrupted run; Ctrl-C (SIGINT) exits 130 and leaves a
 * checkpoint that resumes to the same bytes as well. The runs are child processes of the real CLI.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const problem = join(root, 'test/fit/problems/birth-death.yaml');
const args = ['--particles', '300', '--max-generations', '6', '--seed', '3'];

/** The generation the checkpoint in dir is at (-1 without one). */
function checkpointGeneration(dir: string): number {
  try {
    return (JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as { generation: number })
      .generation;
  } catch {
    return -1;
  }
}

/** Starts `cscsim fit` in a child; once the checkpoint reaches `generation`, sends `signal`. */
function runUntil(
  out: string,
  generation: number,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: string | null; err: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      'fit',
      problem,
      ...args,
      '--workers',
      '2',
      '--out',
      out,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => {
    err += String(d);
  });
  const poll = setInterval(() => {
    if (checkpointGeneration(out) >= generation) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 10);
  return new Promise((resolve) =>
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, err });
    }),
  );
}

test('killed mid-run and resumed: posterior.csv identical to an uninterrupted run; SIGINT exits 130 and resumes', async () => {
  const base = mkdtempSync(join(tmpdir(), 'cscsim-fit-resume-'));
  const full = join(base, 'full');
  const ref = await cli('fit', problem, ...args, '--workers', '1', '--out', full);
  assert.equal(ref.code, 0, ref.err);
  const expected = readFileSync(join(full, 'posterior.csv'));

  const killed = join(base, 'killed');
  const k = await runUntil(killed, 2, 'SIGKILL');
  assert.equal(k.signal, 'SIGKILL', k.err);
  assert.ok(!existsSync(join(killed, 'posterior.csv')), 'the run had finished before the kill');
  const at = checkpointGeneration(killed);
  assert.ok(at >= 2 && at < 6, `checkpoint at generation ${at}`);
  const resumed = await cli('fit', '--resume', killed, '--workers', '1');
  assert.equal(resumed.code, 0, resumed.err);
  assert.ok(readFileSync(join(killed, 'posterior.csv')).equals(expected), 'resumed posterior differs');

  const interrupted = join(base, 'interrupted');
  const i = await runUntil(interrupted, 1, 'SIGINT');
  assert.equal(i.code, 130, i.err);
  assert.match(i.err, /interrupted after \d+ complete generation\(s\); continue with --resume/);
  assert.ok(!existsSync(join(interrupted, 'posterior.csv')));
  const again = await cli('fit', '--resume', interrupted, '--workers', '2');
  assert.equal(again.code, 0, again.err);
  assert.ok(
    readFileSync(join(interrupted, 'posterior.csv')).equals(expected),
    'resumed after SIGINT differs',
  );
});
