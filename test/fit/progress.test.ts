/** The progress bar's detail text (generation, epsilon, acceptance, ETA) reaches a terminal, and only a terminal. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressBar } from '../../src/cli/progress.js';

test('progress detail is drawn on a TTY and nowhere else', () => {
  let tty = '';
  const bar = progressBar({ stdout: () => {}, stderr: (s) => void (tty += s), isTTY: true }, 'particles');
  bar.update(50, 100, 'gen 3 eps 0.12 acc 0.210 ETA 4 s');
  bar.done();
  assert.match(tty, /50% 50\/100 particles gen 3 eps 0\.12 acc 0\.210 ETA 4 s/);
  let pipe = '';
  const quiet = progressBar({ stdout: () => {}, stderr: (s) => void (pipe += s), isTTY: false }, 'particles');
  quiet.update(50, 100, 'gen 3');
  quiet.done();
  assert.equal(pipe, '');
});
