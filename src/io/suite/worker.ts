/** Worker-thread entry of the suite runner: runs the cases it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runCase, type SbmlVersion } from './run-case.js';

export interface CaseRequest {
  readonly dir: string;
  readonly id: string;
  readonly version?: SbmlVersion;
}

parentPort?.on('message', (req: CaseRequest) => {
  parentPort!.postMessage(runCase(req.dir, req.id, req.version));
});
