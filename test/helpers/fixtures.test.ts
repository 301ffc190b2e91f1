/** The fixture helper: present folders run, missing ones skip and log, or fail under CI. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isCi, sharedFixture } from './fixtures.js';

test('a missing fixture folder is a logged skip on a clone and an error under CI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-fixture-'));
  try {
    const log = join(dir, 'skips.tsv');
    const f = sharedFixture('no-such-fixture-folder', 'demo suite', { CSCSIM_SKIP_LOG: log });
    assert.equal(f.skip, 'fixture folder ../shared/no-such-fixture-folder is absent');
    assert.equal(readFileSync(log, 'utf8'), `demo suite\t${f.skip}\n`);
    assert.throws(
      () => sharedFixture('no-such-fixture-folder', 'demo suite', { CI: 'true' }),
      /demo suite: fixture folder \.\.\/shared\/no-such-fixture-folder is absent, and CI=true requires it/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(isCi({ CI: '1' }), true);
  assert.equal(isCi({ CI: 'false' }), false);
  assert.equal(isCi({}), false);
});
