/**
 * The engine worker (a module Web Worker): loads and compiles models and runs them with our src/ engines,
 * posting progress and partial ensemble summaries while it works. Runs are synchronous here; the page
 * cancels one by terminating this worker and starting a new one.
 */
import { ProblemCache } from './cache.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { runRequest } from './runs.js';
import { loadSource } from './source.js';

interface WorkerScope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(msg: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
const cache = new ProblemCache();
/** At most this often (ms) a partial ensemble summary is posted. */
const PARTIAL_EVERY = 250;

function post(msg: FromWorker): void {
  scope.postMessage(msg);
}

scope.onmessage = (e) => {
  const msg = e.data;
  const job = msg.job;
  try {
    if (msg.type === 'load') {
      const { info, problem } = loadSource(msg.source);
      cache.put(info.key, problem);
      post({ type: 'model', job, info });
      return;
    }
    const t0 = performance.now();
    let last = t0;
    const result = runRequest(cache, msg.request, {
      onProgress: (done, total) => post({ type: 'progress', job, done, total }),
      partialDue: () => {
        const now = performance.now();
        if (now - last < PARTIAL_EVERY) return false;
        last = now;
        return true;
      },
      onPartial: (result) => post({ type: 'partial', job, result }),
    });
    post({ type: 'done', job, result, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  }
};
