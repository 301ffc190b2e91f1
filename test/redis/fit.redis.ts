/**
 * ABC-SMC on a real Redis (npm run test:redis): candidate batches as `abc-batch` jobs on 2 `cscsim worker`
 * processes give the local run's posterior.csv bytes (a candidate is a function of its index alone).
 * Skips with a message when redis-server is absent (fails instead under CI=true).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';
import { redisMissing, startRedis } from '../helpers/redis.js';
import { startWorkers } from '../helpers/workers.js';

const missing = redisMissing();
if (missing) console.log(`# ${missing}`);
const PROBLEM = fileURLToPath(new URL('../fit/problems/poisson-geometric.yaml', import.meta.url));
const args = (out: string) => [
  'fit',
  PROBLEM,
  '--particles',
  '300',
  '--max-generations',
  '3',
  '--seed',
  '5',
  '--out',
  out,
];

test('cscsim fit --redis: 2 workers give the local posterior.csv bytes', {
  skip: missing ?? false,
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-fit-redis-'));
  const redis = await startRedis();
  const ws = await startWorkers(redis.url, 2);
  try {
    const local = await cli(...args(join(dir, 'local')), '--workers', '1');
    assert.equal(local.code, 0, local.err);
    const queued = await cli(...args(join(dir, 'queued')), '--redis', redis.url, '--workers', '3');
    assert.equal(queued.code, 0, queued.err);
    assert.match(queued.err, /on the queue \(3 batches in flight\)/);
    const csv = (d: string) => readFileSync(join(dir, d, 'posterior.csv'), 'utf8');
    assert.ok(csv('local').split('\n').length > 300);
    assert.equal(csv('queued'), csv('local'));
    const bad = await cli('fit', PROBLEM, '--method', 'multistart', '--redis', redis.url);
    assert.equal(bad.code, 2);
  } finally {
    await Promise.all(ws.map((w) => w.stop()));
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
