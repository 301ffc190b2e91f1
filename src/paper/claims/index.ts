/** The paper's claims C1-C8 in order. */
import { c1 } from './c1.js';
import { c2 } from './c2.js';
import { c3 } from './c3.js';
import { c4 } from './c4.js';
import { c5 } from './c5.js';
import { c6 } from './c6.js';
import { c7 } from './c7.js';
import { c8 } from './c8.js';
import type { Claim } from './types.js';

export type { Claim, ClaimContext, ClaimResult, FigureData, ParamSet } from './types.js';

export const claims: readonly Claim[] = [c1, c2, c3, c4, c5, c6, c7, c8];
