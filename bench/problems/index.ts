/** The benchmark problems, in table order. */
import { hires } from './hires.js';
import { pk2 } from './pk2.js';
import { robertson } from './robertson.js';
import type { BenchProblem } from './types.js';
import { vdp } from './vdp.js';

export type { BenchProblem, Bolus } from './types.js';
export const problems: readonly BenchProblem[] = [robertson, vdp, pk2, hires];
