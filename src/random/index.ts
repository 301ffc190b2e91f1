export { philox4x32 } from './philox.js';
export { type Rng, stream } from './rng.js';
export { logFactorial, logGamma } from './special.js';
