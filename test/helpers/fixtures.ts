/**
 * Fixture folders outside the repository (../shared: the SBML Test Suite, DSMTS, R's survival output...).
 * Every test that reads one asks here. Missing on a developer's clone: the suite is skipped and the reason
 * is logged for scripts/run-tests.mjs, which prints every skipped suite once at the end. Missing with CI
 * set (.ci/run sets CI=true): the test file fails, so a CI run never passes by skipping its fixtures.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Fixture {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** False when present; else the reason, for node:test's `skip` option. */
  readonly skip: string | false;
}

/** True when the environment says this is a CI run (CI=true or CI=1, as CI services set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').toLowerCase();
  return v === 'true' || v === '1';
}

/**
 * The fixture folder `../shared/<path>`, for the suite named `suite`. Throws (failing the file) when it is
 * missing under CI; otherwise logs the skip (to $CSCSIM_SKIP_LOG when run-tests.mjs set it).
 */
export function sharedFixture(path: string, suite: string, env: NodeJS.ProcessEnv = process.env): Fixture {
  const dir = join(ROOT, '..', 'shared', path);
  if (existsSync(dir)) return { dir, skip: false };
  const reason = `fixture folder ../shared/${path} is absent`;
  if (isCi(env)) throw new Error(`${suite}: ${reason}, and CI=${env.CI} requires it`);
  const log = env.CSCSIM_SKIP_LOG;
  if (log) appendFileSync(log, `${suite}\t${reason}\n`);
  return { dir, skip: reason };
}
