/** `cscsim worker` as real child processes (each its own process group, so a kill takes its sandboxes too). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface WorkerProcess {
  readonly proc: ChildProcess;
  log(): string;
  /** SIGKILL to the whole process group (the worker and its sandboxed children): a machine dying. */
  kill(): void;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function startWorkers(url: string, n: number, extra: string[] = []): Promise<WorkerProcess[]> {
  const ws: WorkerProcess[] = [];
  for (let k = 0; k < n; k++) {
    const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--redis', url, ...extra], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    ws.push({
      proc,
      log: () => err,
      kill: () => {
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {}
      },
      stop: async () => {
        if (proc.exitCode === null && proc.signalCode === null) {
          try {
            process.kill(-proc.pid!, 'SIGTERM');
          } catch {}
          const t = setTimeout(() => {
            try {
              process.kill(-proc.pid!, 'SIGKILL');
            } catch {}
          }, 5000);
          await exited;
          clearTimeout(t);
        }
      },
    });
  }
  // Ready once each says it serves the queue.
  const t0 = Date.now();
  while (!ws.every((w) => w.log().includes('serving queue'))) {
    if (Date.now() - t0 > 20_000)
      throw new Error(`workers did not start: ${ws.map((w) => w.log()).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return ws;
}
