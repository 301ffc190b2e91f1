/** Worker thread of an ensemble: compiles the model value once, then runs the chunks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Chunk, ChunkResult } from '../engines/ssa/ensemble.js';
import { chunkRunner, type EnsembleContext } from './ensemble.js';
import { servePool } from './workers.js';

if (parentPort) {
  let run: ((c: Chunk) => ChunkResult) | undefined;
  servePool(
    parentPort,
    (c: Chunk) => {
      run ??= chunkRunner(workerData as EnsembleContext);
      return run(c);
    },
    (r) => [r.out.buffer as ArrayBuffer],
  );
}
