/**
 * The page's handle on the engine worker: one job at a time, promises for results, progress and partial
 * callbacks, and `cancel()`, which terminates the worker (a synchronous run cannot be interrupted from
 * inside) and starts a fresh one.
 */
import type { FromWorker, ModelInfo, ModelSource, ResultSet, RunRequest, ToWorker } from './protocol.js';

export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}

export interface RunHooks {
  readonly onProgress?: (done: number, total: number) => void;
  readonly onPartial?: (result: ResultSet) => void;
}

/** A request without its job number (distributes over the union). */
type Request = ToWorker extends infer T ? (T extends ToWorker ? Omit<T, 'job'> : never) : never;

interface Pending {
  readonly job: number;
  readonly resolve: (msg: FromWorker) => void;
  readonly reject: (e: Error) => void;
  readonly hooks: RunHooks;
}

export class EngineClient {
  private worker: Worker;
  private job = 0;
  private pending: Pending | null = null;

  constructor(private readonly spawn: () => Worker) {
    this.worker = this.start();
  }

  private start(): Worker {
    const w = this.spawn();
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(new Error(`engine worker: ${e.message || 'failed to start'}`));
    };
    return w;
  }

  private receive(msg: FromWorker): void {
    const p = this.pending;
    if (!p || msg.job !== p.job) return;
    if (msg.type === 'progress') p.hooks.onProgress?.(msg.done, msg.total);
    else if (msg.type === 'partial') p.hooks.onPartial?.(msg.result);
    else {
      this.pending = null;
      if (msg.type === 'error') p.reject(new Error(msg.message));
      else p.resolve(msg);
    }
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  /** True while a job is running. */
  get busy(): boolean {
    return this.pending !== null;
  }

  private send(msg: Request, hooks: RunHooks = {}): Promise<FromWorker> {
    if (this.pending) this.cancel();
    const job = ++this.job;
    return new Promise((resolve, reject) => {
      this.pending = { job, resolve, reject, hooks };
      this.worker.postMessage({ ...msg, job } as ToWorker);
    });
  }

  async load(source: ModelSource): Promise<ModelInfo> {
    const msg = await this.send({ type: 'load', source });
    if (msg.type !== 'model') throw new Error(`engine worker: unexpected reply '${msg.type}'`);
    return msg.info;
  }

  async run(request: RunRequest, hooks: RunHooks = {}): Promise<{ result: ResultSet; ms: number }> {
    const msg = await this.send({ type: 'run', request }, hooks);
    if (msg.type !== 'done') throw new Error(`engine worker: unexpected reply '${msg.type}'`);
    return { result: msg.result, ms: msg.ms };
  }

  /** Stops the running job (its promise rejects with Cancelled) and starts a fresh worker. */
  cancel(): void {
    this.worker.terminate();
    this.fail(new Cancelled());
    this.worker = this.start();
  }
}
