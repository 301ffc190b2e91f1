#!/usr/bin/env node
// The long fuzz suite: test/fuzz/ with 10,000 cases per reader (CSCSIM_FUZZ_RUNS) and a fresh seed,
// printed so that a failure can be reproduced: CSCSIM_FUZZ_SEED=<seed> npm run test:fuzz.
import { spawnSync } from 'node:child_process';

const seed = process.env.CSCSIM_FUZZ_SEED ?? String(Date.now() % 2 ** 31);
const runs = process.env.CSCSIM_FUZZ_RUNS ?? '10000';
console.log(
  `test:fuzz: seed ${seed}, ${runs} cases per reader (reproduce: CSCSIM_FUZZ_SEED=${seed} npm run test:fuzz)`,
);
const r = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/fuzz/', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CSCSIM_FUZZ_SEED: seed, CSCSIM_FUZZ_RUNS: runs },
});
if (r.status !== 0) console.log(`test:fuzz: failed with seed ${seed}`);
process.exit(r.status ?? 1);
