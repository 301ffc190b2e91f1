/** Worker thread of the corpus run: checks the models it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { checkModel } from './check-model.js';

parentPort?.on(
  'message',
  (req: { id: string; file: string; rtol: number; atol: number; scaleAtol: boolean }) => {
    parentPort!.postMessage(checkModel(req.id, req.file, req));
  },
);
