/**
 * Distributed runs on a real Redis (npm run test:redis; CI runs it): `cscsim worker` processes as child
 * processes, coordinators through the CLI, results compared byte for byte with the local run. Faults: a
 * worker killed (SIGKILL, with its sandboxes) mid-run, the coordinator killed and resumed, Redis restarted
 * with AOF mid-run. Skips with a message when redis-server is absent (fails instead under CI=true).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';
import { redisMissing, startRedis, type TestRedis } from '../helpers/redis.js';
import { startWorkers, type WorkerProcess } from '../helpers/workers.js';
import { birthDeath } from '../ssa/models.js';

const missing = redisMissing();
if (missing) console.log(`# ${missing}`);
const opts = { skip: missing ?? false, timeout: 120_000 };
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const LOCK = ['--lock-ms', '1000'];

let dir = '';
let model = '';
/** The ensemble every test runs: 1,000 runs of a birth-death process, in 63 chunks of 16. */
const ens = (): string[] => [
  'simulate',
  model,
  '--t-end',
  '30',
  '--steps',
  '15',
  '--stochastic',
  '--runs',
  '1000',
  '--seed',
  '7',
];
let local = '';

before(async () => {
  if (missing) return;
  dir = mkdtempSync(join(tmpdir(), 'cscsim-dist-'));
  model = join(dir, 'bd.json');
  writeFileSync(model, JSON.stringify(birthDeath(60, 1, 1.02)));
  const r = await cli(...ens(), '--workers', '1');
  assert.equal(r.code, 0, r.err);
  local = r.out;
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function withRedis(
  o: { aof?: boolean; password?: string },
  f: (r: TestRedis, started: WorkerProcess[]) => Promise<void>,
): Promise<void> {
  const redis = await startRedis(o);
  const started: WorkerProcess[] = [];
  try {
    await f(redis, started);
  } finally {
    await Promise.all(started.map((w) => w.stop()));
    await redis.stop();
  }
}

/** A coordinator as a child process; resolves its output, and lets the test wait for progress lines. */
function coordinator(argv: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => void (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => void (err += d.toString()));
  const exit = new Promise<number>((resolve) => proc.once('exit', (c) => resolve(c ?? -1)));
  const itemsDone = (): number =>
    Math.max(0, ...[...err.matchAll(/: (\d+)\/\d+ items/g)].map((m) => Number(m[1])));
  const until = async (cond: () => boolean, what: string): Promise<void> => {
    const t0 = Date.now();
    while (!cond()) {
      if (proc.exitCode !== null) throw new Error(`coordinator exited before ${what}: ${err}`);
      if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { proc, exit, out: () => out, err: () => err, itemsDone, until };
}

test('an ensemble on 1 and on 3 workers (one killed mid-run) has the local bytes', opts, async () => {
  await withRedis({ password: 'pw-secret' }, async (redis, started) => {
    started.push(...(await startWorkers(redis.url, 1, LOCK)));
    const one = await cli(...ens(), '--redis', redis.url);
    assert.equal(one.code, 0, one.err);
    assert.equal(one.out, local);
    assert.ok(!one.err.includes('pw-secret') && one.err.includes('redis://:***@127.0.0.1'), one.err);
    await started.pop()!.stop();
    const three = await startWorkers(redis.url, 3, LOCK);
    started.push(...three);
    const c = coordinator([...ens(), '--redis', redis.url]);
    await c.until(() => c.itemsDone() >= 5, '5 items');
    three[0]!.kill(); // mid-job: items remain queued, so every worker holds one
    assert.equal(await c.exit, 0, c.err());
    assert.equal(c.out(), local);
    for (const w of started) assert.ok(!w.log().includes('pw-secret'));
  });
});

test('cscsim trial b47 --redis --out writes the local outcomes.csv bytes (3 workers)', opts, async () => {
  const base = ['trial', 'b47', '--patients', '40', '--seed', '3'];
  const localOut = join(dir, 'trial-local');
  const r0 = await cli(...base, '--workers', '1', '--out', localOut);
  assert.equal(r0.code, 0, r0.err);
  await withRedis({}, async (redis, started) => {
    started.push(...(await startWorkers(redis.url, 3, LOCK)));
    const out = join(dir, 'trial-redis');
    const r = await cli(...base, '--redis', redis.url, '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.ok(
      readFileSync(join(out, 'outcomes.csv')).equals(readFileSync(join(localOut, 'outcomes.csv'))),
      'outcomes.csv differs',
    );
  });
});

test(
  'a coordinator killed mid-run is resumed with --resume RUNID and gives the same bytes',
  opts,
  async () => {
    await withRedis({}, async (redis, started) => {
      started.push(...(await startWorkers(redis.url, 2, LOCK)));
      const c = coordinator([...ens(), '--redis', redis.url]);
      // Progress is logged at the first result, then every 2 s: kill at the first, while items remain
      // (on an idle machine the whole run takes about a second, and waiting for more can see it finish).
      await c.until(() => c.itemsDone() >= 1, 'the first item');
      c.proc.kill('SIGKILL');
      await c.exit;
      assert.doesNotMatch(c.err(), /: 63\/63 items/, 'the coordinator finished before it was killed');
      const runId = /redis: run (\w+) on/.exec(c.err())?.[1];
      assert.ok(runId, c.err());
      // A resume with other inputs is refused (exit 2), not silently mixed.
      const other = await cli(
        ...ens().map((a) => (a === '7' ? '8' : a)),
        '--redis',
        redis.url,
        '--resume',
        runId,
      );
      assert.equal(other.code, 2, other.err);
      assert.match(other.err, /was started with other inputs/);
      const r = await cli(...ens(), '--redis', redis.url, '--resume', runId);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /\(resumed\)/);
      assert.equal(r.out, local);
    });
  },
);

test('Redis restarted (AOF on) mid-run: the run resumes and gives the same bytes', opts, async () => {
  await withRedis({ aof: true }, async (redis, started) => {
    started.push(...(await startWorkers(redis.url, 2, LOCK)));
    const c = coordinator([...ens(), '--redis', redis.url]);
    await c.until(() => c.itemsDone() >= 3, '3 items');
    await redis.halt();
    await new Promise((r) => setTimeout(r, 1000));
    await redis.restart();
    assert.equal(await c.exit, 0, c.err());
    assert.equal(c.out(), local);
  });
});

const SUITE = fileURLToPath(new URL('../../../shared/sbml-test-suite/semantic', import.meta.url));

test('sbml-suite --redis reads case files only under a worker --allow DIR, with the local results', {
  ...opts,
  skip: opts.skip || (!existsSync(SUITE) && 'no ../shared/sbml-test-suite'),
}, async () => {
  const args = ['sbml-suite', '--cases', SUITE, '--filter', '00001-00012', '--json'];
  const localRun = await cli(...args, '--jobs', '1');
  await withRedis({}, async (redis, started) => {
    started.push(...(await startWorkers(redis.url, 1, LOCK)));
    const refused = await cli(...args, '--redis', redis.url);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /outside the worker's --allow directories/);
    await started.pop()!.stop();
    started.push(...(await startWorkers(redis.url, 2, [...LOCK, '--allow', SUITE])));
    const r = await cli(...args, '--redis', redis.url);
    assert.equal(r.code, localRun.code, r.err);
    assert.equal(r.out, localRun.out);
  });
});
