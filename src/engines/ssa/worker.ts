/** Worker thread for ensembles: recompiles the model value, then runs the chunks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../../model/types.js';
import { toWire } from '../../parallel/workers.js';
import type { Problem } from '../../problem/types.js';
import type { ChunkRequest, WorkerReply } from './ensemble.js';
import { createRunner, type RunSpec } from './runner.js';

interface Init {
  readonly model: Model;
  readonly spec: RunSpec;
  readonly compileModule: string;
}

const port = parentPort;
if (port) {
  const init = workerData as Init;
  const send = (r: WorkerReply, transfer?: ArrayBuffer[]): void => port.postMessage(r, transfer);
  const fail = (e: unknown): void => send({ kind: 'error', ...toWire(e) });
  try {
    const mod = (await import(init.compileModule)) as { compile(m: Model): Problem };
    const runner = createRunner(mod.compile(init.model), init.spec);
    port.on('message', (req: ChunkRequest) => {
      try {
        const out = new Float64Array((req.end - req.start) * runner.size);
        const before = { ...runner.stats };
        for (let i = req.start; i < req.end; i++) runner.run(i, out, (i - req.start) * runner.size);
        const stats = {
          firings: runner.stats.firings - before.firings,
          steps: runner.stats.steps - before.steps,
          rejected: runner.stats.rejected - before.rejected,
        };
        send({ kind: 'result', start: req.start, end: req.end, out, stats }, [out.buffer as ArrayBuffer]);
      } catch (e) {
        fail(e);
      }
    });
  } catch (e) {
    fail(e);
  }
}
