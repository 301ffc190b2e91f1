/**
 * A throwaway Redis for tests: Debian's redis-server on a free loopback port, in a temporary directory,
 * without persistence unless asked (AOF for the restart test), stopped (and its directory removed) by
 * `stop`. `redisOrSkip` says why the tests skip when redis-server is absent, and fails under CI=true.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Process id of the running server. */
  readonly pid: () => number | undefined;
  /** Stops the server (SIGTERM: an AOF is flushed), keeping the directory. */
  halt(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

const BIN = '/usr/bin/redis-server';

/** Undefined when redis-server can run here; else the reason (tests skip, or fail under CI). */
export function redisMissing(): string | undefined {
  const r = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
  if (r.status === 0) return undefined;
  const why = 'redis-server is not installed (apt-get install redis-server): Redis tests skipped';
  if (process.env.CI === 'true') throw new Error(`${why}, but CI=true requires them`);
  return why;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitReady(
  port: number,
  proc: ChildProcess,
  log: () => string,
  password?: string,
): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < 10_000) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited: ${log()}`);
    const auth = password ? ['-a', password, '--no-auth-warning'] : [];
    const r = spawnSync('redis-cli', ['-p', String(port), ...auth, 'ping'], { encoding: 'utf8' });
    if (r.stdout?.trim() === 'PONG') return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}: ${log()}`);
}

export async function startRedis(o: { aof?: boolean; password?: string } = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    o.aof ? 'yes' : 'no',
    '--appendfsync',
    'always',
    '--daemonize',
    'no',
    ...(o.password ? ['--requirepass', o.password] : []),
  ];
  let proc: ChildProcess;
  let out = '';
  const launch = async (): Promise<void> => {
    out = '';
    proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (d: Buffer) => void (out += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => void (out += d.toString()));
    await waitReady(port, proc, () => out, o.password);
  };
  const halt = (): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  await launch();
  const auth = o.password ? `:${encodeURIComponent(o.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    dir,
    pid: () => proc.pid,
    halt,
    restart: launch,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
