/** The evaluator on the calling thread (one worker): the reference the threaded one must equal bit for bit. */
import type { ResolvedProblem } from '../problem.js';
import { CandidateWorker } from './candidate.js';
import type { BatchResult, Evaluator, GenerationContext } from './types.js';

export function inlineEvaluator(problem: ResolvedProblem): Evaluator {
  const worker = new CandidateWorker(problem);
  let ctx: GenerationContext | undefined;
  let limit = Number.POSITIVE_INFINITY;
  return {
    workers: 1,
    begin(c) {
      ctx = c;
      limit = Number.POSITIVE_INFINITY;
    },
    async evaluate(from, count): Promise<BatchResult> {
      if (!ctx) throw new Error('evaluate before begin');
      const n = Math.max(0, Math.min(count, limit - from));
      const res = worker.batch(ctx.generation, from, n);
      for (let s = 0; s < n; s++) worker.evaluate(ctx, res, s);
      return res;
    },
    cancelFrom(index) {
      limit = Math.min(limit, index);
    },
    async close() {},
  };
}
