import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

test('cscsim --version prints the version in package.json (in-process, through tsx, from dist/)', async () => {
  const r = await cli('--version');
  assert.equal(r.code, 0);
  assert.equal(r.out, `cscsim ${pkg.version}\n`);
  const tsx = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--version'], {
    encoding: 'utf8',
  });
  assert.equal(tsx.stdout, `cscsim ${pkg.version}\n`, tsx.stderr);
  if (existsSync('dist/cli/main.js')) {
    const built = spawnSync(process.execPath, ['dist/cli/main.js', '--version'], { encoding: 'utf8' });
    assert.equal(built.stdout, `cscsim ${pkg.version}\n`, built.stderr);
  }
});
