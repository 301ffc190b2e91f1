import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('no exported function, constant or class of src/ goes unused (scripts/dead-exports.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/dead-exports.mjs'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `unreferenced exports:\n${r.stdout}${r.stderr}`);
});
