/** Errors specific to SBML input: UnsupportedError lives in src/errors.ts (it crosses worker threads). */
export { UnsupportedError } from '../../errors.js';
