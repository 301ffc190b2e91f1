export * as distributions from './distributions.js';
export { philox4x32 } from './philox.js';
export { type Rng, stream } from './rng.js';
export { erfc, incompleteGamma, logFactorial, logGamma, normalCdf, normalQuantile } from './special.js';
export * as truncated from './truncated.js';
